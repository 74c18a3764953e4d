/**
 * Running one RRULE (RFC 5545 §3.3.10) over a range, in the series' wall clock, with every step
 * bounded.
 *
 * ical.js supplies the RRULE engine (`Recur.iterator`); its steps are counted through
 * `rule-steps.ts`. A series may take `MAX_SERIES_STEPS` to reach the range and
 * `MAX_STEPS_PER_DAY` for each day of it, all of them out of the read's budget.
 *
 * Two shortcuts keep long-running series cheap, both checked against the plain iteration by
 * property tests (tests/calendar/ics/hostile.test.ts, rule-iteration.test.ts):
 * - The simplest rules (DAILY or WEEKLY on DTSTART's weekday at any INTERVAL, WEEKLY on any set
 *   of weekdays every week, with or without COUNT and UNTIL: what Google, Outlook and Apple write
 *   for nearly every repeating event) are computed arithmetically, without ical.js.
 * - Other rules whose instances repeat with a fixed period are started at the last period
 *   boundary before the range ("daily since 1970" costs the same as "daily since last week");
 *   with COUNT, the instances of one period are counted once and the count reduced by the
 *   periods skipped.
 */
import ICAL from 'ical.js';
import { DAY_MS } from '../../core/time';
import type { ParsedRule } from './parse-rrule';
import { countSteps, StepLimitError, type StepBudget } from './rule-steps';
import { wallFields } from './values';
import type { Zone, ZoneClock } from './zones';

/** The clock a series runs on: its zone, and whether its instances are dates. */
export interface SeriesClock {
  allDay: boolean;
  zone: Zone;
}

/** Steps without an instance after which a rule that hits the limit is called stalled. */
export const STALL_STEPS = 10_000;

/** Rule steps one series may take before it reaches the range. */
export const MAX_SERIES_STEPS = 50_000;
/**
 * Rule steps one series may take per day of the range: one occurrence every five minutes. A
 * limit per day rather than per read, so a week and three months agree about a series.
 */
export const MAX_STEPS_PER_DAY = 288;

/** What a series has left to spend; `StepLimitError` says which limit ran out. */
export interface StepCounter {
  /** Steps left for this series before the range. */
  before: number;
  /** Steps left for this series once it has reached the range. */
  inRange: number;
  /** Whether an instance in the range has been seen. */
  reached: boolean;
  /** Steps left for the whole read (shared). */
  read: StepBudget;
  /** Steps since the iterator last produced an instance. */
  sinceLastInstance: number;
}

/** A counter for one series expanded over `[lo, hi)`, drawing on the read's budget. */
export function seriesCounter(read: StepBudget, lo: number, hi: number): StepCounter {
  return {
    before: MAX_SERIES_STEPS,
    inRange: Math.ceil(((hi - lo) / DAY_MS) * MAX_STEPS_PER_DAY),
    reached: false,
    read,
    sinceLastInstance: 0,
  };
}

function step(counter: StepCounter): void {
  counter.sinceLastInstance++;
  if (--counter.read.steps < 0) throw new StepLimitError('read');
  if (counter.reached) {
    if (--counter.inRange < 0) throw new StepLimitError('range');
  } else if (--counter.before < 0) throw new StepLimitError('before');
}

const PLAIN_WEEKDAY = /^(SU|MO|TU|WE|TH|FR|SA)$/;
const FIXED_SECONDS: Partial<Record<string, number>> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Where a rule is started instead of DTSTART, and how many of its instances that skips. */
interface Jump {
  from: number;
  /** Instances ical.js would have produced before `from` (what COUNT must be reduced by). */
  skipped: number;
}

/**
 * How a rule repeats, when it does so with a fixed period: `ms` for SECONDLY…WEEKLY rules whose
 * only BY parts are plain weekdays, hours, minutes and seconds (their instances are invariant
 * under a shift by the period), `months` for a plain MONTHLY rule on day 1–28 and `years` for a
 * plain YEARLY rule not on 29 February (one instance per period). `null` for everything else.
 */
type Period = { kind: 'ms'; ms: number } | { kind: 'months' | 'years'; every: number };

