import { describe, expect, it } from 'vitest';
import {
  buildSession,
  estimateSessionMinutes,
  findExerciseByName,
  gentleVersion,
  getExercise,
  HINGE_PATTERNS,
  isExerciseAvailable,
  isSingleLeg,
  LATERAL_PATTERNS,
  MAX_EXERCISES,
  MIN_EXERCISES,
  MIN_FITTING_MINUTES,
  SQUAT_OR_LUNGE_PATTERNS,
  TRUNK_PATTERNS,
} from '../../../src/core/exercises';
import type {
  BuildSessionOptions,
  Exercise,
  Prescription,
  StrengthSession,
} from '../../../src/core/exercises';
import type { Phase } from '../../../src/core/phases';
import type { Equipment } from '../../../src/core/prefs';

const PHASES: readonly Phase[] = ['off-season', 'base', 'build', 'taper', 'race-week', 'recovery'];
const LIGHT: readonly Phase[] = ['taper', 'race-week', 'recovery'];
const EQUIPMENT_SETS: readonly (readonly Equipment[])[] = [
  [],
  ['bands'],
  ['bodyweight', 'bands', 'dumbbells'],
  ['kettlebell', 'box'],
  ['barbell'],
  ['gym'],
];
const BENCH_OR_BAR = /\b(bench|bar|barbell)\b/i;

function makeOptions(overrides: Partial<BuildSessionOptions> = {}): BuildSessionOptions {
  return {
    phase: 'base',
    equipment: ['bodyweight', 'bands', 'dumbbells'],
    minutes: 40,
    variant: 0,
    block: { week: 2, of: 4, deload: false },
    ...overrides,
  };
}

function blockAt(week: number) {
  return { week, of: 4, deload: week === 4 };
}

function exercisesOf(session: StrengthSession): Exercise[] {
  return session.exercises.map((p) => getExercise(p.id));
}

function names(session: StrengthSession): string[] {
  return session.exercises.map((p) => p.name);
}

function totalSets(session: StrengthSession): number {
  return session.exercises.reduce((sum, p) => sum + p.sets, 0);
}

function label(equipment: readonly Equipment[]): string {
  return equipment.length ? equipment.join('+') : 'bodyweight only';
}

function alternativeNames(p: Prescription): string[] {
  const a = p.alternatives;
  return [...(a.easier ? [a.easier] : []), ...(a.harder ? [a.harder] : []), ...a.swaps];
}

const cases = PHASES.flatMap((phase) =>
  EQUIPMENT_SETS.flatMap((equipment) =>
    [20, 30, 40, 45, 60].flatMap((minutes) =>
      [0, 1, 2].flatMap((variant) =>
        [1, 3, 4].map((week) => ({ phase, equipment, minutes, variant, block: blockAt(week) })),
      ),
    ),
  ),
);

