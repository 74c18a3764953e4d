/**
 * The dose table (SPEC §6): sets, reps (or seconds), rest and reps in reserve for each phase and
 * each class of exercise, in one place. Everything else reads it: the session builder, the swap,
 * the duration estimate and the progression words. Sources are cited row by row; where SPEC §6
 * gives a range of sets ("2–3 × 8–12"), the row says which block week gets which end.
 */
import type { Phase } from '../phases';
import type { LiftingExperience } from '../prefs';
import type { Exercise } from './library';

export type Range = readonly [number, number];

/**
 * How an exercise is dosed. `main` is a loaded squat or hinge (SPEC §6); `calf`, `core` and
 * `plyo` have their own rows; every other exercise is an `accessory`.
 */
export type DoseClass = 'main' | 'accessory' | 'calf' | 'core' | 'plyo';

/** One row of the dose table. */
export interface DoseRow {
  /** Working sets in block weeks 1, 2 and 3 (phases without blocks use the same three). */
  readonly sets: readonly [number, number, number];
  /**
   * Fewest sets the table allows ("2–3 × …" → 2): fitting a short slot trims to this before it
   * drops an exercise, and only goes below it when nothing else is left to cut.
   */
  readonly minSets: number;
  readonly reps: Range;
  /** Timed core work (planks) uses seconds instead of reps. */
  readonly seconds: Range;
  /** Reps in reserve, low–high: how far from failure each working set stops. */
  readonly rir: Range;
  readonly restSeconds: number;
  /** Lighter sets before the working sets (off-season main lifts, SPEC §6). */
  readonly rampUpSets: number;
}

type Row = Omit<DoseRow, 'seconds' | 'rampUpSets' | 'minSets'> &
  Partial<Pick<DoseRow, 'seconds' | 'rampUpSets' | 'minSets'>>;

function row(r: Row): DoseRow {
  return {
    seconds: [20, 30],
    rampUpSets: 0,
    minSets: Math.min(...r.sets),
    ...r,
  };
}

/** Phases of the table: the six of SPEC §4 plus a new lifter's bodyweight introduction. */
export type DosePhase = Phase | 'intro';

/**
 * The table. Rows hold the numbers SPEC §6 gives; the comments say where each comes from.
 * Rest: seed 001 gives 60–90 s for squats at 6–10 reps; heavier 4–6 rep work gets longer (it is
 * strength, not conditioning); accessories, calves and core need less.
 */
