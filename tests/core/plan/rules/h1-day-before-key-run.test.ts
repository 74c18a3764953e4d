import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/plan/rules';
import { makePrefs, makeRun, makeRuleContext } from '../../../helpers/factories';

const { H1 } = RULES;

describe('H1: no session the day before a key run', () => {
  it.each(['long', 'tempo', 'intervals', 'hills', 'race'] as const)(
    'blocks the day before a %s run',
    (kind) => {
      const ctx = makeRuleContext(
        [makeRun(kind, { date: '2027-05-06', at: '07:00' })],
        makePrefs(),
      );

      const v = H1.check('2027-05-05', ctx);

      expect(v?.rule).toBe('H1');
      expect(v?.reason).toMatch(/^the day before Thursday's /);
    },
  );

  it.each(['easy', 'recovery', 'steady'] as const)('leaves the day before a %s run', (kind) => {
    const ctx = makeRuleContext([makeRun(kind, { date: '2027-05-06', at: '07:00' })], makePrefs());

    expect(H1.check('2027-05-05', ctx)).toBeUndefined();
  });

  it('looks across the end of the week', () => {
    const ctx = makeRuleContext(
      [makeRun('intervals', { date: '2027-05-10', at: '07:00' })],
      makePrefs(),
    );

    expect(H1.check('2027-05-09', ctx)?.reason).toBe("the day before Monday's intervals");
  });

  it('blocks the day before a race the runner listed but the calendar lacks', () => {
    const prefs = makePrefs({ races: [{ date: '2027-05-09', name: 'Spring 10K', priority: 'C' }] });

    expect(H1.check('2027-05-08', makeRuleContext([], prefs))?.reason).toBe(
      'the day before Spring 10K',
    );
  });

  it('only looks at the next day', () => {
    const ctx = makeRuleContext(
      [makeRun('tempo', { date: '2027-05-07', at: '07:00' })],
      makePrefs(),
    );

    expect(H1.check('2027-05-05', ctx)).toBeUndefined();
  });
});
