/**
 * The shapes a built session is made of; shared by the builder, the description and the plan JSON.
 */
import type { Load } from '../phases';

interface PrescriptionBase {
  /** The library exercise's id. */
  id: string;
  name: string;
  sets: number;
  /** Reps (or seconds) are per side: "3 × 8 each side". */
  perSide?: boolean;
  /** Rest after each set. */
  restSeconds: number;
  cue: string;
  /** How hard, in plain words, with this week's progression ("moderate: dumbbells, 2–3 reps in reserve"). */
  load?: string;
}

/**
 * One exercise of a session with its dose. Exactly one of `reps` (a number, or a range such as
 * `"6-8"`) and `seconds` is set, as in the plan JSON (SPEC §8).
 */
export type Prescription = PrescriptionBase &
  ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/** A strength session ready to be written to a calendar. */
export interface StrengthSession {
  /** "Strength · lower body + core (40 min)". */
  title: string;
  /** What the session trains, e.g. "lower body + core". */
  focus: string;
  load: Load;
  warmup: string[];
  /** In the order they are done: posterior chain first, core near the end. */
  exercises: Prescription[];
  cooldown: string[];
  /**
   * Minutes from warm-up to the end of the cool-down. At most the slot's minutes, except when the
   * slot is shorter than the shortest valid session (see `buildSession`).
   */
  estimatedMinutes: number;
}
