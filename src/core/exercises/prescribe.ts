/**
 * One exercise's prescription: its dose from the table, what loads it, its alternatives, and the
 * plain words for how hard and how to progress (SPEC §6: double progression "said in words on
 * the session").
 */
import type { Phase } from '../phases';
import type { Equipment, LiftingExperience, WeightUnit } from '../prefs';
import { formatWeight } from '../units';
import { alternativesFor } from './alternatives';
import { BLOCK_PHASES, doseClassOf, doseFor, LIGHT_PHASES } from './doses';
import type { Dose, DoseClass, DoseContext, Range } from './doses';
import { findExercise, implementFor, nameInSentence } from './library';
import type { Exercise, Implement } from './library';
import type { SlotRole } from './templates';
import type { Prescription } from './types';

/** Weeks of bodyweight introduction a new lifter gets (SPEC §6). */
export const INTRO_WEEKS = 2;

/**
 * What the training log says to aim for next on one exercise (SPEC §6b), keyed by exercise name.
 * Issue 13 fills it from the log; absent, the prescription has no weight and says how to find one.
 */
export interface ExerciseTarget {
  /** Target weight in kg. */
  kg?: number;
  /** Reps to aim for in each set. */
  reps?: number;
  /** The adaptation rule in plain words ("every set at the top of the range: up a step"). */
  why?: string;
  /**
   * The log says the next step is due and there is no weight to add: the harder version or a
   * stronger band, from the bottom of the range.
   */
  harderStep?: boolean;
}

/** Where the prescription is, beyond the exercise itself. */
export interface PrescribeContext {
  phase: Phase;
  /** Block week 1–4 (1 outside off-season and base). */
  blockWeek: number;
  deload: boolean;
  rampIn: boolean;
  /** A new lifter's introduction week (1 or 2), absent otherwise. */
  introWeek?: number;
  experience: LiftingExperience;
  equipment: readonly Equipment[];
  weightUnit: WeightUnit;
  /** From the log, for this exercise. */
  target?: ExerciseTarget;
  /** During the introduction: the loaded lift this bodyweight movement prepares for. */
  loadedLater?: Exercise;
  /** Ids of the session's other exercises, never offered as alternatives. */
  exclude?: ReadonlySet<string>;
}

