import { describe, expect, it } from 'vitest';
import {
  earnedLoadIncrease,
  exerciseHistory,
  exerciseKey,
  heldWeeks,
  holdLoad,
  lighterAfterBreak,
  liftingWeekFromLog,
  loggedWeeks,
  restartWeeks,
  workingLoad,
  nextTarget,
  stayedInRange,
  stepLoad,
  wasTooHard,
} from '../../../src/core/log';
import type { ExerciseLog, LogEntry, WeekRecord } from '../../../src/core/log';
import { toKilograms } from '../../../src/core/units';

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

describe('nextTarget, more of SPEC §6b', () => {
  it('repeats the same load and reps after one session at RPE 9, and steps down after a second', () => {
    const once = [log([8, 8, 8], 60, 9, '2027-03-02')];
    const twice = [...once, log([8, 8, 8], 60, 9, '2027-03-09')];

    expect(nextTarget('Back squat', once, RANGE, 'barbell')).toMatchObject({
      change: 'repeat',
      kg: 60,
      reps: 8,
    });
    expect(nextTarget('Back squat', twice, RANGE, 'barbell')).toMatchObject({
      change: 'load-down',
      kg: 57.5,
      reps: 6,
    });
  });

  it('repeats after a set below the range, naming the set in its reason', () => {
    const target = nextTarget('Goblet squat', [log([7, 6, 5], 20, 7)], RANGE, 'dumbbell');

    expect(target).toMatchObject({ change: 'repeat', kg: 20, reps: 7 });
    expect(target?.why).toBe('a set fell below 6 reps last time: the same again');
  });

  it('steps down when a set below the range follows an RPE 9 session', () => {
    const history = [log([8, 8, 8], 16, 9, '2027-03-02'), log([6, 6, 4], 16, 7, '2027-03-09')];

    expect(nextTarget('Goblet squat', history, RANGE, 'dumbbell')).toMatchObject({
      change: 'load-down',
      kg: 14,
    });
  });

  it('only steps down for two hard sessions in a row, not with a good one between', () => {
    const history = [
      log([8, 8, 8], 20, 9, '2027-03-02'),
      log([7, 7, 7], 20, 7, '2027-03-09'),
      log([8, 8, 8], 20, 9, '2027-03-16'),
    ];

    expect(nextTarget('Goblet squat', history, RANGE, 'dumbbell')).toMatchObject({
      change: 'repeat',
      kg: 20,
    });
  });

  it('repeats at the lightest dumbbell when there is no step down', () => {
    const history = [log([8, 8, 8], 1, 9, '2027-03-02'), log([8, 8, 8], 1, 9, '2027-03-09')];

    expect(nextTarget('Goblet squat', history, RANGE, 'dumbbell')).toMatchObject({
      change: 'repeat',
      kg: 1,
    });
  });

  it('holds at the heaviest dumbbell, with nothing to step up to', () => {
    expect(nextTarget('Goblet squat', [log([8, 8, 8], 50, 7)], RANGE, 'dumbbell')).toMatchObject({
      change: 'hold',
      kg: 50,
      reps: 8,
    });
  });

  it('steps a runner on pounds to the next pound dumbbell, stored as kilograms', () => {
    const history = [log([8, 8, 8], toKilograms(45, 'lb'), 7)];

    expect(nextTarget('Goblet squat', history, RANGE, 'dumbbell', 'lb')).toMatchObject({
      change: 'load-up',
      kg: toKilograms(50, 'lb'),
      reps: 6,
    });
  });

  it('aims one rep above the weakest set, within the range', () => {
    expect(
      nextTarget('Step-up', [log([11, 10, 9], 8, 7)], { low: 8, high: 12 }, 'dumbbell'),
    ).toMatchObject({
      change: 'one-more-rep',
      kg: 8,
      reps: 10,
    });
  });

  it('uses the heaviest set as the working load (lighter sets were ramp-ups)', () => {
    const rampUp: ExerciseLog = {
      date: '2027-03-02',
      sessionId: 's1',
      rpe: 7,
      sets: [
        { reps: 8, kg: 40 },
        { reps: 8, kg: 60 },
        { reps: 8, kg: 60 },
      ],
    };

    expect(workingLoad(rampUp)).toBe(60);
    expect(nextTarget('Back squat', [rampUp], RANGE, 'barbell')?.kg).toBe(62.5);
  });
});

describe('holdLoad', () => {
  const history = [log([8, 8, 8], 20, 7)];
  const earned = nextTarget('Goblet squat', history, RANGE, 'dumbbell')!;

  it('keeps a step up earned in the log waiting at the last load', () => {
    expect(holdLoad(earned, history, RANGE, 'deload week')).toEqual({
      name: 'Goblet squat',
      change: 'hold',
      reps: 8,
      kg: 20,
      why: 'deload week',
    });
  });

  it('lets a step down through: the safer choice wins', () => {
    const hard = [log([8, 8, 8], 20, 9, '2027-03-02'), log([8, 8, 8], 20, 9, '2027-03-09')];
    const down = nextTarget('Goblet squat', hard, RANGE, 'dumbbell')!;

    expect(holdLoad(down, hard, RANGE, 'deload week')).toBe(down);
  });

  it('starts from the bottom of the range after a break', () => {
    const inRange = [log([7, 7, 7], 20, 7)];
    const target = nextTarget('Goblet squat', inRange, RANGE, 'dumbbell')!;

    expect(holdLoad(target, inRange, RANGE, 'back after time off', true)).toMatchObject({
      change: 'one-more-rep',
      kg: 20,
      reps: 6,
      why: 'back after time off',
    });
  });
});

