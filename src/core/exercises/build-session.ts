/**
 * Builds one strength session (SPEC §6) for a phase, the runner's equipment and the minutes the
 * slot allows, with progressive overload across the weeks of a phase.
 */
import { PHASE_RULES } from '../phases';
import type { Load, Phase } from '../phases';
import type { Equipment } from '../prefs';
import { estimateSessionMinutes } from './estimate';
import { COOLDOWN, getExercise, isExerciseAvailable, WARMUP } from './library';
import type { Exercise } from './library';
import {
  LIGHT_PHASES,
  PLYOMETRIC_PHASES,
  prescribe,
  profileFor,
  sizingStepsFor,
  stepsFor,
} from './dosing';
import type { Profile, Step } from './dosing';
import { LIGHT_TEMPLATES, TEMPLATES } from './templates';
import type { Slot } from './templates';
import type { Prescription, StrengthSession } from './types';

/** Options of {@link buildSession}. */
export interface BuildSessionOptions {
  phase: Phase;
  /** What the runner owns or has access to; bodyweight is always available, listed or not. */
  equipment: readonly Equipment[];
  /** Length of the slot; the estimate fits it whenever a valid session can (see buildSession). */
  minutes: number;
  /** 0-based index of this week among consecutive weeks of the plan in the same phase. */
  week: number;
  /** 0-based index of the session within its week; sessions alternate between A and B. */
  variant: number;
  /** Defaults to the phase's load (`PHASE_RULES`). Taper, race week and recovery are always light. */
  load?: Load;
}

/** Fewest exercises in a session: posterior chain, single-leg, core and one more. */
export const MIN_EXERCISES = 4;
/** Most exercises in a session. */
export const MAX_EXERCISES = 6;
/**
 * Slots at least this long always get a session that fits; shorter ones may get the shortest valid
 * session, whose `estimatedMinutes` is then above the slot.
 */
export const MIN_FITTING_MINUTES = 20;

interface Picked {
  exercise: Exercise;
  slot: Slot;
}

/** How far a session is cut down to fit its slot. */
interface Shape {
  maxExercises: number;
  /** Most sets of a main lift (before a progression's extra set). */
  capMain: number;
  /** Most sets of any other compound lift. */
  capCompound: number;
  /** Most sets of accessories, holds and jumps. */
  capOther: number;
}

/**
 * Ways to shorten a session, least damaging first: drop the sixth exercise, trim accessories and
 * core to two sets, drop the fifth, then take sets away from the other lifts before the main ones,
 * never below one. The main lifts keep their sets longest because they carry most of the strength
 * stimulus.
 */
const SHAPES: readonly [Shape, ...Shape[]] = [
  { maxExercises: 6, capMain: Infinity, capCompound: Infinity, capOther: Infinity },
  { maxExercises: 5, capMain: Infinity, capCompound: Infinity, capOther: Infinity },
  { maxExercises: 5, capMain: Infinity, capCompound: Infinity, capOther: 2 },
  { maxExercises: 4, capMain: Infinity, capCompound: Infinity, capOther: 2 },
  { maxExercises: 4, capMain: Infinity, capCompound: 2, capOther: 2 },
  { maxExercises: 4, capMain: 2, capCompound: 2, capOther: 2 },
  { maxExercises: 4, capMain: 2, capCompound: 2, capOther: 1 },
  { maxExercises: 4, capMain: 2, capCompound: 1, capOther: 1 },
  { maxExercises: 4, capMain: 1, capCompound: 1, capOther: 1 },
];

function last<T>(items: readonly [T, ...T[]]): T {
  return items[items.length - 1] ?? items[0];
}

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
}

/** The load a session actually gets: the light phases stay light whatever is asked (safety wins). */
function effectiveLoad(phase: Phase, load: Load | undefined): Load {
  if (LIGHT_PHASES.has(phase)) return 'light';
  return load ?? PHASE_RULES[phase].load;
}

function pickExercises(
  slots: readonly Slot[],
  equipment: readonly Equipment[],
  light: boolean,
  jumps: boolean,
): Picked[] {
  const used = new Set<string>();
  const picked: Picked[] = [];
  for (const slot of slots) {
    const exercise = slot.candidates
      .map(getExercise)
      .find(
        (e) =>
          !used.has(e.id) &&
          (light ? e.bodyweight : isExerciseAvailable(e, equipment)) &&
          (jumps || !e.plyometric),
      );
    if (!exercise) {
      // Only optional slots can come up empty (a jump slot when jumps aren't allowed): each
      // required slot ends on a bodyweight exercise.
      if (slot.keep === 0) throw new Error(`No exercise for the required ${slot.role} slot`);
      continue;
    }
    used.add(exercise.id);
    picked.push({ exercise, slot });
  }
  return picked;
}

/** The picked exercises without the least important optional ones, in session order. */
function trimExercises(picked: readonly Picked[], maxExercises: number): Picked[] {
  const limit = Math.max(MIN_EXERCISES, maxExercises);
  const dropOrder = picked.filter((p) => p.slot.keep > 0).sort((a, b) => b.slot.keep - a.slot.keep);
  const dropped = new Set(dropOrder.slice(0, Math.max(0, picked.length - limit)));
  return picked.filter((p) => !dropped.has(p));
}

