/**
 * The exercise library (SPEC §6): every movement a session may prescribe, with what it needs,
 * what it trains, how to do it well, and where to go when it is too hard, too easy or needs
 * equipment the runner doesn't have. Facts come from the seed articles (SPEC §10); every cue and
 * tip is written in Ironstride's own words.
 *
 * Conventions enforced by tests/core/exercises/library.test.ts: ids are unique kebab-case, names
 * are unique, every exercise has a pattern, equipment, muscles, a cue, an easier and a harder
 * variant (a library exercise, or at the very end of a ladder an in-place tip), and every
 * easier/harder/swap id names an exercise of this library. Anything a runner with nothing but
 * bodyweight can be given never mentions a bench or a bar.
 */
import type { Equipment, LiftingExperience } from '../prefs';

/** The movement an exercise trains; the session builder covers the week by pattern. */
export type MovementPattern =
  | 'squat'
  | 'hinge'
  | 'single-leg-hinge'
  | 'bridge'
  | 'lunge'
  | 'single-leg'
  | 'lateral'
  | 'hip-abduction'
  | 'calf'
  | 'anti-extension'
  | 'anti-rotation'
  | 'anti-lateral-flexion'
  | 'push'
  | 'pull'
  | 'plyometric';

/** Equipment that adds load to an exercise; `bands` load band exercises. */
export type Implement = Exclude<Equipment, 'bodyweight' | 'gym' | 'box'>;

export interface Exercise {
  /** Stable kebab-case id, used inside the code. Prescriptions and logs use the name. */
  readonly id: string;
  /** Unique; what the runner sees and what the training log is keyed by (SPEC §6b). */
  readonly name: string;
  readonly pattern: MovementPattern;
  /**
   * Any one of these makes the exercise possible. `bodyweight` means nothing to buy: a floor, a
   * step, a chair or a sofa. A gym has everything (see {@link ownsEquipment}).
   */
  readonly equipment: readonly Equipment[];
  /** What loads it, best first: the first the runner owns is used ("a gym → barbell lifts"). */
  readonly loadWith: readonly Implement[];
  /** A main lift (SPEC §6): a loaded squat or hinge. Everything else is an accessory. */
  readonly main: boolean;
  /** Works one leg (or side) at a time; reps and seconds are then per side. */
  readonly unilateral: boolean;
  readonly muscles: readonly string[];
  /** The one form point that matters most, as a short imperative fragment. */
  readonly cue: string;
  /** Easier exercises, nearest first; the first the runner can do is offered. */
  readonly easier: readonly string[];
  /** Harder exercises, nearest first. */
  readonly harder: readonly string[];
  /** Exercises for the same job with other equipment, best first. */
  readonly swaps: readonly string[];
  /** How to make this very exercise easier in place (used when no easier exercise fits). */
  readonly easierTip: string;
  /** How to make this very exercise harder in place (the bodyweight version of adding load). */
  readonly harderTip: string;
  /** Timed (planks) or counted. */
  readonly unit: 'reps' | 'seconds';
  /**
   * Likely to leave the legs sore when done close to a race even at bodyweight (heavy
   * eccentrics, deep single-leg ranges, jumps): taper, race week and recovery step down from it.
   */
  readonly sorenessRisk: boolean;
  readonly plyometric: boolean;
  /** Possible with nothing but bodyweight. */
  readonly bodyweight: boolean;
  /** Time under work for one rep (per side), for the duration estimate. */
  readonly secondsPerRep: number;
}

/** What a gym has, so an exercise needing any of these is possible there. */
const GYM_HAS: ReadonlySet<Equipment> = new Set([
  'bands',
  'dumbbells',
  'kettlebell',
  'barbell',
  'box',
]);

/**
 * The equipment a lifter is given to use: all they own, except that a new lifter's loads are
 * dumbbells and kettlebells, not a bar, while they still own something else to load with. A
 * barbell lift is a skill of its own, and "going too heavy too soon" is the classic error (seed
 * 000); the bar comes when the runner says they have some experience.
 */
export function equipmentForExperience(
  owned: readonly Equipment[],
  experience: LiftingExperience,
): Equipment[] {
  if (experience !== 'new') return [...owned];
  const usable = new Set<Equipment>(owned.filter((e) => e !== 'barbell' && e !== 'gym'));
  if (owned.includes('gym')) for (const e of GYM_HAS) if (e !== 'barbell') usable.add(e);
  const loads = usable.has('dumbbells') || usable.has('kettlebell');
  return loads ? [...usable] : [...owned];
}

/**
 * Whether a runner owning `owned` has `needed`. Bodyweight is always there; a gym has bands
 * (or a cable), dumbbells, kettlebells, barbells and boxes.
 */
