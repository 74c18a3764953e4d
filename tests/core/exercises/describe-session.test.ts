import { describe, expect, it } from 'vitest';
import {
  buildSession,
  describeSession,
  formatAlternatives,
  formatPrescription,
  IRONSTRIDE_MARKER,
  toPlanBlock,
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
    variant: 0,
    block: { week: 3, of: 4, deload: false },
  });
}

function makePrescription(overrides: Partial<Prescription> = {}): Prescription {
  return {
    id: 'goblet-squat',
    name: 'Goblet squat',
    sets: 3,
    reps: '6-8',
    restSeconds: 90,
    rir: [1, 2],
    cue: 'Weight held at the chest, torso tall',
    role: 'squat',
    doseClass: 'main',
    mainSlot: true,
    alternatives: { easier: 'Bodyweight squat', harder: 'Back squat', swaps: ['Split squat'] },
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
    expect(lines[0]).toBe('Base · week 3 of 4');
    expect(lines[1]).toBe(session.notes[0]);
    const cooldown = lines.findIndex((l) => l.startsWith('Cool-down'));
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    expect(numbered.map((l) => l.replace(/^\d+\. /, '').split(' — ')[0])).toEqual(
      session.exercises.map((p) => p.name),
    );
    expect(warmup).toBe(session.notes.length + 2);
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
  const bare = {
    name: 'Plank',
    sets: 2,
    seconds: 30,
    restSeconds: 45,
    cue: 'Ribs down',
  } as const;

  it.each([
    [bare, 'Plank — 2 × 30 s, rest 45 s — Ribs down'],
    [
      { ...bare, name: 'Split squat', seconds: undefined, reps: 8, perSide: true },
      'Split squat — 2 × 8 each side, rest 45 s — Ribs down',
    ],
    [
      makePrescription({ alternatives: { swaps: [] } }),
      'Goblet squat — 3 × 6–8, rest 90 s — Weight held at the chest, torso tall',
    ],
    [
      makePrescription({ load: 'With dumbbells; 1–2 in reserve', progression: 'Add a rep.' }),
      'Goblet squat — 3 × 6–8, rest 90 s — Weight held at the chest, torso tall — With dumbbells; 1–2 in reserve — Add a rep. — easier: bodyweight squat · harder: back squat · or: split squat',
    ],
  ])('formats %o', (p, line) => {
    expect(formatPrescription(p)).toBe(line);
  });

  it('keeps name, dose, rest and cue together first, as every reader of a session expects', () => {
    for (const p of makeSession().exercises) {
      expect(formatPrescription(p)).toMatch(
        new RegExp(`^${p.name} — ${p.sets} × [^,]+, rest ${p.restSeconds} s — `),
      );
    }
  });
});

describe('formatAlternatives', () => {
  it('lists easier, harder and swaps briefly, keeping proper names capitalised', () => {
    expect(
      formatAlternatives({
        easier: 'Bodyweight squat',
        harder: 'Back squat',
        swaps: ['Romanian deadlift', 'Split squat'],
      }),
    ).toBe('easier: bodyweight squat · harder: back squat · or: Romanian deadlift, split squat');
  });

  it('is empty when there is nothing to offer', () => {
    expect(formatAlternatives({ swaps: [] })).toBe('');
  });
});

describe('describeSession alternatives and progression', () => {
  it('gives each exercise one line with how hard, how to progress and the alternatives', () => {
    const session = makeSession();
    const lines = describeSession(session, { reasons }).split('\n');

    for (const [i, p] of session.exercises.entries()) {
      expect(lines, p.name).toContain(`${i + 1}. ${formatPrescription(p)}`);
    }
    const goblet = lines.find((l) => /^\d+\. Goblet squat/.test(l));
    expect(goblet).toContain('With dumbbells; stop each set with 1–2 reps in reserve');
    expect(goblet).toContain('go up to the next dumbbell');
    expect(goblet).toMatch(
      / — easier: bodyweight squat · or: rear-foot-elevated split squat, split squat$/,
    );
  });

  it('says a target weight from the log in the runner’s unit', () => {
    const session = buildSession({
      phase: 'base',
      equipment: ['dumbbells'],
      minutes: 45,
      variant: 0,
      block: { week: 2, of: 4, deload: false },
      weightUnit: 'lb',
      targets: { 'Goblet squat': { kg: 20, reps: 7 } },
    });

    expect(describeSession(session, { reasons })).toContain(
      'With dumbbells at 45 lb; stop each set with 1–2 reps in reserve — Target: 45 lb for 7 reps.',
    );
  });
});

describe('toPlanExercise', () => {
  it('gives the SPEC §8 shape with a rep range', () => {
    expect(toPlanExercise(makePrescription({ load: 'moderate' }))).toStrictEqual({
      name: 'Goblet squat',
      sets: 3,
      reps: '6-8',
      restSeconds: 90,
      rir: [1, 2],
      cue: 'Weight held at the chest, torso tall',
      alternatives: { easier: 'Bodyweight squat', harder: 'Back squat', swaps: ['Split squat'] },
    });
  });

  it('gives seconds instead of reps for a hold', () => {
    const plan = toPlanExercise(
      makePrescription({ name: 'Plank', reps: undefined, seconds: 30, restSeconds: 45 }),
    );

    expect(plan).toMatchObject({ name: 'Plank', sets: 3, seconds: 30, restSeconds: 45 });
    expect(plan).not.toHaveProperty('reps');
  });

  it('includes perSide only when true', () => {
    expect(toPlanExercise(makePrescription({ perSide: true }))).toMatchObject({ perSide: true });
    expect(toPlanExercise(makePrescription({ perSide: false }))).not.toHaveProperty('perSide');
  });

  it('gives the target weight in kg only when the log set one', () => {
    expect(toPlanExercise(makePrescription({ kg: 22.5 }))).toMatchObject({ kg: 22.5 });
    expect(toPlanExercise(makePrescription())).not.toHaveProperty('kg');
  });

  it('still serializes an exercise stored before reps in reserve and alternatives existed', () => {
    const { rir: _rir, alternatives: _alternatives, ...old } = makePrescription();

    const plan = toPlanExercise(old as Prescription);

    expect(plan).toMatchObject({ name: 'Goblet squat', sets: 3, reps: '6-8' });
    expect(plan).not.toHaveProperty('rir');
    expect(plan).not.toHaveProperty('alternatives');
  });

  it('round-trips through JSON for every exercise of a session', () => {
    for (const p of makeSession().exercises) {
      const plan = toPlanExercise(p);
      expect(JSON.parse(JSON.stringify(plan))).toStrictEqual(plan);
      expect(Object.keys(plan).filter((k) => k === 'reps' || k === 'seconds')).toHaveLength(1);
    }
  });
});

describe('toPlanBlock', () => {
  it('gives { week, of, deload } in base and nothing in build', () => {
    expect(toPlanBlock(makeSession())).toEqual({ week: 3, of: 4, deload: false });
    expect(
      toPlanBlock(buildSession({ phase: 'build', equipment: [], minutes: 40, variant: 0 })),
    ).toBeUndefined();
  });
});
