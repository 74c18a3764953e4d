import { describe, expect, it } from 'vitest';
import {
  DELOAD_SET_FACTOR,
  DOSE_TABLE,
  doseClassOf,
  doseFor,
  getExercise,
  PHASE_MAX_MINUTES,
} from '../../../src/core/exercises';
import type { DoseClass, DoseContext } from '../../../src/core/exercises';

function ctx(overrides: Partial<DoseContext> = {}): DoseContext {
  return {
    phase: 'base',
    blockWeek: 1,
    deload: false,
    intro: false,
    experience: 'some',
    ...overrides,
  };
}

/** The dose of a class over block weeks 1–3: [sets per week, reps, rir]. */
function weeks(cls: DoseClass, overrides: Partial<DoseContext> = {}) {
  const doses = [1, 2, 3].map((blockWeek) => doseFor(cls, ctx({ blockWeek, ...overrides })));
  return {
    sets: doses.map((d) => d?.sets),
    reps: doses[0]?.reps,
    rir: doses[0]?.rir,
    seconds: doses[0]?.seconds,
  };
}

describe('DOSE_TABLE against the sources', () => {
  it('off-season: main lifts 3–4 × 4–6 at 1–2 in reserve after a ramp-up set (SPEC §6, seed 002)', () => {
    const main = weeks('main', { phase: 'off-season' });

    expect(main.sets).toEqual([3, 3, 4]);
    expect(main.reps).toEqual([4, 6]);
    expect(main.rir).toEqual([1, 2]);
    expect(doseFor('main', ctx({ phase: 'off-season' }))?.rampUpSets).toBe(1);
  });

  it('off-season: accessories 2–3 × 8–12, calves 3 × 12–15, plyometrics 3 × 5 (SPEC §6)', () => {
    expect(weeks('accessory', { phase: 'off-season' })).toMatchObject({
      sets: [2, 3, 3],
      reps: [8, 12],
    });
    expect(weeks('calf', { phase: 'off-season' })).toMatchObject({
      sets: [3, 3, 3],
      reps: [12, 15],
    });
    // The first week of a block ramps jumps in at two sets.
    expect(weeks('plyo', { phase: 'off-season' })).toMatchObject({
      sets: [2, 3, 3],
      reps: [5, 5],
    });
  });

  it('base: main lifts 3 × 6–8 at 1–2 in reserve (seed 001)', () => {
    expect(weeks('main')).toMatchObject({ sets: [3, 3, 3], reps: [6, 8], rir: [1, 2] });
    expect(doseFor('main', ctx())?.rampUpSets).toBe(0);
  });

  it('base: accessories 2–3 × 8–12, core 2 × 20–30 s, plyometrics 2 × 5 (SPEC §6, seed 001)', () => {
    expect(weeks('accessory')).toMatchObject({ sets: [2, 3, 3], reps: [8, 12] });
    expect(weeks('core')).toMatchObject({ sets: [2, 2, 2], seconds: [20, 30] });
    expect(weeks('plyo')).toMatchObject({ sets: [2, 2, 2], reps: [5, 5] });
    expect(weeks('calf')).toMatchObject({ sets: [3, 3, 3], reps: [12, 15] });
  });

  it('build: main lifts 2 × 6–8 at 2 in reserve, accessories 2 × 8–10, no jumps (SPEC §6)', () => {
    expect(weeks('main', { phase: 'build' })).toMatchObject({
      sets: [2, 2, 2],
      reps: [6, 8],
      rir: [2, 2],
    });
    expect(weeks('accessory', { phase: 'build' })).toMatchObject({
      sets: [2, 2, 2],
      reps: [8, 10],
    });
    expect(doseFor('plyo', ctx({ phase: 'build' }))).toBeNull();
  });

  it('taper: bodyweight 2 × 8–10 at 3+ in reserve, accessories 1–2 × 8 (SPEC §6)', () => {
    const main = doseFor('main', ctx({ phase: 'taper' }));
    const accessory = doseFor('accessory', ctx({ phase: 'taper' }));

    expect(main).toMatchObject({ sets: 2, reps: [8, 10] });
    expect(main?.rir[0]).toBeGreaterThanOrEqual(3);
    expect(accessory?.reps).toEqual([8, 8]);
    expect(accessory?.sets).toBeLessThanOrEqual(2);
    expect(accessory?.minSets).toBe(1);
    expect(doseFor('plyo', ctx({ phase: 'taper' }))).toBeNull();
  });

  it('race week: bodyweight 1–2 × 6–8 (SPEC §6)', () => {
    for (const cls of ['main', 'accessory', 'calf'] as const) {
      const dose = doseFor(cls, ctx({ phase: 'race-week' }));
      expect(dose?.reps).toEqual([6, 8]);
      expect(dose?.sets).toBeLessThanOrEqual(2);
      expect(dose?.minSets).toBe(1);
    }
  });

  it('recovery: bodyweight 1–2 × 8–10 (SPEC §6)', () => {
    for (const cls of ['main', 'accessory', 'calf', 'core'] as const) {
      const dose = doseFor(cls, ctx({ phase: 'recovery' }));
      expect(dose?.reps).toEqual([8, 10]);
      expect(dose?.sets).toBeGreaterThanOrEqual(1);
      expect(dose?.sets).toBeLessThanOrEqual(2);
    }
  });

  it('caps taper and recovery at 25 min and race week at 20 (SPEC §6)', () => {
    expect(PHASE_MAX_MINUTES).toEqual({ taper: 25, 'race-week': 20, recovery: 25 });
  });

  it('never asks for a rep range upside down or reps in reserve below 1', () => {
    for (const [phase, rows] of Object.entries(DOSE_TABLE)) {
      for (const [cls, row] of Object.entries(rows)) {
        if (!row) continue;
        const label = `${phase} ${cls}`;
        expect(row.reps[0], label).toBeLessThanOrEqual(row.reps[1]);
        expect(row.seconds[0], label).toBeLessThanOrEqual(row.seconds[1]);
        expect(row.rir[0], label).toBeGreaterThanOrEqual(1);
        expect(row.rir[0], label).toBeLessThanOrEqual(row.rir[1]);
        expect(row.minSets, label).toBeLessThanOrEqual(Math.min(...row.sets));
      }
    }
  });
});