export function ownsEquipment(owned: readonly Equipment[], needed: Equipment): boolean {
  return (
    needed === 'bodyweight' ||
    owned.includes(needed) ||
    (owned.includes('gym') && GYM_HAS.has(needed))
  );
}

type Defaulted = 'secondsPerRep' | 'loadWith' | 'main' | 'swaps' | 'sorenessRisk' | 'unit';
type ExerciseInput = Omit<Exercise, 'bodyweight' | 'plyometric' | Defaulted> &
  Partial<Pick<Exercise, Defaulted>>;

/** Fills the fields that follow from the others, so the table below can't contradict itself. */
function defineExercise(input: ExerciseInput): Exercise {
  return {
    ...input,
    loadWith: input.loadWith ?? [],
    main: input.main ?? false,
    swaps: input.swaps ?? [],
    unit: input.unit ?? 'reps',
    sorenessRisk: input.sorenessRisk ?? input.pattern === 'plyometric',
    plyometric: input.pattern === 'plyometric',
    bodyweight: input.equipment.includes('bodyweight'),
    // About 1 s up and 2 s down: the default tempo of controlled strength work.
    secondsPerRep: input.secondsPerRep ?? 3,
  };
}

/** Free weights that can load a bodyweight leg exercise held in the hands. */
const HAND_WEIGHTS: readonly Implement[] = ['dumbbells', 'kettlebell'];

