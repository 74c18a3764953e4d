import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/plan/rules';
import { makePrefs, makeRuleContext } from '../../../helpers/factories';

const { H3 } = RULES;

describe('H3: a day between strength sessions', () => {
  const days = new Map([['2027-05-05', 'your "Gym"']]);
  const ctx = makeRuleContext([], makePrefs(), days);

  it.each([
    ['2027-05-04', 'the day before your "Gym" on Wednesday'],
    ['2027-05-05', 'on the same day as your "Gym"'],
    ['2027-05-06', 'the day after your "Gym" on Wednesday'],
  ])('blocks %s', (date, reason) => {
    expect(H3.check(date, ctx)?.reason).toBe(reason);
  });

  it.each(['2027-05-03', '2027-05-07'])('allows %s, two days away', (date) => {
    expect(H3.check(date, ctx)).toBeUndefined();
  });
});