/** The slot the exercise fills. */
export interface SlotInfo {
  role: SlotRole;
  main: boolean;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "1–2", or "3+" when the range only says "at least". */
export function formatRir([low, high]: readonly [number, number]): string {
  if (low === high) return String(low);
  if (low >= 3 && high >= low + 1) return `${low}+`;
  return `${low}–${high}`;
}

function formatReps([low, high]: Range): number | string {
  return low === high ? low : `${low}-${high}`;
}

/**
 * Seconds of a hold: in a block it climbs 5 s a week from the bottom of the range to the top
 * (week 3, kept in the deload); build keeps the top; light phases and the introduction hold the
 * bottom.
 */
function holdSeconds([low, high]: Range, context: PrescribeContext): number {
  if (low === high || context.introWeek !== undefined) return low;
  if (!BLOCK_PHASES.has(context.phase)) return LIGHT_PHASES.has(context.phase) ? low : high;
  const week = context.deload ? 3 : Math.min(3, context.rampIn ? 1 : context.blockWeek);
  return Math.round((low + ((high - low) * (week - 1)) / 2) / 5) * 5;
}

const IMPLEMENT_WORDS: Readonly<Record<Implement, string>> = {
  barbell: 'with a barbell',
  dumbbells: 'with dumbbells',
  kettlebell: 'with a kettlebell',
  bands: 'with a band',
};

function stepUpWords(implement: Implement, unit: WeightUnit): string {
  switch (implement) {
    case 'barbell':
      return unit === 'lb' ? 'go up 5 lb' : 'go up 2.5 kg';
    case 'dumbbells':
      return 'go up to the next dumbbell';
    case 'kettlebell':
      return 'go up to the next kettlebell';
    case 'bands':
      return 'use a stronger band';
  }
}

/** The nearest harder thing the runner can do: a library exercise, or the in-place tip. */
function harderWords(exercise: Exercise, harderName: string | undefined): string {
  return harderName
    ? `move on to the ${nameInSentence(harderName)}`
    : `make it harder: ${lowerFirst(exercise.harderTip)}`;
}

interface Words {
  cls: DoseClass;
  dose: Dose;
  sets: number;
  seconds?: number;
  perSide: boolean;
  implement?: Implement;
  kg?: number;
}

function loadWords(exercise: Exercise, w: Words, context: PrescribeContext): string {
  const rir = `${formatRir(w.dose.rir)} reps in reserve`;
  if (w.cls === 'plyo') return 'Explosive, with soft, quiet landings';
  if (w.seconds !== undefined) return 'Brace hard; end each hold while the position is still clean';
  if (LIGHT_PHASES.has(context.phase) || context.introWeek !== undefined) {
    return `Bodyweight; stop each set with ${rir}`;
  }
  const how = w.implement ? IMPLEMENT_WORDS[w.implement] : 'bodyweight';
  const rampUp =
    w.dose.rampUpSets > 0 && w.cls === 'main' && w.implement
      ? `, after ${w.dose.rampUpSets} lighter ramp-up set${w.dose.rampUpSets > 1 ? 's' : ''}`
      : '';
  const target = w.kg !== undefined ? ` at ${formatWeight(w.kg, context.weightUnit)}` : '';
  return `${how.charAt(0).toUpperCase()}${how.slice(1)}${target}${rampUp}; stop each set with ${rir}`;
}

function progressionWords(
  exercise: Exercise,
  w: Words,
  context: PrescribeContext,
  harderName: string | undefined,
): string {
  const per = w.perSide ? ' each side' : '';
  const [low, top] = w.dose.reps;
  const range = low === top ? String(low) : `${low}–${top}`;
  const rirHigh = w.dose.rir[1];
  if (w.cls === 'plyo') {
    return 'Quality over quantity: rest fully between sets and stop as soon as the landings get loud or slow.';
  }
  switch (context.phase) {
    case 'taper':
      return 'Taper: smooth bodyweight reps, far from failure; nothing new and nothing to prove.';
    case 'race-week':
      return 'Race week: just enough to wake the legs up; nothing should feel like work.';
    case 'recovery':
      return 'Recovery: easy range, stop at any pain; the legs are still mending from the race.';
    default:
      break;
  }
  if (context.introWeek !== undefined) {
    const later =
      context.loadedLater && context.loadedLater.id !== exercise.id
        ? `; the ${nameInSentence(context.loadedLater.name)} takes its place after the introduction`
        : '';
    const how =
      w.seconds !== undefined ? 'short, clean holds' : 'slow, controlled reps at bodyweight';
    return `Learning week ${context.introWeek} of ${INTRO_WEEKS}: ${how}${later}.`;
  }
  if (context.deload) {
    const thing = w.implement && w.implement !== 'bands' ? 'weight' : 'version';
    const sets = `${w.sets} set${w.sets === 1 ? '' : 's'}`;
    // Core work often keeps its two sets in a deload: "2 sets instead of 2" would read as a typo.
    const fewer =
      w.sets < w.dose.peakSets ? `${sets} instead of ${w.dose.peakSets}` : `still ${sets}`;
    return `Deload: the same ${thing} as last week, ${fewer}; no extra reps or weight this week.`;
  }
  if (context.phase === 'build') {
    if (w.seconds !== undefined) {
      return `Maintenance: the same hold as in base, ${w.sets} × ${w.seconds} s${per}; no need to hold longer.`;
    }
    return w.implement && w.implement !== 'bands'
      ? `Maintenance: keep the weight you reached in base for ${w.sets} × ${range}${per}, ${formatRir(w.dose.rir)} in reserve; don't chase reps or weight.`
      : `Maintenance: the same version as in base, ${w.sets} × ${range}${per}; no need to push the reps.`;
  }
  if (w.seconds !== undefined) {
    const max = w.dose.seconds[1];
    return w.seconds < max
      ? `Hold 5 s longer each week up to ${max} s; once ${w.sets} × ${max} s${per} feels steady, ${harderWords(exercise, harderName)}.`
      : `Once ${w.sets} × ${max} s${per} feels steady, ${harderWords(exercise, harderName)}.`;
  }
  const then = w.implement
    ? `${stepUpWords(w.implement, context.weightUnit)} and start again at ${low}`
    : harderWords(exercise, harderName);
  if (context.target?.harderStep && w.kg === undefined && !context.rampIn) {
    return `Time to progress: every set reached ${top}${per} last time, so ${then}. Then add a rep to each set when you can.`;
  }
  const why = context.target?.why ? ` (${context.target.why})` : '';
  const aimReps = context.target?.reps;
  // A target from the log says where this runner is; the block's generic start would contradict it.
  const target =
    w.kg !== undefined
      ? `Target: ${formatWeight(w.kg, context.weightUnit)}${aimReps ? ` for ${aimReps} reps${per}` : ''}${why}. `
      : aimReps
        ? `Target: ${aimReps} reps${per} a set${why}. `
        : '';
  const lead = context.rampIn
    ? `Easing back in: start at ${w.sets} × ${target ? (aimReps ?? low) : low}${per} and keep it comfortable. `
    : context.blockWeek === 1 && !target
      ? w.implement && w.implement !== 'bands'
        ? `New block: start at ${w.sets} × ${low}${per} with a weight that leaves about ${rirHigh + 1} in reserve. `
        : `New block: start at ${w.sets} × ${low}${per}. `
      : '';
  return `${lead}${target}Add a rep to each set when you can; once you reach ${w.sets} × ${top}${per} with ${rirHigh} in reserve, ${then}.`;
}

/** What the dose table needs to know of a session's context. */
export function doseContextOf(context: PrescribeContext): DoseContext {
  return {
    phase: context.phase,
    blockWeek: context.rampIn ? 1 : context.blockWeek,
    deload: context.deload,
    intro: context.introWeek !== undefined,
    experience: context.experience,
    ...(context.rampIn ? { rampInWeek: context.blockWeek } : {}),
  };
}

/**
 * The prescription of one exercise in one session.
 *
 * @throws {Error} when the exercise has no dose in this phase (a jump in build or a light phase:
 *   the selection never asks for one, so this is a programmer error).
 */
export function prescribe(
  exercise: Exercise,
  slot: SlotInfo,
  context: PrescribeContext,
): Prescription {
  const light = LIGHT_PHASES.has(context.phase);
  const intro = context.introWeek !== undefined;
  const cls = doseClassOf(exercise, slot.main, light);
  const dose = doseFor(cls, doseContextOf(context));
  if (!dose) {
    throw new Error(`${JSON.stringify(exercise.name)} has no dose in ${context.phase}`);
  }
  const implement = light || intro ? undefined : implementFor(exercise, context.equipment);
  const perSide = exercise.unilateral && !exercise.plyometric;
  const seconds = exercise.unit === 'seconds' ? holdSeconds(dose.seconds, context) : undefined;
  const kg =
    implement !== undefined && implement !== 'bands' && context.target?.kg !== undefined
      ? context.target.kg
      : undefined;
  const alternatives = alternativesFor(exercise, {
    phase: context.phase,
    equipment: context.equipment,
    intro,
    ...(context.exclude ? { exclude: context.exclude } : {}),
  });
  const words: Words = {
    cls,
    dose,
    sets: dose.sets,
    ...(seconds !== undefined ? { seconds } : {}),
    perSide,
    ...(implement ? { implement } : {}),
    ...(kg !== undefined ? { kg } : {}),
  };
  const rampUpSets = cls === 'main' && implement ? dose.rampUpSets : 0;
  const common = {
    id: exercise.id,
    name: exercise.name,
    sets: dose.sets,
    ...(perSide ? { perSide: true } : {}),
    restSeconds: dose.restSeconds,
    rir: [dose.rir[0], dose.rir[1]] as [number, number],
    ...(rampUpSets > 0 ? { rampUpSets } : {}),
    cue: exercise.cue,
    load: loadWords(exercise, words, context),
    progression: progressionWords(exercise, words, context, alternatives.harder),
    ...(implement ? { implement } : {}),
    ...(kg !== undefined ? { kg } : {}),
    role: slot.role,
    doseClass: cls,
    mainSlot: slot.main,
    alternatives,
  };
  return seconds !== undefined
    ? { ...common, seconds }
    : { ...common, reps: formatReps(dose.reps) };
}

/**
 * The same prescription with fewer sets (fitting a short slot, or a deload measured from the
 * sets the runner really did in the block's biggest week), its words kept in step: a deload or
 * maintenance line that names the set count is rewritten. `peakSets` replaces the table's peak in
 * "2 sets instead of 3".
 */
export function withSets(
  p: Prescription,
  sets: number,
  context: PrescribeContext,
  peakSets?: number,
): Prescription {
  if (sets === p.sets && peakSets === undefined) return p;
  const exercise = findExercise(p.id);
  if (!exercise) return { ...p, sets };
  const dose = doseFor(p.doseClass, doseContextOf(context));
  if (!dose) return { ...p, sets };
  const words: Words = {
    cls: p.doseClass,
    dose: peakSets === undefined ? dose : { ...dose, peakSets },
    sets,
    ...(p.seconds !== undefined ? { seconds: p.seconds } : {}),
    perSide: p.perSide === true,
    ...(p.implement ? { implement: p.implement } : {}),
    ...(p.kg !== undefined ? { kg: p.kg } : {}),
  };
  return {
    ...p,
    sets,
    progression: progressionWords(exercise, words, context, p.alternatives.harder),
  };
}

/**
 * The same prescription with fewer lighter ramp-up sets before its working sets — the very last
 * thing a short slot takes from a heavy lift (one always stays), with its words kept in step.
 */
export function withRampUpSets(
  p: Prescription,
  rampUpSets: number,
  context: PrescribeContext,
): Prescription {
  const exercise = findExercise(p.id);
  const dose = doseFor(p.doseClass, doseContextOf(context));
  if (!exercise || !dose || rampUpSets === (p.rampUpSets ?? 0)) return p;
  const words: Words = {
    cls: p.doseClass,
    dose: { ...dose, rampUpSets },
    sets: p.sets,
    ...(p.seconds !== undefined ? { seconds: p.seconds } : {}),
    perSide: p.perSide === true,
    ...(p.implement ? { implement: p.implement } : {}),
    ...(p.kg !== undefined ? { kg: p.kg } : {}),
  };
  const { rampUpSets: _previous, ...rest } = p;
  return {
    ...rest,
    ...(rampUpSets > 0 ? { rampUpSets } : {}),
    load: loadWords(exercise, words, context),
  } as Prescription;
}
