import { describe, expect, it } from 'vitest';
import {
  bodyweightVersion,
  COOLDOWN,
  EXERCISES,
  findExercise,
  findExerciseByName,
  gentleVersion,
  getExercise,
  implementFor,
  isExerciseAvailable,
  MOBILITY,
  ownsEquipment,
  WARMUP,
} from '../../../src/core/exercises';
import type { Exercise } from '../../../src/core/exercises';
import { EQUIPMENT } from '../../../src/core/prefs';
import type { Equipment } from '../../../src/core/prefs';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Words a bodyweight-only runner must never be asked for (SPEC §6). */
const BENCH_OR_BAR = /\b(bench|bar|barbell)\b/i;

/** Every exercise SPEC §6 names, with the library name that covers it. */
const SPEC_EXERCISES: readonly (readonly [string, string])[] = [
  ['squat (bodyweight)', 'Bodyweight squat'],
  ['squat (goblet)', 'Goblet squat'],
  ['squat (back)', 'Back squat'],
  ['front squat (a main lift)', 'Front squat'],
  ['deadlift (a main lift)', 'Deadlift'],
  ['Romanian deadlift', 'Romanian deadlift'],
  ['single-leg RDL', 'Single-leg Romanian deadlift'],
  ['walking lunge', 'Walking lunge'],
  ['reverse lunge', 'Reverse lunge'],
  ['lateral lunge', 'Lateral lunge'],
  ['split squat', 'Split squat'],
  ['step-up', 'Step-up'],
  ['pistol squat (assisted)', 'Pistol squat (assisted)'],
  ['standing calf raise', 'Standing calf raise'],
  ['single-leg calf raise', 'Single-leg calf raise'],
  ['eccentric heel drop', 'Eccentric heel drop'],
  ['glute bridge', 'Glute bridge'],
  ['single-leg glute bridge', 'Single-leg glute bridge'],
  ['hip thrust', 'Hip thrust'],
  ['clamshell', 'Clamshell'],
  ['lateral band walk', 'Lateral band walk'],
  ['plank', 'Plank'],
  ['side plank', 'Side plank'],
  ['dead bug', 'Dead bug'],
  ['bird dog', 'Bird dog'],
  ['push-up', 'Push-up'],
  ['band row', 'Band row'],
  ['pull-up', 'Pull-up'],
  ['box jump', 'Box jump'],
  ['pogo hops', 'Pogo hops'],
  ['bounding', 'Bounding'],
  ['jump squat', 'Jump squat'],
];

/** Equipment profiles a runner may have. */
const PROFILES: readonly (readonly Equipment[])[] = [
  [],
  ['bands'],
  ['dumbbells'],
  ['kettlebell'],
  ['barbell'],
  ['box'],
  ['bodyweight', 'bands', 'dumbbells'],
  ['gym'],
];

/** Follows `step` (easier or harder, first entry) and reports a cycle if it meets one. */
function followsWithoutCycle(start: Exercise, step: (e: Exercise) => readonly string[]): boolean {
  const seen = new Set<string>();
  const walk = (e: Exercise): boolean => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    const ok = step(e)
      .map(getExercise)
      .every((next) => walk(next));
    seen.delete(e.id);
    return ok;
  };
  return walk(start);
}

