/**
 * The adaptation rules of SPEC §6b, each a named function: what the runner logged decides the
 * next prescription. `core/plan/log-adaptation.ts` applies them to the planner's weeks.
 *
 * Per exercise, by name — double progression: reps climb to the top of the range, then the load
 * goes up a step and reps return to the bottom ({@link earnedLoadIncrease}); sets within the range
 * aim for one more rep ({@link stayedInRange}); a session that was too hard is repeated, and twice
 * in a row brings the load down a step ({@link wasTooHard}); {@link nextTarget} combines them, and
 * {@link holdLoad} keeps a step up waiting through a deload or build.
 *
 * Per week — a skipped week does not advance the block ({@link heldWeeks}), two weeks in a row with
 * nothing done restart it ({@link restartWeeks}), and a new lifter's weeks count from the first
 * week they trained ({@link liftingWeekFromLog}). A week nobody logged is taken as planned: the
 * plan only learns from what it is told, so a runner who never logs keeps the calendar's blocks,
 * and one who logs now and then is not sent back to week 1 for the weeks they did not write down.
 *
 * The reasons (`why`) name no weight: the target's weight is shown next to them in the runner's
 * unit, and a reason in kilograms would contradict it for a runner on pounds.
 */
import type { WeightUnit } from '../prefs';
import { addDays, daysBetween, startOfWeek } from '../time';
import type { DateString, Weekday } from '../time';
import type { LogEntry, LoggedSet } from './schema';
import { stepLoad } from './load-steps';
import type { Implement } from './load-steps';

/** The prescribed reps per set, low–high. */
export interface RepRange {
  low: number;
  high: number;
}

/** One time the exercise was done: its sets and the session's effort. */
export interface ExerciseLog {
  date: string;
  sessionId: string;
  sets: readonly LoggedSet[];
  /** The whole session's RPE, 1–10, when given. */
  rpe?: number;
}

/**
 * How the next prescription changes, and why. `hold` is a step up earned in the log that waits
 * (a deload, build's maintenance, easing back in): same load, see {@link holdLoad}.
 */
export type TargetChange = 'load-up' | 'one-more-rep' | 'repeat' | 'load-down' | 'hold';

export interface ExerciseTarget {
  name: string;
  change: TargetChange;
  /** Reps to aim for on every set. */
  reps: number;
  /** Kilograms to use, when the exercise is loaded and a weight was logged. */
  kg?: number;
  /** The rule in plain words, for the session's text; names no weight. */
  why: string;
}

/** Highest RPE that still earns a load increase. */
const MAX_RPE_TO_PROGRESS = 8;
/** From this RPE on, the session was too hard to build on. */
const TOO_HARD_RPE = 9;

/** Rule 1: every logged set at the top of the range, and the session RPE at most 8. */
export function earnedLoadIncrease(log: ExerciseLog, range: RepRange): boolean {
  return (
    log.sets.length > 0 &&
    log.sets.every((s) => s.reps >= range.high) &&
    (log.rpe === undefined || log.rpe <= MAX_RPE_TO_PROGRESS)
  );
}

/** Rule 3: a set below the range, or the session at RPE 9 or more. */
export function wasTooHard(log: ExerciseLog, range: RepRange): boolean {
  return log.sets.some((s) => s.reps < range.low) || (log.rpe ?? 0) >= TOO_HARD_RPE;
}

/** Rule 2: every set within the range (and not all at the top with an easy RPE). */
export function stayedInRange(log: ExerciseLog, range: RepRange): boolean {
  return !wasTooHard(log, range) && !earnedLoadIncrease(log, range);
}

/** The key an exercise's history is kept under: its name, case and spacing ignored. */
export function exerciseKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every time each exercise was done, oldest first, keyed by {@link exerciseKey}. */
export function exerciseHistory(entries: readonly LogEntry[]): Map<string, ExerciseLog[]> {
  const byName = new Map<string, ExerciseLog[]>();
  for (const entry of entries) {
    if (entry.status === 'skipped') continue;
    for (const exercise of entry.exercises ?? []) {
      if (exercise.sets.length === 0) continue;
      const key = exerciseKey(exercise.name);
      const list = byName.get(key) ?? [];
      list.push({
        date: entry.date,
        sessionId: entry.sessionId,
        sets: exercise.sets,
        ...(entry.rpe === undefined ? {} : { rpe: entry.rpe }),
      });
      byName.set(key, list);
    }
  }
  for (const list of byName.values()) {
    list.sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
  }
  return byName;
}