export const EXERCISES: readonly Exercise[] = [
  // ── Squats (seed 000, 001, 004): bodyweight first, then a weight at the chest, then a bar.
  defineExercise({
    id: 'bodyweight-squat',
    name: 'Bodyweight squat',
    pattern: 'squat',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'core'],
    cue: 'Feet shoulder-width, sit between the heels, knees follow the toes, chest stays proud',
    easier: [],
    harder: ['goblet-squat', 'split-squat'],
    swaps: ['split-squat'],
    easierTip: 'Sit down to a chair each rep and stand back up',
    harderTip: 'Take three seconds on the way down and pause at the bottom',
  }),
  defineExercise({
    id: 'goblet-squat',
    name: 'Goblet squat',
    pattern: 'squat',
    equipment: ['dumbbells', 'kettlebell'],
    loadWith: ['dumbbells', 'kettlebell'],
    main: true,
    unilateral: false,
    muscles: ['quads', 'glutes', 'core', 'upper back'],
    cue: 'One weight held at the chest, torso tall, elbows inside the knees at the bottom',
    easier: ['bodyweight-squat'],
    harder: ['back-squat', 'front-squat'],
    swaps: ['back-squat', 'rear-foot-elevated-split-squat', 'split-squat'],
    easierTip: 'Use a lighter weight and squat to a chair',
    harderTip: 'Pause for two seconds at the bottom of each rep',
  }),
  defineExercise({
    id: 'back-squat',
    name: 'Back squat',
    pattern: 'squat',
    equipment: ['barbell'],
    loadWith: ['barbell'],
    main: true,
    unilateral: false,
    muscles: ['quads', 'glutes', 'hamstrings', 'core', 'lower back'],
    cue: 'Brace before each rep, bar over the middle of the foot, push the floor away to stand',
    easier: ['goblet-squat', 'bodyweight-squat'],
    harder: ['front-squat'],
    swaps: ['goblet-squat', 'front-squat', 'rear-foot-elevated-split-squat'],
    easierTip: 'Squat to a box or bench set just above knee height',
    harderTip: 'Pause for two seconds at the bottom of each rep',
  }),
  defineExercise({
    id: 'front-squat',
    name: 'Front squat',
    pattern: 'squat',
    equipment: ['barbell'],
    loadWith: ['barbell'],
    main: true,
    unilateral: false,
    muscles: ['quads', 'glutes', 'core', 'upper back'],
    cue: 'Bar resting on the front of the shoulders, elbows high, sit straight down between the heels',
    easier: ['back-squat', 'goblet-squat', 'bodyweight-squat'],
    harder: [],
    swaps: ['back-squat', 'goblet-squat'],
    easierTip: 'Hold the bar with a cross-arm grip and squat to a box',
    harderTip: 'Pause for two seconds at the bottom of each rep',
  }),
  // ── Hinges (seed 000, 001, 002): the posterior chain that drives each stride.
  defineExercise({
    id: 'hip-hinge',
    name: 'Bodyweight hip hinge',
    pattern: 'hinge',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['hamstrings', 'glutes', 'lower back'],
    cue: 'Hands on the hips, soft knees, reach the hips back to a wall behind you, back stays long',
    easier: ['glute-bridge'],
    harder: ['romanian-deadlift', 'kickstand-rdl'],
    swaps: ['glute-bridge', 'kickstand-rdl'],
    easierTip: 'Stand closer to the wall so the reach is shorter',
    harderTip: 'Hold a filled backpack against the chest',
  }),
  defineExercise({
    id: 'romanian-deadlift',
    name: 'Romanian deadlift',
    pattern: 'hinge',
    equipment: ['barbell', 'dumbbells', 'kettlebell'],
    loadWith: ['barbell', 'dumbbells', 'kettlebell'],
    main: true,
    unilateral: false,
    muscles: ['hamstrings', 'glutes', 'lower back'],
    cue: 'Soft knees, push the hips back, weight brushes the legs, lower for a slow count of three',
    easier: ['hip-hinge', 'glute-bridge'],
    harder: ['single-leg-rdl', 'deadlift'],
    swaps: ['deadlift', 'hip-thrust', 'single-leg-hip-thrust'],
    easierTip: 'Lower only to just below the knees',
    harderTip: 'Pause for a second with the weight just below the knees',
    secondsPerRep: 4,
  }),
  defineExercise({
    id: 'deadlift',
    name: 'Deadlift',
    pattern: 'hinge',
    equipment: ['barbell'],
    loadWith: ['barbell'],
    main: true,
    unilateral: false,
    muscles: ['hamstrings', 'glutes', 'quads', 'lower back', 'upper back'],
    cue: 'Bar over the laces, chest up and back flat, push the floor away, set the bar down each rep',
    easier: ['romanian-deadlift', 'hip-hinge'],
    harder: [],
    swaps: ['romanian-deadlift', 'barbell-hip-thrust'],
    easierTip: 'Pull from blocks or plates so the bar starts higher',
    harderTip: 'Lower the bar over three seconds each rep',
    secondsPerRep: 4,
  }),
  defineExercise({
    id: 'kickstand-rdl',
    name: 'Kickstand Romanian deadlift',
    pattern: 'single-leg-hinge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['hamstrings', 'glutes', 'hip stabilisers'],
    cue: 'Back toe lightly down like a kickstand, weight on the front heel, hinge until the hamstring pulls',
    easier: ['hip-hinge'],
    harder: ['single-leg-rdl'],
    swaps: ['single-leg-rdl', 'single-leg-glute-bridge'],
    easierTip: 'Hold a chair back with one hand',
    harderTip: 'Lift the back toe and balance for a second at the bottom',
    secondsPerRep: 4,
  }),
  defineExercise({
    id: 'single-leg-rdl',
    name: 'Single-leg Romanian deadlift',
    pattern: 'single-leg-hinge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['hamstrings', 'glutes', 'hip stabilisers', 'core'],
    cue: 'Tip forward from one hip, back flat, hips square, the free leg reaching long behind',
    easier: ['kickstand-rdl', 'hip-hinge'],
    harder: [],
    swaps: ['kickstand-rdl', 'single-leg-glute-bridge', 'romanian-deadlift'],
    easierTip: 'Touch a wall or chair with one hand for balance',
    harderTip: 'Pause for two seconds at the bottom and take three seconds to come down',
    secondsPerRep: 4,
  }),
  // ── Bridges and hip thrusts (seed 001 home plan: single-leg hip thrusts off a sofa).
  defineExercise({
    id: 'glute-bridge',
    name: 'Glute bridge',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: false,
    muscles: ['glutes', 'hamstrings'],
    cue: 'Heels close to the hips, ribs down, press the hips up until knees, hips and shoulders line up',
    easier: [],
    harder: ['single-leg-glute-bridge', 'hip-thrust'],
    swaps: ['hip-hinge', 'hip-thrust'],
    easierTip: 'Lift only half way and hold a second at the top',
    harderTip: 'Hold each rep for three seconds at the top',
  }),
  defineExercise({
    id: 'single-leg-glute-bridge',
    name: 'Single-leg glute bridge',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['glutes', 'hamstrings', 'hip stabilisers'],
    cue: 'One foot down, the other knee hugged in, lift without the pelvis tipping to one side',
    easier: ['glute-bridge'],
    harder: ['single-leg-hip-thrust'],
    swaps: ['single-leg-hip-thrust', 'kickstand-rdl'],
    easierTip: 'Keep the other foot lightly on the floor',
    harderTip: 'Hold three seconds at the top of each rep',
  }),
  defineExercise({
    id: 'hip-thrust',
    name: 'Hip thrust',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: false,
    muscles: ['glutes', 'hamstrings'],
    cue: 'Shoulder blades against the edge of a sofa, chin tucked, finish with the glutes, not the lower back',
    easier: ['glute-bridge'],
    harder: ['single-leg-hip-thrust', 'barbell-hip-thrust'],
    swaps: ['barbell-hip-thrust', 'romanian-deadlift', 'glute-bridge'],
    easierTip: 'Do it as a glute bridge from the floor',
    harderTip: 'Hold each rep for two seconds at the top',
  }),
  defineExercise({
    id: 'single-leg-hip-thrust',
    name: 'Single-leg hip thrust',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    sorenessRisk: true,
    muscles: ['glutes', 'hamstrings', 'hip stabilisers'],
    cue: 'Shoulder blades on a sofa edge, one foot planted under the knee, hips rise level',
    easier: ['hip-thrust', 'single-leg-glute-bridge'],
    harder: [],
    swaps: ['romanian-deadlift', 'single-leg-glute-bridge', 'hip-thrust'],
    easierTip: 'Let the other heel touch the floor lightly',
    harderTip: 'Hold each rep for three seconds at the top',
  }),
  defineExercise({
    id: 'barbell-hip-thrust',
    name: 'Barbell hip thrust',
    pattern: 'bridge',
    equipment: ['barbell'],
    loadWith: ['barbell'],
    unilateral: false,
    muscles: ['glutes', 'hamstrings'],
    cue: 'Upper back on a bench, padded bar in the hip crease, drive up until the body is flat from knee to shoulder',
    easier: ['hip-thrust', 'glute-bridge'],
    harder: [],
    swaps: ['hip-thrust', 'romanian-deadlift'],
    easierTip: 'Use a lighter bar and a smaller range',
    harderTip: 'Hold each rep for two seconds at the top',
  }),
  // ── Lunges and single-leg knee work (seed 000, 003: running is one leg at a time).
  defineExercise({
    id: 'split-squat',
    name: 'Split squat',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['quads', 'glutes', 'adductors'],
    cue: 'Staggered stance, drop the back knee straight down, front foot stays flat',
    easier: ['bodyweight-squat'],
    harder: ['reverse-lunge', 'rear-foot-elevated-split-squat'],
    swaps: ['reverse-lunge', 'step-up'],
    easierTip: 'Hold a wall or post and lower only part way',
    harderTip: 'Take three seconds on the way down',
  }),
  defineExercise({
    id: 'reverse-lunge',
    name: 'Reverse lunge',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['quads', 'glutes', 'hamstrings'],
    cue: 'Step back, sink until both knees are near right angles, stand up through the front foot',
    easier: ['split-squat'],
    harder: ['walking-lunge', 'rear-foot-elevated-split-squat'],
    swaps: ['split-squat', 'step-up'],
    easierTip: 'Take a shorter step and hold a support',
    harderTip: 'Pause for a second with the back knee just off the floor',
  }),
  defineExercise({
    id: 'walking-lunge',
    name: 'Walking lunge',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    sorenessRisk: true,
    muscles: ['quads', 'glutes', 'adductors', 'hip stabilisers'],
    cue: 'Long stride, back knee hovers above the floor, push off the front heel into the next step',
    easier: ['reverse-lunge'],
    harder: ['rear-foot-elevated-split-squat'],
    swaps: ['reverse-lunge', 'step-up'],
    easierTip: 'Bring the feet together between steps',
    harderTip: 'Take longer strides and pause low on each step',
  }),
  defineExercise({
    id: 'rear-foot-elevated-split-squat',
    name: 'Rear-foot-elevated split squat',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    sorenessRisk: true,
    muscles: ['quads', 'glutes', 'adductors', 'hip stabilisers'],
    cue: 'Back foot laces-down on a chair or sofa, front foot well forward, sink straight down',
    easier: ['split-squat'],
    harder: ['pistol-squat'],
    swaps: ['step-up', 'reverse-lunge', 'goblet-squat'],
    easierTip: 'Use a lower step for the back foot',
    harderTip: 'Take three seconds on the way down and pause at the bottom',
  }),
  defineExercise({
    id: 'step-up',
    name: 'Step-up',
    pattern: 'single-leg',
    // A stair or a sturdy step is enough at home (SPEC §6: bodyweight never asks for a bench).
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['quads', 'glutes', 'calves'],
    cue: 'Whole foot on a knee-high step, stand up through that heel, the trailing leg just follows',
    easier: ['split-squat'],
    harder: ['rear-foot-elevated-split-squat', 'pistol-squat'],
    swaps: ['reverse-lunge', 'split-squat'],
    easierTip: 'Use a lower step',
    harderTip: 'Lower yourself back down over three seconds',
  }),
  defineExercise({
    id: 'pistol-squat',
    name: 'Pistol squat (assisted)',
    pattern: 'single-leg',
    equipment: ['bodyweight'],
    unilateral: true,
    sorenessRisk: true,
    muscles: ['quads', 'glutes', 'hip stabilisers', 'core'],
    cue: 'Hold a door frame, free leg out in front, sink on one leg only as deep as you control',
    easier: ['step-up', 'rear-foot-elevated-split-squat'],
    harder: [],
    swaps: ['rear-foot-elevated-split-squat', 'step-up'],
    easierTip: 'Sit down to a chair on one leg and stand back up',
    harderTip: 'Use less help from the hands, then none',
  }),
  defineExercise({
    id: 'lateral-lunge',
    name: 'Lateral lunge',
    pattern: 'lateral',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['glutes', 'adductors', 'quads', 'hip stabilisers'],
    cue: 'Step wide, sit back into one hip, the other leg straight, both feet flat',
    easier: ['clamshell'],
    harder: [],
    swaps: ['lateral-band-walk', 'side-plank', 'clamshell'],
    easierTip: 'Take a shorter step and hold a support',
    harderTip: 'Pause for two seconds at the bottom, then push back up quickly',
  }),
  // ── Hip abductors (seed 002, 003: glute medius keeps the pelvis level on each landing).
  defineExercise({
    id: 'clamshell',
    name: 'Clamshell',
    pattern: 'hip-abduction',
    equipment: ['bodyweight'],
    loadWith: ['bands'],
    unilateral: true,
    muscles: ['glute medius', 'hip rotators'],
    cue: 'On your side, heels together, open the top knee without the hips rolling back',
    easier: [],
    harder: ['lateral-band-walk', 'side-plank'],
    swaps: ['lateral-band-walk', 'side-plank'],
    easierTip: 'Open the knee only part of the way',
    harderTip: 'Hold the top for two seconds each rep',
    secondsPerRep: 2,
  }),
  defineExercise({
    id: 'lateral-band-walk',
    name: 'Lateral band walk',
    pattern: 'hip-abduction',
    equipment: ['bands'],
    loadWith: ['bands'],
    unilateral: true,
    muscles: ['glute medius', 'glute minimus', 'hip stabilisers'],
    cue: 'Band above the knees, half squat, step sideways without the feet snapping together',
    easier: ['clamshell'],
    harder: [],
    swaps: ['clamshell', 'lateral-lunge', 'side-plank'],
    easierTip: 'Move the band above the knees and stand taller',
    harderTip: 'Move the band to the ankles and sit lower',
    secondsPerRep: 2,
  }),
  // ── Calves and Achilles (seed 001: calf raises protect the Achilles; 003: heel drops).
  defineExercise({
    id: 'standing-calf-raise',
    name: 'Standing calf raise',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'barbell'],
    unilateral: false,
    muscles: ['calves', 'Achilles tendon'],
    cue: 'Balls of the feet on a step, rise tall over the big toes, pause, lower the heels below the step',
    easier: [],
    harder: ['eccentric-heel-drop', 'single-leg-calf-raise'],
    swaps: ['single-leg-calf-raise', 'eccentric-heel-drop'],
    easierTip: 'Do them on the flat floor, holding a wall',
    harderTip: 'Pause two seconds at the top and take three seconds down',
  }),
  defineExercise({
    id: 'eccentric-heel-drop',
    name: 'Eccentric heel drop',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    sorenessRisk: true,
    muscles: ['calves', 'soleus', 'Achilles tendon'],
    cue: 'Rise on both feet, shift onto one, lower that heel below the step over four seconds',
    easier: ['standing-calf-raise'],
    harder: ['single-leg-calf-raise'],
    swaps: ['single-leg-calf-raise', 'standing-calf-raise'],
    easierTip: 'Lower only to level with the step',
    harderTip: 'Do them with the knee slightly bent to load the soleus too',
    // A one-second rise on both feet, then the four-second lowering.
    secondsPerRep: 5,
  }),
  defineExercise({
    id: 'single-leg-calf-raise',
    name: 'Single-leg calf raise',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: HAND_WEIGHTS,
    unilateral: true,
    muscles: ['calves', 'Achilles tendon', 'foot and ankle stabilisers'],
    cue: 'Ball of one foot on a step, full height at the top, heel below the step at the bottom',
    easier: ['eccentric-heel-drop', 'standing-calf-raise'],
    harder: [],
    swaps: ['standing-calf-raise', 'eccentric-heel-drop'],
    easierTip: 'Rest a fingertip on the wall for balance',
    harderTip: 'Pause for two seconds at the top and take three seconds to lower',
  }),
  // ── Trunk (seed 000, 001: planks, side planks, dead bugs, bird dogs; 20–30 s rounds).
  defineExercise({
    id: 'plank',
    name: 'Plank',
    pattern: 'anti-extension',
    equipment: ['bodyweight'],
    unilateral: false,
    unit: 'seconds',
    muscles: ['abdominals', 'obliques', 'glutes', 'shoulders'],
    cue: 'Elbows under the shoulders, ribs pulled down, glutes tight so the hips neither sag nor pike',
    easier: ['dead-bug'],
    harder: [],
    swaps: ['dead-bug'],
    easierTip: 'Hold it from the knees',
    harderTip: 'Walk the elbows a hand-width further forward',
  }),
  defineExercise({
    id: 'dead-bug',
    name: 'Dead bug',
    pattern: 'anti-extension',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['deep abdominals', 'hip flexors'],
    cue: 'Lower back pressed to the floor, breathe out as the opposite arm and leg reach away',
    easier: [],
    harder: ['plank'],
    swaps: ['plank', 'bird-dog'],
    easierTip: 'Move the legs only, arms stay pointing up',
    harderTip: 'Reach slower and hold the long position for two seconds',
  }),
  defineExercise({
    id: 'bird-dog',
    name: 'Bird dog',
    pattern: 'anti-rotation',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['lower back', 'glutes', 'deep abdominals'],
    cue: 'On all fours, reach one arm and the opposite leg long without the hips rocking',
    easier: [],
    harder: ['pallof-press'],
    swaps: ['pallof-press', 'dead-bug'],
    easierTip: 'Reach with the arm or the leg, not both',
    harderTip: 'Hold two seconds at full reach',
  }),
  defineExercise({
    id: 'pallof-press',
    name: 'Pallof press',
    pattern: 'anti-rotation',
    equipment: ['bands'],
    loadWith: ['bands'],
    unilateral: true,
    muscles: ['obliques', 'deep abdominals', 'glutes'],
    cue: 'Band anchored at chest height to your side, press the hands straight out and refuse the twist',
    easier: ['bird-dog'],
    harder: [],
    swaps: ['bird-dog', 'side-plank'],
    easierTip: 'Stand closer to the anchor',
    harderTip: 'Step further from the anchor and hold each press for two seconds',
  }),
  defineExercise({
    id: 'side-plank',
    name: 'Side plank',
    pattern: 'anti-lateral-flexion',
    equipment: ['bodyweight'],
    unilateral: true,
    unit: 'seconds',
    muscles: ['obliques', 'glute medius', 'quadratus lumborum'],
    cue: 'Elbow under the shoulder, hips stacked and lifted, one straight line from head to feet',
    easier: ['clamshell'],
    harder: [],
    swaps: ['clamshell', 'lateral-band-walk'],
    easierTip: 'Rest the bottom knee on the floor',
    harderTip: 'Lift the top leg while you hold',
  }),
  // ── Upper body (seed 001 home plan: band rows; seed 002, 004: push-ups, pull-ups).
  defineExercise({
    id: 'push-up',
    name: 'Push-up',
    pattern: 'push',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['chest', 'shoulders', 'triceps', 'core'],
    cue: 'Hands under the shoulders, body rigid like a plank, chest lowers to a fist above the floor',
    easier: ['incline-push-up'],
    harder: [],
    swaps: ['band-row', 'dumbbell-row'],
    easierTip: 'Lower only half way and push back up',
    harderTip: 'Feet up on a step',
  }),
  defineExercise({
    id: 'incline-push-up',
    name: 'Incline push-up',
    pattern: 'push',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['chest', 'shoulders', 'triceps', 'core'],
    cue: 'Hands on a kitchen counter or a sturdy chair seat, body straight, chest to the edge',
    easier: [],
    harder: ['push-up'],
    swaps: ['band-row'],
    easierTip: 'Use a higher surface, even a wall',
    harderTip: 'Use a lower surface, such as a stair',
  }),
  defineExercise({
    id: 'band-row',
    name: 'Band row',
    pattern: 'pull',
    equipment: ['bands'],
    loadWith: ['bands'],
    unilateral: false,
    muscles: ['upper back', 'lats', 'biceps', 'rear shoulders'],
    cue: 'Band anchored at chest height, pull the elbows back and squeeze the shoulder blades',
    easier: [],
    harder: ['dumbbell-row', 'pull-up'],
    swaps: ['dumbbell-row', 'push-up'],
    easierTip: 'Stand a step closer to the anchor',
    harderTip: 'Step back from the anchor or double the band',
  }),
  defineExercise({
    id: 'dumbbell-row',
    name: 'One-arm dumbbell row',
    pattern: 'pull',
    equipment: ['dumbbells', 'kettlebell'],
    loadWith: ['dumbbells', 'kettlebell'],
    unilateral: true,
    muscles: ['upper back', 'lats', 'biceps'],
    cue: 'Free hand on a sturdy chair seat, back flat, row the weight to the hip pocket',
    easier: ['band-row'],
    harder: ['pull-up'],
    swaps: ['band-row', 'push-up'],
    easierTip: 'Use a lighter weight and a shorter pull',
    harderTip: 'Pause with the weight at the hip for two seconds',
  }),
  defineExercise({
    id: 'pull-up',
    name: 'Pull-up',
    pattern: 'pull',
    // A bar to hang from: a gym has one.
    equipment: ['gym'],
    unilateral: false,
    muscles: ['lats', 'upper back', 'biceps', 'core'],
    cue: 'From a still hang, pull the chest towards the bar, lower all the way under control',
    easier: ['band-row', 'dumbbell-row'],
    harder: [],
    swaps: ['dumbbell-row', 'band-row'],
    easierTip: 'Loop a band under the knees for help, or lower slowly from the top',
    harderTip: 'Take three seconds over each lowering',
    secondsPerRep: 4,
  }),
  // ── Plyometrics (seed 000: low volume, landing quality over height; 002: jump squats).
  defineExercise({
    id: 'pogo-hops',
    name: 'Pogo hops',
    pattern: 'plyometric',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['calves', 'Achilles tendon', 'foot and ankle stabilisers'],
    cue: 'Stiff ankles, small quick bounces off the balls of the feet, heels never touch down',
    easier: [],
    harder: ['jump-squat', 'bounding'],
    swaps: ['jump-squat'],
    easierTip: 'Hop lower and slower on a soft surface',
    harderTip: 'Hop on one foot at a time',
    secondsPerRep: 1,
  }),
  defineExercise({
    id: 'jump-squat',
    name: 'Jump squat',
    pattern: 'plyometric',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'calves'],
    cue: 'Dip to a quarter squat, jump straight up, land softly and reset before the next one',
    easier: ['pogo-hops'],
    harder: ['box-jump', 'bounding'],
    swaps: ['box-jump', 'pogo-hops'],
    easierTip: 'Jump lower and stick each landing for two seconds',
    harderTip: 'Jump higher while the landings stay quiet',
  }),
  defineExercise({
    id: 'box-jump',
    name: 'Box jump',
    pattern: 'plyometric',
    equipment: ['box'],
    unilateral: false,
    muscles: ['glutes', 'quads', 'hamstrings', 'calves'],
    cue: 'Low box, swing the arms, land soft and silent in a half squat, step down rather than jump',
    easier: ['jump-squat'],
    harder: [],
    swaps: ['jump-squat', 'bounding'],
    easierTip: 'Use a lower box',
    harderTip: 'A higher box, only while every landing stays quiet',
    // Jump, stick the landing, step down and reset.
    secondsPerRep: 5,
  }),
  defineExercise({
    id: 'bounding',
    name: 'Bounding',
    pattern: 'plyometric',
    // A few metres of grass or track, nothing else.
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['glutes', 'hamstrings', 'calves', 'hip flexors'],
    cue: 'Exaggerated running strides: push hard off each foot, drive the knee, land under the hip',
    easier: ['pogo-hops', 'jump-squat'],
    harder: [],
    swaps: ['jump-squat', 'box-jump'],
    easierTip: 'Skip for height instead of distance',
    harderTip: 'Longer bounds with the same quiet landings',
    secondsPerRep: 2,
  }),
];

const BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));
const BY_NAME: ReadonlyMap<string, Exercise> = new Map(
  EXERCISES.map((e) => [e.name.toLowerCase(), e]),
);

/**
 * The library exercise with this id, if any.
 *
 * @example findExercise('goblet-squat')?.name // 'Goblet squat'
 */
export function findExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
}

/**
 * The library exercise with this name (any case), if any: prescriptions, swaps and the training
 * log name exercises, never ids.
 *
 * @example findExerciseByName('goblet squat')?.id // 'goblet-squat'
 */
export function findExerciseByName(name: string): Exercise | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/**
 * The library exercise with this id; for ids written in code, where a miss is a programmer error.
 *
 * @throws {Error} when no exercise has this id.
 */
export function getExercise(id: string): Exercise {
  const exercise = BY_ID.get(id);
  if (!exercise) throw new Error(`Unknown exercise id: ${JSON.stringify(id)}`);
  return exercise;
}

/**
 * Whether the runner can do this exercise with their equipment. Bodyweight is always available,
 * listed or not; a gym has everything.
 */
export function isExerciseAvailable(exercise: Exercise, equipment: readonly Equipment[]): boolean {
  return exercise.equipment.some((e) => ownsEquipment(equipment, e));
}

/**
 * What will load this exercise for this runner: the first of its `loadWith` they own, or
 * `undefined` for bodyweight.
 *
 * @example implementFor(getExercise('romanian-deadlift'), ['gym']) // 'barbell'
 */
