/**
 * What the planner learns from the training log (SPEC §6b, issue 13): where each week sits in its
 * block, how far a new lifter is, and the next target of each exercise. The rules themselves are
 * named functions in one module, `core/log/rules.ts` (`heldWeeks`, `restartWeeks`,
 * `liftingWeekFromLog`, `nextTarget`, `holdLoad`, …); this module applies them to the planner's
 * weeks and sessions.
 *
 * A week with no log entries is taken as planned: the plan only learns from what it is told. So
 * a runner who never logs gets the calendar's plan unchanged, and an unlogged week neither holds
 * nor restarts a block.
 */
import { blockForWeek } from '../exercises';
import type { BlockHistory, BlockPosition, Prescription, StrengthSession } from '../exercises';
import type { ExerciseTarget as SessionTarget } from '../exercises';
import { phaseForWeek } from '../phases';
import type { Phase, RaceDay } from '../phases';
import {
  exerciseHistory,
  exerciseKey,
  heldWeeks,
  holdLoad,
  lighterAfterBreak,
  liftingWeekFromLog,
  loggedWeeks,
  nextTarget,
  restartWeeks,
  WEEKS_OFF_TO_RESTART,
} from '../log';
import type {
  ExerciseLog,
  ExerciseTarget,
  Implement,
  LogEntry,
  RepRange,
  WeekRecord,
} from '../log';
import type { Preferences } from '../prefs';
import type { TextStyle } from '../text-style';
import { dayText } from '../text-style';
import { addDays, startOfWeek } from '../time';
import type { DateString } from '../time';

/** What the log says, read once per plan. */
export interface LogReading {
  /** Weeks with log entries: trained, or nothing done. */
  weeks: ReadonlyMap<DateString, WeekRecord>;
  /** For {@link blockForWeek}: held weeks and restarts. */
  blockHistory: BlockHistory;
  /** Each exercise's logged sets, oldest first, by {@link exerciseKey}. */
  history: ReadonlyMap<string, readonly ExerciseLog[]>;
}

/** An empty log: the calendar alone decides. */
export const NO_LOG: LogReading = { weeks: new Map(), blockHistory: {}, history: new Map() };

/**
 * Reads the log for planning. A session logged twice keeps its last entry. A skipped deload
 * week is not held: the rest it was for has been had, and a second deload in a row would only
 * delay the next block (a coach's call where SPEC §6b is silent).
 */
export function readLog(
  entries: readonly LogEntry[],
  options: { races: readonly RaceDay[]; prefs: Pick<Preferences, 'phase' | 'weekStartsOn'> },
): LogReading {
  if (entries.length === 0) return NO_LOG;
  const bySession = new Map<string, LogEntry>();
  for (const entry of entries) bySession.set(entry.sessionId, entry);
  const unique = [...bySession.values()];
  const weeks = loggedWeeks(unique, options.prefs.weekStartsOn);
  const restarts = restartWeeks(weeks);
  const held: DateString[] = [];
  for (const week of heldWeeks(weeks)) {
    const position = blockForWeek({
      weekStart: week,
      races: options.races,
      phase: options.prefs.phase,
      weekStartsOn: options.prefs.weekStartsOn,
      history: { held, restarts },
    });
    if (!position?.deload) held.push(week);
  }
  return {
    weeks,
    blockHistory: { held, restarts },
    history: exerciseHistory(unique),
  };
}

/** The 0-based lifting week of `week`: from the log when it shows one, else the plan's count. */
export function liftingWeekOf(reading: LogReading, week: DateString, planWeek: number): number {
  return liftingWeekFromLog(week, reading.weeks) ?? planWeek;
}

/** The prescription's rep range, or undefined when it is timed. */
export function repRangeOf(p: Pick<Prescription, 'reps' | 'seconds'>): RepRange | undefined {
  if (p.reps === undefined) return undefined;
  if (typeof p.reps === 'number') return { low: p.reps, high: p.reps };
  const match = /^(\d+)(?:-(\d+))?$/.exec(p.reps.trim());
  if (!match) return undefined;
  const low = Number(match[1]);
  return { low, high: match[2] === undefined ? low : Number(match[2]) };
}

/** What carries the load, in the terms of the load steps (a band has no steps of its own). */
export function loadImplementOf(p: Pick<Prescription, 'implement'>): Implement {
  switch (p.implement) {
    case 'dumbbells':
      return 'dumbbell';
    case 'barbell':
      return 'barbell';
    case 'kettlebell':
      return 'kettlebell';
    default:
      return 'none';
  }
}

/** Why a step up earned in the log waits this week, if it does. */
export interface LoadHold {
  why: string;
  /** Back after a break: reps restart at the bottom of the range too. */
  fromBottom?: boolean;
}

/** Options of {@link exerciseTargetFor}. */
export interface ExerciseTargetOptions {
  /** Only logs dated before this day count: a session never learns from itself or later ones. */
  before: DateString;
  /** The session being planned: its own log entry never sets its target. */
  sessionId?: string;
  /** The week's reason to hold loads (deload, build, easing back in). */
  hold?: LoadHold;
  /** Week starts where the block restarted after weeks off (see {@link readLog}). */
  restarts?: readonly DateString[];
  /** The runner's unit: which racks the load steps on. */
  unit: Preferences['weightUnit'];
  weekStart: DateString;
  /**
   * Whether a week after the one of `date` and before `weekStart` lets loads step up: a step
   * earned then has already been shown, and a deload or build week that follows keeps it (the
   * same weight as the week before) rather than going back to the last logged one.
   */
  stepShownSince?: (date: DateString) => boolean;
}