export const DOSE_TABLE: Readonly<Record<DosePhase, Readonly<Record<DoseClass, DoseRow | null>>>> =
  {
    // Off-season: seed 000's phase table ("build max strength & power, heavier lifts"), seed
    // 002's "heavier weights, fewer repetitions"; SPEC §6: 3–4 × 4–6, 1–2 in reserve after 1–2
    // lighter ramp-up sets. The fourth set arrives in week 3 only, so a block ramps in.
    'off-season': {
      main: row({ sets: [3, 3, 4], reps: [4, 6], rir: [1, 2], restSeconds: 150, rampUpSets: 1 }),
      // SPEC §6: accessories 2–3 × 8–12.
      accessory: row({ sets: [2, 3, 3], reps: [8, 12], rir: [2, 3], restSeconds: 60 }),
      // SPEC §6 and seed 001: calves 3 × 12–15 with a pause at the top.
      calf: row({ sets: [3, 3, 3], reps: [12, 15], rir: [2, 3], restSeconds: 45, minSets: 2 }),
      // Seed 001: core 2 rounds of 20–30 s.
      core: row({ sets: [2, 2, 2], reps: [8, 10], rir: [2, 3], restSeconds: 30 }),
      // SPEC §6: plyometrics 3 × 5 first; seed 000: start with a few reps, full recovery.
      // Week 1 has two sets so jumps ramp in with the rest of the block.
      plyo: row({ sets: [2, 3, 3], reps: [5, 5], rir: [3, 5], restSeconds: 90 }),
    },
    // Base: seed 001's gym plan (3 × 6–8, 1 or 2 reps still in the tank; calves 3 × 12–15; core
    // 2 rounds of 20–30 s); SPEC §6: plyometrics 2 × 5 when the slot allows.
    base: {
      main: row({ sets: [3, 3, 3], reps: [6, 8], rir: [1, 2], restSeconds: 90 }),
      accessory: row({ sets: [2, 3, 3], reps: [8, 12], rir: [2, 3], restSeconds: 60 }),
      calf: row({ sets: [3, 3, 3], reps: [12, 15], rir: [2, 3], restSeconds: 45, minSets: 2 }),
      core: row({ sets: [2, 2, 2], reps: [8, 10], rir: [2, 3], restSeconds: 30 }),
      plyo: row({ sets: [2, 2, 2], reps: [5, 5], rir: [3, 5], restSeconds: 90 }),
    },
    // Build: seed 000's "maintenance, lower volume"; SPEC §6: 2 × 6–8 at the base load, 2 in
    // reserve; accessories 2 × 8–10. Calves keep base's reps with one set fewer — the same load
    // for fewer sets is what maintenance means. No jumps (SPEC §6: off-season and base only).
    build: {
      main: row({ sets: [2, 2, 2], reps: [6, 8], rir: [2, 2], restSeconds: 90 }),
      accessory: row({ sets: [2, 2, 2], reps: [8, 10], rir: [2, 3], restSeconds: 60 }),
      calf: row({ sets: [2, 2, 2], reps: [12, 15], rir: [2, 3], restSeconds: 45 }),
      core: row({ sets: [2, 2, 2], reps: [8, 10], rir: [2, 3], restSeconds: 30 }),
      plyo: null,
    },
    // Taper: seed 000 ("reduce both the weight and overall volume", bodyweight only); SPEC §6:
    // bodyweight 2 × 8–10 at 3+ in reserve for the squat and hinge, accessories 1–2 × 8.
    taper: {
      main: row({ sets: [2, 2, 2], reps: [8, 10], rir: [3, 4], restSeconds: 60 }),
      accessory: row({ sets: [2, 2, 2], reps: [8, 8], rir: [3, 4], restSeconds: 45, minSets: 1 }),
      calf: row({ sets: [2, 2, 2], reps: [8, 8], rir: [3, 4], restSeconds: 45, minSets: 1 }),
      core: row({
        sets: [2, 2, 2],
        reps: [8, 8],
        seconds: [20, 20],
        rir: [3, 4],
        restSeconds: 30,
        minSets: 1,
      }),
      plyo: null,
    },
    // Race week: seed 000 ("one very light, full-body session early in the week … nothing that
    // could cause muscle soreness"); SPEC §6: bodyweight 1–2 × 6–8, then mobility.
    'race-week': {
      main: row({ sets: [2, 2, 2], reps: [6, 8], rir: [4, 5], restSeconds: 45, minSets: 1 }),
      accessory: row({ sets: [2, 2, 2], reps: [6, 8], rir: [4, 5], restSeconds: 45, minSets: 1 }),
      calf: row({ sets: [2, 2, 2], reps: [6, 8], rir: [4, 5], restSeconds: 45, minSets: 1 }),
      core: row({ sets: [1, 1, 1], reps: [6, 8], seconds: [20, 20], rir: [4, 5], restSeconds: 30 }),
      plyo: null,
    },
    // Recovery: SPEC §6: mobility and bodyweight 1–2 × 8–10. Legs get one set (the race left
    // them sore); the trunk, which the race spared, gets two.
    recovery: {
      main: row({ sets: [1, 1, 1], reps: [8, 10], rir: [4, 5], restSeconds: 45 }),
      accessory: row({ sets: [1, 1, 1], reps: [8, 10], rir: [4, 5], restSeconds: 45 }),
      calf: row({ sets: [1, 1, 1], reps: [8, 10], rir: [4, 5], restSeconds: 45 }),
      core: row({
        sets: [2, 2, 2],
        reps: [8, 10],
        seconds: [20, 20],
        rir: [3, 4],
        restSeconds: 30,
        minSets: 1,
      }),
      plyo: null,
    },
    // A new lifter's first two weeks (SPEC §6, seed 004 "begin with bodyweight exercises to
    // establish proper form"): every lift at bodyweight, moderate reps, far from failure, so the
    // movement is learnt before it is loaded. Jumps wait until the legs have some strength
    // (seed 000: plyometrics come once a foundation is there).
    intro: {
      main: row({ sets: [2, 2, 2], reps: [8, 10], rir: [3, 4], restSeconds: 60 }),
      accessory: row({ sets: [2, 2, 2], reps: [8, 10], rir: [3, 4], restSeconds: 60 }),
      calf: row({ sets: [2, 2, 2], reps: [10, 12], rir: [3, 4], restSeconds: 45 }),
      core: row({ sets: [2, 2, 2], reps: [6, 8], seconds: [20, 20], rir: [3, 4], restSeconds: 30 }),
      plyo: null,
    },
  };

/**
 * Adjustments by lifting experience, applied on top of the table (SPEC §5 `liftingExperience`).
 * - `new`: after the introduction, the off-season's heavy 4–6 reps wait — a runner a few weeks
 *   into lifting uses base's 6–8 at 2 in reserve (seed 000: "going too heavy too soon" is the
 *   classic error; seed 004: progress gradually).
 * - `experienced`: two ramp-up sets before heavy off-season work instead of one: heavier working
 *   weights need more steps to get there (SPEC §6: "1–2 lighter ramp-up sets").
 */
function adjustForExperience(
  phase: DosePhase,
  cls: DoseClass,
  base: DoseRow,
  experience: LiftingExperience,
): DoseRow {
  if (experience === 'new' && cls === 'main' && (phase === 'off-season' || phase === 'base')) {
    // At most three sets and 2–3 in reserve: a peak week's fourth set is for lifters who know
    // where their limit is.
    const [a, b, c] = base.sets;
    const sets = [Math.min(a, 3), Math.min(b, 3), Math.min(c, 3)] as const;
    return { ...base, sets, reps: [6, 8], rir: [2, 3], minSets: Math.min(base.minSets, 3) };
  }
  if (phase !== 'off-season' || cls !== 'main') return base;
  if (experience === 'experienced') return { ...base, rampUpSets: 2 };
  return base;
}