export function implementFor(
  exercise: Exercise,
  equipment: readonly Equipment[],
): Implement | undefined {
  return exercise.loadWith.find((e) => ownsEquipment(equipment, e));
}

/**
 * The exercise itself when it needs nothing, else the nearest easier exercise that needs nothing:
 * what a light session or a new lifter's first weeks use for the same movement (a goblet squat
 * becomes a bodyweight squat, a Romanian deadlift a bodyweight hip hinge). `undefined` when the
 * movement has no bodyweight form (a band row).
 */
export function findBodyweightVersion(exercise: Exercise): Exercise | undefined {
  const seen = new Set<string>();
  const queue = [exercise];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || seen.has(next.id)) continue;
    seen.add(next.id);
    if (next.bodyweight) return next;
    queue.push(...next.easier.map(getExercise));
  }
  return undefined;
}

/**
 * {@link findBodyweightVersion} for lower-body and trunk exercises, which always have one.
 *
 * @throws {Error} when the library has no bodyweight version (a library bug the tests rule out).
 */
export function bodyweightVersion(exercise: Exercise): Exercise {
  const found = findBodyweightVersion(exercise);
  if (!found) throw new Error(`No bodyweight version of ${JSON.stringify(exercise.id)}`);
  return found;
}

/**
 * The gentlest familiar version for the days around a race and a new lifter's first weeks: the
 * bodyweight version, stepped down once more when even that can leave the legs sore (heel drops,
 * deep single-leg work). `undefined` when the movement has no bodyweight form.
 */