/** The heaviest load of the logged sets: the working weight (lighter sets were ramp-ups). */
export function workingLoad(log: ExerciseLog): number | undefined {
  const loads = log.sets.map((s) => s.kg).filter((kg): kg is number => kg !== undefined && kg > 0);
  return loads.length > 0 ? Math.max(...loads) : undefined;
}

function clamp(n: number, range: RepRange): number {
  return Math.min(range.high, Math.max(range.low, n));
}

function fewestReps(log: ExerciseLog): number {
  return Math.min(...log.sets.map((s) => s.reps));
}

function mostReps(log: ExerciseLog): number {
  return Math.max(...log.sets.map((s) => s.reps));
}

/** Why a session counts as too hard, in the runner's terms. */
function tooHardWords(log: ExerciseLog, range: RepRange): string {
  if (log.sets.some((s) => s.reps < range.low)) {
    return `a set fell below ${range.low} reps last time`;
  }
  return `last time felt like RPE ${log.rpe ?? TOO_HARD_RPE}`;
}

/**
 * The next target for exercise `name`, from its logged history (oldest first), or undefined
 * when it was never logged. `implement` says how its load can change, `unit` on which racks
 * (a runner on pounds steps between pound dumbbells).
 *
 * - every set at the top of the range, RPE ≤ 8 → one load step up, reps back to the bottom
 *   (no weight logged, or nothing to load: the harder step, from the bottom of the range);
 * - a set below the range, or RPE ≥ 9 → the same load and reps again (the best set's reps,
 *   within the range), and a step down after two such sessions in a row;
 * - otherwise → the same load, one more rep than the weakest set.
 *
 * @example nextTarget('Goblet squat', [{ date: '2027-03-02', sessionId: 's1', rpe: 7,
 *   sets: [{ reps: 8, kg: 20 }, { reps: 8, kg: 20 }] }], { low: 6, high: 8 }, 'dumbbell')
 *   // { change: 'load-up', kg: 22.5, reps: 6, … }
 */
export function nextTarget(
  name: string,
  history: readonly ExerciseLog[],
  range: RepRange,
  implement: Implement,
  unit: WeightUnit = 'kg',
): ExerciseTarget | undefined {
  const last = history[history.length - 1];
  if (!last) return undefined;
  const previous = history[history.length - 2];
  const kg = workingLoad(last);
  const loaded = implement !== 'none' && kg !== undefined;
  const withKg = (value: number | undefined) =>
    loaded && value !== undefined ? { kg: value } : {};

  if (wasTooHard(last, range)) {
    if (previous && wasTooHard(previous, range) && loaded) {
      const lighter = stepLoad(kg, implement, -1, unit);
      if (lighter < kg) {
        return {
          name,
          change: 'load-down',
          reps: range.low,
          ...withKg(lighter),
          why: 'too hard twice in a row: down a step',
        };
      }
    }
    // SPEC §6b: "same load and reps again". The log does not hold the target that was set; the
    // best set is the nearest evidence of it (later sets fall short as fatigue builds).
    const reps = clamp(mostReps(last), range);
    return {
      name,
      change: 'repeat',
      reps,
      ...withKg(kg),
      why: `${tooHardWords(last, range)}: the same again`,
    };
  }
  if (earnedLoadIncrease(last, range)) {
    if (!loaded) {
      // Nothing to add weight to: the next step is the harder version or a stronger band, from
      // the bottom of the range again.
      return {
        name,
        change: 'load-up',
        reps: range.low,
        why: `every set reached ${range.high} last time: time for the harder step`,
      };
    }
    const heavier = stepLoad(kg, implement, 1, unit);
    if (heavier > kg) {
      return {
        name,
        change: 'load-up',
        reps: range.low,
        ...withKg(heavier),
        why: `every set reached ${range.high} last time with reps to spare: up a step`,
      };
    }
    // The heaviest on the rack: nothing to step up to.
    return {
      name,
      change: 'hold',
      reps: range.high,
      ...withKg(kg),
      why: `every set reached ${range.high} last time, and this is the heaviest step: make it harder another way`,
    };
  }
  const reps = clamp(fewestReps(last) + 1, range);
  return {
    name,
    change: 'one-more-rep',
    reps,
    ...withKg(kg),
    why: 'one more rep a set than last time',
  };
}

/**
 * A target whose step up must wait (SPEC §6: a deload keeps the same loads, build keeps base's
 * loads; and a runner easing back in after a break starts where they were): a `load-up` stays at
 * the last working load for the reps last managed, a step down still happens (the safer
 * choice wins). With `fromBottom` (back after a break), reps restart at the bottom of the range.
 *
 * @example holdLoad(target, history, { low: 6, high: 8 }, 'deload week: no step up until next week')
 */
