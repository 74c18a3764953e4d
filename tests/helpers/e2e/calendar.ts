/**
 * The calendar the e2e tests serve: the bundled sample runner's weekly plan, so every week looks
 * the same whatever today is, and dates computed from the runner's "next week". Today cannot be
 * fixed instead: Playwright's clock (`context.clock`) reaches pages but not the extension's
 * service worker, which plans with the real `Date.now()` (checked with Chromium 156).
 */
import { readFileSync } from 'node:fs';
import type { PreferencesInput } from '../../../src/core/prefs';
import { addDays, dateInZone, startOfWeek } from '../../../src/core/time';
import type { DateString } from '../../../src/core/time';
import { SAMPLE_CALENDAR, SAMPLE_PREFS } from './paths';

export const RUNNER_ZONE = 'Europe/London';

/**
 * The sample calendar without its yearly races: with them, the phase (and the number of
 * sessions) would depend on how far today is from the spring marathon. Every other series
 * repeats weekly, so "next week" always holds the same runs.
 */
export function weeklySampleCalendar(): string {
  const text = readFileSync(SAMPLE_CALENDAR, 'utf8').replace(/\r?\n/g, '\r\n');
  return text.replace(
    /BEGIN:VEVENT\r\n(?:(?!END:VEVENT)[\s\S])*?FREQ=YEARLY[\s\S]*?END:VEVENT\r\n/g,
    '',
  );
}

/** The number of VEVENTs in a calendar: what the extension reports as "N events read". */
export function countEvents(ics: string): number {
  return ics.match(/^BEGIN:VEVENT\r?$/gm)?.length ?? 0;
}

/** The sample runner's preferences (London, Monday weeks, two sessions, hard days hard). */
export function samplePrefs(): PreferencesInput {
  return JSON.parse(readFileSync(SAMPLE_PREFS, 'utf8')) as PreferencesInput;
}

/** Monday of next week in the runner's zone: planned in full, since nothing in it has passed. */
export function nextWeekStart(now = Date.now()): DateString {
  return addDays(startOfWeek(dateInZone(now, RUNNER_ZONE), 1), 7);
}

export interface ExtraEvent {
  uid: string;
  date: DateString;
  /** Wall-clock "HH:MM" in London. */
  start: string;
  end: string;
  summary: string;
}

/** The calendar with one-off events added, as a coach's edit would arrive in the feed. */
export function withEvents(ics: string, events: readonly ExtraEvent[]): string {
  const stamp = (date: DateString, time: string) =>
    `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
  const blocks = events.map((e) =>
    [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;TZID=${RUNNER_ZONE}:${stamp(e.date, e.start)}`,
      `DTEND;TZID=${RUNNER_ZONE}:${stamp(e.date, e.end)}`,
      `SUMMARY:${e.summary}`,
      'END:VEVENT',
      '',
    ].join('\r\n'),
  );
  return ics.replace('END:VCALENDAR', `${blocks.join('')}END:VCALENDAR`);
}

/**
 * The sample week plus "Riverside 10K" twelve days after next Monday, for the popup's races
 * panel: next week is taper if the runner calls it an A race, base if a B.
 */
export function sampleWithRiverside10K(uid: string): string {
  return withEvents(weeklySampleCalendar(), [
    {
      uid,
      date: addDays(nextWeekStart(), 12),
      start: '09:00',
      end: '10:00',
      summary: 'Riverside 10K',
    },
  ]);
}
