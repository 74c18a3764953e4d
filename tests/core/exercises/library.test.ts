import { describe, expect, it } from 'vitest';
import {
  COOLDOWN,
  EXERCISES,
  findExercise,
  getExercise,
  isCoreExercise,
  isExerciseAvailable,
  isPosteriorChain,
  WARMUP,
} from '../../../src/core/exercises';
import type { Exercise } from '../../../src/core/exercises';
import { EQUIPMENT } from '../../../src/core/prefs';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const byId = EXERCISES.map((e) => [e.id, e] as const);

/** Every exercise SPEC §6 names, with the library id(s) that cover it. */
const SPEC_EXERCISES: readonly (readonly [string, string])[] = [
  ['bodyweight squat', 'bodyweight-squat'],
  ['goblet squat', 'goblet-squat'],
  ['back squat', 'back-squat'],
  ['Romanian deadlift', 'romanian-deadlift'],
  ['single-leg RDL', 'single-leg-rdl'],
  ['walking lunge', 'walking-lunge'],
  ['reverse lunge', 'reverse-lunge'],
  ['lateral lunge', 'lateral-lunge'],
  ['split squat', 'split-squat'],
  ['step-up', 'step-up'],
  ['pistol squat (assisted)', 'pistol-squat'],
  ['standing calf raise', 'standing-calf-raise'],
  ['single-leg calf raise', 'single-leg-calf-raise'],
  ['eccentric heel drop', 'eccentric-heel-drop'],
  ['glute bridge', 'glute-bridge'],
  ['single-leg glute bridge', 'single-leg-glute-bridge'],
  ['hip thrust', 'hip-thrust'],
  ['clamshell', 'clamshell'],
  ['plank', 'plank'],
  ['side plank', 'side-plank'],
  ['dead bug', 'dead-bug'],
  ['bird dog', 'bird-dog'],
  ['Russian twist', 'russian-twist'],
  ['push-up', 'push-up'],
  ['band row', 'band-row'],
  ['pull-up', 'pull-up'],
  ['box jump', 'box-jump'],
  ['bounding', 'bounding'],
  ['jump squat', 'jump-squat'],
  ['mountain climber', 'mountain-climber'],
];

/** A regression or progression written in lower kebab-case is meant as an id. */
function looksLikeId(text: string): boolean {
  return KEBAB.test(text);
}

describe('EXERCISES', () => {
  it('has unique ids', () => {
    const ids = EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique names', () => {
    const names = EXERCISES.map((e) => e.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(SPEC_EXERCISES)('includes the SPEC §6 %s', (_name, id) => {
    expect(findExercise(id)).toBeDefined();
  });

  describe.each(byId)('%s', (id, exercise: Exercise) => {
    it('has a kebab-case id', () => {
      expect(id).toMatch(KEBAB);
    });

    it('has a name, pattern and muscles', () => {
      expect(exercise.name.trim()).not.toBe('');
      expect(exercise.pattern).toMatch(KEBAB);
      expect(exercise.muscles.length).toBeGreaterThan(0);
      for (const muscle of exercise.muscles) expect(muscle.trim()).not.toBe('');
    });

    it('lists known equipment that makes it possible', () => {
      expect(exercise.equipment.length).toBeGreaterThan(0);
      for (const e of [...exercise.equipment, ...exercise.loadWith]) expect(EQUIPMENT).toContain(e);
      expect(exercise.loadWith).not.toContain('bodyweight');
    });

    it('is bodyweight exactly when it needs nothing', () => {
      expect(exercise.bodyweight).toBe(exercise.equipment.includes('bodyweight'));
      expect(isExerciseAvailable(exercise, [])).toBe(exercise.bodyweight);
    });

    it('is only loadable when it is possible without the load', () => {
      if (exercise.loadWith.length > 0) expect(exercise.bodyweight).toBe(true);
    });

    it('has a short cue as a sentence fragment', () => {
      expect(exercise.cue.length).toBeGreaterThan(10);
      expect(exercise.cue.length).toBeLessThanOrEqual(120);
      expect(exercise.cue).toMatch(/^[A-Z]/);
      expect(exercise.cue).not.toMatch(/[.!]$/);
      expect(exercise.cue).not.toContain('\n');
    });

    it('has a regression and a progression that resolve when they are ids', () => {
      for (const text of [exercise.regression, exercise.progression]) {
        expect(text.trim()).not.toBe('');
        expect(text).not.toBe(id);
        if (looksLikeId(text)) expect(findExercise(text), text).toBeDefined();
        else expect(text).toMatch(/^[A-Z]/);
      }
    });

    it('is plyometric exactly when its pattern is', () => {
      expect(exercise.plyometric).toBe(exercise.pattern === 'plyometric');
    });

    it('has the dose its kind needs', () => {
      if (exercise.dose === 'hold') expect(exercise.seconds).toBeGreaterThan(0);
      if (exercise.dose === 'accessory' || exercise.dose === 'power') {
        const [low, high] = exercise.reps ?? [0, 0];
        expect(low).toBeGreaterThan(0);
        expect(high).toBeGreaterThanOrEqual(low);
      }
      expect(exercise.secondsPerRep).toBeGreaterThan(0);
    });
  });

  it('has bodyweight exercises for every required slot, so light sessions can always be built', () => {
    const light = EXERCISES.filter((e) => e.bodyweight && !e.plyometric);
    expect(light.filter(isPosteriorChain).length).toBeGreaterThanOrEqual(2);
    expect(light.filter((e) => e.unilateral).length).toBeGreaterThanOrEqual(2);
    expect(light.filter(isCoreExercise).length).toBeGreaterThanOrEqual(2);
  });

  it('needs a gym or a bar for a pull-up and a box or gym for a box jump', () => {
    expect(getExercise('pull-up').equipment).toEqual(['gym']);
    expect([...getExercise('box-jump').equipment].sort()).toEqual(['box', 'gym']);
    expect([...getExercise('back-squat').equipment].sort()).toEqual(['barbell', 'gym']);
    expect(getExercise('goblet-squat').equipment).toEqual(
      expect.arrayContaining(['dumbbells', 'kettlebell']),
    );
  });
});

describe('findExercise', () => {
  it('finds an exercise by id', () => {
    expect(findExercise('goblet-squat')?.name).toBe('Goblet squat');
  });

  it('returns undefined for an unknown id', () => {
    expect(findExercise('leg-press')).toBeUndefined();
  });
});

describe('getExercise', () => {
  it('throws with the id for an unknown id', () => {
    expect(() => getExercise('leg-press')).toThrow('"leg-press"');
  });
});

describe('isExerciseAvailable', () => {
  it('treats bodyweight as always available', () => {
    expect(isExerciseAvailable(getExercise('plank'), [])).toBe(true);
  });

  it('needs one of the listed equipment otherwise', () => {
    const goblet = getExercise('goblet-squat');
    expect(isExerciseAvailable(goblet, ['bands'])).toBe(false);
    expect(isExerciseAvailable(goblet, ['kettlebell'])).toBe(true);
    expect(isExerciseAvailable(goblet, ['gym'])).toBe(true);
  });
});

describe('WARMUP and COOLDOWN', () => {
  it('start with easy cardio and include leg swings and lunges', () => {
    expect(WARMUP[0]).toMatch(/^5 min easy cardio/);
    expect(WARMUP.join(' ')).toMatch(/leg swings/i);
    expect(WARMUP.join(' ')).toMatch(/lunges/i);
  });

  it('has a short cool-down', () => {
    expect(COOLDOWN.length).toBeGreaterThan(0);
    expect(COOLDOWN.length).toBeLessThanOrEqual(4);
  });
});
