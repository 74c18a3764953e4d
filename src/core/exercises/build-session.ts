/**
 * Builds one strength session (SPEC §6): the block's fixed exercises for the runner's equipment,
 * dosed from the dose table for the phase and block week, fitted to the slot, with alternatives
 * and progression words on every exercise.
 */
import { alternativesFor } from './alternatives';
import { BLOCK_PHASES, DELOAD_SET_FACTOR, LIGHT_PHASES, PHASE_MAX_MINUTES } from './doses';
import { estimateSessionMinutes } from './estimate';
import { TRIM_ORDER, fitItem, fitToSlot } from './fit-to-slot';
import {
  COOLDOWN,
  COOLDOWN_MINUTES,
  MOBILITY,
  MOBILITY_MINUTES,
  equipmentForExperience,
  findExercise,
  findExerciseByName,
  WARMUP,
} from './library';
import { BLOCK_WEEKS } from './blocks';
import { INTRO_WEEKS, prescribe, withSets } from './prescribe';
import { blockSelection, introSelection, lightSelection } from './select-exercises';
import { describeBlock, describeFocus, roundForTitle, sessionLoad } from './session-words';
import { variantOf } from './templates';
import type { Phase } from '../phases';
import type { Equipment, LiftingExperience, WeightUnit } from '../prefs';
import type { BlockPosition } from './blocks';
import type { FitItem } from './fit-to-slot';
import type { Exercise } from './library';
import type { ExerciseTarget, PrescribeContext } from './prescribe';
import type { Variant } from './templates';
import type { Prescription, SessionBasis, StrengthSession } from './types';

/**
 * Builds one strength session (SPEC §6): the block's fixed exercises for the runner's equipment,
 * dosed from the dose table for the phase and block week, fitted to the slot, with alternatives
 * and progression words on every exercise.
 */

/** Options of {@link buildSession}. */
export interface BuildSessionOptions {
  phase: Phase;
  /** What the runner owns or has access to; bodyweight is always available, listed or not. */
  equipment: readonly Equipment[];
  /** Length of this slot; the session fits it whenever a valid session can (see buildSession). */
  minutes: number;
  /**
   * The runner's usual session length (`prefs.sessionMinutes`). The block's exercises are chosen
   * for it, so a shorter slot one week trims sets rather than changing exercises. Defaults to
   * `minutes`.
   */
  plannedMinutes?: number;
  /** The session's index in its week (0 = A, 1 = B, 2 = the off-season's lighter C), or A/B/C. */
  variant: number | Variant;
  /** Off-season and base: the week's place in its block, from {@link blockForWeek}. */
  block?: Pick<BlockPosition, 'week' | 'of' | 'deload'> &
    Partial<Pick<BlockPosition, 'rampIn' | 'restarted' | 'held'>>;
  /** `prefs.liftingExperience` (default `some`). */
  experience?: LiftingExperience;
  /**
   * 0-based week of the runner's lifting with Ironstride: from the training log's first entry
   * when there is one, else counted from the plan's first week. A `new` lifter's first
   * {@link INTRO_WEEKS} weeks are the bodyweight introduction. Default 0.
   */
  liftingWeek?: number;
  /** `prefs.weightUnit` (default `kg`): only the words change, never the stored kilograms. */
  weightUnit?: WeightUnit;
  /**
   * The training log's next targets by exercise name (SPEC §6b, issue 13): a `kg` shows on the
   * prescription and in its words. Exercises not named keep the plain prescription.
   */
  targets?: Readonly<Record<string, ExerciseTarget>>;
  /**
   * @deprecated The plan's own 0-based week count in this phase, used only when `block` is absent,
   *   as `week % 4 + 1`. Pass `block` from {@link blockForWeek} instead.
   */
  week?: number;
}

export { MAX_EXERCISES, MIN_EXERCISES, MIN_FITTING_MINUTES } from './fit-to-slot';

function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
}

/**
 * A deload keeps about 60 % of the sets the runner really did in the block's biggest week in a
 * slot like this one (SPEC §6: about 40 % fewer sets, same exercises, same loads) — not of the
 * table's week 3, which a short slot may already have trimmed. The cut is spread over the session
 * a set at a time, from the exercise with the most sets (upper body and jumps first on a tie), so
 * rounding each exercise on its own doesn't turn 40 % into 50 %.
 */
function deloadFromPeak(items: FitItem[], options: BuildSessionOptions, of: number): void {
  const peak = buildSession({ ...options, block: { week: 3, of, deload: false } });
  cutSets(items, new Map(peak.exercises.map((p) => [p.id, p.sets])));
}

/**
 * About 40 % fewer sets than `reference` (sets by exercise id), taken from the least important
 * exercises first and never below one set each.
 */
