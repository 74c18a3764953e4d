/**
 * The easier, harder and swap exercises a runner is offered for a prescription (SPEC §6, §8
 * `alternatives`): library exercises only, within the runner's equipment, and nothing that would
 * break the phase's rules if chosen.
 */
import type { Phase } from '../phases';
import type { Equipment } from '../prefs';
import { BLOCK_PHASES, LIGHT_PHASES } from './doses';
import { getExercise, isExerciseAvailable } from './library';
import type { Exercise } from './library';
import type { Alternatives } from './types';

/** Most swaps listed: enough choice without a wall of names. */
export const MAX_SWAPS = 3;

/** Options of {@link alternativesFor}. */
export interface AlternativesForOptions {
  phase: Phase;
  equipment: readonly Equipment[];
  /** A new lifter's bodyweight introduction: only bodyweight options are offered. */
  intro?: boolean;
  /** Ids already in the session: never offered, so a swap can't make a session repeat itself. */
  exclude?: ReadonlySet<string>;
}

/**
 * Whether `candidate` may stand in for `exercise` in this phase:
 * - within the runner's equipment (SPEC §6: what the runner is shown uses only their equipment);
 * - a jump only for a jump, and a lift only for a lift, so a swap never moves jumps out of their
 *   place first in the session or into a phase without them;
 * - in taper, race week and recovery only bodyweight exercises that don't leave the legs sore,
 *   and in a new lifter's introduction only bodyweight ones.
 */
export function canStandIn(
  exercise: Exercise,
  candidate: Exercise,
  options: AlternativesForOptions,
): boolean {
  if (candidate.id === exercise.id || options.exclude?.has(candidate.id)) return false;
  if (!isExerciseAvailable(candidate, options.equipment)) return false;
  if (candidate.plyometric !== exercise.plyometric) return false;
  if (LIGHT_PHASES.has(options.phase)) return candidate.bodyweight && !candidate.sorenessRisk;
  if (options.intro) return candidate.bodyweight;
  return true;
}

/**
 * The alternatives of one exercise for this runner and phase: the nearest easier and harder
 * exercise they can do, and up to {@link MAX_SWAPS} swaps for the same job, all by library name.
 * `harder` is offered only in off-season and base: near a race nothing gets harder (SPEC §6:
 * nothing new and nothing sore-making arrives near a race).
 *
 * @example alternativesFor(getExercise('goblet-squat'), { phase: 'base', equipment: ['dumbbells'] })
 *   // { easier: 'Bodyweight squat', harder: undefined, swaps: ['Split squat', …] } — no barbell
 */
export function alternativesFor(exercise: Exercise, options: AlternativesForOptions): Alternatives {
  const fits = (e: Exercise) => canStandIn(exercise, e, options);
  const easier = exercise.easier.map(getExercise).find(fits);
  const harder =
    BLOCK_PHASES.has(options.phase) && !options.intro
      ? exercise.harder.map(getExercise).find(fits)
      : undefined;
  const shown = new Set([easier?.id, harder?.id]);
  const swaps = exercise.swaps
    .map(getExercise)
    .filter((e) => fits(e) && !shown.has(e.id))
    .slice(0, MAX_SWAPS)
    .map((e) => e.name);
  return {
    ...(easier ? { easier: easier.name } : {}),
    ...(harder ? { harder: harder.name } : {}),
    swaps,
  };
}

/** Every name an alternatives object offers, easier first. */
export function offeredNames(alternatives: Alternatives): string[] {
  return [
    ...(alternatives.easier ? [alternatives.easier] : []),
    ...(alternatives.harder ? [alternatives.harder] : []),
    ...alternatives.swaps,
  ];
}
