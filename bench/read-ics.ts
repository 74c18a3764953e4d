/**
 * How fast the ICS reader turns a large calendar into a year of occurrences, how fast it reads
 * the four weeks a sync actually asks for, and how little a hostile calendar costs it. A
 * subscribed feed is re-read on every sync, in the extension's service worker too, so a
 * 10,000-event calendar has to read in well under a second. Figures are printed next to a
 * reference run in the same process (a bare `ICAL.parse` of the same text, which only builds
 * jCal: no zones, no recurrences, no tolerance; or reading the bundled sample calendar), so the
 * ratios mean something on any machine. Peak memory is measured in a child process, so nothing
 * read before it counts.
 *
 * Run on its own as `node --import tsx bench/read-ics.ts --child FILE` it reads FILE once and
 * prints its time and the process's peak RSS as JSON (that is the child).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { readIcs } from '../src/calendar/ics';
import { SAMPLE_CALENDAR_PATH } from '../src/cli/load-calendars';
import { manyZonesCalendar } from '../tests/fixtures/hostile/many-zones';
import { generateCalendar } from '../tests/helpers/generate-calendar';
import { mb, measure, median, ms, ROUNDS } from './measure';

const VEVENTS = 10_000;
const TIMEZONE = 'Europe/London';
const HOSTILE_DIR = fileURLToPath(new URL('../tests/fixtures/hostile/', import.meta.url));
const TZ_BOMB = `${HOSTILE_DIR}tz-bomb.ics`;
const TZ_BOMB_6 = `${HOSTILE_DIR}tz-bomb-6-observances.ics`;
/** What `plan` reads for the sample runner's first week: 8 days back, the week, 63 days on. */
const PLAN_RANGE = { start: Date.UTC(2025, 11, 28), end: Date.UTC(2026, 2, 16) };
/** The limits for the time-zone bomb. */
const BOMB_MAX_RATIO = 3;
const BOMB_MAX_RSS_MB = 400;
/** The limit for four weeks against a bare parse. */
const FOUR_WEEKS_MAX_RATIO = 3;

interface Paired {
  aMs: number;
  bMs: number;
  /** Median of the per-round ratios a/b. */
  ratio: number;
  sink: number;
}

/**
 * Times `a` and `b` alternately, round after round, and takes the median of each round's
 * ratio: on a machine shared with other work, load that comes and goes then slows both sides of
 * a ratio alike instead of whichever happened to run during it.
 */
function measurePaired(a: () => number, b: () => number, rounds = ROUNDS): Paired {
  let sink = a() + b();
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  const ratios: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < rounds; r++) {
    gc?.();
    let start = performance.now();
    sink += a();
    const aMs = performance.now() - start;
    gc?.();
    start = performance.now();
    sink += b();
    const bMs = performance.now() - start;
    aTimes.push(aMs);
    bTimes.push(bMs);
    ratios.push(aMs / bMs);
  }
  return { aMs: median(aTimes), bMs: median(bTimes), ratio: median(ratios), sink };
}

/** Prints the reader's speed and memory on generated 10,000-VEVENT calendars, then on hostile ones. */
export async function benchReadIcs(): Promise<void> {
  benchLargeCalendar();
  benchHostile();
  return Promise.resolve();
}

function benchLargeCalendar(): void {
  const calendar = generateCalendar({ vevents: VEVENTS, seed: 42, firstDay: '2027-01-04' });
  const bytes = new TextEncoder().encode(calendar.text);
  const range = { start: Date.UTC(2027, 0, 1), end: Date.UTC(2028, 0, 1) };
  let occurrences = 0;
  let read = 0;
  const reader = measure(() => {
    const result = readIcs(bytes, { timezone: TIMEZONE, range });
    occurrences = result.events.length;
    read = result.read;
    return result.events.length + result.skipped.length;
  });
  // What a sync reads in practice: the planning weeks, not a year.
  const weeks = { start: Date.UTC(2027, 4, 3), end: Date.UTC(2027, 4, 31) };
  const bare = measure(() => {
    const jcal = ICAL.parse(calendar.text) as unknown[];
    return jcal.length;
  });
  const fourWeeks = measurePaired(
    () => readIcs(bytes, { timezone: TIMEZONE, range: weeks }).events.length,
    () => (ICAL.parse(calendar.text) as unknown[]).length,
  );
  // The same four weeks of a calendar whose series all began in the year before them.
  const older = generateCalendar({ vevents: VEVENTS, seed: 42, firstDay: '2026-05-03' });
  const olderBytes = new TextEncoder().encode(older.text);
  const olderWeeks = measurePaired(
    () => readIcs(olderBytes, { timezone: TIMEZONE, range: weeks }).events.length,
    () => (ICAL.parse(older.text) as unknown[]).length,
  );

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
    `readIcs over 4 weeks (3–31 May 2027): ${fourWeeks.aMs.toFixed(0)} ms (median of ${ROUNDS} rounds)`,
  );
  console.log(`bare ICAL.parse: ${bare.medianMs.toFixed(0)} ms (median of ${ROUNDS} rounds)`);
  console.log(`  memory: rss +${mb(bare.rssDelta)}, heapUsed +${mb(bare.heapDelta)}`);
  console.log(`readIcs vs. bare ICAL.parse: ×${(reader.medianMs / bare.medianMs).toFixed(1)}`);
  console.log(
    `readIcs over 4 weeks vs. bare ICAL.parse, timed alternately: ×${fourWeeks.ratio.toFixed(2)} ` +
      `(${fourWeeks.aMs.toFixed(0)} vs. ${fourWeeks.bMs.toFixed(0)} ms; limit ×${FOUR_WEEKS_MAX_RATIO})`,
  );
  console.log(
    `  series begun in the year before (first day 3 May 2026): ×${olderWeeks.ratio.toFixed(2)} ` +
      `(${olderWeeks.aMs.toFixed(0)} vs. ${olderWeeks.bMs.toFixed(0)} ms; limit ×${FOUR_WEEKS_MAX_RATIO})`,
  );
  // Printed so the work cannot be optimised away.
  console.log(`(checksum ${reader.sink + fourWeeks.sink + bare.sink + olderWeeks.sink})`);
}