function cutSets(items: FitItem[], reference: ReadonlyMap<string, number>): void {
  const peakSets = reference;
  const sets = new Map(
    items.map((i) => [i, peakSets.get(i.prescription.id) ?? i.prescription.sets]),
  );
  const total = [...sets.values()].reduce((a, b) => a + b, 0);
  let excess = total - Math.max(items.length, Math.round(total * DELOAD_SET_FACTOR));
  const byOrder = [...items].sort((a, b) => TRIM_ORDER[a.slot.role] - TRIM_ORDER[b.slot.role]);
  while (excess > 0) {
    const most = Math.max(...sets.values());
    const item = byOrder.find((i) => sets.get(i) === most && most > 1);
    if (!item) break;
    sets.set(item, most - 1);
    excess--;
  }
  for (const item of items) {
    const before = peakSets.get(item.prescription.id);
    item.prescription = withSets(item.prescription, sets.get(item) ?? 1, item.context, before);
  }
}

function targetFor(
  targets: BuildSessionOptions['targets'],
  exercise: Exercise,
): ExerciseTarget | undefined {
  if (!targets) return undefined;
  for (const [name, target] of Object.entries(targets)) {
    if (findExerciseByName(name)?.id === exercise.id) return target;
  }
  return undefined;
}

function legacyBlock(week: number | undefined): BuildSessionOptions['block'] {
  const w = (week ?? 0) % 4;
  return { week: w + 1, of: 4, deload: w === 3 };
}

/**
 * Builds a strength session: a warm-up, 4–6 exercises and a cool-down (mobility in race week and
 * recovery), chosen for the phase, the runner's equipment and experience, and fitted to the slot.
 *
 * Rules (SPEC §6):
 * - Exercises: session A, B (or the off-season's lighter C) from the templates, the first
 *   candidate the runner's equipment allows; chosen for `plannedMinutes`, so every week of a block
 *   has the same exercises. Build uses base's (without jumps): nothing new near a race. Taper,
 *   race week and recovery use base's at bodyweight, in their gentlest version.
 * - Jumps first after the warm-up, only in off-season and base; calves in every session.
 * - Doses from the dose table for the phase and block week (deload: ~40 % fewer sets).
 * - A `new` lifter's first two weeks are bodyweight versions of the block's lifts.
 * - Fitting: trimmed (sets, then optional exercises, then sets below the table's range) until
 *   `estimatedMinutes` ≤ `minutes`, itself capped at 25 min in taper and recovery and 20 in race
 *   week. A slot too short even for that (below {@link MIN_FITTING_MINUTES}) gets the shortest
 *   valid session anyway, and `estimatedMinutes` says how long it really takes.
 *
 * Deterministic: the same options always give the same session.
 *
 * @throws {RangeError} when `minutes` isn't a positive number, or `liftingWeek`, `week` or a
 *   numeric `variant` isn't a whole number ≥ 0 (programmer errors).
 * @example buildSession({ phase: 'base', equipment: ['dumbbells', 'bands'], minutes: 40, variant: 0,
 *   block: { week: 2, of: 4, deload: false } })
 *   // { headline: 'Base · week 2 of 4', exercises: [Pogo hops, Goblet squat, Single-leg Romanian
 *   //   deadlift, Lateral band walk, Standing calf raise, Plank], … }
 */
