import { describe, expect, it } from 'vitest';
import { parseTrainingLog, TrainingLogError } from '../../../src/core/log';

const ENTRY = {
  sessionId: 's20270302-1',
  date: '2027-03-02',
  status: 'done',
  rpe: 7,
  exercises: [
    {
      name: 'Goblet squat',
      sets: [
        { reps: 8, kg: 20 },
        { reps: 8, kg: 20 },
      ],
    },
  ],
};

describe('parseTrainingLog', () => {
  it('reads SPEC §6b’s example', () => {
    expect(parseTrainingLog({ version: 1, entries: [ENTRY] }).entries).toEqual([ENTRY]);
  });

  it('takes a done session with only an RPE, and a skipped one with neither', () => {
    const log = parseTrainingLog({
      version: 1,
      entries: [
        { sessionId: 'a', date: '2027-03-04', status: 'done', rpe: 6 },
        { sessionId: 'b', date: '2027-03-02', status: 'skipped' },
      ],
    });

    expect(log.entries.map((e) => e.sessionId)).toEqual(['b', 'a']);
  });

  it('keeps the last entry when a session is logged twice', () => {
    const log = parseTrainingLog({
      version: 1,
      entries: [ENTRY, { ...ENTRY, rpe: 9 }],
    });

    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]!.rpe).toBe(9);
  });

  it.each([
    [{ version: 2, entries: [] }, /version/],
    [
      { version: 1, entries: [{ ...ENTRY, mood: 'great' }] },
      /entry 1\): entries\[0\]: Unrecognized key: "mood"/,
    ],
    [
      { version: 1, entries: [ENTRY, { ...ENTRY, date: '2 March' }] },
      /entry 2\): entries\[1\]\.date: expected a date/,
    ],
    [{ version: 1, entries: [{ ...ENTRY, rpe: 11 }] }, /entries\[0\]\.rpe/],
    [
      {
        version: 1,
        entries: [{ ...ENTRY, exercises: [{ name: 'Squat', sets: [{ reps: 8, kg: '20' }] }] }],
      },
      /entries\[0\]\.exercises\[0\]\.sets\[0\]\.kg/,
    ],
    [
      { version: 1, entries: [{ sessionId: 'x', date: '2027-03-02', status: 'skipped', rpe: 3 }] },
      /skipped session has no rpe/,
    ],
    [{ version: 1, entries: [{ ...ENTRY, status: 'maybe' }] }, /entries\[0\]\.status/],
    [
      {
        version: 1,
        entries: [{ ...ENTRY, exercises: [{ name: 'Squat', sets: [{ reps: 8, kg: -5 }] }] }],
      },
      'entries[0].exercises[0].sets[0].kg: a weight cannot be negative (got -5)',
    ],
  ])('refuses %j, naming the field', (raw, message) => {
    expect(() => parseTrainingLog(raw)).toThrow(TrainingLogError);
    expect(() => parseTrainingLog(raw)).toThrow(message);
  });
});
