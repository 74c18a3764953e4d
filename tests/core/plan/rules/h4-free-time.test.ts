import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../src/core/plan/rules';
import { makeBusy, makePrefs, makeRuleContext, sessionOn } from '../../../helpers/factories';

const { H4 } = RULES;
const session = (from: string, to: string) => sessionOn('2027-05-04', from, to);

describe('H4: inside the windows, a buffer away from busy time', () => {
  it('refuses a session outside the runner’s windows', () => {
    const ctx = makeRuleContext([], makePrefs());

    expect(H4.check(session('12:00', '12:40'), ctx)?.reason).toBe(
      'outside your free time on Tuesdays',
    );
  });

  it('refuses a session that overlaps busy time or comes within the buffer', () => {
    const ctx = makeRuleContext(
      [makeBusy({ date: '2027-05-04', at: '19:00', title: 'Dinner' })],
      makePrefs(),
    );

    expect(H4.check(session('18:45', '19:25'), ctx)?.reason).toBe(
      'at the same time as "Dinner" (19:00)',
    );
    expect(H4.check(session('18:10', '18:50'), ctx)?.reason).toBe(
      'within 15 min of "Dinner" (19:00)',
    );
    expect(H4.check(session('18:00', '18:45'), ctx)).toBeUndefined();
  });

  it('ignores transparent and all-day non-run events', () => {
    const ctx = makeRuleContext(
      [
        makeBusy({ date: '2027-05-04', at: '18:00', transparent: true }),
        makeBusy({ date: '2027-05-04' }),
      ],
      makePrefs(),
    );

    expect(H4.check(session('18:00', '18:40'), ctx)).toBeUndefined();
  });
});
