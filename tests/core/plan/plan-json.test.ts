import { describe, expect, it } from 'vitest';
import { applySwap } from '../../../src/core/exercises';
import { planWeeks } from '../../../src/core/plan';
import {
  planSessionJsonSchema,
  serializePlan,
  serializeSession,
} from '../../../src/core/plan/plan-json';
import { makePrefs } from '../../helpers/factories';

const WEEK = '2027-05-03'; // Monday; with no races, week 3 of a block on the fixed grid

describe('serializePlan', () => {
  it('gives each base session its block and each exercise its reps in reserve and alternatives', () => {
    const plan = planWeeks({ events: [], prefs: makePrefs(), firstWeek: WEEK, weeks: 2 });

    const json = serializePlan(plan);

    const blocks = json.sessions.map((s) => s.block);
    expect(blocks).toEqual([
      { week: 3, of: 4, deload: false },
      { week: 3, of: 4, deload: false },
      { week: 4, of: 4, deload: true },
      { week: 4, of: 4, deload: true },
    ]);
    for (const exercise of json.sessions.flatMap((s) => s.exercises)) {
      expect(exercise.rir?.[0]).toBeLessThanOrEqual(exercise.rir?.[1] ?? -1);
      expect(exercise.alternatives?.swaps).toBeInstanceOf(Array);
    }
    const goblet = json.sessions[0]?.exercises.find((e) => e.name === 'Goblet squat');
    expect(goblet).toMatchObject({ rir: [1, 2], alternatives: { easier: 'Bodyweight squat' } });
  });

  it('leaves the block out in build, taper, race week and recovery', () => {
    const plan = planWeeks({
      events: [],
      prefs: makePrefs({ races: [{ date: '2027-06-20', name: 'Summer Marathon', priority: 'A' }] }),
      firstWeek: WEEK,
    });

    const json = serializePlan(plan);

    expect(json.weeks[0]?.phase).toBe('build');
    for (const session of json.sessions) expect(session).not.toHaveProperty('block');
  });
});

describe('planSessionJsonSchema', () => {
  it('accepts a swapped session back with its block, reps in reserve and alternatives', () => {
    const plan = planWeeks({ events: [], prefs: makePrefs(), firstWeek: WEEK });
    const session = plan.sessions[0]!;
    const content = applySwap(session.content, { from: 'Goblet squat', to: 'Bodyweight squat' });

    const json = serializeSession({ ...session, content }, plan.timezone);
    const parsed = planSessionJsonSchema.parse(JSON.parse(JSON.stringify(json)));

    expect(parsed.block).toEqual({ week: 3, of: 4, deload: false });
    expect(parsed.exercises.map((e) => e.name)).toContain('Bodyweight squat');
    expect(parsed.exercises.find((e) => e.name === 'Bodyweight squat')).toMatchObject({
      rir: [2, 3],
      alternatives: { harder: 'Goblet squat' },
    });
  });

  it('refuses a block week out of range, naming the field', () => {
    const plan = planWeeks({ events: [], prefs: makePrefs(), firstWeek: WEEK });
    const json = serializeSession(plan.sessions[0]!, plan.timezone);

    const result = planSessionJsonSchema.safeParse({
      ...json,
      block: { week: 7, of: 4, deload: false },
    });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['block', 'week']);
  });
});
