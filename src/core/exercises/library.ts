/**
 * The exercise library (SPEC §6): every movement a session may prescribe, with what it needs,
 * what it trains and how to do it well. Facts come from the seed articles (SPEC §10); every cue
 * is written in Ironstride's own words.
 *
 * Conventions enforced by tests/core/exercises/library.test.ts: ids are unique kebab-case, every
 * exercise has a pattern, equipment, muscles, a short cue, a regression and a progression, and an
 * id-shaped regression or progression names another exercise of this library.
 */
import type { Equipment } from '../prefs';

/** The movement an exercise trains; the session builder fills its slots by pattern. */
export type MovementPattern =
  | 'squat'
  | 'hinge'
  | 'bridge'
  | 'lunge'
  | 'single-leg'
  | 'calf'
  | 'hip-stability'
  | 'core-anti-extension'
  | 'core-anti-rotation'
  | 'core-lateral'
  | 'core-rotation'
  | 'push'
  | 'pull'
  | 'plyometric';

/**
 * How an exercise is dosed.
 * - `compound`: sets and reps come from the phase (heavier phases, fewer reps).
 * - `accessory`: the exercise's own rep range, sets from the phase.
 * - `hold`: timed, the exercise's own seconds.
 * - `power`: a few explosive contacts with full rest; never progressed by volume.
 */
export type Dose = 'compound' | 'accessory' | 'hold' | 'power';

export interface Exercise {
  /** Stable kebab-case id; stored in plans, so never renamed. */
  readonly id: string;
  readonly name: string;
  readonly pattern: MovementPattern;
  /** Any one of these makes the exercise possible (`bodyweight` = nothing needed). */
  readonly equipment: readonly Equipment[];
  /** Equipment that adds load to an exercise possible without it (dumbbells for a split squat). */
  readonly loadWith: readonly Equipment[];
  /** Works one leg (or side) at a time; reps are then prescribed per side. */
  readonly unilateral: boolean;
  readonly muscles: readonly string[];
  /** The one form point that matters most, as a short imperative fragment. */
  readonly cue: string;
  /** An easier version: another exercise's id, or a short instruction. */
  readonly regression: string;
  /** A harder version: another exercise's id, or a short instruction. */
  readonly progression: string;
  readonly plyometric: boolean;
  /** Needs no equipment at all, so a light (taper, race week, recovery) session may use it. */
  readonly bodyweight: boolean;
  readonly dose: Dose;
  /** Baseline rep range of `accessory` and `power` exercises (per side when unilateral). */
  readonly reps?: readonly [number, number];
  /** Baseline hold of `hold` exercises (per side when unilateral). */
  readonly seconds?: number;
  /** Time under work for one rep, for the duration estimate. */
  readonly secondsPerRep: number;
}

/** Patterns that train the posterior chain (glutes, hamstrings): a session opens with one. */
export const POSTERIOR_CHAIN_PATTERNS: ReadonlySet<MovementPattern> = new Set(['hinge', 'bridge']);

/** Patterns that count as core work: every session has one. */
export const CORE_PATTERNS: ReadonlySet<MovementPattern> = new Set([
  'core-anti-extension',
  'core-anti-rotation',
  'core-lateral',
  'core-rotation',
]);

type ExerciseInput = Omit<Exercise, 'bodyweight' | 'loadWith' | 'plyometric' | 'secondsPerRep'> &
  Partial<Pick<Exercise, 'loadWith' | 'secondsPerRep'>>;

/** Fills the fields that follow from the others, so the table below can't contradict itself. */
function defineExercise(input: ExerciseInput): Exercise {
  return {
    ...input,
    loadWith: input.loadWith ?? [],
    plyometric: input.pattern === 'plyometric',
    bodyweight: input.equipment.includes('bodyweight'),
    // A controlled rep (about 1 s up, 2 s down) is the default tempo for strength work.
    secondsPerRep: input.secondsPerRep ?? 3,
  };
}

/** Free weights that can load a bodyweight lower-body exercise. */
const FREE_WEIGHTS: readonly Equipment[] = ['dumbbells', 'kettlebell', 'gym'];