/** Fraction of the sets a deload week keeps: "about 40 % fewer sets" (SPEC §6). */
export const DELOAD_SET_FACTOR = 0.6;

/** Phases whose sessions are bodyweight only, whatever the runner owns (SPEC §6). */
export const LIGHT_PHASES: ReadonlySet<Phase> = new Set(['taper', 'race-week', 'recovery']);

/** Phases with jumps (SPEC §6: plyometrics in off-season and base). */
export const PLYOMETRIC_PHASES: ReadonlySet<Phase> = new Set(['off-season', 'base']);

/** Phases that run in 4-week blocks (SPEC §6). */
export const BLOCK_PHASES: ReadonlySet<Phase> = new Set(['off-season', 'base']);

/**
 * Longest session a phase allows, whatever the slot (SPEC §6 dose table: taper ≤ 25 min, race
 * week ≤ 20, recovery ≤ 25).
 */
export const PHASE_MAX_MINUTES: Readonly<Partial<Record<Phase, number>>> = {
  taper: 25,
  'race-week': 20,
  recovery: 25,
};

/** Where a session sits, as far as its dose is concerned. */
export interface DoseContext {
  phase: Phase;
  /** Week of the 4-week block (1–4) in off-season and base; 1 elsewhere. */
  blockWeek: number;
  deload: boolean;
  /** A new lifter's bodyweight introduction. */
  intro: boolean;
  experience: LiftingExperience;
  /**
   * 1 or 2 in the ramp-in after a race break: further from failure (3–4 in reserve, then 2–3),
   * since the legs are still coming back from the race.
   */
  rampInWeek?: number;
}

/** The class an exercise is dosed as, in the slot (`role`) it fills. */
export function doseClassOf(exercise: Exercise, mainSlot: boolean, light: boolean): DoseClass {
  if (exercise.plyometric) return 'plyo';
  if (exercise.pattern === 'calf') return 'calf';
  if (
    exercise.pattern === 'anti-extension' ||
    exercise.pattern === 'anti-rotation' ||
    exercise.pattern === 'anti-lateral-flexion'
  ) {
    return 'core';
  }
  if (exercise.main) return 'main';
  // SPEC §6's taper row doses the bodyweight squat and hinge like main lifts (2 × 8–10): in a
  // light session the main slot keeps its place at the top even without a weight.
  if (light && mainSlot) return 'main';
  return 'accessory';
}

/** A dose: the row resolved for one week. */
export interface Dose {
  sets: number;
  /** Fewest sets fitting may trim to before it drops an exercise. */
  minSets: number;
  reps: Range;
  seconds: Range;
  rir: Range;
  restSeconds: number;
  rampUpSets: number;
  /** Sets of the block's heaviest week, for the deload's "2 sets instead of 3". */
  peakSets: number;
}

/**
 * The dose of one class of exercise in one week. Block weeks 1–3 take the row's sets for that
 * week; the deload week keeps about 60 % of week 3's sets (at least one), with the same reps,
 * the same loads and the same reps in reserve (SPEC §6: fewer sets, same exercises, same loads).
 *
 * @returns `null` when the class has no place in the phase (jumps in build or taper).
 * @example doseFor('main', { phase: 'base', blockWeek: 2, deload: false, intro: false, experience: 'some' })
 *   // { sets: 3, reps: [6, 8], rir: [1, 2], restSeconds: 90, … }
 */
/** Reps in reserve in a ramp-in week: two more in its first week, one more in its second. */
function rampInRir(rir: Range, rampInWeek: number | undefined): Range {
  if (rampInWeek === undefined) return rir;
  const more = rampInWeek <= 1 ? 2 : 1;
  return [rir[0] + more, rir[1] + more];
}

export function doseFor(cls: DoseClass, context: DoseContext): Dose | null {
  const tablePhase: DosePhase =
    context.intro && !LIGHT_PHASES.has(context.phase) ? 'intro' : context.phase;
  const base = DOSE_TABLE[tablePhase][cls];
  if (!base) return null;
  const r = adjustForExperience(tablePhase, cls, base, context.experience);
  const week = Math.min(3, Math.max(1, context.blockWeek));
  const peakSets = r.sets[2];
  const building = r.sets[week - 1] ?? peakSets;
  // A new lifter's introduction has nothing to deload from: it keeps its own two sets.
  const deload = context.deload && tablePhase !== 'intro';
  const sets = deload ? Math.max(1, Math.round(peakSets * DELOAD_SET_FACTOR)) : building;
  return {
    sets,
    minSets: Math.min(sets, r.minSets),
    reps: r.reps,
    seconds: r.seconds,
    rir: rampInRir(r.rir, context.rampInWeek),
    restSeconds: r.restSeconds,
    // A deload keeps the working weight, so the ramp-up stays; the intro has nothing to ramp to.
    rampUpSets: r.rampUpSets,
    peakSets,
  };
}
