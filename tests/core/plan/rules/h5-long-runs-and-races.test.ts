import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/plan/rules';
import { addDays } from '../../../../src/core/time';
import { makePrefs, makeRace, makeRun, makeRuleContext } from '../../../helpers/factories';

const { H5 } = RULES;
const RACE_DAY = '2027-05-09';

describe('H5: long runs, races and the days around them', () => {
  it('blocks the day of a long run', () => {
    const ctx = makeRuleContext(
      [makeRun('long', { date: RACE_DAY, at: '08:00', minutes: 120 })],
      makePrefs(),
    );

    expect(H5.check(RACE_DAY, ctx)?.reason).toBe('the day of your long run');
  });

  it.each([
    // [priority, km, days before/after the race that are blocked]
    ['A', 10, [-3, -2, -1, 0, 1, 2]],
    ['B', 10, [0, 1]],
    ['C', 5, [0, 1]],
    ['B', 21.1, [0, 1, 2]],
    ['C', 42.2, [0, 1, 2]],
  ] as const)('around a %s race of %s km, blocks days %j', (priority, km, blocked) => {
    const ctx = makeRuleContext(
      [makeRace({ date: RACE_DAY, at: '09:00', priority, km })],
      makePrefs(),
    );

    for (let offset = -5; offset <= 4; offset++) {
      const v = H5.check(addDays(RACE_DAY, offset), ctx);
      expect(v !== undefined, `day ${offset}`).toBe(
        (blocked as readonly number[]).includes(offset),
      );
    }
  });

  it('takes the runner’s own races, with the distance their name gives', () => {
    const prefs = makePrefs({
      races: [{ date: RACE_DAY, name: 'Cardiff Half Marathon', priority: 'B' }],
    });
    const ctx = makeRuleContext([], prefs);

    expect(H5.check(addDays(RACE_DAY, 2), ctx)?.reason).toBe('2 days after Cardiff Half Marathon');
    expect(H5.check(addDays(RACE_DAY, -2), ctx)).toBeUndefined();
  });
});