export const EXERCISES: readonly Exercise[] = [
  // Squats
  defineExercise({
    id: 'bodyweight-squat',
    name: 'Bodyweight squat',
    pattern: 'squat',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'core'],
    cue: 'Feet shoulder-width, sit down between the heels, knees tracking the toes, chest proud',
    regression: 'Squat down to a chair and stand back up',
    progression: 'goblet-squat',
    dose: 'compound',
  }),
  defineExercise({
    id: 'goblet-squat',
    name: 'Goblet squat',
    pattern: 'squat',
    equipment: ['dumbbells', 'kettlebell', 'gym'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'core', 'upper back'],
    cue: 'Weight held at the chest, torso tall, elbows inside the knees at the bottom',
    regression: 'bodyweight-squat',
    progression: 'back-squat',
    dose: 'compound',
  }),
  defineExercise({
    id: 'back-squat',
    name: 'Back squat',
    pattern: 'squat',
    equipment: ['barbell', 'gym'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'hamstrings', 'core', 'lower back'],
    cue: 'Brace before each rep, bar over mid-foot, drive the floor away on the way up',
    regression: 'goblet-squat',
    progression: 'Pause for two seconds at the bottom of each rep',
    dose: 'compound',
  }),
  // Hinges
  defineExercise({
    id: 'romanian-deadlift',
    name: 'Romanian deadlift',
    pattern: 'hinge',
    equipment: ['dumbbells', 'kettlebell', 'barbell', 'gym'],
    unilateral: false,
    muscles: ['hamstrings', 'glutes', 'lower back'],
    cue: 'Knees soft, push the hips back, weight close to the legs, lower for a slow count of three',
    regression: 'glute-bridge',
    progression: 'single-leg-rdl',
    dose: 'compound',
    secondsPerRep: 4,
  }),
  defineExercise({
    id: 'single-leg-rdl',
    name: 'Single-leg Romanian deadlift',
    pattern: 'hinge',
    equipment: ['bodyweight'],
    loadWith: FREE_WEIGHTS,
    unilateral: true,
    muscles: ['hamstrings', 'glutes', 'hip stabilisers', 'core'],
    cue: 'Tip forward from the hip on one leg, back flat, hips square, free leg reaching long behind',
    regression: 'Keep the back toe touching the floor like a kickstand',
    progression: 'Hold a dumbbell in the hand opposite the standing leg',
    dose: 'compound',
    secondsPerRep: 4,
  }),
  // Lunges and single-leg knee work
  defineExercise({
    id: 'walking-lunge',
    name: 'Walking lunge',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: FREE_WEIGHTS,
    unilateral: true,
    muscles: ['quads', 'glutes', 'adductors', 'hip stabilisers'],
    cue: 'Long stride, back knee hovers over the floor, push off the front heel into the next step',
    regression: 'reverse-lunge',
    progression: 'Carry a dumbbell in each hand',
    dose: 'compound',
  }),
  defineExercise({
    id: 'reverse-lunge',
    name: 'Reverse lunge',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'barbell', 'gym'],
    unilateral: true,
    muscles: ['quads', 'glutes', 'hamstrings'],
    cue: 'Step back, drop until both knees are near right angles, stand up through the front foot',
    regression: 'split-squat',
    progression: 'walking-lunge',
    dose: 'compound',
  }),
  defineExercise({
    id: 'lateral-lunge',
    name: 'Lateral lunge',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: FREE_WEIGHTS,
    unilateral: true,
    muscles: ['glutes', 'adductors', 'quads', 'hip stabilisers'],
    cue: 'Step wide, sit back into one hip, other leg straight, both feet flat on the floor',
    regression: 'Take a shorter step and hold a support',
    progression: 'Hold a weight at the chest',
    dose: 'compound',
  }),
  defineExercise({
    id: 'split-squat',
    name: 'Split squat',
    pattern: 'lunge',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'barbell', 'gym'],
    unilateral: true,
    muscles: ['quads', 'glutes', 'adductors'],
    cue: 'Staggered stance, lower the back knee straight down, front foot stays flat',
    regression: 'Hold a wall or post for balance',
    progression: 'reverse-lunge',
    dose: 'compound',
  }),
  defineExercise({
    id: 'step-up',
    name: 'Step-up',
    pattern: 'single-leg',
    // A stair or sturdy bench at home is enough; a plyo box or gym bench works too.
    equipment: ['bodyweight'],
    loadWith: FREE_WEIGHTS,
    unilateral: true,
    muscles: ['quads', 'glutes', 'calves'],
    cue: 'Whole foot on the step, stand up through that heel, the trailing leg just comes along',
    regression: 'Use a lower step',
    progression: 'pistol-squat',
    dose: 'compound',
  }),
  defineExercise({
    id: 'pistol-squat',
    name: 'Pistol squat (assisted)',
    pattern: 'single-leg',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['quads', 'glutes', 'hip stabilisers', 'core'],
    cue: 'Hold a post or door frame, free leg forward, sink on one leg only as deep as you control',
    regression: 'Lower on one leg to a bench and stand back up',
    progression: 'Use less hand support, then none',
    dose: 'compound',
  }),
  // Calves and Achilles
  defineExercise({
    id: 'standing-calf-raise',
    name: 'Standing calf raise',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'barbell', 'gym'],
    unilateral: false,
    muscles: ['calves', 'Achilles tendon'],
    cue: 'Rise tall over the big toes, hold a beat at the top, lower under control',
    regression: 'Hold a wall and use a smaller range',
    progression: 'single-leg-calf-raise',
    dose: 'accessory',
    reps: [12, 15],
  }),
  defineExercise({
    id: 'single-leg-calf-raise',
    name: 'Single-leg calf raise',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: FREE_WEIGHTS,
    unilateral: true,
    muscles: ['calves', 'Achilles tendon', 'foot and ankle stabilisers'],
    cue: 'Ball of one foot on a step, full height at the top, heel below the step at the bottom',
    regression: 'standing-calf-raise',
    progression: 'Hold a dumbbell on the working side',
    dose: 'accessory',
    reps: [10, 12],
  }),
  defineExercise({
    id: 'eccentric-heel-drop',
    name: 'Eccentric heel drop',
    pattern: 'calf',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'gym'],
    unilateral: true,
    muscles: ['calves', 'soleus', 'Achilles tendon'],
    cue: 'Rise on both feet, shift onto one, lower that heel below the step over four seconds',
    regression: 'Lower only to the level of the step',
    progression: 'Wear a loaded backpack or hold a dumbbell',
    dose: 'accessory',
    reps: [8, 10],
    secondsPerRep: 6,
  }),
  // Glutes and hips
  defineExercise({
    id: 'glute-bridge',
    name: 'Glute bridge',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'barbell', 'gym'],
    unilateral: false,
    muscles: ['glutes', 'hamstrings'],
    cue: 'Heels close to the hips, ribs down, press the hips up until knee to shoulder is flat',
    regression: 'Use a smaller range and pause at the top',
    progression: 'single-leg-glute-bridge',
    dose: 'compound',
  }),
  defineExercise({
    id: 'single-leg-glute-bridge',
    name: 'Single-leg glute bridge',
    pattern: 'bridge',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['glutes', 'hamstrings', 'hip stabilisers'],
    cue: 'One foot down, the other knee hugged in, lift without letting the pelvis tilt',
    regression: 'glute-bridge',
    progression: 'hip-thrust',
    dose: 'compound',
  }),
  defineExercise({
    id: 'hip-thrust',
    name: 'Hip thrust',
    pattern: 'bridge',
    // Shoulders on a sofa or bench; a barbell or dumbbell across the hips adds load.
    equipment: ['bodyweight'],
    loadWith: ['barbell', 'dumbbells', 'kettlebell', 'gym'],
    unilateral: false,
    muscles: ['glutes', 'hamstrings'],
    cue: 'Upper back on a bench, chin tucked, finish the lift with the glutes, not the lower back',
    regression: 'glute-bridge',
    progression: 'Thrust on one leg with shoulders on a sofa or bench',
    dose: 'compound',
  }),
  defineExercise({
    id: 'clamshell',
    name: 'Clamshell',
    pattern: 'hip-stability',
    equipment: ['bodyweight'],
    loadWith: ['bands', 'gym'],
    unilateral: true,
    muscles: ['glute medius', 'hip rotators'],
    cue: 'On your side, heels together, open the top knee without the hips rolling back',
    regression: 'Open the knee only part of the way',
    progression: 'Loop a band just above the knees',
    dose: 'accessory',
    reps: [12, 15],
    secondsPerRep: 2,
  }),
  // Core
  defineExercise({
    id: 'plank',
    name: 'Plank',
    pattern: 'core-anti-extension',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['abdominals', 'obliques', 'glutes', 'shoulders'],
    cue: 'Elbows under the shoulders, ribs pulled down, glutes tight so the hips neither sag nor pike',
    regression: 'Hold from the knees',
    progression: 'mountain-climber',
    dose: 'hold',
    seconds: 30,
  }),
  defineExercise({
    id: 'side-plank',
    name: 'Side plank',
    pattern: 'core-lateral',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['obliques', 'glute medius', 'quadratus lumborum'],
    cue: 'Elbow under the shoulder, hips stacked and lifted, body straight from head to feet',
    regression: 'Rest the bottom knee on the floor',
    progression: 'Raise the top leg while holding',
    dose: 'hold',
    seconds: 25,
  }),
  defineExercise({
    id: 'dead-bug',
    name: 'Dead bug',
    pattern: 'core-anti-extension',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['deep abdominals', 'hip flexors'],
    cue: 'Lower back glued to the floor, breathe out as the opposite arm and leg reach away',
    regression: 'Move the legs only, arms stay up',
    progression: 'Hold a light weight in the reaching hand',
    dose: 'accessory',
    reps: [6, 8],
  }),
  defineExercise({
    id: 'bird-dog',
    name: 'Bird dog',
    pattern: 'core-anti-rotation',
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['lower back', 'glutes', 'deep abdominals'],
    cue: 'On all fours, reach one arm and the opposite leg long without the hips rocking',
    regression: 'Reach with the arm or the leg alone',
    progression: 'Hold two seconds at full reach',
    dose: 'accessory',
    reps: [6, 8],
  }),
  defineExercise({
    id: 'russian-twist',
    name: 'Russian twist',
    pattern: 'core-rotation',
    equipment: ['bodyweight'],
    loadWith: ['dumbbells', 'kettlebell', 'gym'],
    unilateral: true,
    muscles: ['obliques', 'abdominals'],
    cue: 'Sit tall leaning back a little, turn from the ribcage, hands follow the chest',
    regression: 'Keep both feet on the floor',
    progression: 'Lift the feet and hold a light weight',
    dose: 'accessory',
    reps: [8, 10],
    secondsPerRep: 2,
  }),
  defineExercise({
    id: 'mountain-climber',
    name: 'Mountain climber',
    pattern: 'core-anti-extension',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['abdominals', 'hip flexors', 'shoulders'],
    cue: 'Hands under the shoulders, knees drive to the chest in turn, hips stay level',
    regression: 'Step the feet in slowly one at a time',
    progression: 'Speed up while keeping the hips still',
    dose: 'hold',
    seconds: 20,
  }),
  // Upper body
  defineExercise({
    id: 'push-up',
    name: 'Push-up',
    pattern: 'push',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['chest', 'shoulders', 'triceps', 'core'],
    cue: 'Hands under the shoulders, body rigid as a plank, chest lowers to a fist off the floor',
    regression: 'Hands on a bench or wall',
    progression: 'Feet raised on a step',
    dose: 'accessory',
    reps: [8, 10],
  }),
  defineExercise({
    id: 'band-row',
    name: 'Band row',
    pattern: 'pull',
    equipment: ['bands', 'gym'],
    unilateral: false,
    muscles: ['upper back', 'lats', 'biceps', 'rear shoulders'],
    cue: 'Band anchored at chest height, pull the elbows back and squeeze the shoulder blades',
    regression: 'Stand closer to the anchor',
    progression: 'pull-up',
    dose: 'accessory',
    reps: [10, 12],
  }),
  defineExercise({
    id: 'pull-up',
    name: 'Pull-up',
    pattern: 'pull',
    equipment: ['gym'],
    unilateral: false,
    muscles: ['lats', 'upper back', 'biceps', 'core'],
    cue: 'From a still hang, pull the chest toward the bar, lower all the way under control',
    regression: 'band-row',
    progression: 'Take three seconds over each lowering',
    dose: 'accessory',
    reps: [4, 6],
    secondsPerRep: 4,
  }),
  // Plyometrics
  defineExercise({
    id: 'box-jump',
    name: 'Box jump',
    pattern: 'plyometric',
    equipment: ['box', 'gym'],
    unilateral: false,
    muscles: ['glutes', 'quads', 'hamstrings', 'calves'],
    cue: 'Low box, arms swing, land soft and silent in a half squat, step down rather than jump',
    regression: 'jump-squat',
    progression: 'A higher box only while every landing stays quiet',
    dose: 'power',
    reps: [5, 5],
    // Jump, stick the landing, step down and reset.
    secondsPerRep: 5,
  }),
  defineExercise({
    id: 'bounding',
    name: 'Bounding',
    pattern: 'plyometric',
    // Needs a few metres of grass or track, nothing else.
    equipment: ['bodyweight'],
    unilateral: true,
    muscles: ['glutes', 'hamstrings', 'calves', 'hip flexors'],
    cue: 'Exaggerated running strides: push hard off each foot, drive the knee, land under the hip',
    regression: 'Skip for height instead of distance',
    progression: 'Longer bounds with the same quality of landing',
    dose: 'power',
    reps: [6, 6],
    secondsPerRep: 2,
  }),
  defineExercise({
    id: 'jump-squat',
    name: 'Jump squat',
    pattern: 'plyometric',
    equipment: ['bodyweight'],
    unilateral: false,
    muscles: ['quads', 'glutes', 'calves'],
    cue: 'Dip to a quarter squat, jump straight up, land softly and reset before the next one',
    regression: 'bodyweight-squat',
    progression: 'box-jump',
    dose: 'power',
    reps: [5, 5],
  }),
];