describe('lighterAfterBreak', () => {
  it('comes back one step lighter when the last session was too hard', () => {
    const hard = [log([8, 8, 8], 20, 9)];
    const target = holdLoad(
      nextTarget('Goblet squat', hard, RANGE, 'dumbbell')!,
      hard,
      RANGE,
      'back after time off',
      true,
    );

    expect(lighterAfterBreak(target, 'dumbbell', 'kg')).toMatchObject({
      change: 'load-down',
      kg: 18,
      reps: 6,
      why: expect.stringMatching(/one step lighter/),
    });
  });

  it('keeps the last weight when the last session went well', () => {
    const fine = [log([7, 7, 7], 20, 7)];
    const target = holdLoad(
      nextTarget('Goblet squat', fine, RANGE, 'dumbbell')!,
      fine,
      RANGE,
      'back after time off',
      true,
    );

    expect(lighterAfterBreak(target, 'dumbbell', 'kg')).toBe(target);
  });
});

describe('exerciseKey', () => {
  it('ignores case and spacing, so a name typed by hand finds its history', () => {
    expect(exerciseKey('  Goblet   SQUAT ')).toBe('goblet squat');
  });
});

describe('exerciseHistory, the sets left out', () => {
  it('skips exercises logged with no sets', () => {
    const entries: LogEntry[] = [
      {
        sessionId: 'a',
        date: '2027-03-02',
        status: 'partly',
        exercises: [{ name: 'Plank', sets: [] }],
      },
    ];

    expect(exerciseHistory(entries).size).toBe(0);
  });
});

const weeks = (records: Record<string, WeekRecord>) => new Map(Object.entries(records));

describe('heldWeeks', () => {
  it('lists the weeks with nothing done, oldest first', () => {
    expect(
      heldWeeks(
        weeks({
          '2027-03-15': 'nothing-done',
          '2027-03-01': 'nothing-done',
          '2027-03-08': 'trained',
        }),
      ),
    ).toEqual(['2027-03-01', '2027-03-15']);
  });
});

describe('restartWeeks', () => {
  it('restarts the week after two weeks in a row with nothing done', () => {
    expect(
      restartWeeks(weeks({ '2027-03-01': 'nothing-done', '2027-03-08': 'nothing-done' })),
    ).toEqual(['2027-03-15']);
  });

  it('does not restart after one empty week, or two with a trained week between', () => {
    expect(restartWeeks(weeks({ '2027-03-01': 'nothing-done' }))).toEqual([]);
    expect(
      restartWeeks(
        weeks({
          '2027-03-01': 'nothing-done',
          '2027-03-08': 'trained',
          '2027-03-15': 'nothing-done',
        }),
      ),
    ).toEqual([]);
  });

  it('does not count an unlogged week as empty: it is taken as planned', () => {
    expect(
      restartWeeks(weeks({ '2027-03-01': 'nothing-done', '2027-03-15': 'nothing-done' })),
    ).toEqual([]);
  });

  it('gives a restart after each further empty week (the latest wins)', () => {
    expect(
      restartWeeks(
        weeks({
          '2027-03-01': 'nothing-done',
          '2027-03-08': 'nothing-done',
          '2027-03-15': 'nothing-done',
        }),
      ),
    ).toEqual(['2027-03-15', '2027-03-22']);
  });
});

describe('liftingWeekFromLog', () => {
  it('counts weeks from the first trained week', () => {
    expect(liftingWeekFromLog('2027-03-15', weeks({ '2027-03-01': 'trained' }))).toBe(2);
  });

  it('leaves out weeks with nothing done, which taught no movement', () => {
    expect(
      liftingWeekFromLog(
        '2027-03-22',
        weeks({ '2027-03-01': 'trained', '2027-03-08': 'nothing-done' }),
      ),
    ).toBe(2);
  });

  it('says nothing before the runner has trained', () => {
    expect(liftingWeekFromLog('2027-03-15', weeks({ '2027-03-08': 'nothing-done' }))).toBe(
      undefined,
    );
    expect(liftingWeekFromLog('2027-03-01', weeks({ '2027-03-08': 'trained' }))).toBe(undefined);
  });
});

describe('stepLoad for a runner on pounds', () => {
  it.each([
    [45, 'dumbbell', 1, 50],
    [45, 'dumbbell', -1, 40],
    [35, 'kettlebell', 1, 40],
    [135, 'barbell', 1, 140],
  ] as const)('%s lb on a %s, %s step → %s lb', (lb, implement, direction, want) => {
    expect(stepLoad(toKilograms(lb, 'lb'), implement, direction, 'lb')).toBe(
      toKilograms(want, 'lb'),
    );
  });
});
