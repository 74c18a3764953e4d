/** Which exercises a session is made of: the block's fixed choice, the light phases' gentle versions of it, a new lifter's bodyweight start. */
import { fitItem, fitToSlot } from './fit-to-slot';
import {
  COOLDOWN_MINUTES,
  findBodyweightVersion,
  gentleVersion,
  getExercise,
  implementFor,
  isExerciseAvailable,
} from './library';
import { prescribe } from './prescribe';
import { templateFor } from './templates';
import type { Phase } from '../phases';
import type { Equipment, LiftingExperience } from '../prefs';
import type { Exercise } from './library';
import type { PrescribeContext } from './prescribe';
import type { Slot, Variant } from './templates';

export interface Picked {
  exercise: Exercise;
  slot: Slot;
  /** During the introduction: the loaded lift this bodyweight movement stands in for. */
  loadedLater?: Exercise;
}

export function pickSlot(slot: Slot, equipment: readonly Equipment[], used: ReadonlySet<string>) {
  for (const candidate of slot.candidates) {
    const exercise = getExercise(candidate.id);
    if (used.has(exercise.id) || !isExerciseAvailable(exercise, equipment)) continue;
    if (candidate.needsLoad && implementFor(exercise, equipment) === undefined) continue;
    return exercise;
  }
  return undefined;
}

/** Selections already made: the same five inputs always give the same block. */
const selections = new Map<string, readonly Picked[]>();
const SELECTION_CACHE_SIZE = 1000;

/**
 * The block's exercises for a loaded phase, sized for the runner's usual session length.
 * Remembered by its inputs (a plan asks for the same block every week of it); the result is
 * shared, so it is read-only.
 */
export function blockSelection(
  phase: 'off-season' | 'base',
  variant: Variant,
  equipment: readonly Equipment[],
  plannedMinutes: number,
  experience: LiftingExperience,
): readonly Picked[] {
  const key = JSON.stringify([phase, variant, [...equipment].sort(), plannedMinutes, experience]);
  const known = selections.get(key);
  if (known) return known;
  const picked = selectBlock(phase, variant, equipment, plannedMinutes, experience);
  if (selections.size >= SELECTION_CACHE_SIZE) selections.clear();
  selections.set(key, picked);
  return picked;
}

function selectBlock(
  phase: 'off-season' | 'base',
  variant: Variant,
  equipment: readonly Equipment[],
  plannedMinutes: number,
  experience: LiftingExperience,
): Picked[] {
  const used = new Set<string>();
  const picked: Picked[] = [];
  for (const slot of templateFor(phase, variant)) {
    const exercise = pickSlot(slot, equipment, used);
    if (!exercise) {
      if (slot.keep === 0) throw new Error(`No exercise for the required ${slot.role} slot`);
      continue;
    }
    used.add(exercise.id);
    picked.push({ exercise, slot });
  }
  // Sized at the block's biggest week: what that week keeps, every week of the block keeps, so
  // only the sets move from week to week.
  const context: PrescribeContext = {
    phase,
    blockWeek: 3,
    deload: false,
    rampIn: false,
    experience,
    equipment,
    weightUnit: 'kg',
  };
  const items = picked.map((p) =>
    fitItem(
      p,
      prescribe(p.exercise, { role: p.slot.role, main: p.slot.main === true }, context),
      context,
    ),
  );
  fitToSlot(items, plannedMinutes, COOLDOWN_MINUTES);
  return picked.filter((p) => items.some((i) => i.slot === p.slot));
}

/**
 * Taper, race week and recovery draw only on what the runner has done in base and build (SPEC
 * §6), at bodyweight and in the gentlest familiar version: no jumps, no upper body, nothing that
 * leaves the legs sore. Race week also leaves out the lateral work: four exercises and mobility.
 */
export function lightSelection(phase: Phase, done: readonly Picked[]): Picked[] {
  const used = new Set<string>();
  const out: Picked[] = [];
  for (const p of done) {
    if (p.slot.role === 'plyo' || p.slot.role === 'upper') continue;
    if (phase === 'race-week' && p.slot.role === 'lateral') continue;
    const exercise = gentleVersion(p.exercise);
    if (!exercise || used.has(exercise.id)) continue;
    used.add(exercise.id);
    out.push({ exercise, slot: p.slot });
  }
  return out;
}

/**
 * A new lifter's introduction: the block's movements at bodyweight in their gentlest version, no
 * jumps yet. A movement with no bodyweight form (a band row) gives way to its bodyweight swap (a
 * push-up).
 */
export function introSelection(picked: readonly Picked[]): Picked[] {
  const used = new Set<string>();
  const out: Picked[] = [];
  for (const p of picked) {
    if (p.slot.role === 'plyo') continue;
    // The gentlest familiar version: nothing that leaves a beginner too sore to run.
    const bodyweight =
      findBodyweightVersion(p.exercise) ??
      p.exercise.swaps.map(getExercise).find((e) => e.bodyweight && !e.plyometric);
    const exercise = bodyweight && gentleVersion(bodyweight);
    if (!exercise || used.has(exercise.id)) continue;
    used.add(exercise.id);
    out.push({ exercise, slot: p.slot, loadedLater: p.exercise });
  }
  return out;
}
