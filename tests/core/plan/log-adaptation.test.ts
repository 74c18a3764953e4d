import { describe, expect, it } from 'vitest';
import type { ClassifiedEvent } from '../../../src/core/classify-calendar';
import type { Prescription } from '../../../src/core/exercises';
import type { LogEntry, LoggedExercise } from '../../../src/core/log';
import { exerciseHistory } from '../../../src/core/log';
import { planWeeks } from '../../../src/core/plan';
import {
  blockReasons,
  exerciseTargetFor,
  loadHoldFor,
  loadImplementOf,
  NO_LOG,
  readLog,
  repRangeOf,
  sessionTargets,
  stepShownSinceFor,
} from '../../../src/core/plan/log-adaptation';
import type { PreferencesInput } from '../../../src/core/prefs';
import { DEFAULT_TEXT_STYLE } from '../../../src/core/text-style';
import { addDays } from '../../../src/core/time';
import { toKilograms } from '../../../src/core/units';
import { makePrefs, makeRun } from '../../helpers/factories';

// With `phase: 'base'` set by hand, blocks follow the fixed grid: 1 Mar 2027 is week 2 of a block
// that began 22 Feb, 15 Mar its deload, 22 Mar week 1 of the next.
const BASE = { phase: 'base' } as const;
const races = [] as const;

function hardDays(firstWeek: string, weeks: number): ClassifiedEvent[] {
  const events: ClassifiedEvent[] = [];
  for (let w = 0; w < weeks; w++) {
    const monday = addDays(firstWeek, 7 * w);
    events.push(
      makeRun('intervals', { date: addDays(monday, 1), at: '06:30' }),
      makeRun('tempo', { date: addDays(monday, 3), at: '06:30' }),
    );
  }
  return events;
}

const EVENTS = hardDays('2027-02-22', 8);

function planWeek(week: string, entries: LogEntry[], prefs: PreferencesInput = BASE) {
  return planWeeks({
    events: EVENTS,
    prefs: makePrefs(prefs),
    firstWeek: week,
    weeks: 1,
    log: { entries },
  });
}

/** The Tuesday session's exercise (A session: goblet squat, single-leg RDL, …). */
function tuesday(result: ReturnType<typeof planWeeks>, name = 'Goblet squat'): Prescription {
  const exercise = result.sessions[0]?.content.exercises.find((e) => e.name === name);
  if (!exercise) throw new Error(`no ${name} in ${JSON.stringify(result.sessions[0]?.title)}`);
  return exercise;
}

const sets = (name: string, reps: number[], kg?: number): LoggedExercise => ({
  name,
  sets: reps.map((r) => (kg === undefined ? { reps: r } : { reps: r, kg })),
});

function done(
  sessionId: string,
  date: string,
  rpe: number,
  ...exercises: LoggedExercise[]
): LogEntry {
  return { sessionId, date, status: 'done', rpe, exercises };
}

const skipped = (sessionId: string, date: string): LogEntry => ({
  sessionId,
  date,
  status: 'skipped',
});

