/**
 * How long a session takes. Deliberately on the generous side: a runner who finishes early is
 * happy, one who overruns a slot before work is not.
 */
import { COOLDOWN_MINUTES, findExercise, WARMUP_MINUTES } from './library';

/** Getting into position and bracing before each set. */
export const SET_SETUP_SECONDS = 10;
/** Swapping sides within a per-side set. */
export const SIDE_SWITCH_SECONDS = 10;
/** Moving to the next exercise, setting up equipment, the rest after the last set. */
export const TRANSITION_SECONDS = 45;
/** Rest after a lighter ramp-up set: it is easy, so the next set can follow soon. */
export const RAMP_UP_REST_SECONDS = 45;
/** Tempo assumed for an exercise the library doesn't know. */
const DEFAULT_SECONDS_PER_REP = 3;

/** The part of a prescription the estimate reads. */
export type TimedPrescription = {
  id: string;
  sets: number;
  perSide?: boolean;
  restSeconds: number;
  rampUpSets?: number;
} & ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/** The highest rep count a prescription allows ("8-10" → 10), so the estimate never runs short. */
export function topReps(reps: number | string): number {
  if (typeof reps === 'number') return reps;
  const parts = reps.split('-').map((part) => Number.parseInt(part, 10));
  const top = Math.max(...parts.filter((n) => Number.isFinite(n)));
  if (!Number.isFinite(top)) throw new Error(`Unreadable reps: ${JSON.stringify(reps)}`);
  return top;
}

/** Seconds of work in one set of a prescription (both sides when per side). */
function workSeconds(p: TimedPrescription): number {
  const sides = p.perSide ? 2 : 1;
  const perSide =
    p.seconds !== undefined
      ? p.seconds
      : topReps(p.reps) * (findExercise(p.id)?.secondsPerRep ?? DEFAULT_SECONDS_PER_REP);
  return perSide * sides + (p.perSide ? SIDE_SWITCH_SECONDS : 0) + SET_SETUP_SECONDS;
}

/**
 * Seconds one exercise takes: ramp-up sets and their short rests, every working set, the rest
 * between sets and one transition.
 */
export function estimateExerciseSeconds(p: TimedPrescription): number {
  const work = workSeconds(p);
  const rampUp = (p.rampUpSets ?? 0) * (work + RAMP_UP_REST_SECONDS);
  return rampUp + p.sets * work + Math.max(0, p.sets - 1) * p.restSeconds + TRANSITION_SECONDS;
}

/**
 * Minutes a session takes from the start of the warm-up to the end of the cool-down (or the
 * mobility that replaces it), rounded up.
 *
 * @example estimateSessionMinutes([{ id: 'plank', sets: 2, seconds: 30, restSeconds: 45 }])
 *   // 12: 6 warm-up + 3 cool-down + 2 × 40 s work + 45 s rest + 45 s transition
 */
export function estimateSessionMinutes(
  exercises: readonly TimedPrescription[],
  cooldownMinutes: number = COOLDOWN_MINUTES,
): number {
  const seconds = exercises.reduce((sum, p) => sum + estimateExerciseSeconds(p), 0);
  return WARMUP_MINUTES + cooldownMinutes + Math.ceil(seconds / 60);
}
