/**
 * A VTIMEZONE's observances (RFC 5545 §3.6.5), parsed: offsets, DTSTART, RDATEs and the yearly
 * rule of each STANDARD and DAYLIGHT block. `custom-zone.ts` turns them into offsets.
 *
 * Only what offsets depend on is read, each line on its own, so a stray parameter or property
 * cannot make the zone unusable. Nearly every real rule has one shape - the nth (or last)
 * weekday of one month, at one time of day - which is computed arithmetically; any other
 * yearly rule is left to ical.js's RRULE engine.
 */
import ICAL from 'ical.js';
import { DAY_MS, type ZonedParts } from '../../core/time';
import { WEEKDAY_NUMBERS } from './rule-iteration';
import { parseContentLine } from './content-lines';

const MAX_OBSERVANCES = 500;
const MAX_RDATES = 2000;
// Real offsets stay within -12:00…+14:00; a VTIMEZONE outside ±18 h is garbage.
const MAX_OFFSET_SECONDS = 18 * 3600;

const TZ_OFFSET_RE = /^([+-])(\d{2})(\d{2})(\d{2})?$/;
const LOCAL_TIME_RE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i;

/** Wall-clock fields of an observance's DTSTART. */
export type Fields = ZonedParts;

/** One offset change: its instant, the offsets (seconds) around it, and its kind. */
export interface Change {
  utc: number;
  from: number;
  to: number;
  daylight: boolean;
  /** Calendar year of its local time, which decides which years' tables it belongs to. */
  year: number;
}

export interface Observance {
  daylight: boolean;
  from: number;
  to: number;
  start: Fields;
  rule: ICAL.Recur | null;
  /** The rule's arithmetic form, when it has the usual shape (see {@link yearlyForm}). */
  yearly: YearlyForm | null;
  /** DTSTART and RDATE onsets, already instants. */
  explicit: Change[];
}

/** Epoch-ms encoding of wall-clock fields, valid for years below 100 too (`Date.UTC` is not). */
export function wallOf(f: Fields): number {
  const d = new Date(0);
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, 0);
  return d.getTime();
}

/** The calendar year of a wall time. */
export function yearOfWall(wall: number): number {
  return new Date(wall).getUTCFullYear();
}

function parseOffset(value: string): number | null {
  const m = TZ_OFFSET_RE.exec(value);
  if (!m) return null;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  if (seconds > MAX_OFFSET_SECONDS) return null;
  // ical.js drops the seconds of an offset; so does this, to read zones the same.
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return (m[1] === '-' ? -1 : 1) * minutes * 60;
}

function parseLocal(value: string): (Fields & { isDate: boolean; utc: boolean }) | null {
  const m = LOCAL_TIME_RE.exec(value);
  if (!m) return null;
  const f = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
  };
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60)
    return null;
  if (f.day > new Date(Date.UTC(2000, f.month, 0)).getUTCDate()) return null;
  return { ...f, isDate: m[4] === undefined, utc: m[7] !== undefined };
}

interface RawObservance {
  daylight: boolean;
  lines: string[];
}

/** The STANDARD/DAYLIGHT blocks directly inside a VTIMEZONE, with their own lines. */
function observanceBlocks(lines: readonly string[]): RawObservance[] | null {
  const blocks: RawObservance[] = [];
  let depth = 0;
  let current: RawObservance | null = null;
  for (const line of lines) {
    const head = line.slice(0, 6).toUpperCase();
    if (head === 'BEGIN:' || head.startsWith('END:')) {
      const name = line
        .slice(line.indexOf(':') + 1)
        .trim()
        .toUpperCase();
      if (head === 'BEGIN:') {
        depth++;
        if (depth === 2 && (name === 'STANDARD' || name === 'DAYLIGHT')) {
          current = { daylight: name === 'DAYLIGHT', lines: [] };
          blocks.push(current);
          if (blocks.length > MAX_OBSERVANCES) return null;
        }
      } else {
        if (depth === 2) current = null;
        depth--;
      }
      continue;
    }
    if (depth === 2 && current) current.lines.push(line);
  }
  return blocks;
}