function periodOf(recur: ICAL.Recur, startWall: number, allDay: boolean): Period | null {
  const parts = recur.parts;
  const keys = Object.keys(parts).filter(
    (k) => (parts as Record<string, unknown[] | undefined>)[k]?.length,
  );
  const interval = Math.max(1, recur.interval);
  const unit = FIXED_SECONDS[recur.freq];
  if (unit !== undefined) {
    if (allDay && unit < 86_400) return null;
    const allowed = keys.every((k) =>
      k === 'BYDAY'
        ? (parts.BYDAY ?? []).every((d) => PLAIN_WEEKDAY.test(d))
        : k === 'BYHOUR' || k === 'BYMINUTE' || k === 'BYSECOND',
    );
    if (!allowed) return null;
    const stepSeconds = interval * unit;
    const cycle =
      keys.includes('BYDAY') || recur.freq === 'WEEKLY'
        ? 604_800
        : keys.length > 0
          ? 86_400
          : stepSeconds;
    return { kind: 'ms', ms: (stepSeconds / gcd(stepSeconds, cycle)) * cycle * 1000 };
  }
  if (keys.length > 0) return null;
  const f = wallFields(startWall);
  if (recur.freq === 'MONTHLY' && f.day <= 28) return { kind: 'months', every: interval };
  if (recur.freq === 'YEARLY' && !(f.month === 2 && f.day === 29))
    return { kind: 'years', every: interval };
  return null;
}

/**
 * Where to start iterating so that no instance overlapping the range is lost: `startWall`
 * moved forward by whole periods to at most `lo`. The rule's instances after the new start are
 * then exactly the original ones (its pattern is invariant under that shift), while the ones
 * before it all end before the range. Any whole period holds the same number of instances, so
 * a COUNT rule has skipped that number times the periods jumped.
 */
function jumpStart(
  recur: ICAL.Recur,
  startWall: number,
  shape: SeriesClock,
  lo: number,
  counter: StepCounter,
): Jump {
  const none: Jump = { from: startWall, skipped: 0 };
  if (startWall >= lo) return none;
  const period = periodOf(recur, startWall, shape.allDay);
  if (!period) return none;
  if (period.kind === 'ms') {
    // Strictly before `lo`: ical.js yields an unsynchronized start (one failing a limiting BY
    // part, e.g. DTSTART on a Sunday for FREQ=DAILY;BYDAY=SA) as an instance, and a jumped start
    // is unsynchronized whenever DTSTART is; `wall < lo` then drops it.
    const k = Math.floor((lo - 1 - startWall) / period.ms);
    if (k <= 0) return none;
    const from = startWall + k * period.ms;
    if (recur.count === null) return { from, skipped: 0 };
    const counts = instancesPerPeriod(recur, startWall, period.ms, shape, counter);
    // The first period holds the steady count, plus DTSTART itself when it is unsynchronized.
    if (counts.first !== counts.steady && counts.first !== counts.steady + 1) return none;
    // Before `from`: first + (k - 1) × steady yields; from `from`, the jumped iterator yields
    // its own unsynchronized start first (when DTSTART was one), which uses one more.
    return { from, skipped: k * counts.steady };
  }
  const f = wallFields(startWall);
  if (period.kind === 'months') {
    // 31-day months overestimate the distance, so the jump never passes `lo`.
    const k = Math.floor(Math.floor((lo - startWall) / (31 * DAY_MS)) / period.every);
    if (k <= 0) return none;
    const from = Date.UTC(
      f.year,
      f.month - 1 + k * period.every,
      f.day,
      f.hour,
      f.minute,
      f.second,
    );
    return { from, skipped: recur.count === null ? 0 : k };
  }
  const k = Math.floor(Math.floor((lo - startWall) / (366 * DAY_MS)) / period.every);
  if (k <= 0) return none;
  const from = Date.UTC(f.year + k * period.every, f.month - 1, f.day, f.hour, f.minute, f.second);
  return { from, skipped: recur.count === null ? 0 : k };
}

/**
 * How many instances ical.js yields, ignoring COUNT and UNTIL, in the first period
 * `[startWall, startWall + periodMs)` and in the second (the steady state).
 */
function instancesPerPeriod(
  recur: ICAL.Recur,
  startWall: number,
  periodMs: number,
  shape: SeriesClock,
  counter: StepCounter,
): { first: number; steady: number } {
  const open = recur.clone();
  open.count = null;
  open.until = null;
  const iterator = countSteps(open.iterator(icalTime(startWall, shape.allDay)), () =>
    step(counter),
  );
  const counts = { first: 0, steady: 0 };
  for (;;) {
    const t = iterator.next();
    if (!t) return counts;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= startWall + 2 * periodMs) return counts;
    if (wall < startWall + periodMs) counts.first++;
    else counts.steady++;
  }
}