describe('EXERCISES', () => {
  it('has unique ids and unique names', () => {
    const ids = EXERCISES.map((e) => e.id);
    const names = EXERCISES.map((e) => e.name.toLowerCase());

    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(SPEC_EXERCISES)('includes the SPEC §6 %s', (_spec, name) => {
    expect(findExerciseByName(name)?.name).toBe(name);
  });

  it('marks exactly the loaded squats and hinges as main lifts (SPEC §6)', () => {
    const main = EXERCISES.filter((e) => e.main).map((e) => e.name);

    expect(main.sort()).toEqual(
      ['Back squat', 'Deadlift', 'Front squat', 'Goblet squat', 'Romanian deadlift'].sort(),
    );
  });

  describe.each(EXERCISES.map((e) => [e.name, e] as const))('%s', (_name, exercise) => {
    it('has a kebab-case id, a pattern and muscles', () => {
      expect(exercise.id).toMatch(KEBAB);
      expect(exercise.pattern).toMatch(KEBAB);
      expect(exercise.muscles.length).toBeGreaterThan(0);
      for (const muscle of exercise.muscles) expect(muscle.trim()).not.toBe('');
    });

    it('lists known equipment, and loads only with real implements', () => {
      expect(exercise.equipment.length).toBeGreaterThan(0);
      for (const e of [...exercise.equipment, ...exercise.loadWith]) expect(EQUIPMENT).toContain(e);
      expect(exercise.loadWith).not.toContain('bodyweight');
      if (exercise.main) expect(exercise.loadWith.length).toBeGreaterThan(0);
    });

    it('is bodyweight exactly when it needs nothing', () => {
      expect(exercise.bodyweight).toBe(exercise.equipment.includes('bodyweight'));
      expect(isExerciseAvailable(exercise, [])).toBe(exercise.bodyweight);
    });

    it('has a short cue as a sentence fragment', () => {
      expect(exercise.cue.length).toBeGreaterThan(10);
      expect(exercise.cue.length).toBeLessThanOrEqual(120);
      expect(exercise.cue).toMatch(/^[A-Z]/);
      expect(exercise.cue).not.toMatch(/[.!]$/);
    });

    it('has an easier and a harder variant: library exercises, and an in-place tip', () => {
      expect(exercise.easierTip).toMatch(/^[A-Z].{8,}[^.]$/);
      expect(exercise.harderTip).toMatch(/^[A-Z].{8,}[^.]$/);
      for (const id of [...exercise.easier, ...exercise.harder, ...exercise.swaps]) {
        expect(findExercise(id), id).toBeDefined();
        expect(id).not.toBe(exercise.id);
      }
    });

    it('offers an easier or a harder library exercise (a ladder has two ends, not none)', () => {
      expect(exercise.easier.length + exercise.harder.length).toBeGreaterThan(0);
    });

    it('never names a bench or a bar when a bodyweight-only runner may be given it', () => {
      if (!exercise.bodyweight) return;
      for (const text of [exercise.name, exercise.cue, exercise.easierTip, exercise.harderTip]) {
        expect(text).not.toMatch(BENCH_OR_BAR);
      }
    });

    it('tells a runner with no equipment how to make it harder without any', () => {
      if (!exercise.bodyweight) return;
      for (const tip of [exercise.easierTip, exercise.harderTip]) {
        expect(tip).not.toMatch(/\b(dumbbells?|kettlebells?|weight|band)\b/i);
      }
    });

    it('is easier than its harder variants and harder than its easier ones', () => {
      for (const id of exercise.harder) expect(getExercise(id).harder).not.toContain(exercise.id);
      for (const id of exercise.easier) expect(getExercise(id).easier).not.toContain(exercise.id);
      for (const id of exercise.harder) expect(exercise.easier).not.toContain(id);
    });

    it('has a bodyweight version unless it is a band or upper-body exercise', () => {
      if (exercise.pattern === 'pull' || exercise.pattern === 'push') return;
      const version = bodyweightVersion(exercise);
      expect(version.bodyweight).toBe(true);
      expect(version.plyometric).toBe(exercise.plyometric);
    });
  });

  it('has ladders without cycles, both ways', () => {
    for (const e of EXERCISES) {
      expect(
        followsWithoutCycle(e, (x) => x.harder),
        `${e.id} harder`,
      ).toBe(true);
      expect(
        followsWithoutCycle(e, (x) => x.easier),
        `${e.id} easier`,
      ).toBe(true);
    }
  });

  it('needs a gym for a pull-up, a box for a box jump and a barbell for a back squat', () => {
    expect(isExerciseAvailable(getExercise('pull-up'), ['bodyweight', 'bands', 'dumbbells'])).toBe(
      false,
    );
    expect(isExerciseAvailable(getExercise('pull-up'), ['gym'])).toBe(true);
    expect(isExerciseAvailable(getExercise('box-jump'), ['box'])).toBe(true);
    expect(isExerciseAvailable(getExercise('box-jump'), ['dumbbells'])).toBe(false);
    expect(isExerciseAvailable(getExercise('back-squat'), ['dumbbells'])).toBe(false);
    expect(isExerciseAvailable(getExercise('back-squat'), ['gym'])).toBe(true);
  });
});

describe('findExerciseByName', () => {
  it('finds an exercise by its name in any case', () => {
    expect(findExerciseByName('goblet squat')?.id).toBe('goblet-squat');
    expect(findExerciseByName('  Romanian Deadlift ')?.id).toBe('romanian-deadlift');
  });

  it('returns undefined for an unknown name', () => {
    expect(findExerciseByName('Leg press')).toBeUndefined();
  });
});

describe('getExercise', () => {
  it('throws with the id for an unknown id', () => {
    expect(() => getExercise('leg-press')).toThrow('"leg-press"');
  });
});

describe('ownsEquipment', () => {
  it.each([
    [[], 'bodyweight', true],
    [[], 'bands', false],
    [['gym'], 'barbell', true],
    [['gym'], 'box', true],
    [['gym'], 'bands', true],
    [['dumbbells'], 'kettlebell', false],
  ] as const)('%j has %s: %s', (owned, needed, expected) => {
    expect(ownsEquipment(owned, needed)).toBe(expected);
  });
});

describe('implementFor', () => {
  it('prefers a barbell in a gym and dumbbells at home', () => {
    expect(implementFor(getExercise('romanian-deadlift'), ['gym'])).toBe('barbell');
    expect(implementFor(getExercise('romanian-deadlift'), ['dumbbells', 'bands'])).toBe(
      'dumbbells',
    );
  });

  it('gives nothing for a bodyweight-only runner', () => {
    expect(implementFor(getExercise('split-squat'), [])).toBeUndefined();
  });
});

describe('gentleVersion', () => {
  it.each([
    ['goblet-squat', 'bodyweight-squat'],
    ['romanian-deadlift', 'hip-hinge'],
    ['eccentric-heel-drop', 'standing-calf-raise'],
    ['rear-foot-elevated-split-squat', 'split-squat'],
    ['plank', 'plank'],
  ])('steps %s down to %s for the days around a race', (from, to) => {
    expect(gentleVersion(getExercise(from))?.id).toBe(to);
  });

  it('always ends on a bodyweight exercise that is not a soreness risk for the legs', () => {
    for (const e of EXERCISES) {
      if (e.plyometric || e.pattern === 'pull' || e.pattern === 'push') continue;
      const gentle = gentleVersion(e);
      expect(gentle?.bodyweight, e.id).toBe(true);
      expect(gentle?.sorenessRisk, e.id).toBe(false);
    }
  });
});

describe('equipment profiles', () => {
  it.each(PROFILES.map((p) => [p.join('+') || 'bodyweight only', p] as const))(
    '%s can do a squat or lunge, a hinge, calves and trunk work',
    (_label, profile) => {
      const can = EXERCISES.filter((e) => isExerciseAvailable(e, profile));
      const patterns = new Set(can.map((e) => e.pattern));
      expect(patterns).toContain('squat');
      expect(patterns).toContain('single-leg-hinge');
      expect(patterns).toContain('calf');
      expect(patterns).toContain('anti-extension');
    },
  );
});

describe('WARMUP, COOLDOWN and MOBILITY', () => {
  it('warms up with easy cardio, leg swings and lunges (SPEC §6)', () => {
    expect(WARMUP[0]).toMatch(/^5 min easy cardio/);
    expect(WARMUP.join(' ')).toMatch(/leg swings/i);
    expect(WARMUP.join(' ')).toMatch(/lunges/i);
  });

  it('keeps the cool-down and mobility short', () => {
    expect(COOLDOWN.length).toBeGreaterThan(0);
    expect(COOLDOWN.length).toBeLessThanOrEqual(4);
    expect(MOBILITY.length).toBeGreaterThan(0);
    expect(MOBILITY.length).toBeLessThanOrEqual(6);
  });
});
