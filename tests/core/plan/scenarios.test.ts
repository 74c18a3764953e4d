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
    if (want.warningsNone) expect(plan.warnings, context).toEqual([]);
    if (want.phases)
      expect(
        plan.weeks.map((w) => w.phase),
        context,
      ).toEqual(want.phases);
    for (const [day, kind] of Object.entries(want.runKinds ?? {})) {
      const kinds = plan.runs
        .filter((r) => dateInZone(r.start, prefs.timezone) === day)
        .map((r) => r.classification.kind);
      expect(kinds, context).toContain(kind);
    }
    for (const day of want.backToBack ?? []) {
      const session = plan.sessions.find((s) => dateInZone(s.start, prefs.timezone) === day);
      const hardEnd = plan.runs
        .filter(
          (r) =>
            dateInZone(r.start, prefs.timezone) === day && r.classification.intensity === 'hard',
        )
        .map((r) => r.end);
      expect(session, context).toBeDefined();
      const gap = session!.start - Math.max(...hardEnd);
      expect(gap, context).toBeGreaterThanOrEqual(prefs.bufferMinutes * 60_000);
      expect(gap, context).toBeLessThanOrEqual(45 * 60_000);
      expect(session!.reasons.join(' '), context).toMatch(/run first, lift right after/);
    }
    for (const [day, pattern] of Object.entries(want.reasonsInclude ?? {})) {
      const session = plan.sessions.find((s) => dateInZone(s.start, prefs.timezone) === day);
      expect(session, context).toBeDefined();
      expect(session!.reasons.join(' | '), context).toMatch(new RegExp(pattern, 'i'));
    }
    if (want.notHeavy) for (const s of plan.sessions) expect(s.load, context).not.toBe('heavy');
    for (const s of plan.sessions) {
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(s.content.exercises.length).toBeGreaterThanOrEqual(4);
    }
  });
});
