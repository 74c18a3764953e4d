/**
 * Which exercises make up sessions A, B (and the off-season's lighter C). Each session is a list
 * of slots in the order they are done; a slot takes the first of its candidates the runner can
 * do, so candidates run from the barbell choice ("a gym → barbell lifts") through dumbbells and
 * bands to a bodyweight one that is always possible.
 *
 * Weekly coverage (SPEC §6): A alone covers a squat, a hinge (single-leg), single-leg work,
 * lateral hip work, calves and trunk, so a one-session week misses nothing; B adds the main hinge,
 * single-leg knee work, an upper-body pull and anti-rotation. Calves are in every session.
 * Plyometrics come first after the warm-up, while fresh — and so never after heavy deadlifts.
 */
import type { Phase } from '../phases';

export type SlotRole =
  | 'plyo'
  | 'squat'
  | 'hinge'
  | 'single-leg-hinge'
  | 'single-leg'
  | 'bridge'
  | 'lateral'
  | 'calf'
  | 'trunk'
  | 'upper';

export interface Candidate {
  readonly id: string;
  /**
   * Only when the runner owns something to load it: a double-leg calf raise is worth doing with
   * dumbbells, while at bodyweight the single-leg one is the right dose (seed 001 home plan).
   */
  readonly needsLoad?: boolean;
}

export interface Slot {
  readonly role: SlotRole;
  /** Best first; the last one needs nothing but bodyweight (a test checks). */
  readonly candidates: readonly Candidate[];
  /**
   * 0 = required (never dropped). Optional slots are dropped when time is short, highest first:
   * upper body (3), then jumps (2, SPEC §6 "when the slot allows"), then the C session's
   * clamshells (1).
   */
  readonly keep: number;
  /** The main squat or hinge of the session. */
  readonly main?: boolean;
}

export type Template = readonly Slot[];
export type Variant = 'A' | 'B' | 'C';

const c = (...ids: string[]): Candidate[] => ids.map((id) => ({ id }));

const SQUAT: Slot = {
  role: 'squat',
  main: true,
  candidates: c('back-squat', 'goblet-squat', 'rear-foot-elevated-split-squat'),
  keep: 0,
};
const SINGLE_LEG_HINGE: Slot = {
  role: 'single-leg-hinge',
  candidates: c('single-leg-rdl'),
  keep: 0,
};
/**
 * A is the only session of a one-session week, so it carries the week's lateral work: it is the
 * last thing dropped, only when even the main lifts at their fewest sets leave no room (a slot
 * under about half an hour).
 */
const LATERAL: Slot = {
  role: 'lateral',
  candidates: c('lateral-band-walk', 'lateral-lunge'),
  keep: 1,
};
const CALF_A: Slot = {
  role: 'calf',
  candidates: [{ id: 'standing-calf-raise', needsLoad: true }, { id: 'single-leg-calf-raise' }],
  keep: 0,
};
const PLANK: Slot = { role: 'trunk', candidates: c('plank'), keep: 0 };
const STEP_UP: Slot = { role: 'single-leg', candidates: c('step-up'), keep: 0 };
const UPPER: Slot = {
  role: 'upper',
  candidates: c('band-row', 'dumbbell-row', 'push-up'),
  keep: 3,
};
const CALF_B: Slot = { role: 'calf', candidates: c('eccentric-heel-drop'), keep: 0 };
const ANTI_ROTATION: Slot = { role: 'trunk', candidates: c('pallof-press', 'bird-dog'), keep: 0 };

/** Pogo hops: low-amplitude, Achilles-friendly contacts, the gentlest jump to start a session. */
const POGO: Slot = { role: 'plyo', candidates: c('pogo-hops'), keep: 2 };

const BASE_A: Template = [POGO, SQUAT, SINGLE_LEG_HINGE, LATERAL, CALF_A, PLANK];
const BASE_B: Template = [
  { role: 'plyo', candidates: c('jump-squat'), keep: 2 },
  {
    role: 'hinge',
    main: true,
    candidates: c('romanian-deadlift', 'single-leg-hip-thrust'),
    keep: 0,
  },
  STEP_UP,
  UPPER,
  CALF_B,
  ANTI_ROTATION,
];

/** Off-season B goes heavier: a barbell deadlift, with box jumps before it, never after. */
const OFF_SEASON_B: Template = [
  { role: 'plyo', candidates: c('box-jump', 'jump-squat'), keep: 2 },
  {
    role: 'hinge',
    main: true,
    candidates: c('deadlift', 'romanian-deadlift', 'single-leg-hip-thrust'),
    keep: 0,
  },
  STEP_UP,
  UPPER,
  CALF_B,
  ANTI_ROTATION,
];

/**
 * The off-season's third weekly session (SPEC §4 allows three): lighter single-leg, calf, hip and
 * trunk work with no heavy lift, so the off-season never stacks three heavy sessions a week.
 */
const OFF_SEASON_C: Template = [
  { role: 'single-leg', candidates: c('reverse-lunge'), keep: 0 },
  { role: 'bridge', candidates: c('single-leg-glute-bridge'), keep: 0 },
  { role: 'lateral', candidates: c('clamshell'), keep: 1 },
  { role: 'calf', candidates: c('single-leg-calf-raise'), keep: 0 },
  { role: 'upper', candidates: c('push-up'), keep: 3 },
  { role: 'trunk', candidates: c('dead-bug'), keep: 0 },
];

/** Templates of the phases with loaded training. Build keeps base's (nothing new, SPEC §6). */
export const TEMPLATES: Readonly<
  Record<'off-season' | 'base', Readonly<Partial<Record<Variant, Template>>>>
> = {
  'off-season': { A: BASE_A, B: OFF_SEASON_B, C: OFF_SEASON_C },
  base: { A: BASE_A, B: BASE_B },
};

/**
 * Session A, B or C from the session's index in its week: the first is A, the second B; a third
 * (off-season only) is the lighter C.
 */
export function variantOf(phase: Phase, index: number): Variant {
  if (index >= 2 && phase === 'off-season') return 'C';
  return index % 2 === 0 ? 'A' : 'B';
}

/**
 * The template a session of this phase draws from: off-season its own; base and build base's
 * (build minus jumps); taper, race week and recovery base's too, since they may only use what the
 * runner has done in base and build.
 */
export function templateFor(phase: Phase, variant: Variant): Template {
  if (phase === 'off-season') return TEMPLATES['off-season'][variant] ?? BASE_A;
  const base = TEMPLATES.base[variant === 'B' ? 'B' : 'A'] ?? BASE_A;
  return base;
}