export function buildSession(options: BuildSessionOptions): StrengthSession {
  const { phase } = options;
  if (!Number.isFinite(options.minutes) || options.minutes <= 0) {
    throw new RangeError(`minutes must be a positive number, got ${String(options.minutes)}`);
  }
  if (options.plannedMinutes !== undefined && !(options.plannedMinutes > 0)) {
    throw new RangeError(
      `plannedMinutes must be a positive number, got ${String(options.plannedMinutes)}`,
    );
  }
  if (typeof options.variant === 'number') assertCount('variant', options.variant);
  if (options.week !== undefined) assertCount('week', options.week);
  const liftingWeek = options.liftingWeek ?? 0;
  assertCount('liftingWeek', liftingWeek);

  const experience = options.experience ?? 'some';
  const equipment = equipmentForExperience(options.equipment, experience);
  const weightUnit = options.weightUnit ?? 'kg';
  const variant =
    typeof options.variant === 'number' ? variantOf(phase, options.variant) : options.variant;
  const light = LIGHT_PHASES.has(phase);
  const intro = !light && experience === 'new' && liftingWeek < INTRO_WEEKS;
  const introWeek = intro ? liftingWeek + 1 : undefined;
  const block = BLOCK_PHASES.has(phase) ? (options.block ?? legacyBlock(options.week)) : undefined;
  const cap = PHASE_MAX_MINUTES[phase] ?? Infinity;
  const minutes = Math.min(options.minutes, cap);
  const plannedMinutes = options.plannedMinutes ?? options.minutes;

  const familyPhase = phase === 'off-season' ? 'off-season' : 'base';
  // A C session only exists in the off-season; elsewhere a third index is an A.
  const familyVariant = familyPhase === 'off-season' || variant !== 'C' ? variant : 'A';
  const done = blockSelection(familyPhase, familyVariant, equipment, plannedMinutes, experience);
  // Jumps wait through build and through the ramp-in after a race: they come back with the
  // first full block, once the legs have had loaded weeks again.
  // A new lifter's jumps wait for a block of loaded weeks too: tendons adapt more slowly than
  // muscles, and landing well needs the strength those weeks build.
  const newLifterJumpsWait = experience === 'new' && liftingWeek < INTRO_WEEKS + BLOCK_WEEKS;
  const noJumps = phase === 'build' || block?.rampIn === true || newLifterJumpsWait;
  const inPhase = noJumps ? done.filter((p) => p.slot.role !== 'plyo') : done;
  const picked = light ? lightSelection(phase, inPhase) : intro ? introSelection(inPhase) : inPhase;

  const contexts = picked.map((p): PrescribeContext => ({
    phase,
    blockWeek: block?.week ?? 1,
    deload: block?.deload ?? false,
    rampIn: block?.rampIn ?? false,
    ...(introWeek !== undefined ? { introWeek } : {}),
    experience,
    equipment,
    weightUnit,
    ...(p.loadedLater ? { loadedLater: p.loadedLater } : {}),
    ...(() => {
      const target = targetFor(options.targets, p.exercise);
      return target ? { target } : {};
    })(),
  }));
  const prescriptions = picked.map((p, i) =>
    prescribe(
      p.exercise,
      { role: p.slot.role, main: p.slot.main === true },
      contexts[i] as PrescribeContext,
    ),
  );
  const cooldownMinutes =
    phase === 'race-week' || phase === 'recovery' ? MOBILITY_MINUTES : COOLDOWN_MINUTES;
  const items = picked.map((p, i) =>
    fitItem(p, prescriptions[i] as Prescription, contexts[i] as PrescribeContext),
  );
  if (block?.deload && introWeek === undefined) deloadFromPeak(items, options, block.of);
  // The first week back after a race's recovery week: a deload's volume on week 1's doses.
  if (block?.rampIn && block.week === 1 && block.of > 1 && introWeek === undefined) {
    cutSets(items, new Map(items.map((i) => [i.prescription.id, i.prescription.sets])));
  }
  const dropped = fitToSlot(items, minutes, cooldownMinutes);
  const exercises = items.map((i) => i.prescription);
  const estimatedMinutes = estimateSessionMinutes(exercises, cooldownMinutes);
  const deload = block?.deload ?? false;
  const focus = describeFocus(phase, variant, deload, intro, exercises);
  const firstLoaded = !light && experience === 'new' && liftingWeek === INTRO_WEEKS;
  const logged = Object.keys(options.targets ?? {}).length > 0;
  const { headline, notes } = describeBlock(phase, variant, block, introWeek, dropped, {
    firstLoaded,
    logged,
  });
  const mobility = cooldownMinutes === MOBILITY_MINUTES;
  const basis: SessionBasis = {
    phase,
    variant,
    blockWeek: block?.week ?? 1,
    deload,
    rampIn: block?.rampIn ?? false,
    ...(introWeek !== undefined ? { introWeek } : {}),
    experience,
    equipment: [...equipment],
    weightUnit,
    minutes,
  };
  return {
    title: `Strength · ${focus} (${roundForTitle(estimatedMinutes, minutes)} min)`,
    focus,
    load: sessionLoad(phase, variant, deload, intro),
    phase,
    variant,
    ...(block ? { block: { week: block.week, of: block.of, deload: block.deload } } : {}),
    headline,
    notes,
    warmup: [...WARMUP],
    exercises,
    cooldownTitle: mobility ? 'Mobility' : 'Cool-down',
    cooldown: [...(mobility ? MOBILITY : COOLDOWN)],
    cooldownMinutes,
    estimatedMinutes,
    basis,
  };
}

/**
 * Re-derives the parts of a session that depend on its exercises (after a swap): alternatives,
 * focus, title and estimate.
 */
export function refreshSession(session: StrengthSession, changed: Prescription[]): StrengthSession {
  const { basis } = session;
  const inSession = new Set(changed.map((p) => p.id));
  // What is offered follows what is now in the session: a swapped-in exercise is no longer
  // offered elsewhere.
  const exercises = changed.map((p) => {
    const exercise = findExercise(p.id);
    if (!exercise) return p;
    return {
      ...p,
      alternatives: alternativesFor(exercise, {
        phase: basis.phase,
        equipment: basis.equipment,
        intro: basis.introWeek !== undefined,
        exclude: inSession,
      }),
    };
  });
  const estimatedMinutes = estimateSessionMinutes(exercises, session.cooldownMinutes);
  const focus = describeFocus(
    basis.phase,
    basis.variant,
    basis.deload,
    basis.introWeek !== undefined,
    exercises,
  );
  return {
    ...session,
    exercises,
    focus,
    title: `Strength · ${focus} (${roundForTitle(estimatedMinutes, basis.minutes)} min)`,
    estimatedMinutes,
  };
}
