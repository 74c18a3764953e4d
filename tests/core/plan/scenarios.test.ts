import { describe, expect, it } from 'vitest';
import { planWeeks } from '../../../src/core/plan';
import { dateInZone } from '../../../src/core/time';
import { checkHardConstraints } from '../../helpers/check-plan';
import { loadScenario, scenarioNames } from '../../helpers/load-scenario';

describe('planWeeks on tests/fixtures/scenarios', () => {
  const names = scenarioNames();

  it('finds the scenarios', () => {
    expect(names.length).toBeGreaterThanOrEqual(7);
  });

  it.each(names)('%s', (name) => {
    const { expect: want, prefs, events } = loadScenario(name);
    const plan = planWeeks({ events, prefs, firstWeek: want.week, weeks: want.weeks });
    const days = plan.sessions.map((s) => dateInZone(s.start, prefs.timezone));
    const context = `${want.note ?? ''}\nsessions: ${JSON.stringify(days)}\nunplaced: ${JSON.stringify(plan.unplaced)}`;

    expect(plan.weeks[0]!.start, context).toBe(want.week);
    expect(checkHardConstraints(plan.sessions, events, prefs), context).toEqual([]);
    if (want.daysExactly) expect([...days].sort(), context).toEqual([...want.daysExactly].sort());
    for (const d of want.daysInclude ?? []) expect(days, context).toContain(d);
    for (const d of want.daysExclude ?? []) expect(days, context).not.toContain(d);
    if (want.count !== undefined) expect(plan.sessions, context).toHaveLength(want.count);
    want.perWeek?.forEach(([min, max], i) => {
      const n = plan.sessions.filter((s) => s.weekStart === plan.weeks[i]!.start).length;
      expect(n, context).toBeGreaterThanOrEqual(min);
      expect(n, context).toBeLessThanOrEqual(max);
    });
    if (want.light) for (const s of plan.sessions) expect(s.load, context).toBe('light');
    if (want.warnings) expect(plan.warnings.length, context).toBeGreaterThan(0);
    if (want.unplacedAtLeast !== undefined) {
      expect(plan.unplaced.length, context).toBeGreaterThanOrEqual(want.unplacedAtLeast);
      for (const u of plan.unplaced) expect(u.reason.length).toBeGreaterThan(20);
    }
    for (const s of plan.sessions) {
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(s.content.exercises.length).toBeGreaterThanOrEqual(4);
    }
  });
});