/** One observance, `undefined` when it lacks what ical.js also requires, `null` when broken. */
function parseObservance(
  block: RawObservance,
  rdateCount: { n: number },
  recurs: Map<string, ICAL.Recur | null>,
): Observance | null | undefined {
  let start: ReturnType<typeof parseLocal> | undefined;
  let from: number | null | undefined;
  let to: number | null | undefined;
  let ruleText: string | undefined;
  const rdates: string[] = [];
  for (const line of block.lines) {
    const parsed = parseContentLine(line);
    if (!parsed || parsed.value === null) continue;
    const value = parsed.value.trim();
    switch (parsed.name) {
      case 'DTSTART':
        if (start === undefined) start = parseLocal(value);
        break;
      case 'TZOFFSETFROM':
        if (from === undefined) from = parseOffset(value);
        break;
      case 'TZOFFSETTO':
        if (to === undefined) to = parseOffset(value);
        break;
      case 'RRULE':
        ruleText ??= value;
        break;
      case 'RDATE':
        for (const part of value.split(',')) {
          // PERIOD values say nothing an onset needs, as before.
          if (part.includes('/') || part.trim() === '') continue;
          rdates.push(part.trim());
        }
        break;
      default:
        break;
    }
  }
  if (start === null || from === null || to === null) return null;
  if (start === undefined || from === undefined || to === undefined) return undefined;
  rdateCount.n += rdates.length;
  if (rdateCount.n > MAX_RDATES) return null;

  let rule: ICAL.Recur | null = null;
  if (ruleText !== undefined) {
    // ical.js expands observance rules with no limit of its own; only yearly rules are real.
    if (!/(^|;)FREQ=YEARLY(;|$)/i.test(ruleText)) return null;
    const text = ruleText.toUpperCase();
    let parsed = recurs.get(text);
    if (parsed === undefined) {
      try {
        parsed = ICAL.Recur.fromString(text);
      } catch {
        parsed = null;
      }
      recurs.set(text, parsed);
    }
    if (!parsed) return null;
    rule = parsed;
    if (rule.interval > 1000) return null;
  }
  const change = (f: Fields, utc: boolean): Change => ({
    utc: wallOf(f) - (utc ? 0 : from * 1000),
    from,
    to,
    daylight: block.daylight,
    year: f.year,
  });
  // RFC 5545 §3.6.5: DTSTART is the first onset; ical.js only counts it without RRULE and
  // RDATE, which makes no difference after the DTSTART's own year.
  const explicit: Change[] = [change(start, false)];
  for (const text of rdates) {
    const value = parseLocal(text);
    if (!value) return null;
    // A DATE onset happens at DTSTART's time of day.
    const at = value.isDate
      ? { ...value, hour: start.hour, minute: start.minute, second: start.second }
      : value;
    explicit.push(change(at, value.utc && !value.isDate));
  }
  const yearly = rule ? yearlyForm(rule, start, from) : null;
  return { daylight: block.daylight, from, to, start, rule, yearly, explicit };
}

/**
 * The observances of a VTIMEZONE's lines, or `null` when the zone is unusable: an offset beyond
 * ±18 h, a malformed DTSTART or RDATE, a rule that is not yearly, more than 500 observances or
 * 2,000 RDATEs. Observances without DTSTART, TZOFFSETFROM or TZOFFSETTO are left out, as ical.js
 * leaves them out. `recurs` caches parsed rules by text across zones (the same two rules recur in
 * every Outlook zone of a file); a cached `ICAL.Recur` is shared, so it is cloned before any change.
 */
export function parseObservances(
  lines: readonly string[],
  recurs: Map<string, ICAL.Recur | null> = new Map(),
): Observance[] | null {
  const blocks = observanceBlocks(lines);
  if (!blocks) return null;
  const observances: Observance[] = [];
  const rdateCount = { n: 0 };
  for (const block of blocks) {
    const observance = parseObservance(block, rdateCount, recurs);
    if (observance === null) return null;
    if (observance) observances.push(observance);
  }
  return observances;
}

/**
 * A yearly rule as arithmetic: in `month`, the `nth` `weekday` (negative: from the end), or the
 * first `weekday` on or after day `fromDay` (Apple's old `BYMONTHDAY=8,…,14;BYDAY=SU`), at a
 * fixed time of day; bounded by DTSTART and UNTIL as local wall times.
 */
