import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySwap,
  blockForWeek,
  buildSession,
  findExercise,
  findExerciseByName,
  isExerciseAvailable,
  MAX_EXERCISES,
  MIN_EXERCISES,
  MIN_FITTING_MINUTES,
  PHASE_MAX_MINUTES,
} from '../../../src/core/exercises';
import type { BuildSessionOptions, StrengthSession } from '../../../src/core/exercises';
import type { Phase, RaceDay } from '../../../src/core/phases';
import { phaseForWeek } from '../../../src/core/phases';
import { EQUIPMENT } from '../../../src/core/prefs';
import type { Equipment } from '../../../src/core/prefs';
import { addDays } from '../../../src/core/time';

const PHASES: readonly Phase[] = ['off-season', 'base', 'build', 'taper', 'race-week', 'recovery'];
const LIGHT: ReadonlySet<Phase> = new Set(['taper', 'race-week', 'recovery']);

const optionsArb: fc.Arbitrary<BuildSessionOptions> = fc.record({
  phase: fc.constantFrom(...PHASES),
  equipment: fc.subarray([...EQUIPMENT]),
  minutes: fc.integer({ min: 15, max: 120 }),
  plannedMinutes: fc.integer({ min: 15, max: 120 }),
  variant: fc.integer({ min: 0, max: 2 }),
  block: fc.integer({ min: 1, max: 4 }).map((week) => ({ week, of: 4, deload: week === 4 })),
  experience: fc.constantFrom('new', 'some', 'experienced'),
  liftingWeek: fc.integer({ min: 0, max: 6 }),
  weightUnit: fc.constantFrom('kg', 'lb'),
});

/** Every name a session shows: exercises and all their alternatives. */
function shownNames(session: StrengthSession): string[] {
  return session.exercises.flatMap((p) => [
    p.name,
    ...(p.alternatives.easier ? [p.alternatives.easier] : []),
    ...(p.alternatives.harder ? [p.alternatives.harder] : []),
    ...p.alternatives.swaps,
  ]);
}

function checkSession(session: StrengthSession, options: BuildSessionOptions): void {
  const equipment: readonly Equipment[] = options.equipment;
  expect(session.exercises.length).toBeGreaterThanOrEqual(MIN_EXERCISES);
  expect(session.exercises.length).toBeLessThanOrEqual(MAX_EXERCISES);
  for (const name of shownNames(session)) {
    const exercise = findExerciseByName(name);
    expect(exercise, `${name} is in the library`).toBeDefined();
    if (!exercise) continue;
    expect(isExerciseAvailable(exercise, equipment), `${name} fits ${equipment.join('+')}`).toBe(
      true,
    );
    if (LIGHT.has(options.phase)) expect(exercise.bodyweight, `${name} bodyweight`).toBe(true);
  }
  for (const p of session.exercises) {
    expect(findExercise(p.id)?.name).toBe(p.name);
    expect(p.sets).toBeGreaterThanOrEqual(1);
  }
  const cap = Math.min(options.minutes, PHASE_MAX_MINUTES[options.phase] ?? Infinity);
  if (options.minutes >= MIN_FITTING_MINUTES) {
    expect(session.estimatedMinutes, 'fits the slot').toBeLessThanOrEqual(cap);
  }
}

describe('buildSession properties', () => {
  it('gives library exercises that fit the equipment and the slot, for any runner', () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        checkSession(buildSession(options), options);
      }),
      { numRuns: 400 },
    );
  });

  it('stays valid after any swap the session offers', () => {
    fc.assert(
      fc.property(optionsArb, fc.nat(), fc.nat(), (options, pickExercise, pickSwap) => {
        const session = buildSession(options);
        const from = session.exercises[pickExercise % session.exercises.length];
        if (!from) return;
        const offered = [
          ...(from.alternatives.easier ? [from.alternatives.easier] : []),
          ...(from.alternatives.harder ? [from.alternatives.harder] : []),
          ...from.alternatives.swaps,
        ];
        const to = offered[pickSwap % Math.max(1, offered.length)];
        if (to === undefined) return;

        const swapped = applySwap(session, { from: from.name, to });

        expect(swapped.exercises.map((p) => p.name)).toContain(to);
        expect(new Set(swapped.exercises.map((p) => p.id)).size).toBe(swapped.exercises.length);
        for (const name of shownNames(swapped)) {
          const exercise = findExerciseByName(name);
          expect(exercise && isExerciseAvailable(exercise, options.equipment), name).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('blockForWeek properties', () => {
  const raceArb: fc.Arbitrary<RaceDay> = fc.record({
    date: fc.integer({ min: 0, max: 900 }).map((d) => addDays('2026-01-04', d)),
    name: fc.constantFrom('Marathon', 'Half', '10K'),
    priority: fc.constantFrom('A', 'A', 'B', 'C'),
  });

  it('advances one week at a time and deloads only on week 4 of a full block', () => {
    fc.assert(
      fc.property(
        fc.array(raceArb, { maxLength: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (races, offset) => {
          const first = addDays('2026-01-05', 7 * offset);
          let previous: ReturnType<typeof blockForWeek>;
          for (let i = 0; i < 20; i++) {
            const week = addDays(first, 7 * i);
            const block = blockForWeek({ weekStart: week, races, phase: 'auto', weekStartsOn: 1 });
            const phase = phaseForWeek(week, races, 'auto').phase;
            expect(block === undefined).toBe(phase !== 'base');
            if (block) {
              expect(block.week).toBeGreaterThanOrEqual(1);
              expect(block.week).toBeLessThanOrEqual(block.of);
              expect(block.deload).toBe(block.of === 4 && block.week === 4);
              if (previous) {
                const next = previous.week === previous.of ? 1 : previous.week + 1;
                expect(block.week, `${week} follows the week before`).toBe(next);
              }
              // The week before build is a deload, so build starts fresh.
              const nextPhase = phaseForWeek(addDays(week, 7), races, 'auto').phase;
              if (nextPhase === 'build') expect(block.deload || block.rampIn, week).toBe(true);
            }
            previous = block;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
