import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/plan/rules';
import { makePrefs, makeRest, makeRuleContext } from '../../../helpers/factories';

const { H7 } = RULES;

describe('H7: no session on a full rest day', () => {
  it('blocks a full rest day, all-day or timed', () => {
    const ctx = makeRuleContext(
      [
        makeRest({ date: '2027-05-05', full: true, title: 'Rest Day — full rest' }),
        makeRest({ date: '2027-05-06', at: '07:00', full: true }),
      ],
      makePrefs(),
    );

    expect(H7.check('2027-05-05', ctx)?.reason).toBe('a full rest day ("Rest Day — full rest")');
    expect(H7.check('2027-05-06', ctx)).toBeDefined();
  });

  it('leaves a plain rest day, a rest day from running', () => {
    const ctx = makeRuleContext([makeRest({ date: '2027-05-05' })], makePrefs());

    expect(H7.check('2027-05-05', ctx)).toBeUndefined();
  });
});
