/** Which weeks the popup shows, and the stretch of calendar their planning needs. */
import type { InstantRange } from '../../core/events';
import type { Preferences } from '../../core/prefs';
import { readWindow } from '../../core/read-window';
import { addDays, dateInZone, startOfWeek } from '../../core/time';
import type { DateString } from '../../core/time';

/** This week and next. */
export const SHOWN_WEEKS = 2;

/** The first day of the week `now` falls in, in the runner's zone. */
export function thisWeek(prefs: Preferences, now: number): DateString {
  return startOfWeek(dateInZone(now, prefs.timezone), prefs.weekStartsOn);
}

/** The first days of the weeks on screen. */
export function shownWeeks(prefs: Preferences, now: number): DateString[] {
  const first = thisWeek(prefs, now);
  return Array.from({ length: SHOWN_WEEKS }, (_, i) => addDays(first, 7 * i));
}

/** What the calendars must cover for the weeks on screen to be planned. */
export function syncWindow(prefs: Preferences, now: number): InstantRange {
  return readWindow({
    firstWeek: thisWeek(prefs, now),
    weeks: SHOWN_WEEKS,
    timeZone: prefs.timezone,
  });
}
