/**
 * The shapes a built session is made of; shared by the builder, the swap, the description and the
 * plan JSON.
 */
import type { Load, Phase } from '../phases';
import type { Equipment, LiftingExperience, WeightUnit } from '../prefs';
import type { DoseClass } from './doses';
import type { Implement } from './library';
import type { SlotRole, Variant } from './templates';

/**
 * Other exercises the runner can do instead, by library name, all within their equipment:
 * SPEC §8's `alternatives`. `easier`/`harder` are absent when nothing fits (the end of a ladder,
 * or `harder` near a race, where nothing harder is offered).
 */
export interface Alternatives {
  easier?: string;
  harder?: string;
  swaps: string[];
}

interface PrescriptionBase {
  /** The library exercise's id (internal); the name is what identifies it everywhere else. */
  id: string;
  /** The library name: the key of swaps and of the training log (SPEC §6b). */
  name: string;
  sets: number;
  /** Reps (or seconds) are per side: "3 × 8 each side". */
  perSide?: boolean;
  /** Rest after each set. */
  restSeconds: number;
  /** Reps in reserve at the end of each working set, low–high (SPEC §8 `rir`). */
  rir: [number, number];
  /** Lighter sets before the working sets (off-season main lifts). */
  rampUpSets?: number;
  cue: string;
  /** How hard, in plain words: "with dumbbells; stop each set with 1–2 reps in reserve". */
  load?: string;
  /** What to do from session to session (double progression), in plain words. */
  progression?: string;
  /** What loads it; absent at bodyweight. */
  implement?: Implement;
  /** Target weight in kg, from the training log (SPEC §6b); absent until one is logged. */
  kg?: number;
  /** The slot it fills in the session (what a swap must keep doing). */
  role: SlotRole;
  /** The dose-table row it was dosed from. */
  doseClass: DoseClass;
  /** Whether it fills the session's main squat or hinge slot. */
  mainSlot: boolean;
  alternatives: Alternatives;
}

/**
 * One exercise of a session with its dose. Exactly one of `reps` (a number, or a range such as
 * `"6-8"`) and `seconds` is set, as in the plan JSON (SPEC §8).
 */
export type Prescription = PrescriptionBase &
  ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/** A session's block as SPEC §8 prints it (absent outside off-season and base). */
export interface SessionBlock {
  week: number;
  of: number;
  deload: boolean;
}

/**
 * What a session was built from, kept on it so a later swap doses the new exercise the same way
 * ({@link applySwap}) without the planner's help.
 */
export interface SessionBasis {
  phase: Phase;
  variant: Variant;
  /** 1–4 in off-season and base, 1 elsewhere. */
  blockWeek: number;
  deload: boolean;
  rampIn: boolean;
  /** A new lifter's bodyweight introduction week (1 or 2), absent otherwise. */
  introWeek?: number;
  experience: LiftingExperience;
  equipment: Equipment[];
  weightUnit: WeightUnit;
  /** The slot's minutes after the phase's cap (taper ≤ 25, race week ≤ 20, recovery ≤ 25). */
  minutes: number;
}

/** A strength session ready to be written to a calendar. */
export interface StrengthSession {
  /** "Strength · lower body + core (40 min)". */
  title: string;
  /** What the session trains, e.g. "lower body + core". */
  focus: string;
  load: Load;
  phase: Phase;
  /** A, B or the off-season's lighter C. */
  variant: Variant;
  /** Off-season and base only: where the week sits in its 4-week block. */
  block?: SessionBlock;
  /** "Base · week 3 of 4", "Build · maintenance", "Taper · light". */
  headline: string;
  /** Plain-words notes for the runner: the deload, a restart, the introduction, the taper. */
  notes: string[];
  warmup: string[];
  /** In the order they are done: jumps first, then the main lift, core near the end. */
  exercises: Prescription[];
  /** "Cool-down" after training, "Mobility" in race week and recovery. */
  cooldownTitle: 'Cool-down' | 'Mobility';
  cooldown: string[];
  /** Minutes the cool-down (or mobility) takes in the estimate. */
  cooldownMinutes: number;
  /**
   * Minutes from warm-up to the end of the cool-down. At most the slot's minutes (capped by the
   * phase), except when the slot is shorter than the shortest valid session (see `buildSession`).
   */
  estimatedMinutes: number;
  basis: SessionBasis;
}
