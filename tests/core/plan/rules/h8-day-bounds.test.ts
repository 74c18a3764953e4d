import { describe, expect, it } from 'vitest';
import { dayBounds, RULES } from '../../../../src/core/plan/rules';
import { makePrefs, makeRuleContext, sessionOn } from '../../../helpers/factories';

const { H8 } = RULES;
const session = (from: string, to: string) => sessionOn('2027-05-04', from, to);

describe('H8: between earliestStart and latestEnd', () => {
  const ctx = makeRuleContext([], makePrefs({ earliestStart: '06:30', latestEnd: '21:30' }));

  it('refuses a start before earliestStart and an end after latestEnd', () => {
    expect(H8.check(session('06:00', '06:40'), ctx)?.reason).toBe(
      'before 06:30, your earliest start',
    );
    expect(H8.check(session('21:00', '21:40'), ctx)?.reason).toBe(
      'ending after 21:30, your latest finish',
    );
  });

  it('allows a session inside the bounds, ending exactly at latestEnd', () => {
    expect(H8.check(session('20:50', '21:30'), ctx)).toBeUndefined();
  });

  it('gives the bounds as instants in the runner’s zone, across a DST change', () => {
    const prefs = makePrefs({
      timezone: 'Europe/London',
      earliestStart: '06:00',
      latestEnd: '21:30',
    });
    const b = dayBounds('2027-03-28', prefs);

    expect((b.end - b.start) / 3_600_000).toBe(15.5);
  });
});