function icalTime(wall: number, isDate: boolean): ICAL.Time {
  return new ICAL.Time({ ...wallFields(wall), isDate }, ICAL.Timezone.localTimezone);
}

/** UNTIL as a wall time on the series' clock, so it compares like with like. */
export function untilWall(until: ICAL.Time, shape: SeriesClock, clock: ZoneClock): number {
  const wall = Date.UTC(
    until.year,
    until.month - 1,
    until.day,
    until.hour,
    until.minute,
    until.second,
  );
  if (shape.allDay) return wall;
  // RFC 5545 §3.3.10 wants a DATE-TIME UNTIL for timed series; a DATE is read as the whole day.
  if (until.isDate) return wall + DAY_MS - 1000;
  if (until.zone === ICAL.Timezone.utcTimezone) return clock.toWall(wall, shape.zone);
  return wall;
}

/** UNTIL moved onto the series' wall clock, as ical.js compares it. */
function localUntil(until: ICAL.Time, shape: SeriesClock, clock: ZoneClock): ICAL.Time {
  return icalTime(untilWall(until, shape, clock), shape.allDay && until.isDate);
}

/**
 * A rule whose instances are plain arithmetic: every `stepDays` days from DTSTART, or every day
 * whose weekday is in `weekdays` from DTSTART's day on (at DTSTART's time of day).
 */
export type SimpleRule = {
  count: number | null;
  /** The last wall time an instance may have (UNTIL on the series' clock), or `null`. */
  until: number | null;
} & (
  | { kind: 'every'; stepDays: number }
  /** Bit `d` set for weekday `d` (0 = Sunday). */
  | { kind: 'weekdays'; weekdays: number }
);

/** RFC 5545 §3.3.10 weekday codes, Sunday = 0 as in `Date#getUTCDay`. */
export const WEEKDAY_NUMBERS: Readonly<Record<string, number>> = {
  SU: 0,
  MO: 1,
  TU: 2,
  WE: 3,
  TH: 4,
  FR: 5,
  SA: 6,
};

/**
 * The arithmetic form of a rule ical.js would iterate, or `null` when it has another shape;
 * `until` is UNTIL as a wall time on the series' clock (see `untilWall`).
 * ical.js starts a WEEKLY rule on the first BYDAY of DTSTART's week and yields every listed day
 * from DTSTART on, and a DAILY rule without BY parts yields DTSTART and every INTERVAL days; the
 * forms below are exactly those (DAILY with BYDAY is left to ical.js: it yields an unmatched
 * DTSTART as an instance).
 */
export function simpleRule(
  recur: ICAL.Recur,
  startWall: number,
  until: number | null,
): SimpleRule | null {
  const freq = recur.freq;
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return null;
  const parts = recur.parts as Record<string, unknown[] | undefined>;
  let byday: unknown[] | undefined;
  for (const key of Object.keys(parts)) {
    const values = parts[key];
    if (!values?.length) continue;
    if (key !== 'BYDAY' || freq !== 'WEEKLY') return null;
    byday = values;
  }
  const interval = Math.max(1, recur.interval);
  const count = recur.count;
  if (!byday)
    return { count, until, kind: 'every', stepDays: freq === 'DAILY' ? interval : 7 * interval };
  let weekdays = 0;
  for (const day of byday) {
    const n = WEEKDAY_NUMBERS[day as string];
    if (n === undefined) return null;
    weekdays |= 1 << n;
  }
  if (weekdays === 1 << weekdayOf(startWall)) {
    return { count, until, kind: 'every', stepDays: 7 * interval };
  }
  return interval === 1 ? { count, until, kind: 'weekdays', weekdays } : null;
}

