import { describe, expect, it } from 'vitest';
import {
  earnedLoadIncrease,
  exerciseHistory,
  loggedWeeks,
  nextTarget,
  stayedInRange,
  stepLoad,
  wasTooHard,
} from '../../../src/core/log';
import type { ExerciseLog, LogEntry } from '../../../src/core/log';

const RANGE = { low: 6, high: 8 };
const log = (
  reps: number[],
  kg: number | undefined,
  rpe?: number,
  date = '2027-03-02',
): ExerciseLog => ({
  date,
  sessionId: `s-${date}`,
  sets: reps.map((r) => (kg === undefined ? { reps: r } : { reps: r, kg })),
  ...(rpe === undefined ? {} : { rpe }),
});

describe('the rules of SPEC §6b', () => {
  it('rule 1: every set at the top and RPE ≤ 8 earns the next load', () => {
    expect(earnedLoadIncrease(log([8, 8, 8], 20, 8), RANGE)).toBe(true);
    expect(earnedLoadIncrease(log([8, 8, 7], 20, 7), RANGE)).toBe(false);
    expect(earnedLoadIncrease(log([8, 8, 8], 20, 9), RANGE)).toBe(false);
  });

  it('rule 2: sets within the range keep the load', () => {
    expect(stayedInRange(log([7, 6, 6], 20, 7), RANGE)).toBe(true);
  });

  it('rule 3: a set below the range, or RPE ≥ 9, was too hard', () => {
    expect(wasTooHard(log([8, 7, 5], 20, 7), RANGE)).toBe(true);
    expect(wasTooHard(log([8, 8, 8], 20, 9), RANGE)).toBe(true);
    expect(wasTooHard(log([6, 6, 6], 20), RANGE)).toBe(false);
  });
});

describe('nextTarget', () => {
  it('goes up a dumbbell and back to the bottom of the range', () => {
    expect(nextTarget('Goblet squat', [log([8, 8, 8], 20, 7)], RANGE, 'dumbbell')).toMatchObject({
      change: 'load-up',
      kg: 22.5,
      reps: 6,
    });
  });

  it('adds 2.5 kg on a bar', () => {
    expect(nextTarget('Back squat', [log([8, 8, 8], 60, 8)], RANGE, 'barbell')?.kg).toBe(62.5);
  });

  it('aims for one more rep at the same load within the range', () => {
    expect(nextTarget('Goblet squat', [log([7, 6, 6], 20, 7)], RANGE, 'dumbbell')).toMatchObject({
      change: 'one-more-rep',
      kg: 20,
      reps: 7,
    });
  });

  it('repeats after a hard session, and steps down after two in a row', () => {
    const once = [log([8, 8, 8], 20, 7, '2027-03-02'), log([8, 7, 5], 20, 7, '2027-03-09')];
    const twice = [...once, log([8, 8, 8], 20, 9, '2027-03-16')];

    expect(nextTarget('Goblet squat', once, RANGE, 'dumbbell')).toMatchObject({
      change: 'repeat',
      kg: 20,
      reps: 8,
    });
    expect(nextTarget('Goblet squat', twice, RANGE, 'dumbbell')).toMatchObject({
      change: 'load-down',
      kg: 18,
      reps: 6,
    });
  });

  it('gives no weight to a bodyweight exercise: the harder step, reps back to the bottom', () => {
    const target = nextTarget(
      'Glute bridge',
      [log([12, 12], undefined, 6)],
      { low: 8, high: 12 },
      'none',
    );

    expect(target).toMatchObject({ change: 'load-up', reps: 8 });
    expect(target?.kg).toBeUndefined();
    expect(target?.why).toMatch(/harder step/);
  });

  it('has no target for an exercise never logged', () => {
    expect(nextTarget('Goblet squat', [], RANGE, 'dumbbell')).toBeUndefined();
  });
});

describe('exerciseHistory', () => {
  const entries: LogEntry[] = [
    {
      sessionId: 'b',
      date: '2027-03-09',
      status: 'partly',
      rpe: 8,
      exercises: [{ name: 'Back squat', sets: [{ reps: 6, kg: 60 }] }],
    },
    {
      sessionId: 'a',
      date: '2027-03-02',
      status: 'done',
      exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: 20 }] }],
    },
    { sessionId: 'c', date: '2027-03-16', status: 'skipped' },
  ];

  it('follows the exercise actually done, by name, oldest first, skipped sessions left out', () => {
    const history = exerciseHistory(entries);

    expect([...history.keys()].sort()).toEqual(['back squat', 'goblet squat']);
    expect(history.get('back squat')![0]).toMatchObject({ sessionId: 'b', rpe: 8 });
  });

  it('keeps what was done in a session that was later moved or deleted', () => {
    // The log is keyed by what was done, not by where the session is now.
    expect(
      exerciseHistory(entries.filter((e) => e.sessionId !== 'zzz')).get('goblet squat'),
    ).toHaveLength(1);
  });
});

describe('stepLoad', () => {
  it.each([
    [20, 'dumbbell', 1, 22.5],
    [10, 'dumbbell', 1, 12],
    [12, 'dumbbell', -1, 10],
    [16, 'kettlebell', 1, 20],
    [60, 'barbell', -1, 57.5],
    [1, 'dumbbell', -1, 1],
    [30, 'none', 1, 30],
  ] as const)('%s kg on a %s, %s step → %s kg', (kg, implement, direction, want) => {
    expect(stepLoad(kg, implement, direction)).toBe(want);
  });
});

describe('loggedWeeks', () => {
  it('marks a week trained when any session was done or partly done, and nothing-done otherwise', () => {
    const entries: LogEntry[] = [
      { sessionId: 'a', date: '2027-03-02', status: 'skipped' },
      { sessionId: 'b', date: '2027-03-04', status: 'partly' },
      { sessionId: 'c', date: '2027-03-09', status: 'skipped' },
      { sessionId: 'd', date: '2027-03-11', status: 'skipped' },
    ];

    expect(Object.fromEntries(loggedWeeks(entries, 1))).toEqual({
      '2027-03-01': 'trained',
      '2027-03-08': 'nothing-done',
    });
  });
});