describe('buildSession', () => {
  it.each(
    cases.map(
      (c) =>
        [
          `${c.phase}, ${label(c.equipment)}, ${c.minutes} min, session ${c.variant + 1}, block week ${c.block.week}`,
          c,
        ] as const,
    ),
  )('follows the session rules: %s', (_name, options) => {
    const session = buildSession(options);
    const exercises = exercisesOf(session);
    const ids = exercises.map((e) => e.id).join(', ');

    expect(session.warmup.length, 'warm-up').toBeGreaterThan(0);
    expect(session.cooldown.length, 'cool-down').toBeGreaterThan(0);
    expect(exercises.length, `exercise count: ${ids}`).toBeGreaterThanOrEqual(MIN_EXERCISES);
    expect(exercises.length, 'exercise count').toBeLessThanOrEqual(MAX_EXERCISES);
    expect(new Set(ids.split(', ')).size, `no repeats: ${ids}`).toBe(exercises.length);

    expect(
      exercises.some((e) => e.pattern === 'calf'),
      `calves in every session: ${ids}`,
    ).toBe(true);
    expect(exercises.some(isSingleLeg), `single-leg: ${ids}`).toBe(true);
    expect(
      exercises.some((e) => TRUNK_PATTERNS.has(e.pattern)),
      `trunk: ${ids}`,
    ).toBe(true);

    const jumps = exercises.filter((e) => e.plyometric);
    expect(jumps.length, 'at most one jump').toBeLessThanOrEqual(1);
    if (jumps.length > 0) {
      expect(['off-season', 'base']).toContain(options.phase);
      expect(exercises[0]?.plyometric, 'jumps first, while fresh').toBe(true);
    }

    for (const p of session.exercises) {
      const e = getExercise(p.id);
      expect(isExerciseAvailable(e, options.equipment), `${e.id} available`).toBe(true);
      if (LIGHT.includes(options.phase)) {
        expect(e.bodyweight, `${e.id} bodyweight`).toBe(true);
        expect(p.implement, `${e.id} unloaded`).toBeUndefined();
      }
      expect(p.rir[0]).toBeLessThanOrEqual(p.rir[1]);
      for (const name of alternativeNames(p)) {
        expect(names(session), `${name} is already in the session`).not.toContain(name);
        const alt = findExerciseByName(name);
        expect(alt, name).toBeDefined();
        expect(isExerciseAvailable(alt as Exercise, options.equipment), `${name} available`).toBe(
          true,
        );
      }
      expect(p.progression, `${e.id} progression words`).toMatch(/\w/);
    }

    expect(session.estimatedMinutes).toBe(
      estimateSessionMinutes(session.exercises, session.cooldownMinutes),
    );
    if (options.minutes >= MIN_FITTING_MINUTES) {
      expect(session.estimatedMinutes, 'fits the slot').toBeLessThanOrEqual(options.minutes);
    }
  });

  describe('weekly coverage (SPEC §6)', () => {
    const loaded = ['off-season', 'base', 'build'] as const;
    it.each(
      loaded.flatMap((phase) =>
        EQUIPMENT_SETS.flatMap((equipment) =>
          [30, 40, 60].map((minutes) => [phase, label(equipment), minutes, equipment] as const),
        ),
      ),
    )('%s, %s, %i min: session A alone covers every movement', (phase, _l, minutes, equipment) => {
      const a = exercisesOf(buildSession(makeOptions({ phase, equipment, minutes, variant: 0 })));
      const b = exercisesOf(buildSession(makeOptions({ phase, equipment, minutes, variant: 1 })));

      for (const week of [a, [...a, ...b]]) {
        const ids = week.map((e) => e.id).join(', ');
        expect(
          week.some((e) => HINGE_PATTERNS.has(e.pattern)),
          `hinge: ${ids}`,
        ).toBe(true);
        expect(
          week.some((e) => SQUAT_OR_LUNGE_PATTERNS.has(e.pattern)),
          `squat or lunge: ${ids}`,
        ).toBe(true);
        expect(week.some(isSingleLeg), `single-leg: ${ids}`).toBe(true);
        expect(
          week.some((e) => LATERAL_PATTERNS.has(e.pattern)),
          `lateral: ${ids}`,
        ).toBe(true);
        expect(
          week.some((e) => TRUNK_PATTERNS.has(e.pattern)),
          `trunk: ${ids}`,
        ).toBe(true);
      }
      expect(new Set([...a, ...b].map((e) => e.id)).size, 'A and B differ').toBeGreaterThan(
        a.length,
      );
    });
  });

  describe('blocks', () => {
    it.each(EQUIPMENT_SETS.map((e) => [label(e), e] as const))(
      'keeps the same exercises for all four weeks of a base block: %s',
      (_l, equipment) => {
        for (const variant of [0, 1]) {
          const weeks = [1, 2, 3, 4].map((w) =>
            names(buildSession(makeOptions({ equipment, variant, block: blockAt(w) }))),
          );
          for (const week of weeks) expect(week).toEqual(weeks[0]);
        }
      },
    );

    it('keeps the exercises when one week has a shorter slot than usual, trimming sets instead', () => {
      const usual = buildSession(makeOptions({ minutes: 45, plannedMinutes: 45 }));
      const short = buildSession(makeOptions({ minutes: 35, plannedMinutes: 45 }));

      expect(names(short)).toEqual(names(usual));
      expect(totalSets(short)).toBeLessThan(totalSets(usual));
      expect(short.estimatedMinutes).toBeLessThanOrEqual(35);
    });

    it('deloads with the same exercises and about 40 % fewer sets', () => {
      for (const phase of ['off-season', 'base'] as const) {
        for (const equipment of EQUIPMENT_SETS) {
          for (const variant of [0, 1]) {
            const options = { phase, equipment, variant, minutes: 60 };
            const peak = buildSession(makeOptions({ ...options, block: blockAt(3) }));
            const deload = buildSession(makeOptions({ ...options, block: blockAt(4) }));
            const ratio = totalSets(deload) / totalSets(peak);

            expect(names(deload)).toEqual(names(peak));
            expect(ratio, `${phase} ${label(equipment)} ${variant}`).toBeGreaterThanOrEqual(0.5);
            expect(ratio, `${phase} ${label(equipment)} ${variant}`).toBeLessThanOrEqual(0.72);
            expect(deload.headline).toMatch(/week 4 of 4/);
            expect(deload.notes.join(' ')).toMatch(/Deload week: same exercises/);
          }
        }
      }
    });

    it('shows the block as "Base · week 3 of 4" and as JSON-ready data', () => {
      const session = buildSession(makeOptions({ block: blockAt(3) }));

      expect(session.headline).toBe('Base · week 3 of 4');
      expect(session.block).toEqual({ week: 3, of: 4, deload: false });
    });

    it('has no block outside off-season and base, whatever it is given', () => {
      for (const phase of ['build', 'taper', 'race-week', 'recovery'] as const) {
        expect(buildSession(makeOptions({ phase })).block, phase).toBeUndefined();
      }
    });

    it('says when the log restarted or held the block', () => {
      expect(
        buildSession(makeOptions({ block: { ...blockAt(1), restarted: true } })).notes.join(' '),
      ).toMatch(/Restarting the block after two weeks off/);
      expect(
        buildSession(makeOptions({ block: { ...blockAt(2), held: true } })).notes.join(' '),
      ).toMatch(/repeats its place in the block/);
    });

    it('falls back to the plan’s own week count when no block is given', () => {
      const legacy = buildSession({ ...makeOptions(), block: undefined, week: 7 });
      expect(legacy.block).toEqual({ week: 4, of: 4, deload: true });
    });
  });

  describe('nothing new in build (SPEC §6)', () => {
    it.each(
      EQUIPMENT_SETS.flatMap((equipment) =>
        [30, 40, 60].map((minutes) => [label(equipment), minutes, equipment] as const),
      ),
    )('%s, %i min: build uses only exercises done in base', (_l, minutes, equipment) => {
      for (const variant of [0, 1]) {
        const base = new Set(
          [1, 2, 3, 4].flatMap((w) =>
            names(buildSession(makeOptions({ equipment, minutes, variant, block: blockAt(w) }))),
          ),
        );
        const build = buildSession(makeOptions({ phase: 'build', equipment, minutes, variant }));
        for (const name of names(build)) expect(base, name).toContain(name);
        expect(build.exercises.some((p) => p.alternatives.harder)).toBe(false);
      }
    });

    it('keeps the holds of base in build and says so in seconds', () => {
      const plank = buildSession(makeOptions({ phase: 'build' })).exercises.find(
        (p) => p.name === 'Plank',
      );
      expect(plank).toMatchObject({ sets: 2, seconds: 30 });
      expect(plank?.progression).toBe(
        'Maintenance: the same hold as in base, 2 × 30 s; no need to hold longer.',
      );
    });

    it('doses build as maintenance: 2 × 6–8 at 2 in reserve on the main lifts, no jumps', () => {
      const build = buildSession(makeOptions({ phase: 'build', equipment: ['gym'], variant: 1 }));
      const main = build.exercises.find((p) => p.doseClass === 'main');

      expect(main).toMatchObject({ name: 'Romanian deadlift', sets: 2, reps: '6-8', rir: [2, 2] });
      expect(main?.progression).toMatch(/keep the weight you reached in base/);
      expect(build.exercises.some((p) => p.doseClass === 'plyo')).toBe(false);
    });
  });

  describe('taper, race week and recovery', () => {
    it.each(
      EQUIPMENT_SETS.flatMap((equipment) =>
        (['taper', 'race-week', 'recovery'] as const).map(
          (phase) => [phase, label(equipment), equipment] as const,
        ),
      ),
    )('%s with %s: short, bodyweight, from what base and build did', (phase, _l, equipment) => {
      const limit = phase === 'race-week' ? 20 : 25;
      for (const variant of [0, 1]) {
        const session = buildSession(makeOptions({ phase, equipment, minutes: 60, variant }));
        const done = [1, 2, 3, 4].flatMap((w) =>
          exercisesOf(
            buildSession(makeOptions({ equipment, variant, minutes: 60, block: blockAt(w) })),
          ),
        );
        const familiar = new Set(done.flatMap((e) => [e.id, gentleVersion(e)?.id]));

        expect(session.estimatedMinutes).toBeLessThanOrEqual(limit);
        expect(session.load).toBe('light');
        for (const e of exercisesOf(session)) {
          expect(e.bodyweight, e.id).toBe(true);
          expect(e.sorenessRisk, e.id).toBe(false);
          expect(familiar, e.id).toContain(e.id);
        }
      }
    });

    it('doses the taper at 2 × 8–10 with 3+ in reserve and ends race week with mobility', () => {
      const taper = buildSession(makeOptions({ phase: 'taper', equipment: ['gym'], minutes: 30 }));
      const race = buildSession(makeOptions({ phase: 'race-week', minutes: 30 }));

      expect(taper.exercises[0]).toMatchObject({ name: 'Bodyweight squat', reps: '8-10' });
      expect(taper.exercises[0]?.rir[0]).toBeGreaterThanOrEqual(3);
      expect(race.cooldownTitle).toBe('Mobility');
      for (const p of race.exercises) {
        expect(p.sets).toBeLessThanOrEqual(2);
        if (p.reps !== undefined) expect(p.reps).toBe('6-8');
      }
    });
  });

  describe('equipment profiles', () => {
    it('gives a bodyweight-only runner a sofa, chair or step, never a bench or a bar', () => {
      for (const phase of PHASES) {
        for (const variant of [0, 1, 2]) {
          const session = buildSession(makeOptions({ phase, equipment: [], variant, minutes: 60 }));
          for (const p of session.exercises) {
            const shown = [
              p.name,
              p.cue,
              p.load ?? '',
              p.progression ?? '',
              ...alternativeNames(p),
            ];
            for (const text of shown) expect(text, `${phase}: ${p.name}`).not.toMatch(BENCH_OR_BAR);
            expect(p.implement).toBeUndefined();
          }
        }
      }
      const home = [0, 1].flatMap((variant) =>
        buildSession(makeOptions({ equipment: [], variant })).exercises.map((p) => p.cue),
      );
      expect(home.join(' ')).toMatch(/sofa|chair|step/);
    });

    it('gives a runner with bands band rows, lateral band walks and Pallof presses', () => {
      const week = [0, 1].flatMap((variant) =>
        names(buildSession(makeOptions({ equipment: ['bands'], variant }))),
      );

      expect(week).toEqual(
        expect.arrayContaining(['Band row', 'Lateral band walk', 'Pallof press']),
      );
      const bodyweight = [0, 1].flatMap((variant) =>
        names(buildSession(makeOptions({ equipment: [], variant }))),
      );
      expect(bodyweight).not.toEqual(expect.arrayContaining(['Band row']));
    });

    it('gives a gym-goer barbell lifts: back squat, barbell Romanian deadlift, off-season deadlift', () => {
      const a = buildSession(makeOptions({ equipment: ['gym'], variant: 0 }));
      const b = buildSession(makeOptions({ equipment: ['gym'], variant: 1 }));
      const off = buildSession(
        makeOptions({ phase: 'off-season', equipment: ['gym'], variant: 1 }),
      );

      expect(a.exercises.find((p) => p.doseClass === 'main')).toMatchObject({
        name: 'Back squat',
        implement: 'barbell',
      });
      expect(b.exercises.find((p) => p.doseClass === 'main')).toMatchObject({
        name: 'Romanian deadlift',
        implement: 'barbell',
      });
      expect(off.exercises.map((p) => p.name)).toContain('Deadlift');
    });

    it('loads dumbbell owners with dumbbells', () => {
      const a = buildSession(makeOptions({ equipment: ['dumbbells'] }));
      expect(a.exercises.find((p) => p.doseClass === 'main')).toMatchObject({
        name: 'Goblet squat',
        implement: 'dumbbells',
      });
    });
  });

  describe('off-season', () => {
    it('ramps in: three sets of the main lifts in week 1, four only in week 3', () => {
      const main = (week: number) =>
        buildSession(
          makeOptions({ phase: 'off-season', minutes: 60, block: blockAt(week) }),
        ).exercises.find((p) => p.doseClass === 'main');

      expect(main(1)).toMatchObject({ sets: 3, reps: '4-6', rampUpSets: 1, rir: [1, 2] });
      expect(main(3)).toMatchObject({ sets: 4 });
    });

    it('puts box jumps before heavy deadlifts, never after', () => {
      const b = buildSession(
        makeOptions({ phase: 'off-season', equipment: ['gym'], variant: 1, minutes: 60 }),
      );
      const order = names(b);

      expect(order.indexOf('Box jump')).toBe(0);
      expect(order.indexOf('Deadlift')).toBeGreaterThan(order.indexOf('Box jump'));
    });

    it('makes a third session lighter: no heavy lift, no jumps', () => {
      const c = buildSession(makeOptions({ phase: 'off-season', equipment: ['gym'], variant: 2 }));

      expect(c.variant).toBe('C');
      expect(c.load).toBe('moderate');
      expect(c.exercises.some((p) => p.doseClass === 'main' || p.doseClass === 'plyo')).toBe(false);
    });
  });

  describe('a new lifter', () => {
    it('gets two weeks of bodyweight versions of the block’s lifts before any load', () => {
      for (const liftingWeek of [0, 1]) {
        const session = buildSession(
          makeOptions({ equipment: ['gym'], experience: 'new', liftingWeek }),
        );
        expect(session.notes[0]).toMatch(`week ${liftingWeek + 1} of 2`);
        expect(session.load).toBe('light');
        for (const p of session.exercises) {
          expect(getExercise(p.id).bodyweight, p.name).toBe(true);
          expect(p.implement).toBeUndefined();
          expect(p.doseClass).not.toBe('plyo');
        }
        expect(names(session)).toContain('Bodyweight squat');
      }
      const third = buildSession(
        makeOptions({ equipment: ['gym'], experience: 'new', liftingWeek: 2 }),
      );
      // Loaded from week 3, with dumbbells rather than the gym's bar, and told how to pick a load.
      expect(names(third)).toContain('Goblet squat');
      expect(third.exercises.some((p) => p.implement === 'barbell')).toBe(false);
      expect(third.notes.join(' ')).toMatch(/First week with weights: start with a load/);
      expect(third.exercises.some((p) => p.doseClass === 'plyo')).toBe(false);
      const block2 = buildSession(
        makeOptions({ equipment: ['gym'], experience: 'new', liftingWeek: 6, variant: 0 }),
      );
      expect(block2.exercises.some((p) => p.doseClass === 'plyo')).toBe(true);
      expect(third.exercises.filter((p) => p.doseClass === 'main').every((p) => p.sets <= 3)).toBe(
        true,
      );
      const later = buildSession(
        makeOptions({ equipment: ['gym'], experience: 'new', liftingWeek: 3 }),
      );
      expect(later.notes.join(' ')).not.toMatch(/First week with weights/);
      const some = buildSession(makeOptions({ equipment: ['gym'], liftingWeek: 2 }));
      expect(names(some)).toContain('Back squat');
    });

    it('keeps the bar when it is all they can load with', () => {
      const session = buildSession(
        makeOptions({ equipment: ['barbell'], experience: 'new', liftingWeek: 2 }),
      );
      expect(session.exercises.some((p) => p.implement === 'barbell')).toBe(true);
    });

    it('says which loaded lift the bodyweight movement prepares for', () => {
      const session = buildSession(
        makeOptions({ equipment: ['dumbbells'], experience: 'new', variant: 1 }),
      );
      const hinge = session.exercises.find((p) => p.name === 'Bodyweight hip hinge');

      expect(hinge?.progression).toMatch(/the Romanian deadlift takes its place/);
    });
  });

  describe('progression words', () => {
    it('says double progression with the bar’s step in the runner’s unit', () => {
      const kg = buildSession(makeOptions({ equipment: ['gym'] })).exercises.find(
        (p) => p.name === 'Back squat',
      );
      const lb = buildSession(makeOptions({ equipment: ['gym'], weightUnit: 'lb' })).exercises.find(
        (p) => p.name === 'Back squat',
      );

      expect(kg?.progression).toBe(
        'Add a rep to each set when you can; once you reach 3 × 8 with 2 in reserve, go up 2.5 kg and start again at 6.',
      );
      expect(lb?.progression).toMatch(/go up 5 lb/);
    });

    it('says the next dumbbell, and a harder exercise at bodyweight', () => {
      const dumbbells = buildSession(makeOptions()).exercises.find(
        (p) => p.name === 'Goblet squat',
      );
      const home = buildSession(makeOptions({ equipment: [] })).exercises.find(
        (p) => p.name === 'Rear-foot-elevated split squat',
      );

      expect(dumbbells?.progression).toMatch(/go up to the next dumbbell/);
      expect(home?.progression).toMatch(/move on to the pistol squat/);
    });

    it('opens a block by saying where to start', () => {
      const first = buildSession(makeOptions({ block: blockAt(1) })).exercises.find(
        (p) => p.name === 'Goblet squat',
      );
      expect(first?.progression).toMatch(
        /^New block: start at 3 × 6 with a weight that leaves about 3 in reserve/,
      );
    });
  });

  describe('the training-log seam', () => {
    it('carries a target weight by exercise name onto loaded exercises only', () => {
      const session = buildSession(
        makeOptions({
          targets: { 'goblet squat': { kg: 20, reps: 7 }, Plank: { kg: 10 } },
        }),
      );
      const goblet = session.exercises.find((p) => p.name === 'Goblet squat');

      expect(goblet?.kg).toBe(20);
      expect(goblet?.load).toMatch(/at 20 kg/);
      expect(goblet?.progression).toMatch(/Target: 20 kg for 7 reps/);
      expect(session.exercises.find((p) => p.name === 'Plank')?.kg).toBeUndefined();
    });

    it('keeps the target weight in a deload (same loads, fewer sets)', () => {
      const deload = buildSession(
        makeOptions({ block: blockAt(4), targets: { 'Goblet squat': { kg: 22.5 } } }),
      );
      expect(deload.exercises.find((p) => p.name === 'Goblet squat')?.kg).toBe(22.5);
    });
  });

  it('is deterministic', () => {
    const options = makeOptions({ equipment: ['gym', 'bands'], variant: 1 });
    expect(buildSession(options)).toEqual(
      buildSession({ ...options, equipment: ['gym', 'bands'] }),
    );
  });

  it('gives the shortest valid session when the slot is too short for anything', () => {
    const session = buildSession(makeOptions({ phase: 'off-season', minutes: 10 }));

    expect(session.exercises.length).toBe(MIN_EXERCISES);
    expect(session.exercises.every((p) => p.sets === 1)).toBe(true);
    expect(session.estimatedMinutes).toBeGreaterThan(10);
  });

  it.each([
    [{ minutes: 0 }, 'minutes must be a positive number, got 0'],
    [{ minutes: Number.NaN }, 'minutes must be a positive number, got NaN'],
    [{ variant: -1 }, 'variant must be a whole number ≥ 0, got -1'],
    [{ liftingWeek: 1.5 }, 'liftingWeek must be a whole number ≥ 0, got 1.5'],
    [{ plannedMinutes: 0 }, 'plannedMinutes must be a positive number, got 0'],
  ] as const)('throws a RangeError for %o', (overrides, message) => {
    expect(() => buildSession(makeOptions(overrides))).toThrow(message);
  });
});

describe('the first weeks back after a race', () => {
  it('has no jumps while easing back in, and about 40 % fewer sets in the first week', () => {
    const full = buildSession(makeOptions({ block: { week: 1, of: 4, deload: false } }));
    const first = buildSession(
      makeOptions({ block: { week: 1, of: 2, deload: false, rampIn: true } }),
    );
    const second = buildSession(
      makeOptions({ block: { week: 2, of: 2, deload: false, rampIn: true } }),
    );
    const total = (s: typeof full) => s.exercises.reduce((n, p) => n + p.sets, 0);

    for (const s of [first, second])
      expect(s.exercises.some((p) => p.doseClass === 'plyo')).toBe(false);
    expect(full.exercises.some((p) => p.doseClass === 'plyo')).toBe(true);
    expect(total(first)).toBeLessThanOrEqual(Math.round(total(second) * 0.7));
    expect(first.exercises.every((p) => p.sets >= 1)).toBe(true);
  });
});