/** Calls `visit` with each instance of a simple rule in `[lo, hi)`, in order. */
export function iterateSimple(
  rule: SimpleRule,
  startWall: number,
  lo: number,
  hi: number,
  visit: (wall: number) => void,
): void {
  const { count, until } = rule;
  if (rule.kind === 'every') {
    const stepMs = rule.stepDays * DAY_MS;
    let i = startWall >= lo ? 0 : Math.ceil((lo - startWall) / stepMs);
    for (; ; i++) {
      const wall = startWall + i * stepMs;
      if (wall >= hi || (count !== null && i >= count) || (until !== null && wall > until)) return;
      visit(wall);
    }
  }
  const { weekdays } = rule;
  const perWeek = bitCount(weekdays);
  const startDay = Math.floor(startWall / DAY_MS) * DAY_MS;
  const timeOfDay = startWall - startDay;
  // Instances before the first day looked at, for COUNT: whole weeks, then the days left over.
  let day = Math.max(startDay, Math.floor((lo - timeOfDay) / DAY_MS) * DAY_MS);
  const weeks = Math.floor((day - startDay) / (7 * DAY_MS));
  let index = weeks * perWeek;
  for (let d = startDay + weeks * 7 * DAY_MS; d < day; d += DAY_MS) {
    if ((weekdays >> weekdayOf(d)) & 1) index++;
  }
  for (; ; day += DAY_MS) {
    const wall = day + timeOfDay;
    if (wall >= hi) return;
    if (!((weekdays >> weekdayOf(day)) & 1)) continue;
    if ((count !== null && index >= count) || (until !== null && wall > until)) return;
    index++;
    if (wall >= lo) visit(wall);
  }
}

/** Weekday (0 = Sunday) of a wall day: 1 January 1970 was a Thursday. */
function weekdayOf(day: number): number {
  return (((Math.floor(day / DAY_MS) + 4) % 7) + 7) % 7;
}

function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A rule whose BYMONTHDAY names no day that exists in any of its BYMONTH months
 * (`BYMONTH=2;BYMONTHDAY=30`) has no instances at all (RFC 5545 §3.3.10 ignores invalid
 * dates), while ical.js would search for one forever.
 */
function neverMatches(recur: ICAL.Recur): boolean {
  const months = recur.parts.BYMONTH;
  const days = recur.parts.BYMONTHDAY;
  if (!months?.length || !days?.length) return false;
  const longest = Math.max(...months.map((m) => MONTH_DAYS[m - 1] ?? 31));
  return days.every((d) => Math.abs(d) > longest);
}

function monthDayMatches(
  day: number,
  year: number,
  month: number,
  byMonthDay: readonly number[],
): boolean {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return byMonthDay.some((d) => (d > 0 ? d === day : last + 1 + d === day));
}

/**
 * Runs one RRULE, calling `visit` with each instance's wall time in `[lo, hi)`.
 * Throws `StepLimitError` when a limit is hit, or ical.js's error for a rule it cannot run.
 */
export function iterateRule(
  rule: ParsedRule,
  startWall: number,
  shape: SeriesClock,
  lo: number,
  hi: number,
  counter: StepCounter,
  clock: ZoneClock,
  visit: (wall: number) => void,
): void {
  if (neverMatches(rule.recur)) return;
  // Checked on the parsed rule itself: cloning an ICAL.Recur costs more than the arithmetic.
  const simple = simpleRule(
    rule.recur,
    startWall,
    rule.recur.until ? untilWall(rule.recur.until, shape, clock) : null,
  );
  if (simple) {
    iterateSimple(simple, startWall, lo, hi, (wall) => {
      step(counter);
      counter.sinceLastInstance = 0;
      counter.reached = true;
      visit(wall);
    });
    return;
  }
  const recur = rule.recur.clone();
  if (recur.until) recur.until = localUntil(recur.until, shape, clock);
  const jump = jumpStart(recur, startWall, shape, lo, counter);
  if (recur.count !== null) {
    // COUNT 0 would mean "no limit" to ical.js.
    if (recur.count - jump.skipped <= 0) return;
    recur.count -= jump.skipped;
  }
  const iterator = countSteps(recur.iterator(icalTime(jump.from, shape.allDay)), () =>
    step(counter),
  );
  // ical.js normalizes impossible days instead of skipping them (BYMONTH=2;BYMONTHDAY=30
  // yields 2 March): RFC 5545 §3.3.10 says such instances are ignored, so they are filtered.
  const byMonth = recur.parts.BYMONTH;
  const byMonthDay = recur.parts.BYMONTHDAY;
  for (;;) {
    const t = iterator.next();
    if (!t) return;
    counter.sinceLastInstance = 0;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= hi) return;
    if (wall < lo) continue;
    counter.reached = true;
    if (byMonth && !byMonth.includes(t.month)) continue;
    if (byMonthDay && !monthDayMatches(t.day, t.year, t.month, byMonthDay)) continue;
    visit(wall);
  }
}
