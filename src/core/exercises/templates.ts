/**
 * Which exercises each phase's sessions are made of. Each session is a list of slots in the order
 * they are done; a slot takes the first of its candidates the runner can do, so the candidates run
 * from the best loaded choice to a bodyweight fallback that is always possible.
 *
 * Order within a session (SPEC §6): posterior chain first; the one plyometric right after it,
 * while the legs are fresh; then squat and single-leg work; calves, hips and upper body; core last,
 * so the trunk isn't tired before the lifts that need it braced.
 */
import type { Phase } from '../phases';

export type SlotRole =
  'posterior' | 'power' | 'squat' | 'single-leg' | 'lateral' | 'calf' | 'hip' | 'upper' | 'core';

export interface Slot {
  readonly role: SlotRole;
  /** Exercise ids, best first; the last one should need nothing but bodyweight. */
  readonly candidates: readonly string[];
  /**
   * 0 = required (posterior chain, single-leg, core: never dropped). Optional slots are dropped
   * when the slot is short, highest number first.
   */
  readonly keep: number;
  /** A main lift: gets the extra set when progressive overload adds one. */
  readonly main?: boolean;
}

export type Template = readonly Slot[];

/** Sessions A and B of each phase; the session's `variant` alternates between them. */
export const TEMPLATES: Readonly<Record<Phase, readonly [Template, Template]>> = {
  'off-season': [
    [
      { role: 'posterior', candidates: ['romanian-deadlift', 'hip-thrust'], keep: 0, main: true },
      { role: 'power', candidates: ['box-jump', 'jump-squat'], keep: 2 },
      // With bodyweight only, the assisted pistol is the squat that is still hard at low reps.
      {
        role: 'squat',
        candidates: ['back-squat', 'goblet-squat', 'pistol-squat'],
        keep: 1,
        main: true,
      },
      { role: 'single-leg', candidates: ['split-squat', 'reverse-lunge'], keep: 0 },
      { role: 'calf', candidates: ['single-leg-calf-raise'], keep: 3 },
      { role: 'core', candidates: ['plank'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['hip-thrust'], keep: 0, main: true },
      { role: 'power', candidates: ['bounding', 'jump-squat'], keep: 2 },
      { role: 'single-leg', candidates: ['step-up'], keep: 0, main: true },
      { role: 'posterior', candidates: ['single-leg-rdl'], keep: 1 },
      { role: 'calf', candidates: ['eccentric-heel-drop'], keep: 3 },
      { role: 'core', candidates: ['side-plank'], keep: 0 },
    ],
  ],
  base: [
    [
      { role: 'posterior', candidates: ['romanian-deadlift', 'hip-thrust'], keep: 0, main: true },
      {
        role: 'squat',
        candidates: ['goblet-squat', 'back-squat', 'bodyweight-squat'],
        keep: 1,
        main: true,
      },
      { role: 'single-leg', candidates: ['reverse-lunge'], keep: 0 },
      { role: 'calf', candidates: ['standing-calf-raise'], keep: 2 },
      { role: 'upper', candidates: ['band-row', 'pull-up', 'push-up'], keep: 3 },
      { role: 'core', candidates: ['plank'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['single-leg-rdl'], keep: 0, main: true },
      // Base allows jumps at low volume; one session of the two is enough.
      { role: 'power', candidates: ['jump-squat'], keep: 4 },
      { role: 'single-leg', candidates: ['step-up'], keep: 0, main: true },
      { role: 'calf', candidates: ['single-leg-calf-raise'], keep: 1 },
      { role: 'upper', candidates: ['push-up'], keep: 2 },
      { role: 'core', candidates: ['dead-bug'], keep: 0 },
    ],
  ],
  build: [
    [
      { role: 'posterior', candidates: ['romanian-deadlift', 'hip-thrust'], keep: 0, main: true },
      {
        role: 'squat',
        candidates: ['goblet-squat', 'back-squat', 'bodyweight-squat'],
        keep: 1,
        main: true,
      },
      { role: 'single-leg', candidates: ['split-squat'], keep: 0 },
      { role: 'calf', candidates: ['standing-calf-raise'], keep: 2 },
      { role: 'core', candidates: ['plank'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['single-leg-rdl'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['step-up'], keep: 0, main: true },
      { role: 'lateral', candidates: ['lateral-lunge'], keep: 1 },
      { role: 'calf', candidates: ['eccentric-heel-drop'], keep: 2 },
      { role: 'core', candidates: ['russian-twist'], keep: 0 },
    ],
  ],
  // Four exercises, bodyweight: enough to keep the pattern, too little to tire the legs.
  taper: [
    [
      { role: 'posterior', candidates: ['glute-bridge'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['split-squat'], keep: 0 },
      { role: 'calf', candidates: ['standing-calf-raise'], keep: 1 },
      { role: 'core', candidates: ['dead-bug'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['single-leg-glute-bridge'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['reverse-lunge'], keep: 0 },
      { role: 'hip', candidates: ['clamshell'], keep: 1 },
      { role: 'core', candidates: ['bird-dog'], keep: 0 },
    ],
  ],
  // Nothing that could leave the legs sore before the race: activation, not training.
  'race-week': [
    [
      { role: 'posterior', candidates: ['glute-bridge'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['split-squat'], keep: 0 },
      { role: 'hip', candidates: ['clamshell'], keep: 1 },
      { role: 'core', candidates: ['dead-bug'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['single-leg-glute-bridge'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['step-up'], keep: 0 },
      { role: 'hip', candidates: ['clamshell'], keep: 1 },
      { role: 'core', candidates: ['bird-dog'], keep: 0 },
    ],
  ],
  // Calves and quads are the sorest after a race, so the first sessions back spare them.
  recovery: [
    [
      { role: 'posterior', candidates: ['glute-bridge'], keep: 0, main: true },
      { role: 'squat', candidates: ['bodyweight-squat'], keep: 2 },
      { role: 'single-leg', candidates: ['split-squat'], keep: 0 },
      { role: 'hip', candidates: ['clamshell'], keep: 1 },
      { role: 'core', candidates: ['bird-dog'], keep: 0 },
    ],
    [
      { role: 'posterior', candidates: ['single-leg-glute-bridge'], keep: 0, main: true },
      { role: 'single-leg', candidates: ['step-up'], keep: 0 },
      { role: 'lateral', candidates: ['lateral-lunge'], keep: 2 },
      { role: 'hip', candidates: ['clamshell'], keep: 1 },
      { role: 'core', candidates: ['dead-bug'], keep: 0 },
    ],
  ],
};

/**
 * Templates for a session made light by a `load: 'light'` override in a phase that is normally
 * loaded: the taper's, which are bodyweight only.
 */
export const LIGHT_TEMPLATES: readonly [Template, Template] = TEMPLATES.taper;
