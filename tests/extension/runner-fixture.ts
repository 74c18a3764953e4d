/** The runner every extension test plans for: the two-hard-days scenario, seen on a Monday morning. */
import { readFileSync } from 'node:fs';
import type { PreferencesInput } from '../../src/core/prefs';
import { fixturePath } from '../helpers/shared';
import { createBackgroundService } from '../../src/extension/background-service';

export const TWO_HARD_DAYS = readFileSync(
  fixturePath('scenarios/two-hard-days/calendar.ics'),
  'utf8',
);
export const PREFS = JSON.parse(
  readFileSync(fixturePath('scenarios/two-hard-days/prefs.json'), 'utf8'),
) as PreferencesInput;
/** Monday 3 May 2027, 06:00 in London: "this week" is 3–9 May, all of it still ahead. */
export const NOW = Date.UTC(2027, 4, 3, 5, 0);

/**
 * The same week after the coach adds hill repeats on Friday 7 May: Thursday's strength session
 * is now the day before a key run, so an accepted one there breaks H3.
 */
export const TWO_HARD_DAYS_WITH_FRIDAY_HILLS = TWO_HARD_DAYS.replace(
  'END:VCALENDAR',
  [
    'BEGIN:VEVENT',
    'UID:new-hills@scenario.test',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Europe/London:20270507T063000',
    'DTEND;TZID=Europe/London:20270507T073000',
    'SUMMARY:Hill repeats 8 x 60s',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n'),
);

/** The same calendar with a half marathon three weeks out: found in the calendar, not yet confirmed. */
export const TWO_HARD_DAYS_WITH_A_HALF = TWO_HARD_DAYS.replace(
  'END:VCALENDAR',
  [
    'BEGIN:VEVENT',
    'UID:spring-half@scenario.test',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;VALUE=DATE:20270523',
    'DTEND;VALUE=DATE:20270524',
    'SUMMARY:Spring Half Marathon',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n'),
);

/**
 * The background service for {@link NOW}, offline: any fetch fails, so a test proves the planner
 * and storage alone, with source ids `src-1`, `src-2`, ….
 */
export function offlineService() {
  let n = 0;
  return createBackgroundService({
    now: () => NOW,
    fetch: () => Promise.reject(new Error('no network in this test')),
    browserTimeZone: () => 'Europe/London',
    setBadge: async () => {},
    newId: () => `src-${++n}`,
  });
}
