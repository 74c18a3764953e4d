/**
 * H7 — no session on a full rest day ("full rest", "complete rest", "no training"). A plain
 * "Rest" is a rest day from running, and may hold a session.
 */
import type { DayRule } from './types';

export const h7: DayRule = {
  id: 'H7',
  scope: 'day',
  summary: 'No session on a full rest day.',
  check(date, ctx) {
    const rest = ctx.facts.fullRestDays.get(date);
    if (!rest) return undefined;
    return {
      rule: 'H7',
      reason: `a full rest day ("${rest.title || 'rest'}")`,
      warning: 'strength-on-full-rest-day',
      advice: 'a full rest day means no strength either',
    };
  },
};