function prescribeAll(
  picked: readonly Picked[],
  shape: Shape,
  step: Step,
  profile: Profile,
  equipment: readonly Equipment[],
): Prescription[] {
  return trimExercises(picked, shape.maxExercises).map(({ exercise, slot }) =>
    prescribe(exercise, {
      profile,
      step,
      equipment,
      main: slot.main === true,
      capCompound: slot.main === true ? shape.capMain : shape.capCompound,
      capOther: shape.capOther,
    }),
  );
}

function describeFocus(phase: Phase, load: Load, exercises: readonly Exercise[]): string {
  if (load === 'light') {
    return phase === 'race-week' ? 'very light bodyweight + core' : 'light bodyweight + core';
  }
  const upper = exercises.some((e) => e.pattern === 'push' || e.pattern === 'pull');
  const jumps = exercises.some((e) => e.plyometric);
  const prefix = phase === 'build' ? 'maintenance ' : load === 'heavy' ? 'heavy ' : '';
  return [
    `${prefix}${upper ? 'full body' : 'lower body'}`,
    ...(jumps ? ['power'] : []),
    'core',
  ].join(' + ');
}

/**
 * Minutes for a title: the estimate rounded up to 5, so the title never promises a shorter
 * session than it is, yet never past the slot (37 in a 38-min slot says 37, not 40).
 */
function roundForTitle(estimated: number, slot: number): number {
  const rounded = Math.ceil(estimated / 5) * 5;
  return rounded <= Math.max(slot, estimated) ? rounded : estimated;
}

/**
 * Builds a strength session: a warm-up, 4–6 exercises and a cool-down chosen by phase, equipment
 * and the slot's length.
 *
 * Rules (SPEC §6): a posterior-chain exercise first; at least one single-leg exercise; core in every
 * session; at most one plyometric exercise, only in off-season and base, placed second while the
 * legs are fresh; bodyweight only in taper, race week and recovery, whatever the equipment.
 * Variant 0 and 1 are different sessions (A and B) wherever the library has an alternative.
 *
 * Fitting the slot: the session is cut down step by step (drop accessories, then sets, never below
 * one set or four exercises) until `estimatedMinutes` ≤ `minutes`. A slot too short even for four
 * exercises of one set each (below {@link MIN_FITTING_MINUTES}) gets that shortest session anyway,
 * and `estimatedMinutes` says how long it really takes, so the caller can decide.
 *
 * Progressive overload (`week`): off-season and base add reps within the range, then a little
 * weight, then a set on the main lifts (at most 4), then hold; the exercise selection is sized
 * for the progressed weeks, so a block keeps the same exercises and its volume never falls.
 * Build holds; the taper cuts; recovery eases back in.
 *
 * Deterministic: the same options always give the same session.
 *
 * @throws {RangeError} when `minutes` isn't a positive number or `week`/`variant` aren't whole
 *   numbers ≥ 0 (programmer errors).
 * @example buildSession({ phase: 'base', equipment: ['dumbbells'], minutes: 40, week: 0, variant: 0 })
 *   // { title: 'Strength · lower body + core (40 min)', estimatedMinutes: 37,
 *   //   exercises: [Romanian deadlift, Goblet squat, Reverse lunge, Standing calf raise, Plank] }
 */
export function buildSession(options: BuildSessionOptions): StrengthSession {
  const { phase, equipment, minutes, week, variant } = options;
  if (!Number.isFinite(minutes) || minutes <= 0) {
    throw new RangeError(`minutes must be a positive number, got ${String(minutes)}`);
  }
  assertCount('week', week);
  assertCount('variant', variant);

  const load = effectiveLoad(phase, options.load);
  const light = load === 'light';
  const jumps = !light && PLYOMETRIC_PHASES.has(phase);
  const templates = light && !LIGHT_PHASES.has(phase) ? LIGHT_TEMPLATES : TEMPLATES[phase];
  const template = variant % 2 === 0 ? templates[0] : templates[1];
  const picked = pickExercises(template, equipment, light, jumps);
  const profile = profileFor(phase, load, week);

  const fits = (shape: Shape, step: Step): boolean =>
    estimateSessionMinutes(prescribeAll(picked, shape, step, profile, equipment)) <= minutes;

  // The shape is fixed by the sizing steps, not by this week's, so every week of a block has the
  // same exercises and only the dose moves.
  let shape = last(SHAPES);
  sizing: for (const step of sizingStepsFor(phase, load, week)) {
    for (const candidate of SHAPES) {
      if (fits(candidate, step)) {
        shape = candidate;
        break sizing;
      }
    }
  }
  const steps = stepsFor(phase, load, week);
  const step = steps.find((s) => fits(shape, s)) ?? last(steps);

  const exercises = prescribeAll(picked, shape, step, profile, equipment);
  const estimatedMinutes = estimateSessionMinutes(exercises);
  const focus = describeFocus(
    phase,
    load,
    exercises.map((p) => getExercise(p.id)),
  );
  return {
    title: `Strength · ${focus} (${roundForTitle(estimatedMinutes, minutes)} min)`,
    focus,
    load,
    warmup: [...WARMUP],
    exercises,
    cooldown: [...COOLDOWN],
    estimatedMinutes,
  };
}