describe('doseFor', () => {
  it('deloads to about 40 % fewer sets with the same reps and reps in reserve', () => {
    for (const phase of ['off-season', 'base'] as const) {
      for (const cls of ['main', 'accessory', 'calf', 'plyo'] as const) {
        const peak = doseFor(cls, ctx({ phase, blockWeek: 3 }));
        const deload = doseFor(cls, ctx({ phase, blockWeek: 4, deload: true }));
        expect(deload?.sets).toBe(Math.max(1, Math.round((peak?.sets ?? 0) * DELOAD_SET_FACTOR)));
        expect(deload?.sets).toBeLessThan(peak?.sets ?? 0);
        expect(deload?.reps).toEqual(peak?.reps);
        expect(deload?.rir).toEqual(peak?.rir);
      }
    }
  });

  it("keeps a new lifter's main lifts at 6–8 reps, 2–3 in reserve and at most 3 sets, and gives an experienced one two ramp-up sets", () => {
    for (const phase of ['off-season', 'base'] as const) {
      for (const blockWeek of [1, 2, 3]) {
        expect(doseFor('main', ctx({ phase, blockWeek, experience: 'new' }))).toMatchObject({
          sets: 3,
          reps: [6, 8],
          rir: [2, 3],
        });
      }
    }
    expect(
      doseFor('main', ctx({ phase: 'off-season', experience: 'experienced' }))?.rampUpSets,
    ).toBe(2);
  });

  it('doses the introduction at bodyweight-friendly reps far from failure, with no jumps', () => {
    const main = doseFor('main', ctx({ intro: true }));

    expect(main?.reps).toEqual([8, 10]);
    expect(main?.rir[0]).toBeGreaterThanOrEqual(3);
    expect(doseFor('plyo', ctx({ intro: true }))).toBeNull();
  });
});

describe('doseClassOf', () => {
  it.each([
    ['goblet-squat', false, false, 'main'],
    ['romanian-deadlift', true, false, 'main'],
    ['split-squat', true, false, 'accessory'],
    ['bodyweight-squat', true, false, 'accessory'],
    ['bodyweight-squat', true, true, 'main'],
    ['standing-calf-raise', false, false, 'calf'],
    ['plank', false, false, 'core'],
    ['pallof-press', false, false, 'core'],
    ['pogo-hops', false, false, 'plyo'],
    ['band-row', false, false, 'accessory'],
  ] as const)('doses %s (main slot %s, light %s) as %s', (id, mainSlot, light, cls) => {
    expect(doseClassOf(getExercise(id), mainSlot, light)).toBe(cls);
  });
});

describe('the ramp-in after a race break', () => {
  it('stops further from failure: two more reps in reserve in its first week, one more in its second', () => {
    const usual = doseFor('main', ctx({ phase: 'base', blockWeek: 1 }));
    const first = doseFor('main', ctx({ phase: 'base', blockWeek: 1, rampInWeek: 1 }));
    const second = doseFor('main', ctx({ phase: 'base', blockWeek: 1, rampInWeek: 2 }));

    expect(first?.rir).toEqual([usual!.rir[0] + 2, usual!.rir[1] + 2]);
    expect(second?.rir).toEqual([usual!.rir[0] + 1, usual!.rir[1] + 1]);
  });
});
