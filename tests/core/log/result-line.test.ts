import { describe, expect, it } from 'vitest';
import { formatResultLine, resultLines, withResultLine } from '../../../src/core/log';
import type { LogEntry } from '../../../src/core/log';
import { toKilograms } from '../../../src/core/units';

const done: LogEntry = {
  sessionId: 's20270301-1',
  date: '2027-03-02',
  status: 'done',
  rpe: 7,
  exercises: [
    {
      name: 'Goblet squat',
      sets: [
        { reps: 8, kg: 20 },
        { reps: 8, kg: 20 },
        { reps: 8, kg: 20 },
      ],
    },
  ],
};

const PLANNED = 'Goblet squat — 3 × 6–8, rest 90 s — chest up, hips back and down';

describe('formatResultLine', () => {
  it('says a done session with its effort and sets', () => {
    expect(formatResultLine(done, 'kg')).toBe('Done · RPE 7 · goblet squat 3 × 8 @ 20 kg');
  });

  it('says a partly done session, with uneven reps and loads, and no weight for bodyweight', () => {
    const partly: LogEntry = {
      sessionId: 's2',
      date: '2027-03-04',
      status: 'partly',
      rpe: 9,
      exercises: [
        {
          name: 'Romanian deadlift',
          sets: [
            { reps: 8, kg: 20 },
            { reps: 6, kg: 22.5 },
          ],
        },
        {
          name: 'Step-up',
          sets: [
            { reps: 10, kg: 8 },
            { reps: 9, kg: 8 },
          ],
        },
        { name: 'Glute bridge', sets: [{ reps: 12 }, { reps: 12 }] },
        { name: 'Plank', sets: [] },
      ],
    };

    expect(formatResultLine(partly, 'kg')).toBe(
      'Partly done · RPE 9 · Romanian deadlift 8 @ 20 kg, 6 @ 22.5 kg · step-up 10, 9 @ 8 kg · glute bridge 2 × 12',
    );
  });

  it('says a skipped session in one word', () => {
    expect(formatResultLine({ sessionId: 's3', date: '2027-03-09', status: 'skipped' }, 'kg')).toBe(
      'Skipped',
    );
  });

  it('shows what a runner on pounds typed, in pounds', () => {
    const pounds: LogEntry = {
      ...done,
      exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: toKilograms(45, 'lb') }] }],
    };

    expect(formatResultLine(pounds, 'lb')).toBe('Done · RPE 7 · goblet squat 1 × 8 @ 45 lb');
    expect(formatResultLine(done, 'lb')).toBe('Done · RPE 7 · goblet squat 3 × 8 @ 45 lb');
  });
});

describe('resultLines', () => {
  it('gives each logged session its line, the last entry of a session winning', () => {
    const edited: LogEntry = { ...done, rpe: 8 };
    const lines = resultLines(
      [done, edited, { sessionId: 's9', date: '2027-03-09', status: 'skipped' }],
      'kg',
    );

    expect(Object.fromEntries(lines)).toEqual({
      's20270301-1': 'Done · RPE 8 · goblet squat 3 × 8 @ 20 kg',
      s9: 'Skipped',
    });
  });
});

describe('withResultLine', () => {
  it('puts the line above the planned description', () => {
    expect(withResultLine(PLANNED, 'Done · RPE 7')).toBe(`Done · RPE 7\n\n${PLANNED}`);
  });

  it('leaves a session with no line as planned', () => {
    expect(withResultLine(PLANNED, undefined)).toBe(PLANNED);
  });

  it('replaces the line already written rather than adding a second', () => {
    const written = withResultLine(PLANNED, 'Partly done · RPE 9 · goblet squat 8, 6 @ 20 kg');

    const patched = withResultLine(written, 'Done · RPE 7 · goblet squat 3 × 8 @ 20 kg');

    expect(patched).toBe(`Done · RPE 7 · goblet squat 3 × 8 @ 20 kg\n\n${PLANNED}`);
    expect(withResultLine(patched, 'Done · RPE 7 · goblet squat 3 × 8 @ 20 kg')).toBe(patched);
  });

  it('replaces a one-word line and one read back with CRLF line ends', () => {
    expect(withResultLine(`Skipped\r\n\r\n${PLANNED}`, 'Done')).toBe(`Done\n\n${PLANNED}`);
  });

  it('removes a stale line when the session no longer has one', () => {
    expect(withResultLine(`Skipped\n\n${PLANNED}`, undefined)).toBe(PLANNED);
  });

  it('keeps a planned description that only starts like a status word', () => {
    const text = 'Done right, this session takes 40 min';

    expect(withResultLine(text, 'Skipped')).toBe(`Skipped\n\n${text}`);
  });

  it('is the line alone when there is no planned description', () => {
    expect(withResultLine('', 'Done · RPE 6')).toBe('Done · RPE 6');
  });
});
