/**
 * How fast the ICS reader turns a large calendar into a year of occurrences. A subscribed feed
 * is re-read on every sync, in the extension's service worker too, so a 10,000-event calendar
 * has to read in well under a second. The figure is printed next to a bare `ICAL.parse` of the
 * same text in the same process (which only builds jCal: no zones, no recurrences, no
 * tolerance), so the ratio means something on any machine.
 */
import ICAL from 'ical.js';
import { readIcs } from '../src/calendar/ics';
import { generateCalendar } from '../tests/helpers/generate-calendar';
import { mb, measure, ROUNDS } from './measure';

const VEVENTS = 10_000;

/** Prints the reader's speed and memory on a generated 10,000-VEVENT calendar over one year. */
export async function benchReadIcs(): Promise<void> {
  const calendar = generateCalendar({ vevents: VEVENTS, seed: 42, firstDay: '2027-01-04' });
  const bytes = new TextEncoder().encode(calendar.text);
  const range = { start: Date.UTC(2027, 0, 1), end: Date.UTC(2028, 0, 1) };
  let occurrences = 0;
  let read = 0;
  const reader = measure(() => {
    const result = readIcs(bytes, { timezone: 'Europe/London', range });
    occurrences = result.events.length;
    read = result.read;
    return result.events.length + result.skipped.length;
  });
  // What a sync reads in practice: the planning weeks, not a year.
  const weeks = { start: Date.UTC(2027, 4, 3), end: Date.UTC(2027, 4, 31) };
  const fourWeeks = measure(
    () => readIcs(bytes, { timezone: 'Europe/London', range: weeks }).events.length,
  );
  const bare = measure(() => {
    const jcal = ICAL.parse(calendar.text) as unknown[];
    return jcal.length;
  });
  const seconds = reader.medianMs / 1000;
  console.log(
    `calendar: ${calendar.vevents.toLocaleString('en-US')} VEVENTs (${calendar.series} weekly series), ` +
      `${mb(bytes.length)}, read over 2027: ${read.toLocaleString('en-US')} read, ` +
      `${occurrences.toLocaleString('en-US')} occurrences`,
  );
  console.log(`readIcs: ${reader.medianMs.toFixed(0)} ms (median of ${ROUNDS} rounds)`);
  console.log(
    `  ${(bytes.length / 1_000_000 / seconds).toFixed(1)} MB/s, ` +
      `${Math.round(calendar.vevents / seconds).toLocaleString('en-US')} VEVENTs/s, ` +
      `${Math.round(occurrences / seconds).toLocaleString('en-US')} occurrences/s`,
  );
  console.log(
    `  memory: rss +${mb(reader.rssDelta)}, heapUsed +${mb(reader.heapDelta)} (largest growth over a round)`,
  );
  console.log(
    `readIcs over 4 weeks (3–31 May 2027): ${fourWeeks.medianMs.toFixed(0)} ms (median of ${ROUNDS} rounds)`,
  );
  console.log(`bare ICAL.parse: ${bare.medianMs.toFixed(0)} ms (median of ${ROUNDS} rounds)`);
  console.log(`  memory: rss +${mb(bare.rssDelta)}, heapUsed +${mb(bare.heapDelta)}`);
  console.log(`readIcs vs. bare ICAL.parse: ×${(reader.medianMs / bare.medianMs).toFixed(1)}`);
  // Printed so the work cannot be optimised away.
  console.log(`(checksum ${reader.sink + fourWeeks.sink + bare.sink})`);
}