export function holdLoad(
  target: ExerciseTarget,
  history: readonly ExerciseLog[],
  range: RepRange,
  why: string,
  fromBottom = false,
): ExerciseTarget {
  const last = history[history.length - 1];
  if (!last || target.change === 'load-down') return target;
  const kg = workingLoad(last);
  const reps = fromBottom ? range.low : clamp(fewestReps(last), range);
  if (target.change !== 'load-up') return fromBottom ? { ...target, reps, why } : target;
  const { kg: _stepped, ...rest } = target;
  return {
    ...rest,
    change: 'hold',
    reps,
    ...(target.kg !== undefined && kg !== undefined ? { kg } : {}),
    why,
  };
}

/**
 * Rule: back after a break from a session that was too hard (a set below the range, or RPE 9 or
 * more), a loaded exercise restarts one step lighter rather than at that weight: two weeks off
 * take a little strength, and the last exposure already was at the limit.
 *
 * @example lighterAfterBreak({ change: 'repeat', kg: 63.5, reps: 6, … }, 'barbell', 'lb')
 *   // { change: 'load-down', kg: 61.23, … } — 135 lb after 140 lb
 */
export function lighterAfterBreak(
  target: ExerciseTarget,
  implement: Implement,
  unit: WeightUnit,
): ExerciseTarget {
  if (target.change !== 'repeat' || target.kg === undefined) return target;
  const lighter = stepLoad(target.kg, implement, -1, unit);
  if (lighter >= target.kg) return target;
  return {
    ...target,
    change: 'load-down',
    kg: lighter,
    why: 'back after time off, and last time was hard: one step lighter, from the bottom of the range',
  };
}

/** What a logged week holds. */
export type WeekRecord = 'trained' | 'nothing-done';

/** Weeks in a row with nothing done that restart the block (SPEC §6b). */
export const WEEKS_OFF_TO_RESTART = 2;

/**
 * Every week with at least one log entry: `trained` when a session was done or partly done,
 * `nothing-done` when every logged session was skipped.
 */
export function loggedWeeks(
  entries: readonly LogEntry[],
  weekStartsOn: Weekday,
): Map<DateString, WeekRecord> {
  const weeks = new Map<DateString, WeekRecord>();
  for (const entry of entries) {
    const week = startOfWeek(entry.date, weekStartsOn);
    if (entry.status !== 'skipped') weeks.set(week, 'trained');
    else if (!weeks.has(week)) weeks.set(week, 'nothing-done');
  }
  return weeks;
}

/**
 * Rule: a skipped week does not advance the block. The weeks whose logged sessions were all
 * skipped, oldest first: the week after each repeats its place in the block.
 */
export function heldWeeks(weeks: ReadonlyMap<DateString, WeekRecord>): DateString[] {
  return [...weeks]
    .filter(([, record]) => record === 'nothing-done')
    .map(([week]) => week)
    .sort();
}

/**
 * Rule: two weeks in a row with nothing done restart the block. The week after each such pair,
 * oldest first (three empty weeks in a row give two restarts; the later one wins).
 */
export function restartWeeks(weeks: ReadonlyMap<DateString, WeekRecord>): DateString[] {
  const restarts: DateString[] = [];
  for (const week of heldWeeks(weeks)) {
    let empty = true;
    for (let back = 1; back < WEEKS_OFF_TO_RESTART && empty; back++) {
      empty = weeks.get(addDays(week, -7 * back)) === 'nothing-done';
    }
    if (empty) restarts.push(addDays(week, 7));
  }
  return restarts;
}

/**
 * Rule: a new lifter's weeks count from the first week they trained. The 0-based week of the
 * runner's lifting for `week`: the weeks since the first trained week, less the weeks with
 * nothing done (a skipped week teaches no movement). Unlogged weeks count as trained (taken as
 * planned). `undefined` when the log shows no trained week up to `week`: the plan counts on its
 * own then.
 *
 * @example liftingWeekFromLog('2027-03-15', new Map([['2027-03-01', 'trained']])) // 2
 */
export function liftingWeekFromLog(
  week: DateString,
  weeks: ReadonlyMap<DateString, WeekRecord>,
): number | undefined {
  const trained = [...weeks]
    .filter(([w, record]) => record === 'trained' && w <= week)
    .map(([w]) => w)
    .sort();
  const first = trained[0];
  if (first === undefined) return undefined;
  const off = heldWeeks(weeks).filter((w) => w > first && w < week).length;
  return Math.max(0, Math.round(daysBetween(first, week) / 7) - off);
}
