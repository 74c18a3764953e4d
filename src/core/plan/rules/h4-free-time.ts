/**
 * H4 — inside the runner's availability windows, not overlapping any busy event, and at least
 * `bufferMinutes` away from it. Transparent events and all-day non-run events do not block
 * (they never enter the busy list: see calendar-facts).
 */
import { clockText } from '../../text-style';
import {
  HOUR_MS,
  MINUTE_MS,
  minutesInZone,
  weekdayOf,
  WEEKDAY_NAMES,
  zonedInstant,
} from '../../time';
import type { DateString } from '../../time';
import type { Preferences } from '../../prefs';
import type { BusyFact } from '../calendar-facts';
import type { Interval } from './free-time';
import type { RuleContext, TimeRule } from './types';

/** The runner's windows on `date`, as instants in their zone. */
export function windowIntervals(
  date: DateString,
  prefs: Pick<Preferences, 'availability' | 'timezone'>,
): Interval[] {
  const windows = prefs.availability[weekdayOf(date)] ?? [];
  return windows.map(([from, to]) => ({
    start: zonedInstant(date, from, prefs.timezone),
    end: zonedInstant(date, to, prefs.timezone),
  }));
}

/** Busy events near `[from, to)`: a long event that began the day before still blocks. */
function busyNear(busy: readonly BusyFact[], from: number, to: number): BusyFact[] {
  return busy.filter((b) => b.end > from - 12 * HOUR_MS && b.start < to + 12 * HOUR_MS);
}

/** Busy time near `[from, to)`, each stretch widened by the buffer, sorted by start. */
export function busyIntervals(from: number, to: number, ctx: RuleContext): Interval[] {
  const buffer = ctx.prefs.bufferMinutes * MINUTE_MS;
  return busyNear(ctx.facts.busy, from, to).map((b) => ({
    start: b.start - buffer,
    end: b.end + buffer,
  }));
}

/** The busy event a session at `[start, end)` clashes with or comes too close to, if any. */
export function clashingBusy(start: number, end: number, ctx: RuleContext): BusyFact | undefined {
  const buffer = ctx.prefs.bufferMinutes * MINUTE_MS;
  return busyNear(ctx.facts.busy, start, end).find(
    (b) => b.end + buffer > start && b.start - buffer < end,
  );
}

export const h4: TimeRule = {
  id: 'H4',
  scope: 'time',
  summary:
    'Inside the availability windows, not overlapping any busy event, and at least bufferMinutes away from it.',
  warnsAboutExisting: false,
  check(session, ctx) {
    const inWindow = windowIntervals(session.date, ctx.prefs).some(
      (w) => w.start <= session.start && session.end <= w.end,
    );
    if (!inWindow) {
      return {
        rule: 'H4',
        reason: `outside your free time on ${WEEKDAY_NAMES[weekdayOf(session.date)]}s`,
        warning: 'strength-outside-free-time',
        advice: 'pick a time inside your windows',
      };
    }
    const clash = clashingBusy(session.start, session.end, ctx);
    if (!clash) return undefined;
    const overlaps = clash.end > session.start && clash.start < session.end;
    const at = clockText(minutesInZone(clash.start, ctx.prefs.timezone), ctx.text);
    return {
      rule: 'H4',
      reason: overlaps
        ? `at the same time as "${clash.title || 'busy'}" (${at})`
        : `within ${ctx.prefs.bufferMinutes} min of "${clash.title || 'busy'}" (${at})`,
      warning: 'strength-outside-free-time',
      advice: 'pick a time with room around it',
    };
  },
};
