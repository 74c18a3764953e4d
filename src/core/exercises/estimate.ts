/**
 * How long a session takes. Deliberately on the generous side: a runner who finishes early is
 * happy, one who overruns a slot before work is not.
 */
import { COOLDOWN_MINUTES, findExercise, WARMUP_MINUTES } from './library';
import type { Prescription } from './types';

/** Getting into position and bracing before each set. */
export const SET_SETUP_SECONDS = 10;
/** Swapping sides within a per-side set. */
export const SIDE_SWITCH_SECONDS = 10;
/** Moving to the next exercise, setting up equipment, the rest after the last set. */
export const TRANSITION_SECONDS = 45;
/** Tempo assumed for an exercise the library doesn't know. */
const DEFAULT_SECONDS_PER_REP = 3;

/** The highest rep count a prescription allows ("8-10" → 10), so the estimate never runs short. */
export function topReps(reps: number | string): number {
  if (typeof reps === 'number') return reps;
  const parts = reps.split('-').map((part) => Number.parseInt(part, 10));
  const top = Math.max(...parts.filter((n) => Number.isFinite(n)));
  if (!Number.isFinite(top)) throw new Error(`Unreadable reps: ${JSON.stringify(reps)}`);
  return top;
}

/** Seconds of work in one set of a prescription (both sides when per side). */
function workSeconds(p: Prescription): number {
  const sides = p.perSide ? 2 : 1;
  const perSide =
    p.seconds !== undefined
      ? p.seconds
      : topReps(p.reps) * (findExercise(p.id)?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP);
  return perSide * sides + (p.perSide ? SIDE_SWITCH_SECONDS : 0) + SET_SETUP_SECONDS;
}

/**
 * Seconds one exercise takes: every set's work, the rest between sets and one transition.
 */
export function estimateExerciseSeconds(p: Prescription): number {
  return p.sets * workSeconds(p) + Math.max(0, p.sets - 1) * p.restSeconds + TRANSITION_SECONDS;
}

/**
 * Minutes a session takes from the start of the warm-up to the end of the cool-down, rounded up.
 *
 * @example estimateSessionMinutes([{ id: 'plank', name: 'Plank', sets: 2, seconds: 30, restSeconds: 45, cue: '…' }])
 *   // 12: 6 warm-up + 3 cool-down + 2 × 40 s work + 45 s rest + 45 s transition
 */
export function estimateSessionMinutes(exercises: readonly Prescription[]): number {
  const seconds = exercises.reduce((sum, p) => sum + estimateExerciseSeconds(p), 0);
  return WARMUP_MINUTES + COOLDOWN_MINUTES + Math.ceil(seconds / 60);
}
