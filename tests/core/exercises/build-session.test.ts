import { describe, expect, it } from 'vitest';
import {
  buildSession,
  estimateSessionMinutes,
  getExercise,
  isCoreExercise,
  isExerciseAvailable,
  isPosteriorChain,
  MAX_EXERCISES,
  MIN_EXERCISES,
  MIN_FITTING_MINUTES,
} from '../../../src/core/exercises';
import type {
  BuildSessionOptions,
  Prescription,
  StrengthSession,
} from '../../../src/core/exercises';
import { PHASE_RULES } from '../../../src/core/phases';
import type { Phase } from '../../../src/core/phases';
import type { Equipment } from '../../../src/core/prefs';

const PHASES: readonly Phase[] = ['off-season', 'base', 'build', 'taper', 'race-week', 'recovery'];
const LIGHT: readonly Phase[] = ['taper', 'race-week', 'recovery'];
const EQUIPMENT_SETS: readonly (readonly Equipment[])[] = [
  [],
  ['bands'],
  ['dumbbells', 'bands'],
  ['kettlebell', 'box'],
  ['barbell'],
  ['gym'],
];
const MINUTES = [20, 30, 40, 45, 60] as const;
const WEEKS = [0, 1, 2, 3, 4, 5] as const;
const VARIANTS = [0, 1] as const;

function makeOptions(overrides: Partial<BuildSessionOptions> = {}): BuildSessionOptions {
  return {
    phase: 'base',
    equipment: ['dumbbells'],
    minutes: 40,
    week: 0,
    variant: 0,
    ...overrides,
  };
}

