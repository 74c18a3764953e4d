/**
 * Small builders for inline calendars in the reader's tests: CRLF lines, a VCALENDAR around the
 * given components, and a default read over January–February 2027 in Europe/London.
 */
import { fixturePath } from '../../helpers/shared';
import { readIcs, type ReadIcsOptions, type ReadIcsResult } from '../../../src/calendar/ics';

/** `tests/fixtures/<name>`. */
export const sharedFixture = fixturePath;

/** A VEVENT with the given property lines (UID and DTSTAMP are not added: tests spell them out). */
export function vevent(...lines: string[]): string {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
}

/** A VCALENDAR holding the given components (or raw lines). */
export function vcalendar(...components: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ironstride//tests//EN',
    ...components,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

export const JAN_2027: ReadIcsOptions['range'] = {
  start: Date.UTC(2027, 0, 1),
  end: Date.UTC(2027, 2, 1),
};

/** Reads with Europe/London over January–February 2027 unless told otherwise. */
export function read(
  input: string | Uint8Array,
  options: Partial<ReadIcsOptions> = {},
): ReadIcsResult {
  return readIcs(input, { timezone: 'Europe/London', range: JAN_2027, ...options });
}

/** ISO strings of the events' starts, for compact assertions. */
export function starts(result: ReadIcsResult): string[] {
  return result.events.map((e) => new Date(e.start).toISOString());
}
