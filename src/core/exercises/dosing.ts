/**
 * Sets, reps, rest and effort for each phase (SPEC §4 and §6), and how they move from week to
 * week. Numbers follow the seed articles: heavier loads with fewer reps and long rests build
 * strength (off-season); 3 × 8–12 at 60–90 s is the general base; maintenance keeps the loads and
 * drops sets; the taper and race week are bodyweight, low volume, nothing that leaves soreness.
 */
import type { Load, Phase } from '../phases';
import type { Equipment } from '../prefs';
import type { Exercise } from './library';
import type { Prescription } from './types';

type Range = readonly [number, number];

/** Phases that only ever get light, bodyweight sessions, whatever the runner owns. */
export const LIGHT_PHASES: ReadonlySet<Phase> = new Set(['taper', 'race-week', 'recovery']);

/** Phases where jumps are allowed (at low volume). */
export const PLYOMETRIC_PHASES: ReadonlySet<Phase> = new Set(['off-season', 'base']);

/** A set is never added beyond this, whatever the week. */
export const MAX_SETS = 4;

interface RepScheme {
  /** Week 0 of a block. */
  low: Range;
  /** After the first progression step: the same number of reps higher. */
  high: Range;
  rest: number;
}

interface LoadedProfile {
  kind: 'loaded';
  /** "heavy", "moderate", "maintenance". */
  label: string;
  effort: string;
  /**
   * Effort of a compound lift done with bodyweight only. Reps in reserve mean little when the
   * bodyweight version is far from failure, so the effort comes from tempo instead.
   */
  unloadedEffort: string;
  compoundSets: number;
  bilateral: RepScheme;
  unilateral: RepScheme;
  /** A compound lift with nothing to load it: more reps for the same effort. */
  unloaded: RepScheme;
  accessorySets: number;
  accessoryRest: number;
  holdSets: number;
  holdRest: number;
  powerSets: number;
  /** Full recovery between jump sets: each contact should be as good as the first. */
  powerRest: number;
}

interface LightProfile {
  kind: 'light';
  /** The whole load text: light sessions don't progress. */
  label: string;
  sets: number;
  compoundReps: number | Range;
  compoundRest: number;
  accessoryRest: number;
  holdSeconds: number;
  holdRest: number;
}

export type Profile = LoadedProfile | LightProfile;

const HEAVY: LoadedProfile = {
  kind: 'loaded',
  label: 'heavy',
  effort: '1–2 reps in reserve',
  unloadedEffort: 'slow on the way down, pause at the bottom',
  compoundSets: 3,
  bilateral: { low: [4, 6], high: [6, 8], rest: 150 },
  unilateral: { low: [6, 8], high: [8, 10], rest: 120 },
  unloaded: { low: [8, 10], high: [10, 12], rest: 90 },
  accessorySets: 3,
  accessoryRest: 60,
  holdSets: 2,
  holdRest: 45,
  powerSets: 3,
  powerRest: 90,
};

const MODERATE: LoadedProfile = {
  kind: 'loaded',
  label: 'moderate',
  effort: '2–3 reps in reserve',
  unloadedEffort: 'smooth and controlled',
  compoundSets: 3,
  bilateral: { low: [8, 10], high: [10, 12], rest: 90 },
  unilateral: { low: [8, 10], high: [10, 12], rest: 75 },
  unloaded: { low: [10, 12], high: [12, 15], rest: 60 },
  accessorySets: 3,
  accessoryRest: 45,
  holdSets: 2,
  holdRest: 45,
  powerSets: 2,
  powerRest: 90,
};

/** Build: the base's weights kept, two sets, fewer reps; enough to hold strength, not add fatigue. */
const MAINTENANCE: LoadedProfile = {
  kind: 'loaded',
  label: 'maintenance',
  effort: 'same weight as in base, 2–3 reps in reserve',
  unloadedEffort: 'smooth and controlled',
  compoundSets: 2,
  bilateral: { low: [6, 8], high: [6, 8], rest: 90 },
  unilateral: { low: [8, 10], high: [8, 10], rest: 75 },
  unloaded: { low: [8, 10], high: [8, 10], rest: 60 },
  accessorySets: 2,
  accessoryRest: 45,
  holdSets: 2,
  holdRest: 45,
  powerSets: 0,
  powerRest: 90,
};

/** A heavy override in build: heavy reps, but still the maintenance volume. */
const HEAVY_MAINTENANCE: LoadedProfile = {
  ...HEAVY,
  compoundSets: 2,
  accessorySets: 2,
  powerSets: 0,
};