/** The item at `index`, failing the test when there is none. */
function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index} of ${items.length}`);
  return item;
}

function midReps(reps: number | string): number {
  if (typeof reps === 'number') return reps;
  const [low = 0, high = low] = reps.split('-').map(Number);
  return (low + high) / 2;
}

/** Total work: sets × reps (both sides counted), holds as one rep per 3 s. */
function volume(session: StrengthSession): number {
  return session.exercises.reduce((sum, p) => {
    const sides = p.perSide ? 2 : 1;
    const perSet = p.seconds !== undefined ? p.seconds / 3 : midReps(p.reps);
    return sum + p.sets * perSet * sides;
  }, 0);
}

function label(equipment: readonly Equipment[]): string {
  return equipment.length ? equipment.join('+') : 'bodyweight';
}

const cases = PHASES.flatMap((phase) =>
  EQUIPMENT_SETS.flatMap((equipment) =>
    MINUTES.flatMap((minutes) =>
      VARIANTS.flatMap((variant) =>
        WEEKS.map((week) => ({ phase, equipment, minutes, variant, week })),
      ),
    ),
  ),
);

describe('buildSession', () => {
  it.each(
    cases.map(
      (c) =>
        [
          `${c.phase}, ${label(c.equipment)}, ${c.minutes} min, variant ${c.variant}, week ${c.week}`,
          c,
        ] as const,
    ),
  )('follows the session rules: %s', (_name, options) => {
    const session = buildSession(options);
    const exercises = session.exercises.map((p) => getExercise(p.id));
    const ids = exercises.map((e) => e.id).join(', ');

    expect(session.warmup.length, 'warm-up').toBeGreaterThan(0);
    expect(session.cooldown.length, 'cool-down').toBeGreaterThan(0);
    expect(exercises.length, 'exercise count').toBeGreaterThanOrEqual(MIN_EXERCISES);
    expect(exercises.length, 'exercise count').toBeLessThanOrEqual(MAX_EXERCISES);

    expect(isPosteriorChain(at(exercises, 0)), `posterior chain first: ${ids}`).toBe(true);
    expect(
      exercises.some((e) => e.unilateral && !e.plyometric),
      `single-leg: ${ids}`,
    ).toBe(true);
    expect(exercises.some(isCoreExercise), `core: ${ids}`).toBe(true);

    const jumps = exercises.filter((e) => e.plyometric);
    expect(jumps.length, 'at most one plyometric').toBeLessThanOrEqual(1);
    if (!['off-season', 'base'].includes(options.phase)) expect(jumps, 'no jumps').toEqual([]);

    for (const e of exercises) {
      expect(isExerciseAvailable(e, options.equipment), `${e.id} available`).toBe(true);
      if (LIGHT.includes(options.phase)) expect(e.bodyweight, `${e.id} bodyweight`).toBe(true);
    }

    expect(session.estimatedMinutes).toBe(estimateSessionMinutes(session.exercises));
    if (options.minutes >= MIN_FITTING_MINUTES) {
      expect(session.estimatedMinutes, 'fits the slot').toBeLessThanOrEqual(options.minutes);
    }

    for (const p of session.exercises) {
      expect(
        (p.reps === undefined) !== (p.seconds === undefined),
        `${p.id}: reps xor seconds`,
      ).toBe(true);
      if (typeof p.reps === 'string') expect(p.reps, p.id).toMatch(/^\d+-\d+$/);
      if (typeof p.reps === 'number') expect(p.reps, p.id).toBeGreaterThan(0);
      expect(p.sets, `${p.id} sets`).toBeGreaterThanOrEqual(1);
      expect(p.sets, `${p.id} sets`).toBeLessThanOrEqual(4);
      expect(p.restSeconds, `${p.id} rest`).toBeGreaterThan(0);
      expect(p.cue, `${p.id} cue`).toBe(getExercise(p.id).cue);
      expect(p.load, `${p.id} load`).toBeTruthy();
      if (LIGHT.includes(options.phase)) expect(p.load, `${p.id} load`).toMatch(/bodyweight/);
    }

    expect(session.load, 'load').toBe(PHASE_RULES[options.phase].load);
    expect(session.title).toMatch(/^Strength · .+ \(\d+ min\)$/);
    expect(session.title).toContain(session.focus);
    const shown = Number(/\((\d+) min\)$/.exec(session.title)?.[1]);
    expect(shown, 'title minutes').toBeGreaterThanOrEqual(session.estimatedMinutes);
    expect(shown - session.estimatedMinutes, 'title minutes').toBeLessThan(5);

    const compounds = session.exercises.filter((p) => getExercise(p.id).dose === 'compound');
    switch (options.phase) {
      case 'off-season':
        for (const p of compounds) {
          if (!/bodyweight/.test(p.load ?? ''))
            expect(p.restSeconds, p.id).toBeGreaterThanOrEqual(120);
        }
        break;
      case 'base':
        for (const p of compounds) {
          expect(p.restSeconds, p.id).toBeGreaterThanOrEqual(60);
          expect(p.restSeconds, p.id).toBeLessThanOrEqual(90);
        }
        break;
      case 'build':
        for (const p of session.exercises) expect(p.sets, p.id).toBeLessThanOrEqual(2);
        for (const p of compounds) expect(midReps(p.reps ?? 0), p.id).toBeLessThanOrEqual(10);
        break;
      case 'race-week':
        expect(exercises, 'fewest exercises').toHaveLength(MIN_EXERCISES);
        for (const p of session.exercises) expect(p.sets, p.id).toBe(1);
        break;
      default:
        for (const p of session.exercises) {
          expect(p.sets, p.id).toBeLessThanOrEqual(2);
          expect(p.restSeconds, p.id).toBeLessThanOrEqual(45);
        }
    }
  });

  describe('numbers per phase', () => {
    const first = (phase: Phase, equipment: readonly Equipment[] = ['dumbbells']): Prescription =>
      at(buildSession(makeOptions({ phase, equipment, minutes: 60 })).exercises, 0);

    it('goes heavy in the off-season: few reps, long rest, 3 sets', () => {
      expect(first('off-season')).toMatchObject({ sets: 3, reps: '4-6', restSeconds: 150 });
      expect(first('off-season').load).toMatch(/^heavy: .*1–2 reps in reserve/);
    });

    it('goes moderate in base: 3 × 8–10 with 90 s rest', () => {
      expect(first('base')).toMatchObject({ sets: 3, reps: '8-10', restSeconds: 90 });
      expect(first('base').load).toMatch(/^moderate/);
    });

    it('keeps the loads in build with two sets', () => {
      expect(first('build')).toMatchObject({ sets: 2, reps: '6-8' });
      expect(first('build').load).toMatch(/same weight as in base/);
    });

    it('goes light and bodyweight in the taper whatever the equipment', () => {
      expect(first('taper', ['gym'])).toMatchObject({ id: 'glute-bridge', sets: 2, reps: '6-8' });
    });

    it('keeps race week to one set of four exercises', () => {
      const session = buildSession(
        makeOptions({ phase: 'race-week', equipment: ['gym'], minutes: 60 }),
      );
      expect(session.exercises.map((p) => p.sets)).toEqual([1, 1, 1, 1]);
      expect(session.title).toMatch(/^Strength · very light bodyweight \+ core/);
    });

    it('puts the one jump right after the first lift, at low volume', () => {
      const session = buildSession(
        makeOptions({ phase: 'off-season', equipment: ['dumbbells', 'box'], minutes: 60 }),
      );
      expect(session.exercises[1]).toMatchObject({ id: 'box-jump', sets: 3, reps: 5 });
    });

    it('loads a bodyweight exercise with what the runner has and says so', () => {
      const session = buildSession(makeOptions({ phase: 'base', equipment: ['kettlebell'] }));
      const lunge = session.exercises.find((p) => p.id === 'reverse-lunge');
      expect(lunge).toMatchObject({ perSide: true, reps: '8-10' });
      expect(lunge?.load).toMatch(/with a kettlebell/);
    });

    it('gives more reps to bodyweight-only lifts', () => {
      const squat = buildSession(makeOptions({ equipment: [] })).exercises.find(
        (p) => p.id === 'bodyweight-squat',
      );
      expect(squat).toMatchObject({ reps: '10-12' });
    });

    it('lets a light load override make a base session a bodyweight one', () => {
      const session = buildSession(makeOptions({ equipment: ['gym'], load: 'light' }));
      expect(session.load).toBe('light');
      for (const p of session.exercises) expect(getExercise(p.id).bodyweight).toBe(true);
    });

    it('keeps the taper light even when asked for heavy', () => {
      const session = buildSession(
        makeOptions({ phase: 'taper', equipment: ['gym'], load: 'heavy' }),
      );
      expect(session.load).toBe('light');
    });
  });

  describe('fitting the slot', () => {
    it('gives a 40-minute slot a session of 35–40 minutes in base', () => {
      const session = buildSession(makeOptions({ minutes: 40 }));
      expect(session.estimatedMinutes).toBeGreaterThanOrEqual(35);
      expect(session.estimatedMinutes).toBeLessThanOrEqual(40);
    });

    it('drops accessories before the required slots', () => {
      const long = buildSession(makeOptions({ minutes: 60, equipment: ['dumbbells', 'bands'] }));
      const short = buildSession(makeOptions({ minutes: 30, equipment: ['dumbbells', 'bands'] }));
      expect(long.exercises).toHaveLength(6);
      expect(short.exercises.length).toBeLessThan(6);
      expect(at(short.exercises, 0).id).toBe(at(long.exercises, 0).id);
    });

    it('returns the shortest valid session when even that is longer than the slot', () => {
      const session = buildSession(makeOptions({ phase: 'off-season', minutes: 10 }));
      expect(session.exercises).toHaveLength(MIN_EXERCISES);
      for (const p of session.exercises) expect(p.sets).toBe(1);
      expect(session.estimatedMinutes).toBeGreaterThan(10);
    });
  });

  describe('progressive overload', () => {
    const grid = EQUIPMENT_SETS.flatMap((equipment) =>
      MINUTES.flatMap((minutes) => VARIANTS.map((variant) => ({ equipment, minutes, variant }))),
    );
    const volumes = (phase: Phase, c: (typeof grid)[number]): number[] =>
      WEEKS.map((week) => volume(buildSession({ phase, ...c, week })));

    it.each(grid)('never lowers base or off-season volume week to week (%o)', (c) => {
      for (const phase of ['base', 'off-season'] as const) {
        const v = volumes(phase, c);
        for (let w = 1; w < v.length; w++) expect(at(v, w)).toBeGreaterThanOrEqual(at(v, w - 1));
        expect(at(v, 3)).toBeGreaterThan(at(v, 0));
      }
    });

    it.each(grid)('never raises build volume (%o)', (c) => {
      const v = volumes('build', c);
      for (const x of v) expect(x).toBeLessThanOrEqual(at(v, 0));
    });

    it.each(grid.filter((c) => c.minutes >= 30))('keeps the taper below build (%o)', (c) => {
      const taper = volumes('taper', c);
      const build = volumes('build', c);
      expect(at(taper, 0)).toBeLessThanOrEqual(at(build, 0));
      for (let w = 1; w < taper.length; w++)
        expect(at(taper, w)).toBeLessThanOrEqual(at(taper, w - 1));
      expect(at(taper, 1)).toBeLessThan(at(taper, 0));
    });

    it('adds reps, then weight, then a set', () => {
      const week = (w: number) =>
        at(buildSession(makeOptions({ minutes: 60, week: w })).exercises, 0);
      expect(week(0)).toMatchObject({ sets: 3, reps: '8-10' });
      expect(week(1)).toMatchObject({ sets: 3, reps: '10-12' });
      expect(week(1).load).toMatch(/more reps/);
      expect(week(2)).toMatchObject({ sets: 3, reps: '10-12' });
      expect(week(2).load).toMatch(/add a little weight this week/);
      expect(week(3)).toMatchObject({ sets: 4, reps: '10-12' });
      expect(week(3).load).toMatch(/one more set/);
      expect(week(5)).toMatchObject({ sets: 4, reps: '10-12' });
    });

    it('keeps the same exercises through a block', () => {
      const ids = WEEKS.map((week) =>
        buildSession(makeOptions({ minutes: 45, week })).exercises.map((p) => p.id),
      );
      for (const list of ids) expect(list).toEqual(ids[0]);
    });
  });

  describe('variants', () => {
    it.each(
      PHASES.flatMap((phase) =>
        EQUIPMENT_SETS.map((equipment) => [phase, label(equipment), equipment] as const),
      ),
    )('gives %s sessions A and B different exercises (%s)', (phase, _label, equipment) => {
      const ids = (variant: number) =>
        buildSession(makeOptions({ phase, equipment, variant, minutes: 45 })).exercises.map(
          (p) => p.id,
        );
      expect(ids(1)).not.toEqual(ids(0));
      expect(ids(2)).toEqual(ids(0));
    });
  });

  it('is deterministic', () => {
    for (const c of cases.filter((_, i) => i % 37 === 0)) {
      expect(buildSession(c)).toEqual(buildSession({ ...c, equipment: [...c.equipment] }));
    }
  });

  it.each([
    [{ minutes: 0 }, /minutes/],
    [{ minutes: Number.NaN }, /minutes/],
    [{ week: -1 }, /week/],
    [{ variant: 1.5 }, /variant/],
  ] as const)('rejects %o', (overrides, message) => {
    expect(() => buildSession(makeOptions(overrides))).toThrow(message);
  });
});
