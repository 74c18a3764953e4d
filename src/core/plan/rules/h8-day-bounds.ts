/**
 * H8 — every session ends by `latestEnd` and starts no earlier than `earliestStart`: nobody
 * should be told to lift at 22:15 because a window allowed it.
 */
import { clockText } from '../../text-style';
import { zonedInstant } from '../../time';
import type { DateString } from '../../time';
import type { Preferences } from '../../prefs';
import type { Interval } from './free-time';
import type { TimeRule } from './types';

/** `earliestStart` to `latestEnd` on `date`, as instants in the runner's zone. */
export function dayBounds(
  date: DateString,
  prefs: Pick<Preferences, 'earliestStart' | 'latestEnd' | 'timezone'>,
): Interval {
  return {
    start: zonedInstant(date, prefs.earliestStart, prefs.timezone),
    end: zonedInstant(date, prefs.latestEnd, prefs.timezone),
  };
}

export const h8: TimeRule = {
  id: 'H8',
  scope: 'time',
  summary: 'Every session ends by latestEnd and starts no earlier than earliestStart.',
  warnsAboutExisting: false,
  check(session, ctx) {
    const bounds = dayBounds(session.date, ctx.prefs);
    if (session.start < bounds.start) {
      return {
        rule: 'H8',
        reason: `before ${clockText(ctx.prefs.earliestStart, ctx.text)}, your earliest start`,
        warning: 'strength-outside-free-time',
        advice: 'start it later',
      };
    }
    if (session.end > bounds.end) {
      return {
        rule: 'H8',
        reason: `ending after ${clockText(ctx.prefs.latestEnd, ctx.text)}, your latest finish`,
        warning: 'strength-outside-free-time',
        advice: 'finish it earlier',
      };
    }
    return undefined;
  },
};