const BY_ID: ReadonlyMap<string, Exercise> = new Map(EXERCISES.map((e) => [e.id, e]));

/**
 * The library exercise with this id, if any.
 *
 * @example findExercise('goblet-squat')?.name // 'Goblet squat'
 */
export function findExercise(id: string): Exercise | undefined {
  return BY_ID.get(id);
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
 * listed or not.
 */
export function isExerciseAvailable(exercise: Exercise, equipment: readonly Equipment[]): boolean {
  return exercise.equipment.some((e) => e === 'bodyweight' || equipment.includes(e));
}

/** Whether the exercise trains the posterior chain (a hinge or a bridge). */
export function isPosteriorChain(exercise: Exercise): boolean {
  return POSTERIOR_CHAIN_PATTERNS.has(exercise.pattern);
}

/** Whether the exercise counts as core work. */
export function isCoreExercise(exercise: Exercise): boolean {
  return CORE_PATTERNS.has(exercise.pattern);
}

/**
 * Warm-up before every session (about six minutes): easy cardio raises the temperature, then
 * dynamic drills take the hips and ankles through the ranges the session uses.
 */
export const WARMUP: readonly string[] = [
  '5 min easy cardio (jog, bike, rower or brisk walk)',
  'Leg swings: 10 forward-and-back and 10 across the body on each leg',
  'Walking lunges: 6 slow steps on each leg',
];

/** Cool-down after every session (about three minutes), easy stretches for running muscles. */
export const COOLDOWN: readonly string[] = [
  'Calf stretch against a wall: 30 s each leg',
  'Half-kneeling hip flexor stretch: 30 s each side',
  'Hamstring stretch with the heel on a low step: 30 s each leg',
];

/** Minutes counted for {@link WARMUP} in the duration estimate. */
export const WARMUP_MINUTES = 6;
/** Minutes counted for {@link COOLDOWN} in the duration estimate. */
export const COOLDOWN_MINUTES = 3;