describe('planWeeks with a training log', () => {
  it('shows no target weight until one is logged, then the next step', () => {
    const without = tuesday(planWeek('2027-03-08', []));
    const withLog = tuesday(
      planWeek('2027-03-08', [
        done('s20270301-1', '2027-03-02', 7, sets('Goblet squat', [8, 8, 8], 20)),
      ]),
    );

    expect(without.kg).toBeUndefined();
    expect(without.progression).not.toMatch(/Target/);
    expect(withLog.kg).toBe(22.5);
    expect(withLog.progression).toMatch(/^Target: 22\.5 kg for 6 reps \(every set reached 8/);
  });

  it('repeats the same load and reps after a set below the range', () => {
    const goblet = tuesday(
      planWeek('2027-03-08', [
        done('s20270301-1', '2027-03-02', 7, sets('Goblet squat', [8, 7, 5], 20)),
      ]),
    );

    expect(goblet.kg).toBe(20);
    expect(goblet.progression).toMatch(
      /^Target: 20 kg for 8 reps \(a set fell below 6 reps last time: the same again\)/,
    );
  });

  it('steps the load down after RPE 9 or more twice in a row', () => {
    const entries = [
      done('s20270301-1', '2027-03-02', 9, sets('Goblet squat', [8, 8, 8], 20)),
      done('s20270308-1', '2027-03-09', 10, sets('Goblet squat', [8, 8, 7], 20)),
    ];

    const goblet = tuesday(planWeek('2027-03-22', entries));

    expect(goblet.kg).toBe(18);
    expect(goblet.progression).toMatch(/^Target: 18 kg for 6 reps \(too hard twice in a row/);
  });

  it('follows the exercise actually done, by name, after a swap', () => {
    const entries = [
      done('s20270222-1', '2027-02-23', 7, sets('Goblet squat', [8, 8, 8], 16)),
      // Swapped the goblet squat for split squats: their log is their own.
      done('s20270301-1', '2027-03-02', 7, sets('Split squat', [10, 10, 10], 10)),
    ];

    const goblet = tuesday(planWeek('2027-03-08', entries));
    const history = exerciseHistory(entries);
    const split = exerciseTargetFor(
      { name: 'Split squat', reps: '8-12', implement: 'dumbbells', doseClass: 'accessory' },
      history,
      { before: '2027-03-09', unit: 'kg', weekStart: '2027-03-08' },
    );

    expect(goblet.kg).toBe(18);
    expect(split).toMatchObject({ change: 'one-more-rep', kg: 10, reps: 11 });
  });

  it('still counts the logs of sessions later moved or deleted, by date and name', () => {
    const entries = [
      // Moved from Tuesday to Wednesday after it was planned.
      done('s20270301-1', '2027-03-03', 7, sets('Goblet squat', [8, 8, 8], 20)),
      // A session since deleted from the calendar: its id is in no plan.
      done('s20270222-9', '2027-02-25', 7, sets('Single-leg Romanian deadlift', [9, 9], 8)),
    ];

    const next = planWeek('2027-03-08', entries);

    expect(tuesday(next).kg).toBe(22.5);
    expect(tuesday(next, 'Single-leg Romanian deadlift')).toMatchObject({ kg: 8 });
    expect(tuesday(next, 'Single-leg Romanian deadlift').progression).toMatch(
      /^Target: 8 kg for 10 reps each side/,
    );
  });

  it('never crashes on logs that match nothing in the plan', () => {
    const entries = [
      done('gone', '2027-01-05', 8, sets('Turkish get-up', [5], 12)),
      done('future', '2027-09-01', 7, sets('Goblet squat', [8, 8, 8], 40)),
      done('s20270301-1', '2027-03-02', 7, sets('goblet  SQUAT', [8, 8, 8], 20)),
      { sessionId: 'no-sets', date: '2027-03-04', status: 'partly' as const, rpe: 6 },
    ];

    const result = planWeek('2027-03-08', entries);

    expect(result.sessions).toHaveLength(planWeek('2027-03-08', []).sessions.length);
    // The future log is ignored, the hand-typed name found.
    expect(tuesday(result).kg).toBe(22.5);
  });

  it('does not let a session learn from its own log when its week is planned again', () => {
    const entries = [done('s20270301-1', '2027-03-02', 7, sets('Goblet squat', [8, 8, 8], 20))];

    expect(tuesday(planWeek('2027-03-01', entries)).kg).toBeUndefined();
  });

  it('restarts the block after two weeks with nothing done, and says so', () => {
    const entries = [
      skipped('s20270301-1', '2027-03-02'),
      skipped('s20270301-2', '2027-03-04'),
      skipped('s20270308-1', '2027-03-09'),
      skipped('s20270308-2', '2027-03-11'),
    ];

    const calendarOnly = planWeek('2027-03-15', []).sessions[0]!;
    const session = planWeek('2027-03-15', entries).sessions[0]!;

    expect(calendarOnly.content.block).toEqual({ week: 4, of: 4, deload: true });
    expect(session.content.block).toEqual({ week: 1, of: 4, deload: false });
    expect(session.reasons).toContainEqual(
      expect.stringContaining('restarting the block after two weeks off'),
    );
  });

  it('does not advance the block past a week whose sessions were skipped', () => {
    const skippedWeek = [
      skipped('s20270308-1', '2027-03-09'),
      skipped('s20270308-2', '2027-03-11'),
    ];
    const halfDone = [
      done('s20270308-1', '2027-03-09', 7, sets('Goblet squat', [7, 7, 7], 20)),
      skipped('s20270308-2', '2027-03-11'),
    ];

    const held = planWeek('2027-03-15', skippedWeek).sessions[0]!;
    const advanced = planWeek('2027-03-15', halfDone).sessions[0]!;

    expect(held.content.block).toEqual({ week: 3, of: 4, deload: false });
    expect(held.reasons).toContain(
      "Week 3 of the block again: last week's sessions were skipped, so the block waits for you",
    );
    expect(advanced.content.block).toEqual({ week: 4, of: 4, deload: true });
  });

  it('holds the load through a deload and shows the step up the week after', () => {
    const entries = [done('s20270308-1', '2027-03-09', 7, sets('Goblet squat', [8, 8, 8], 20))];

    const deload = tuesday(planWeek('2027-03-15', entries));
    const after = tuesday(planWeek('2027-03-22', entries));

    expect(deload.kg).toBe(20);
    expect(deload.load).toMatch(/at 20 kg/);
    expect(deload.progression).toMatch(/^Deload: the same weight as last week/);
    expect(after.kg).toBe(22.5);
  });

  it('shows a runner on pounds their target in pounds, stored as kilograms', () => {
    const entries = [
      done('s20270301-1', '2027-03-02', 7, sets('Goblet squat', [8, 8, 8], toKilograms(45, 'lb'))),
    ];

    const goblet = tuesday(planWeek('2027-03-08', entries, { ...BASE, weightUnit: 'lb' }));

    expect(goblet.kg).toBe(toKilograms(50, 'lb'));
    expect(goblet.progression).toMatch(/^Target: 50 lb for 6 reps/);
    expect(goblet.progression).not.toMatch(/kg/);
  });
});

describe('readLog', () => {
  const prefs = { phase: 'base', weekStartsOn: 1 } as const;

  it('is the empty reading for an empty log', () => {
    expect(readLog([], { races, prefs })).toBe(NO_LOG);
  });

  it('keeps the last entry of a session logged twice', () => {
    const reading = readLog(
      [
        skipped('s20270301-1', '2027-03-02'),
        done('s20270301-1', '2027-03-02', 7, sets('Goblet squat', [8], 20)),
      ],
      { races, prefs },
    );

    expect(Object.fromEntries(reading.weeks)).toEqual({ '2027-03-01': 'trained' });
    expect(reading.history.get('goblet squat')).toHaveLength(1);
  });

  it('holds a skipped building week, but not a skipped deload week: the rest was had', () => {
    const building = readLog([skipped('s20270308-1', '2027-03-09')], { races, prefs });
    const deload = readLog([skipped('s20270315-1', '2027-03-16')], { races, prefs });

    expect(building.blockHistory).toEqual({ held: ['2027-03-08'], restarts: [] });
    expect(deload.blockHistory).toEqual({ held: [], restarts: [] });
  });
});

describe('repRangeOf and loadImplementOf', () => {
  it('reads a range, a single count, and nothing for a timed exercise', () => {
    expect(repRangeOf({ reps: '6-8' })).toEqual({ low: 6, high: 8 });
    expect(repRangeOf({ reps: 5 })).toEqual({ low: 5, high: 5 });
    expect(repRangeOf({ seconds: 30 })).toBeUndefined();
  });

  it('gives a band no load steps', () => {
    expect(loadImplementOf({ implement: 'dumbbells' })).toBe('dumbbell');
    expect(loadImplementOf({ implement: 'bands' })).toBe('none');
    expect(loadImplementOf({})).toBe('none');
  });
});

describe('exerciseTargetFor', () => {
  const history = exerciseHistory([
    done('s1', '2027-03-02', 7, sets('Pogo hops', [5, 5]), sets('Goblet squat', [8, 8, 8], 20)),
  ]);
  const options = { before: '2027-03-09', unit: 'kg', weekStart: '2027-03-08' } as const;

  it('has no target for jumps, which progress by quality', () => {
    expect(
      exerciseTargetFor({ name: 'Pogo hops', reps: 5, doseClass: 'plyo' }, history, options),
    ).toBeUndefined();
  });

  it('learns only from logs dated before the session', () => {
    const goblet = {
      name: 'Goblet squat',
      reps: '6-8',
      implement: 'dumbbells',
      doseClass: 'main',
    } as const;

    expect(exerciseTargetFor(goblet, history, { ...options, before: '2027-03-02' })).toBe(
      undefined,
    );
    expect(exerciseTargetFor(goblet, history, options)).toMatchObject({ kg: 22.5, reps: 6 });
  });

  it('brings a runner back after a break at the weight they last used, from the bottom', () => {
    const goblet = {
      name: 'Goblet squat',
      reps: '6-8',
      implement: 'dumbbells',
      doseClass: 'main',
    } as const;

    expect(
      exerciseTargetFor(goblet, history, {
        ...options,
        before: '2027-03-30',
        weekStart: '2027-03-29',
        restarts: ['2027-03-29'],
      }),
    ).toMatchObject({ change: 'hold', kg: 20, reps: 6 });
  });
});

describe('loadHoldFor', () => {
  it('holds loads in a deload, easing in, and build, and not in a building week', () => {
    expect(loadHoldFor('base', { deload: true, rampIn: false })?.why).toMatch(/^deload week/);
    expect(loadHoldFor('base', { deload: false, rampIn: true })?.why).toMatch(/^easing back in/);
    expect(loadHoldFor('build', undefined)?.why).toBe('build keeps the weight you reached in base');
    expect(loadHoldFor('base', { deload: false, rampIn: false })).toBeUndefined();
  });
});

describe('stepShownSinceFor', () => {
  const options = { races, prefs: { phase: 'base', weekStartsOn: 1 }, history: {} } as const;

  it('knows a step up was shown in a building week between the log and this week', () => {
    const shown = stepShownSinceFor('2027-03-15', options);

    // Logged in week 2 (1 Mar): week 3 (8 Mar) showed the step, so the deload keeps it.
    expect(shown('2027-03-02')).toBe(true);
    // Logged in week 3: the deload is the first week after, nothing shown yet.
    expect(shown('2027-03-09')).toBe(false);
  });
});

describe('sessionTargets', () => {
  it('is empty when nothing in the session was logged', () => {
    expect(
      sessionTargets({ exercises: [] }, NO_LOG, {
        before: '2027-03-09',
        unit: 'kg',
        weekStart: '2027-03-08',
      }),
    ).toEqual({});
  });
});

describe('blockReasons', () => {
  it('names the two weeks off on a restart', () => {
    expect(
      blockReasons(
        { week: 1, restarted: true, held: false, start: '2027-03-15' },
        '2027-03-15',
        1,
        DEFAULT_TEXT_STYLE,
      ),
    ).toEqual([
      expect.stringMatching(
        /^Back to week 1: restarting the block after two weeks off \(nothing done the weeks of .*1 Mar.* and .*8 Mar/,
      ),
    ]);
  });

  it('says nothing in an ordinary week or outside a block', () => {
    const ordinary = { week: 2, restarted: false, held: false, start: '2027-03-08' };

    expect(blockReasons(ordinary, '2027-03-15', 1, DEFAULT_TEXT_STYLE)).toEqual([]);
    expect(blockReasons(undefined, '2027-03-15', 1, DEFAULT_TEXT_STYLE)).toEqual([]);
  });
});