export interface YearlyForm {
  month: number;
  weekday: number;
  nth: number | null;
  fromDay: number | null;
  /** Milliseconds after local midnight. */
  time: number;
  /** DTSTART as a wall time: no onset before it. */
  start: number;
  /** UNTIL as a wall time in the observance's local time, or `null`. */
  until: number | null;
}

const ORDINAL_DAY_RE = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/;

function single(values: readonly unknown[] | undefined): number | null | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values.length === 1 && typeof values[0] === 'number' ? values[0] : null;
}

/**
 * The arithmetic form of a yearly rule, or `null` when it has another shape (INTERVAL, COUNT,
 * several months or days, other BY parts). UNTIL, when given in UTC, is moved into local time
 * with the offset the observance changes from (`from`, seconds), as ical.js does.
 */
function yearlyForm(rule: ICAL.Recur, start: Fields, from: number): YearlyForm | null {
  if (rule.freq !== 'YEARLY' || rule.interval > 1 || rule.count !== null) return null;
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  for (const key of Object.keys(parts)) {
    if (parts[key]?.length && !ALLOWED_PARTS.has(key)) return null;
  }
  const month = single(parts.BYMONTH);
  const hour = single(parts.BYHOUR);
  const minute = single(parts.BYMINUTE);
  const second = single(parts.BYSECOND);
  if (typeof month !== 'number' || hour === null || minute === null || second === null) return null;
  const byday = parts.BYDAY;
  if (byday?.length !== 1 || typeof byday[0] !== 'string') return null;
  const m = ORDINAL_DAY_RE.exec(byday[0]);
  if (!m) return null;
  const weekday = WEEKDAY_NUMBERS[m[2] as string] as number;
  let nth: number | null = m[1] === undefined ? null : Number(m[1]);
  let fromDay: number | null = null;
  const monthDays = parts.BYMONTHDAY as number[] | undefined;
  if (nth === null) {
    // A plain weekday needs seven consecutive month days to pick exactly one.
    if (monthDays?.length !== 7) return null;
    const first = Math.min(...monthDays);
    if (first < 1 || first > 22 || monthDays.some((d) => d < first || d > first + 6)) return null;
    if (new Set(monthDays).size !== 7) return null;
    fromDay = first;
  } else if (monthDays?.length) {
    return null;
  }
  if (nth === 0) nth = null;
  const time =
    ((hour ?? start.hour) * 3600 + (minute ?? start.minute) * 60 + (second ?? start.second)) * 1000;
  let until: number | null = null;
  if (rule.until) {
    const u = rule.until;
    const utc = u.zone === ICAL.Timezone.utcTimezone;
    until =
      wallOf({
        year: u.year,
        month: u.month,
        day: u.day,
        hour: u.hour,
        minute: u.minute,
        second: u.second,
      }) + (utc ? from * 1000 : 0);
  }
  return { month, weekday, nth, fromDay, time, start: wallOf(start), until };
}

const ALLOWED_PARTS = new Set(['BYMONTH', 'BYDAY', 'BYMONTHDAY', 'BYHOUR', 'BYMINUTE', 'BYSECOND']);

/**
 * The form's onset in `year` as a local wall time, or `null` when it has none that year (a
 * fifth weekday the month lacks, before DTSTART or after UNTIL).
 */
export function yearlyOnset(form: YearlyForm, year: number): number | null {
  const firstOfMonth = wallOf({ year, month: form.month, day: 1, hour: 0, minute: 0, second: 0 });
  const days = daysInMonth(year, form.month);
  const firstWeekday = (((Math.floor(firstOfMonth / DAY_MS) + 4) % 7) + 7) % 7;
  const firstMatch = 1 + ((form.weekday - firstWeekday + 7) % 7);
  let day: number;
  if (form.fromDay !== null) {
    const fromWeekday = (firstWeekday + form.fromDay - 1) % 7;
    day = form.fromDay + ((form.weekday - fromWeekday + 7) % 7);
  } else if ((form.nth as number) > 0) {
    day = firstMatch + 7 * ((form.nth as number) - 1);
  } else {
    const lastMatch = firstMatch + 7 * Math.floor((days - firstMatch) / 7);
    day = lastMatch + 7 * ((form.nth as number) + 1);
  }
  if (day < 1 || day > days) return null;
  const wall = firstOfMonth + (day - 1) * DAY_MS + form.time;
  if (wall < form.start) return null;
  if (form.until !== null && wall > form.until) return null;
  return wall;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
