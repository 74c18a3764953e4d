import { describe, expect, it } from 'vitest';
import {
  buildSession,
  describeSession,
  formatPrescription,
  IRONSTRIDE_MARKER,
  toPlanExercise,
} from '../../../src/core/exercises';
import type { Prescription, StrengthSession } from '../../../src/core/exercises';

const reasons = [
  'Tuesday: same day as your intervals, 9 h after',
  'Wednesday stays easy; not before Saturday’s long run',
];

function makeSession(): StrengthSession {
  return buildSession({
    phase: 'base',
    equipment: ['dumbbells', 'bands'],
    minutes: 60,
    week: 0,
    variant: 0,
  });
}

function makePrescription(overrides: Partial<Prescription> = {}): Prescription {
  return {
    id: 'goblet-squat',
    name: 'Goblet squat',
    sets: 3,
    reps: '6-8',
    restSeconds: 90,
    cue: 'Weight held at the chest, torso tall',
    ...overrides,
  } as Prescription;
}

describe('describeSession', () => {
  it('lists every exercise with sets × reps, rest and cue', () => {
    const session = makeSession();

    const text = describeSession(session, { reasons });

    for (const p of session.exercises) {
      const line = text.split('\n').find((l) => l.includes(p.name));
      expect(line, p.name).toBeDefined();
      const amount = p.seconds !== undefined ? `${p.seconds} s` : String(p.reps).replace('-', '–');
      expect(line).toContain(`${p.sets} × ${amount}`);
      expect(line).toContain(`rest ${p.restSeconds} s`);
      expect(line).toContain(p.cue);
    }
  });

  it('lists the exercises in session order after the warm-up and before the cool-down', () => {
    const session = makeSession();

    const lines = describeSession(session, { reasons }).split('\n');

    const warmup = lines.findIndex((l) => l.startsWith('Warm-up'));
    const cooldown = lines.findIndex((l) => l.startsWith('Cool-down'));
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => l.replace(/^\d+\. /, '').split(' — ')[0])).toEqual(
      session.exercises.map((p) => p.name),
    );
    expect(warmup).toBe(0);
    expect(cooldown).toBeGreaterThan(lines.indexOf(numbered.at(-1) ?? ''));
    expect(numbered.length).toBeGreaterThan(0);
    expect(lines[warmup]).toContain(session.warmup[0]);
    expect(lines[cooldown]).toContain(session.cooldown[0]);
  });

  it('includes the reasons under "Why this slot:"', () => {
    const lines = describeSession(makeSession(), { reasons }).split('\n');

    const heading = lines.indexOf('Why this slot:');
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading + 1, heading + 3)).toEqual(reasons.map((r) => `- ${r}`));
  });

  it('ends with the Ironstride marker line', () => {
    const text = describeSession(makeSession(), { reasons });

    expect(text.split('\n').at(-1)).toBe(IRONSTRIDE_MARKER);
    expect(IRONSTRIDE_MARKER).toMatch(/Ironstride/);
  });

  it('leaves out the reasons heading when there are none', () => {
    const text = describeSession(makeSession(), { reasons: [] });

    expect(text).not.toContain('Why this slot:');
    expect(text.split('\n').at(-1)).toBe(IRONSTRIDE_MARKER);
  });

  it('is plain text with no Markdown or HTML', () => {
    const text = describeSession(makeSession(), { reasons });

    expect(text).not.toMatch(/[*_`#<>[\]]/);
    expect(text).not.toContain('\r');
  });
});

describe('formatPrescription', () => {
  it.each([
    [
      makePrescription(),
      'Goblet squat — 3 × 6–8, rest 90 s — Weight held at the chest, torso tall',
    ],
    [
      makePrescription({
        name: 'Plank',
        reps: undefined,
        seconds: 30,
        restSeconds: 45,
        cue: 'Ribs down',
      }),
      'Plank — 3 × 30 s, rest 45 s — Ribs down',
    ],
    [
      makePrescription({ name: 'Split squat', reps: 8, perSide: true, cue: 'Back knee down' }),
      'Split squat — 3 × 8 each side, rest 90 s — Back knee down',
    ],
    [
      makePrescription({ load: 'moderate: 2–3 reps in reserve' }),
      'Goblet squat — 3 × 6–8, rest 90 s — Weight held at the chest, torso tall — moderate: 2–3 reps in reserve',
    ],
  ])('formats %o', (p, line) => {
    expect(formatPrescription(p)).toBe(line);
  });
});

describe('toPlanExercise', () => {
  it('gives the SPEC §8 shape with a rep range', () => {
    expect(toPlanExercise(makePrescription({ load: 'moderate' }))).toStrictEqual({
      name: 'Goblet squat',
      sets: 3,
      reps: '6-8',
      restSeconds: 90,
      cue: 'Weight held at the chest, torso tall',
    });
  });

  it('gives seconds instead of reps for a hold', () => {
    const plan = toPlanExercise(
      makePrescription({ name: 'Plank', reps: undefined, seconds: 30, restSeconds: 45 }),
    );

    expect(plan).toStrictEqual({
      name: 'Plank',
      sets: 3,
      seconds: 30,
      restSeconds: 45,
      cue: 'Weight held at the chest, torso tall',
    });
  });

  it('includes perSide only when true', () => {
    expect(toPlanExercise(makePrescription({ perSide: true }))).toMatchObject({ perSide: true });
    expect(toPlanExercise(makePrescription({ perSide: false }))).not.toHaveProperty('perSide');
  });

  it('round-trips through JSON for every exercise of a session', () => {
    for (const p of makeSession().exercises) {
      const plan = toPlanExercise(p);
      expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
      expect(Object.keys(plan).filter((k) => k === 'reps' || k === 'seconds')).toHaveLength(1);
    }
  });
});