export function gentleVersion(exercise: Exercise): Exercise | undefined {
  const version = findBodyweightVersion(exercise);
  if (!version?.sorenessRisk) return version;
  const easier = version.easier
    .map(getExercise)
    .find((e) => e.bodyweight && !e.sorenessRisk && !e.plyometric);
  return easier ?? version;
}

/**
 * A library name as it reads inside a sentence: "move on to the walking lunge", but "the Romanian
 * deadlift" keeps its capital.
 */
export function nameInSentence(name: string): string {
  return /^(Romanian|Pallof)\b/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

/** Patterns that cover "a hinge" in a week (SPEC §6). */
export const HINGE_PATTERNS: ReadonlySet<MovementPattern> = new Set(['hinge', 'single-leg-hinge']);
/** Patterns that cover "a squat or lunge". */
export const SQUAT_OR_LUNGE_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  'squat',
  'lunge',
  'single-leg',
]);
/** Patterns that cover "hip abductors or lateral work". */
export const LATERAL_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  'lateral',
  'hip-abduction',
  'anti-lateral-flexion',
]);
/** Patterns that cover "trunk (anti-extension or anti-rotation)". */
export const TRUNK_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  'anti-extension',
  'anti-rotation',
]);
/** Every core pattern, side planks included. */
export const CORE_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  'anti-extension',
  'anti-rotation',
  'anti-lateral-flexion',
]);