function benchHostile(): void {
  const sampleBytes = readFileSync(SAMPLE_CALENDAR_PATH);
  const readOnce = (bytes: Uint8Array | string) => () =>
    readIcs(bytes, { timezone: TIMEZONE, range: PLAN_RANGE }).events.length;
  const rounds = 51;
  const sample = measure(readOnce(sampleBytes), rounds);
  const bomb = measurePaired(readOnce(readFileSync(TZ_BOMB)), readOnce(sampleBytes), rounds);
  const bomb6 = measurePaired(readOnce(readFileSync(TZ_BOMB_6)), readOnce(sampleBytes), rounds);
  const zones = manyZonesCalendar({ zones: 10_000, used: [0, 4_999, 9_999] });
  const manyZones = measure(readOnce(zones), 5);
  const allZones = manyZonesCalendar({
    zones: 10_000,
    used: Array.from({ length: 10_000 }, (_, i) => i),
  });
  const manyZonesUsed = measure(readOnce(allZones), 3);

  console.log(
    `\nhostile calendars, read over the sample runner's plan window (medians of ${rounds} rounds):`,
  );
  console.log(`sample calendar (17 VEVENTs): ${ms(sample.medianMs)}`);
  const ratio = (m: Paired): string => `×${m.ratio.toFixed(2)} the sample calendar`;
  console.log(
    `time-zone bomb (1 observance, an onset every hour since year 1): ${ms(bomb.aMs)}, ` +
      `${ratio(bomb)} (timed alternately; limit ×${BOMB_MAX_RATIO})`,
  );
  console.log(`time-zone bomb, 6 observances: ${ms(bomb6.aMs)}, ${ratio(bomb6)}`);
  console.log(
    `10,000 custom VTIMEZONEs, 3 used (${mb(zones.length)}): ${ms(manyZones.medianMs)}; ` +
      `all 10,000 used: ${ms(manyZonesUsed.medianMs)}`,
  );
  for (const [name, file] of [
    ['sample calendar', SAMPLE_CALENDAR_PATH],
    ['time-zone bomb', TZ_BOMB],
    ['time-zone bomb, 6 observances', TZ_BOMB_6],
  ] as const) {
    const child = readInChild(file);
    const limit = name === 'sample calendar' ? '' : ` (limit ${BOMB_MAX_RSS_MB} MB)`;
    console.log(
      `${name} in a fresh process: peak RSS ${child.maxRssMb.toFixed(0)} MB${limit}, ` +
        `read in ${ms(child.ms)} (first read, cold)`,
    );
  }
  console.log(
    `(checksum ${sample.sink + bomb.sink + bomb6.sink + manyZones.sink + manyZonesUsed.sink})`,
  );
}

interface ChildResult {
  ms: number;
  maxRssMb: number;
}

/** Reads `file` once in a new Node process and returns its time and peak RSS. */
function readInChild(file: string): ChildResult {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, '--child', file], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as ChildResult;
}

function runChild(file: string): void {
  const bytes = readFileSync(file);
  const start = performance.now();
  const events = readIcs(bytes, { timezone: TIMEZONE, range: PLAN_RANGE }).events.length;
  const elapsed = performance.now() - start;
  // resourceUsage().maxRSS is in kilobytes: the high-water mark of the whole process.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms: elapsed, maxRssMb, events }));
}

if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  runChild(process.argv[3] ?? '');
}
