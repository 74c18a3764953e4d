import { describe, expect, it } from 'vitest';
import {
  applySwap,
  buildSession,
  describeSession,
  estimateSessionMinutes,
  findExerciseByName,
  isExerciseAvailable,
  SwapError,
  toPlanExercise,
} from '../../../src/core/exercises';
import type { BuildSessionOptions, StrengthSession } from '../../../src/core/exercises';

function makeSession(overrides: Partial<BuildSessionOptions> = {}): StrengthSession {
  return buildSession({
    phase: 'base',
    equipment: ['bodyweight', 'bands', 'dumbbells'],
    minutes: 45,
    variant: 0,
    block: { week: 2, of: 4, deload: false },
    ...overrides,
  });
}

function find(session: StrengthSession, name: string) {
  const p = session.exercises.find((e) => e.name === name);
  if (!p) throw new Error(`no ${name} in ${session.exercises.map((e) => e.name).join(', ')}`);
  return p;
}

describe('applySwap', () => {
  it('replaces the exercise in place, dosed for the new one', () => {
    const session = makeSession();

    const swapped = applySwap(session, { from: 'Goblet squat', to: 'Bodyweight squat' });

    const index = session.exercises.findIndex((p) => p.name === 'Goblet squat');
    const squat = swapped.exercises[index];
    expect(squat).toMatchObject({
      name: 'Bodyweight squat',
      doseClass: 'accessory',
      reps: '8-12',
      role: 'squat',
      mainSlot: true,
    });
    expect(squat?.implement).toBeUndefined();
    expect(squat?.alternatives.harder).toBe('Goblet squat');
    expect(swapped.exercises.filter((_, i) => i !== index)).toEqual(
      session.exercises.filter((_, i) => i !== index),
    );
  });

  it('keeps the block, the headline and the notes, and re-estimates the minutes', () => {
    const session = makeSession();

    const swapped = applySwap(session, { from: 'Plank', to: 'Dead bug' });

    expect(swapped.block).toEqual(session.block);
    expect(swapped.headline).toBe(session.headline);
    expect(swapped.notes).toEqual(session.notes);
    expect(swapped.estimatedMinutes).toBe(
      estimateSessionMinutes(swapped.exercises, swapped.cooldownMinutes),
    );
    expect(swapped.title).toMatch(/\(\d+ min\)$/);
  });

  it('flows to the description and the plan JSON', () => {
    const swapped = applySwap(makeSession(), { from: 'Goblet squat', to: 'Split squat' });

    const text = describeSession(swapped, { reasons: [] });
    expect(text).toMatch(/^\d+\. Split squat — /m);
    expect(text).not.toMatch(/^\d+\. Goblet squat/m);
    expect(swapped.exercises.map(toPlanExercise).map((e) => e.name)).toContain('Split squat');
  });

  it('never gives the new exercise more sets than the one it replaces', () => {
    const short = makeSession({ minutes: 30, plannedMinutes: 45 });
    const before = find(short, 'Single-leg Romanian deadlift');

    const swapped = applySwap(short, {
      from: 'Single-leg Romanian deadlift',
      to: 'Kickstand Romanian deadlift',
    });

    expect(find(swapped, 'Kickstand Romanian deadlift').sets).toBeLessThanOrEqual(before.sets);
  });

  it('takes names in any case', () => {
    const swapped = applySwap(makeSession(), { from: 'goblet squat', to: 'BODYWEIGHT SQUAT' });
    expect(swapped.exercises.map((p) => p.name)).toContain('Bodyweight squat');
  });

  it('keeps a deload a deload', () => {
    const deload = makeSession({ block: { week: 4, of: 4, deload: true } });

    const swapped = applySwap(deload, {
      from: 'Goblet squat',
      to: 'Rear-foot-elevated split squat',
    });

    expect(find(swapped, 'Rear-foot-elevated split squat').progression).toMatch(/^Deload/);
  });

  it('stops offering the swapped-in exercise elsewhere and offers the swapped-out one again', () => {
    const b = makeSession({ variant: 1 });
    expect(find(b, 'Step-up').alternatives.easier).toBe('Split squat');

    const swapped = applySwap(b, { from: 'Romanian deadlift', to: 'Single-leg hip thrust' });

    for (const p of swapped.exercises) {
      const offered = [p.alternatives.easier, p.alternatives.harder, ...p.alternatives.swaps];
      expect(offered, p.name).not.toContain('Single-leg hip thrust');
    }
    expect(find(swapped, 'Single-leg hip thrust').alternatives.swaps).toContain(
      'Romanian deadlift',
    );
  });

  it('carries the log’s target for the new exercise', () => {
    const swapped = applySwap(makeSession({ equipment: ['gym'] }), {
      from: 'Back squat',
      to: 'Goblet squat',
      target: { kg: 24 },
    });
    expect(find(swapped, 'Goblet squat').kg).toBe(24);
  });

  it('offers only bodyweight swaps in the taper, and applies them', () => {
    const taper = makeSession({ phase: 'taper', equipment: ['gym'] });

    for (const p of taper.exercises) {
      for (const name of [p.alternatives.easier, p.alternatives.harder, ...p.alternatives.swaps]) {
        if (name === undefined) continue;
        expect(findExerciseByName(name)?.bodyweight, name).toBe(true);
      }
    }
    const squat = find(taper, 'Bodyweight squat');
    const to = squat.alternatives.swaps[0] as string;
    expect(
      applySwap(taper, { from: 'Bodyweight squat', to }).exercises.map((p) => p.name),
    ).toContain(to);
  });

  describe('refuses', () => {
    it('an exercise the session does not have', () => {
      expect(() => applySwap(makeSession(), { from: 'Leg press', to: 'Bodyweight squat' })).toThrow(
        new SwapError('The session has no exercise named "Leg press"'),
      );
    });

    it('a replacement that is not among the alternatives, naming the ones that are', () => {
      const session = makeSession();

      expect(() => applySwap(session, { from: 'Goblet squat', to: 'Back squat' })).toThrow(
        /"Back squat" is not an alternative to Goblet squat; choose one of: Bodyweight squat, /,
      );
      expect(() => applySwap(session, { from: 'Goblet squat', to: 'Unicorn squat' })).toThrow(
        SwapError,
      );
    });

    it('equipment the runner does not have, even when it is an alternative elsewhere', () => {
      const home = makeSession({ equipment: [] });
      const squat = home.exercises[1];

      expect(squat?.name).toBe('Rear-foot-elevated split squat');
      expect(() =>
        applySwap(home, { from: 'Rear-foot-elevated split squat', to: 'Goblet squat' }),
      ).toThrow(SwapError);
      for (const name of squat?.alternatives.swaps ?? []) {
        const e = findExerciseByName(name);
        expect(e && isExerciseAvailable(e, [])).toBe(true);
      }
    });

    it('an exercise already in the session', () => {
      const session = makeSession();
      const [first, second] = session.exercises;
      const tampered = {
        ...session,
        exercises: session.exercises.map((p, i) =>
          i === 0 ? { ...p, alternatives: { swaps: [second?.name ?? ''] } } : p,
        ),
      };

      expect(() =>
        applySwap(tampered, { from: first?.name ?? '', to: second?.name ?? '' }),
      ).toThrow(/already in this session/);
    });

    it('a session stored before swaps existed', () => {
      const old = { ...makeSession(), basis: undefined } as unknown as StrengthSession;
      expect(() => applySwap(old, { from: 'Plank', to: 'Dead bug' })).toThrow(
        /plan the week again/,
      );
    });
  });
});