function lightProfile(phase: Phase, week: number): LightProfile {
  const common = { compoundRest: 45, accessoryRest: 30, holdSeconds: 20, holdRest: 30 };
  switch (phase) {
    case 'race-week':
      return {
        kind: 'light',
        ...common,
        label: 'very light: bodyweight, just enough to wake the legs up',
        sets: 1,
        compoundReps: 6,
      };
    case 'taper':
      // Cut, don't hold: a second taper week gets half the sets of the first.
      return {
        kind: 'light',
        ...common,
        label: 'light: bodyweight, smooth and easy, far from failure',
        sets: week === 0 ? 2 : 1,
        compoundReps: [6, 8],
      };
    case 'recovery':
      // The first session back after a race is one easy set of each; a second week may take two.
      return {
        kind: 'light',
        ...common,
        label: 'light: bodyweight, easy range, stop at any pain',
        sets: week === 0 ? 1 : 2,
        compoundReps: [6, 8],
      };
    default:
      return {
        kind: 'light',
        ...common,
        label: 'light: bodyweight, smooth and easy, far from failure',
        sets: 2,
        compoundReps: [6, 8],
      };
  }
}

/** The dosing of a session in this phase at this load, in this week of the phase. */
export function profileFor(phase: Phase, load: Load, week: number): Profile {
  if (load === 'light') return lightProfile(phase, week);
  if (phase === 'build') return load === 'heavy' ? HEAVY_MAINTENANCE : MAINTENANCE;
  return load === 'heavy' ? HEAVY : MODERATE;
}

/** What changed since last week, said in the load text. */
export type ProgressionNote = 'none' | 'reps' | 'load' | 'set' | 'hold';

/** One level of progressive overload. */
export interface Step {
  /** Use the upper rep range (and 10 s longer holds). */
  high: boolean;
  /** One more set on the main lifts. */
  extraSet: boolean;
  note: ProgressionNote;
}

const LOW: Step = { high: false, extraSet: false, note: 'none' };
const LOW_HOLD: Step = { high: false, extraSet: false, note: 'hold' };
const HIGH: Step = { high: true, extraSet: false, note: 'reps' };
const HIGH_LOAD: Step = { high: true, extraSet: false, note: 'load' };
const HIGH_HOLD: Step = { high: true, extraSet: false, note: 'hold' };
const HIGH_SET: Step = { high: true, extraSet: true, note: 'set' };
const HIGH_SET_HOLD: Step = { high: true, extraSet: true, note: 'hold' };

/** Whether sessions of this phase and load get heavier week by week. */
export function isProgressing(phase: Phase, load: Load): boolean {
  return load !== 'light' && PLYOMETRIC_PHASES.has(phase);
}

/**
 * This week's step of progressive overload, best first, then the fallbacks used when the better
 * step doesn't fit the slot. Off-season and base: reps up within the range (week 1), then a little
 * weight at the same reps (week 2), then one more set on the main lifts (week 3, capped); after
 * that the structure holds and weight goes up only when every set reaches the top of the range.
 * Each fallback has no more volume than the step before it, so volume never falls week to week.
 * Other phases have one step: build holds, the taper and race week cut (see the light profiles).
 */
export function stepsFor(phase: Phase, load: Load, week: number): readonly [Step, ...Step[]] {
  if (!isProgressing(phase, load)) return [LOW];
  if (week <= 0) return [LOW];
  if (week === 1) return [HIGH, LOW_HOLD];
  if (week === 2) return [HIGH_LOAD, LOW_HOLD];
  if (week === 3) return [HIGH_SET, HIGH_HOLD, LOW_HOLD];
  return [HIGH_SET_HOLD, HIGH_HOLD, LOW_HOLD];
}

/**
 * The steps a session's shape is sized with, largest first: sized for the week-1 step, every week
 * of a block can keep the same exercises, so volume only ever grows.
 */
export function sizingStepsFor(phase: Phase, load: Load, week: number): readonly [Step, ...Step[]] {
  return isProgressing(phase, load) ? [HIGH, LOW] : stepsFor(phase, load, week);
}

const IMPLEMENT_NAMES: Readonly<Partial<Record<Equipment, string>>> = {
  barbell: 'a barbell',
  dumbbells: 'dumbbells',
  kettlebell: 'a kettlebell',
  gym: 'dumbbells or a barbell',
  bands: 'a band',
};

/** The equipment that will load a bodyweight exercise, if the runner has any. */
function implementFor(exercise: Exercise, equipment: readonly Equipment[]): string | undefined {
  const found = exercise.loadWith.find((e) => equipment.includes(e));
  return found === undefined ? undefined : IMPLEMENT_NAMES[found];
}

function formatRange([low, high]: Range): number | string {
  return low === high ? low : `${low}-${high}`;
}

function shift([low, high]: Range): Range {
  const by = Math.max(2, high - low);
  return [low + by, high + by];
}

