/**
 * DATE, DATE-TIME, DURATION and PERIOD values (RFC 5545 §3.3.4–§3.3.9), parsed here rather than
 * by ical.js because ical.js silently normalizes nonsense (`20271345T000000` becomes
 * 2028-02-14, `DTSTART;VALUE=DATE:20090117T200000` loses its time) where the runner needs to be
 * told "this event was skipped because its DTSTART is not a date".
 *
 * Times are "wall" numbers: the wall-clock fields encoded as if they were UTC epoch ms
 * (`Date.UTC(y, m - 1, d, h, min, s)`), which makes calendar arithmetic plain addition. Which
 * zone a wall time is in is tracked next to it.
 */
import { DAY_MS, formatDate, type DateString, type ZonedParts } from '../../core/time';

/** A DATE: a calendar day with no zone (§3.3.4). `wall` is its midnight. */
export interface DateValue {
  kind: 'date';
  wall: number;
}

/** A DATE-TIME (§3.3.5): UTC when `utc`, otherwise local to its TZID (or floating). */
export interface DateTimeValue {
  kind: 'date-time';
  wall: number;
  utc: boolean;
}

export type TimeValue = DateValue | DateTimeValue;

/** A DURATION (§3.3.6): days are nominal (a day is a calendar day across DST), the rest exact. */
export interface DurationValue {
  days: number;
  ms: number;
}

/** Wall-clock fields of a wall number: the same fields core reads off an instant in a zone. */
export type WallFields = ZonedParts;

/** Encodes wall-clock fields as a wall number. */
export function toWall(f: WallFields): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
}

/** Decodes a wall number into its fields. */
export function wallFields(wall: number): WallFields {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The calendar day of a wall number. */
export function wallDate(wall: number): DateString {
  const d = new Date(wall);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Midnight of the wall number's day. */
export function wallDay(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

// Years below 1000 are refused: `Date.UTC` maps years 0–99 to 1900–1999, and no such date
// belongs in a training calendar; 9999 is the last year RFC 5545's 4-digit form can hold.
const MIN_YEAR = 1000;

// Anchored, no nested quantifiers: cannot backtrack. Dashes and colons are tolerated
// (`2027-01-04T07:30:00`, seen in hand-made feeds) as is a missing seconds field.
const DATE_TIME_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[Tt](\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d{1,9})?([Zz])?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Parses a DATE or DATE-TIME by its shape, whatever `VALUE=` says: `DTSTART:20021225` is a
 * date (Google's Australian holidays feed), and `DTSTART;VALUE=DATE:20090117T200000` keeps its
 * 20:00 (ical.net's EmptyLines4 venue feed, where the time is the concert's). Returns `null`
 * for anything that is not a real calendar date/time.
 */
export function parseTimeValue(text: string): TimeValue | null {
  if (text.length > 40) return null;
  const m = DATE_TIME_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  if (m[4] === undefined) return { kind: 'date', wall: Date.UTC(year, month - 1, day) };
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // A leap second (60) is legal in §3.3.12; it is read as :59.
  const second = Math.min(Number(m[6] ?? 0), 59);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return {
    kind: 'date-time',
    wall: Date.UTC(year, month - 1, day, hour, minute, second),
    utc: m[7] !== undefined,
  };
}

const DURATION_RE =
  /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,10})S)?)?$/i;

/** Parses a DURATION (`P1W`, `PT1H30M`, `-P1D`); `null` when malformed or empty (`P`, `PT`). */
export function parseDuration(text: string): DurationValue | null {
  const trimmed = text.trim();
  if (trimmed.length > 48) return null;
  const m = DURATION_RE.exec(trimmed);
  if (!m || /^[+-]?PT?$/i.test(trimmed)) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const days = Number(m[2] ?? 0) * 7 + Number(m[3] ?? 0);
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return { days: sign * days, ms: sign * seconds * 1000 };
}

/** A PERIOD (§3.3.9): an explicit start, and an end or a duration. */
export interface PeriodValue {
  start: TimeValue;
  end: TimeValue | DurationValue;
}

/** Parses `start/end` or `start/duration`; `null` when either half is malformed. */
export function parsePeriod(text: string): PeriodValue | null {
  const slash = text.indexOf('/');
  if (slash === -1) return null;
  const start = parseTimeValue(text.slice(0, slash));
  const tail = text.slice(slash + 1).trim();
  const end = /^[+-]?P/i.test(tail) ? parseDuration(tail) : parseTimeValue(tail);
  return start && end ? { start, end } : null;
}

/** `"…"`-quoted, shortened value for skip reasons, so a 5 MB value cannot flood the output. */
export function quoteValue(text: string, max = 60): string {
  const t = text.trim();
  return JSON.stringify(t.length > max ? `${t.slice(0, max)}…` : t);
}
