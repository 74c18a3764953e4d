import { describe, expect, it } from 'vitest';
import { RULES, weeklyMaximum } from '../../../../src/core/plan/rules';
import { makePrefs, makeRuleContext } from '../../../helpers/factories';

const { H6 } = RULES;

describe('H6: never more sessions than the phase allows', () => {
  it('allows two in base and refuses a third', () => {
    const ctx = makeRuleContext([], makePrefs());

    expect(weeklyMaximum('2027-05-03', ctx)).toBe(2);
    expect(H6.check('2027-05-03', 2, ctx)).toBeUndefined();
    expect(H6.check('2027-05-03', 3, ctx)?.reason).toMatch(/base allows at most 2/);
  });

  it('allows one in taper and three in the off-season', () => {
    const taper = makeRuleContext(
      [],
      makePrefs({ races: [{ date: '2027-05-16', name: 'Marathon', priority: 'A' }] }),
    );
    const off = makeRuleContext([], makePrefs({ phase: 'off-season' }));

    expect(H6.check('2027-05-03', 2, taper)).toBeDefined();
    expect(H6.check('2027-05-03', 3, off)).toBeUndefined();
  });
});