/** Whether the exercise counts as core work. */
export function isCoreExercise(exercise: Exercise): boolean {
  return CORE_PATTERNS.has(exercise.pattern);
}

/** Whether the exercise is single-leg strength work (jumps excluded). */
export function isSingleLeg(exercise: Exercise): boolean {
  return (
    exercise.unilateral &&
    !exercise.plyometric &&
    !CORE_PATTERNS.has(exercise.pattern) &&
    exercise.pattern !== 'pull' &&
    exercise.pattern !== 'hip-abduction'
  );
}

/**
 * Warm-up before every session (about six minutes, SPEC §6): easy cardio raises the temperature,
 * then dynamic drills take the hips through the ranges the session uses.
 */
export const WARMUP: readonly string[] = [
  '5 min easy cardio (jog, bike, rower or brisk walk)',
  'Leg swings: 10 forward-and-back and 10 across the body on each leg',
  'Walking lunges: 6 slow steps on each leg',
];

/** Cool-down after a training session (about three minutes), easy stretches for running muscles. */
export const COOLDOWN: readonly string[] = [
  'Calf stretch against a wall: 30 s each leg',
  'Half-kneeling hip flexor stretch: 30 s each side',
  'Hamstring stretch with the heel on a low step: 30 s each leg',
];

/**
 * Mobility that closes race-week and recovery sessions instead of the cool-down (SPEC §6 dose
 * table; seed 000: mobility and light activation before a race).
 */
export const MOBILITY: readonly string[] = [
  'Ankle rocks: knee over toes towards a wall, 10 each side',
  'Hip circles on all fours: 5 each way, each side',
  'Open-book thoracic rotations lying on your side: 8 each side',
  'Half-kneeling hip flexor stretch: 30 s each side',
  'Calf stretch against a wall: 30 s each leg',
];

/** Minutes counted for {@link WARMUP} in the duration estimate. */
export const WARMUP_MINUTES = 6;
/** Minutes counted for {@link COOLDOWN} in the duration estimate. */
export const COOLDOWN_MINUTES = 3;
/** Minutes counted for {@link MOBILITY} in the duration estimate. */
export const MOBILITY_MINUTES = 5;
