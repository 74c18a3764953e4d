/**
 * The next prescription of an exercise from what the runner logged (SPEC §6b), exercise by
 * exercise, by name. Double progression: reps climb to the top of the range, then the load goes
 * up a step and reps return to the bottom; a session that was too hard is repeated, and twice in
 * a row brings the load down a step.
 */
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

/** How the next prescription changes, and why. */
export type TargetChange = 'load-up' | 'one-more-rep' | 'repeat' | 'load-down';

export interface ExerciseTarget {
  name: string;
  change: TargetChange;
  /** Reps to aim for on every set. */
  reps: number;
  /** Kilograms to use, when the exercise is loaded and a weight was logged. */
  kg?: number;
  /** The rule in plain words, for the session's text. */
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

/** Every time each exercise was done, oldest first, keyed by name (case-insensitive). */
export function exerciseHistory(entries: readonly LogEntry[]): Map<string, ExerciseLog[]> {
  const byName = new Map<string, ExerciseLog[]>();
  for (const entry of entries) {
    if (entry.status === 'skipped') continue;
    for (const exercise of entry.exercises ?? []) {
      if (exercise.sets.length === 0) continue;
      const key = exercise.name.trim().toLowerCase();
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

function workingLoad(log: ExerciseLog): number | undefined {
  const loads = log.sets.map((s) => s.kg).filter((kg): kg is number => kg !== undefined && kg > 0);
  return loads.length > 0 ? Math.max(...loads) : undefined;
}

function clamp(n: number, range: RepRange): number {
  return Math.min(range.high, Math.max(range.low, n));
}

function at(kg: number | undefined): string {
  return kg === undefined ? '' : ` at ${kg} kg`;
}

/**
 * The next target for exercise `name`, from its logged history (oldest first), or undefined
 * when it was never logged. `implement` says how its load can change.
 */
export function nextTarget(
  name: string,
  history: readonly ExerciseLog[],
  range: RepRange,
  implement: Implement,
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
      const lighter = stepLoad(kg, implement, -1);
      return {
        name,
        change: 'load-down',
        reps: range.low,
        ...withKg(lighter),
        why: `too hard twice in a row: down a step to ${lighter} kg, ${range.low} reps a set`,
      };
    }
    const reps = clamp(Math.max(...last.sets.map((s) => s.reps)), range);
    return {
      name,
      change: 'repeat',
      reps,
      ...withKg(kg),
      why: `last time was hard: the same again, ${reps} reps${at(loaded ? kg : undefined)}`,
    };
  }
  if (earnedLoadIncrease(last, range)) {
    if (!loaded) {
      return {
        name,
        change: 'load-up',
        reps: range.high,
        why: `every set at ${range.high}: try the harder variant`,
      };
    }
    const heavier = stepLoad(kg, implement, 1);
    return {
      name,
      change: 'load-up',
      reps: range.low,
      ...withKg(heavier),
      why: `every set at ${range.high} with reps to spare: up to ${heavier} kg, back to ${range.low} reps`,
    };
  }
  const reps = clamp(Math.min(...last.sets.map((s) => s.reps)) + 1, range);
  return {
    name,
    change: 'one-more-rep',
    reps,
    ...withKg(kg),
    why: `one more rep a set: aim for ${reps}${at(loaded ? kg : undefined)}`,
  };
}