/** Weeks from the last log of an exercise to a restart of the block: a break to come back from. */
function backAfterBreak(
  last: ExerciseLog,
  options: Pick<ExerciseTargetOptions, 'restarts' | 'weekStart'>,
): boolean {
  return (options.restarts ?? []).some((r) => r > last.date && r <= options.weekStart);
}

/** Words for a break-hold. */
const BREAK_HOLD: LoadHold = {
  why: 'back after time off: the weight you last used, from the bottom of the range',
  fromBottom: true,
};

/**
 * The log's next target for one prescription (SPEC §6b), or undefined when the exercise was
 * never logged, is timed, or is a jump (jumps progress by quality, not by reps or weight).
 * Follows the exercise actually done, by name: after a swap, the swapped-in exercise's own log.
 */
export function exerciseTargetFor(
  p: Pick<Prescription, 'name' | 'reps' | 'seconds' | 'implement' | 'doseClass'>,
  history: ReadonlyMap<string, readonly ExerciseLog[]>,
  options: ExerciseTargetOptions,
): ExerciseTarget | undefined {
  if (p.doseClass === 'plyo') return undefined;
  const range = repRangeOf(p);
  if (!range) return undefined;
  const logs = (history.get(exerciseKey(p.name)) ?? []).filter(
    (h) => h.date < options.before && h.sessionId !== options.sessionId,
  );
  const target = nextTarget(p.name, logs, range, loadImplementOf(p), options.unit);
  const last = logs[logs.length - 1];
  if (!target || !last) return target;
  if (backAfterBreak(last, options)) {
    const held = holdLoad(target, logs, range, BREAK_HOLD.why, BREAK_HOLD.fromBottom);
    return lighterAfterBreak(held, loadImplementOf(p), options.unit);
  }
  const hold = options.hold && !options.stepShownSince?.(last.date) ? options.hold : undefined;
  return hold ? holdLoad(target, logs, range, hold.why, hold.fromBottom) : target;
}

/** Why loads wait in this week, from its phase and place in the block. */
export function loadHoldFor(
  phase: Phase,
  block: Pick<BlockPosition, 'deload' | 'rampIn'> | undefined,
): LoadHold | undefined {
  if (block?.deload) return { why: 'deload week: the same weight, the step up comes next week' };
  if (block?.rampIn)
    return { why: 'easing back in after your race: the weight you used before it' };
  if (phase === 'build') return { why: 'build keeps the weight you reached in base' };
  return undefined;
}

/** Weeks looked through for one where a step up could show; beyond, it is taken as shown. */
const STEP_LOOKBACK_WEEKS = 26;

/**
 * Rule: a step up earned in the log shows from the next week that is not a deload (SPEC §6).
 * Builds `stepShownSince` for the week `weekStart`: true when a week between a log's week and
 * this one is a building week of off-season or base (not a deload, not easing back in), where
 * the step up was shown. Build, taper, race week and recovery never step up.
 */
export function stepShownSinceFor(
  weekStart: DateString,
  options: {
    races: readonly RaceDay[];
    prefs: Pick<Preferences, 'phase' | 'weekStartsOn'>;
    history: BlockHistory;
  },
): (date: DateString) => boolean {
  const { races, prefs, history } = options;
  const steps = new Map<DateString, boolean>();
  const isStepWeek = (week: DateString): boolean => {
    const known = steps.get(week);
    if (known !== undefined) return known;
    const phase = phaseForWeek(week, races, prefs.phase).phase;
    const block =
      phase === 'base' || phase === 'off-season'
        ? blockForWeek({
            weekStart: week,
            races,
            phase: prefs.phase,
            weekStartsOn: prefs.weekStartsOn,
            history,
          })
        : undefined;
    const step = block !== undefined && !block.deload && !block.rampIn;
    steps.set(week, step);
    return step;
  };
  return (date) => {
    let week = addDays(startOfWeek(date, prefs.weekStartsOn), 7);
    for (let i = 0; week < weekStart; i++, week = addDays(week, 7)) {
      if (i >= STEP_LOOKBACK_WEEKS || isStepWeek(week)) return true;
    }
    return false;
  };
}

/**
 * The targets of a built session's exercises, by name, for `buildSession({ targets })`: empty
 * when nothing in it was logged.
 */
export function sessionTargets(
  session: Pick<StrengthSession, 'exercises'>,
  reading: LogReading,
  options: ExerciseTargetOptions,
): Record<string, SessionTarget> {
  const targets: Record<string, SessionTarget> = {};
  if (reading.history.size === 0) return targets;
  for (const p of session.exercises) {
    const target = exerciseTargetFor(p, reading.history, options);
    if (!target) continue;
    targets[p.name] = {
      reps: target.reps,
      why: target.why,
      ...(target.kg !== undefined ? { kg: target.kg } : {}),
      ...(target.change === 'load-up' && target.kg === undefined ? { harderStep: true } : {}),
    };
  }
  return targets;
}

/**
 * The reasons a week's block owes the runner: a restart after weeks off, or a week held because
 * the last one was skipped.
 */
export function blockReasons(
  block: Pick<BlockPosition, 'week' | 'restarted' | 'held' | 'start'> | undefined,
  weekStart: DateString,
  weekStartsOn: Preferences['weekStartsOn'],
  text: TextStyle,
): string[] {
  if (!block) return [];
  const week = startOfWeek(weekStart, weekStartsOn);
  if (block.restarted) {
    const first = addDays(week, -7 * WEEKS_OFF_TO_RESTART);
    const last = addDays(week, -7);
    return [
      `Back to week 1: restarting the block after two weeks off (nothing done the weeks of ${dayText(first, text)} and ${dayText(last, text)})`,
    ];
  }
  if (block.held) {
    return [
      `Week ${block.week} of the block again: last week's sessions were skipped, so the block waits for you`,
    ];
  }
  return [];
}