/** Light sessions take about two thirds of an accessory's usual reps. */
function lightReps([low]: Range): number {
  return Math.max(5, Math.floor((low * 2) / 3));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

interface NoteContext {
  exercise: Exercise;
  loaded: boolean;
  extraSetAdded: boolean;
}

function noteText(note: ProgressionNote, { exercise, loaded, extraSetAdded }: NoteContext): string {
  const timed = exercise.dose === 'hold';
  switch (note) {
    case 'none':
      return '';
    case 'reps':
      return timed ? '10 s longer than last week' : 'a couple more reps than last week';
    case 'load':
      if (timed) return '';
      if (loaded) return 'add a little weight this week, same reps';
      // Nothing to load it with: the library's harder variation is the bodyweight version of load.
      if (exercise.loadWith.length === 0 && !/^[a-z0-9-]+$/.test(exercise.progression)) {
        return `make it harder this week: ${lowerFirst(exercise.progression)}`;
      }
      return 'add a little load this week (a filled backpack works), same reps';
    case 'set':
      if (extraSetAdded) return 'one more set this week';
      return timed ? '' : 'same weight as last week';
    case 'hold':
      if (timed) return '';
      return loaded
        ? 'add weight only once every set reaches the top of the range'
        : 'make it harder only once every set reaches the top of the range';
  }
}

function joinLoad(base: string, note: string): string {
  return note ? `${base}; ${note}` : base;
}

export interface PrescribeOptions {
  profile: Profile;
  step: Step;
  equipment: readonly Equipment[];
  /** A main lift of the session: the one that gets the extra set. */
  main: boolean;
  /** Sets of a compound lift never exceed this (before the extra set). */
  capCompound: number;
  /** Sets of any other exercise never exceed this. */
  capOther: number;
}

/** The dose of one exercise in a session. */
export function prescribe(exercise: Exercise, options: PrescribeOptions): Prescription {
  const { profile, step, equipment, main, capCompound, capOther } = options;
  const perSide = exercise.unilateral && exercise.dose !== 'power';
  const common = {
    id: exercise.id,
    name: exercise.name,
    ...(perSide ? { perSide: true } : {}),
    cue: exercise.cue,
  };
  const cap = exercise.dose === 'compound' ? capCompound : capOther;

  if (profile.kind === 'light') {
    const sets = Math.max(1, Math.min(profile.sets, cap));
    const load = profile.label;
    switch (exercise.dose) {
      case 'hold':
        return {
          ...common,
          sets,
          seconds: Math.min(exercise.seconds ?? profile.holdSeconds, profile.holdSeconds),
          restSeconds: profile.holdRest,
          load,
        };
      case 'compound':
        return {
          ...common,
          sets,
          reps:
            typeof profile.compoundReps === 'number'
              ? profile.compoundReps
              : formatRange(profile.compoundReps),
          restSeconds: profile.compoundRest,
          load,
        };
      case 'accessory':
        return {
          ...common,
          sets,
          reps: lightReps(exercise.reps ?? [8, 10]),
          restSeconds: profile.accessoryRest,
          load,
        };
      case 'power':
        throw new Error(
          `A light session never prescribes jumps, got ${JSON.stringify(exercise.id)}`,
        );
    }
  }

  const implement = exercise.bodyweight ? implementFor(exercise, equipment) : undefined;
  const loaded = !exercise.bodyweight || implement !== undefined;
  const effortPrefix = `${profile.label}: ${implement ? `with ${implement}, ` : ''}`;

  switch (exercise.dose) {
    case 'compound': {
      const scheme = !loaded
        ? profile.unloaded
        : exercise.unilateral
          ? profile.unilateral
          : profile.bilateral;
      const capped = Math.max(1, Math.min(profile.compoundSets, cap));
      const sets = step.extraSet && main ? Math.min(MAX_SETS, capped + 1) : capped;
      const effort = loaded ? profile.effort : profile.unloadedEffort;
      return {
        ...common,
        sets,
        reps: formatRange(step.high ? scheme.high : scheme.low),
        restSeconds: scheme.rest,
        load: joinLoad(
          `${effortPrefix}${loaded ? effort : `bodyweight, ${effort}`}`,
          noteText(step.note, { exercise, loaded, extraSetAdded: sets > capped }),
        ),
      };
    }
    case 'accessory': {
      const range = exercise.reps ?? [8, 10];
      const sets = Math.max(1, Math.min(profile.accessorySets, cap));
      return {
        ...common,
        sets,
        reps: formatRange(step.high ? shift(range) : range),
        restSeconds: profile.accessoryRest,
        load: joinLoad(
          `${effortPrefix}${loaded ? profile.effort : 'bodyweight, controlled'}`,
          noteText(step.note, { exercise, loaded, extraSetAdded: false }),
        ),
      };
    }
    case 'hold': {
      const sets = Math.max(1, Math.min(profile.holdSets, cap));
      return {
        ...common,
        sets,
        seconds: (exercise.seconds ?? 30) + (step.high ? 10 : 0),
        restSeconds: profile.holdRest,
        load: joinLoad(
          'bodyweight: brace hard, stop when the position slips',
          noteText(step.note, { exercise, loaded: false, extraSetAdded: false }),
        ),
      };
    }
    case 'power': {
      // Jumps never progress by volume: a few high-quality contacts are the point.
      const sets = Math.max(1, Math.min(profile.powerSets, cap));
      return {
        ...common,
        sets,
        reps: formatRange(exercise.reps ?? [5, 5]),
        restSeconds: profile.powerRest,
        load: 'explosive: full rest between sets, stop if the landings get loud',
      };
    }
  }
}
