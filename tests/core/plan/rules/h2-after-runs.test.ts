import { describe, expect, it } from 'vitest';
import { RULES, startBounds } from '../../../../src/core/plan/rules';
import {
  londonAt,
  makeBusy,
  makePrefs,
  makeRuleContext,
  makeRun,
  sessionOn,
} from '../../../helpers/factories';

const { H2 } = RULES;
const at = (clock: string) => londonAt('2027-05-04', clock);
const session = (from: string, to: string) => sessionOn('2027-05-04', from, to);

describe('H2: after the day’s runs, hours after a hard one', () => {
  it('refuses a session before the day’s run, even an easy one', () => {
    const ctx = makeRuleContext(
      [makeRun('easy', { date: '2027-05-04', at: '18:00' })],
      makePrefs(),
    );

    const v = H2.check(session('17:00', '17:40'), ctx);

    expect(v?.reason).toBe('before your easy run at 18:00 the same day');
    expect(v?.warning).toBe('strength-before-run');
  });

  it('allows a session right after an easy run', () => {
    const ctx = makeRuleContext(
      [makeRun('easy', { date: '2027-05-04', at: '17:00' })],
      makePrefs(),
    );

    expect(H2.check(session('18:15', '18:55'), ctx)).toBeUndefined();
  });

  it('keeps minGapAfterHardRunHours after a hard run when a slot with the full gap fits', () => {
    const ctx = makeRuleContext(
      [makeRun('tempo', { date: '2027-05-04', at: '06:30' })],
      makePrefs(),
    );

    expect(H2.check(session('09:00', '09:40'), ctx)?.reason).toBe(
      'less than 3 h after your tempo run',
    );
    expect(H2.check(session('17:30', '18:10'), ctx)).toBeUndefined();
  });

  describe('back-to-back, when no slot with the full gap fits before latestEnd', () => {
    const evening = makePrefs({ availability: { tue: [['16:30', '23:00']] } });
    const track = makeRun('intervals', { date: '2027-05-04', at: '18:00', minutes: 70 });

    it('allows a start within 45 min after the run, a buffer after it', () => {
      const ctx = makeRuleContext([track], evening);

      expect(startBounds('2027-05-04', 40, ctx)).toMatchObject({
        from: at('19:10'),
        until: at('19:55'),
      });
      expect(H2.check(session('19:25', '20:05'), ctx)).toBeUndefined();
      expect(H2.check(session('20:00', '20:40'), ctx)?.reason).toBe(
        'less than 3 h after your intervals and not right after it',
      );
    });

    it('is not offered when the runner turned it off', () => {
      const ctx = makeRuleContext(
        [track],
        makePrefs({ ...{ availability: { tue: [['16:30', '23:00']] } }, allowBackToBack: false }),
      );

      expect(H2.check(session('19:25', '20:05'), ctx)).toBeDefined();
    });

    it('is not offered when a later slot with the full gap fits', () => {
      const ctx = makeRuleContext(
        [track],
        makePrefs({ availability: { tue: [['16:30', '23:00']] }, latestEnd: '23:00' }),
      );

      expect(H2.check(session('19:25', '20:05'), ctx)).toBeDefined();
      expect(H2.check(session('22:15', '22:55'), ctx)).toBeUndefined();
    });

    it('counts busy time when deciding whether the full gap fits', () => {
      const ctx = makeRuleContext(
        [
          makeRun('intervals', { date: '2027-05-04', at: '06:00' }),
          makeBusy({ date: '2027-05-04', at: '08:45', minutes: 12 * 60 }),
        ],
        makePrefs({ availability: { tue: [['06:00', '21:00']] } }),
      );

      expect(startBounds('2027-05-04', 40, ctx)?.backToBack).toBeDefined();
    });
  });
});
