/**
 * Calendar arithmetic in an explicit IANA zone.
 *
 * Instants are epoch milliseconds; calendar days are `YYYY-MM-DD` strings and wall times are
 * minutes since midnight. Nothing here reads the clock or the process zone: the zone is always
 * a parameter, so the planner gives the same answer in the extension, the CLI and the server.
 *
 * date-fns does the day arithmetic, on `UTCDateMini`: a calendar day is its UTC midnight, so no
 * zone, the process's included, can shift it. The zone's offset and wall clock come from `Intl`,
 * not @date-fns/tz, which gets two things wrong that tests/core/time.test.ts pins: `TZDate`'s
 * constructor resolves a time in the autumn overlap differently depending on the process zone
 * (RFC 5545 §3.3.5 asks for the earlier), and `tzOffset` reads a negative offset under an hour,
 * such as Africa/Monrovia's -00:44:30 until 1972, as positive.
 */
import { UTCDateMini } from '@date-fns/utc/date/mini';
import {
  addDays as addCalendarDays,
  differenceInCalendarDays,
  getDay,
  startOfWeek as startOfCalendarWeek,
} from 'date-fns';

/** A calendar day, `YYYY-MM-DD`. */
export type DateString = string;

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Whether `timeZone` is an IANA zone this runtime knows.
 *
 * @example isValidTimeZone('Europe/London') // true
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields that `instant` shows in `timeZone`. */
export function zonedParts(instant: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const out: ZonedParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts) {
    if (p.type in out) out[p.type as keyof ZonedParts] = Number(p.value);
  }
  return out;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (east positive). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const floored = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((asUtc - floored) / MINUTE_MS);
}

/** Parses `YYYY-MM-DD` into its fields; throws with the value on anything else. */
export function parseDate(date: DateString): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  }
  return { year, month, day };
}

/** Whether `value` is a valid `YYYY-MM-DD` calendar date. */
export function isDateString(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats fields as `YYYY-MM-DD`. */
export function formatDate(year: number, month: number, day: number): DateString {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A calendar day as date-fns sees it: its midnight in UTC, where no zone can move it. */
function toDay(date: DateString): Date {
  const { year, month, day } = parseDate(date);
  return new UTCDateMini(year, month - 1, day);
}

function fromDay(day: Date): DateString {
  return formatDate(day.getFullYear(), day.getMonth() + 1, day.getDate());
}

/** The calendar day `instant` falls on in `timeZone`. */
export function dateInZone(instant: number, timeZone: string): DateString {
  const p = zonedParts(instant, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/** Minutes since local midnight of `instant` in `timeZone` (wall clock, so 0–1439). */
export function minutesInZone(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

/** `date` plus `days` calendar days (negative allowed). */
export function addDays(date: DateString, days: number): DateString {
  return fromDay(addCalendarDays(toDay(date), days));
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateString, to: DateString): number {
  return differenceInCalendarDays(toDay(to), toDay(from));
}

/** Day of the week of a calendar day, 0 = Sunday. */
export function weekdayOf(date: DateString): Weekday {
  return getDay(toDay(date)) as Weekday;
}

/** First day of the week containing `date`, for weeks starting on `weekStartsOn`. */
export function startOfWeek(date: DateString, weekStartsOn: Weekday): DateString {
  return fromDay(startOfCalendarWeek(toDay(date), { weekStartsOn }));
}

/** Parses `HH:MM` (00:00–24:00) into minutes since midnight; throws with the value otherwise. */
export function parseClock(clock: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(clock);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (!m || h > 24 || min > 59 || (h === 24 && min !== 0)) {
    throw new RangeError(`Not an HH:MM time: ${JSON.stringify(clock)}`);
  }
  return h * 60 + min;
}

/** Formats minutes since midnight as `HH:MM`. */
export function formatClock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight of `date`.
 *
 * A wall time inside a spring-forward gap does not exist; it maps to the same distance after
 * the gap (02:30 on a 02:00→03:00 day becomes 03:30), as RFC 5545 §3.3.5 asks of calendar
 * readers. In the autumn overlap the earlier of the two instants is returned.
 */
export function zonedInstant(date: DateString, minutes: number, timeZone: string): number {
  // The planner asks for the same few wall times (window edges, day bounds) of the same days
  // thousands of times per plan, and each answer costs up to six zone lookups.
  const key = `${date}|${minutes}|${timeZone}`;
  const known = zonedInstants.get(key);
  if (known !== undefined) return known;
  const instant = computeZonedInstant(date, minutes, timeZone);
  if (zonedInstants.size >= ZONED_INSTANT_CACHE_SIZE) zonedInstants.clear();
  zonedInstants.set(key, instant);
  return instant;
}

/** Answers of {@link zonedInstant}: pure, so remembering them changes nothing but the time. */
const zonedInstants = new Map<string, number>();
const ZONED_INSTANT_CACHE_SIZE = 20_000;

function computeZonedInstant(date: DateString, minutes: number, timeZone: string): number {
  const { year, month, day } = parseDate(date);
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // Try the offsets in force a day either side; they bracket any transition on this date.
  const candidates = new Set([
    zoneOffsetMinutes(wall - DAY_MS, timeZone),
    zoneOffsetMinutes(wall, timeZone),
    zoneOffsetMinutes(wall + DAY_MS, timeZone),
  ]);
  const matches: number[] = [];
  for (const offset of candidates) {
    const instant = wall - offset * MINUTE_MS;
    if (zoneOffsetMinutes(instant, timeZone) === offset) matches.push(instant);
  }
  if (matches.length > 0) return Math.min(...matches);
  // In a gap: keep the wall-clock distance from midnight using the offset before the gap.
  const before = zoneOffsetMinutes(wall - DAY_MS, timeZone);
  return wall - before * MINUTE_MS;
}

/** Midnight at the start of `date` in `timeZone`. */
export function startOfDayInstant(date: DateString, timeZone: string): number {
  return zonedInstant(date, 0, timeZone);
}

/**
 * ISO 8601 with the zone's UTC offset, e.g. `2027-03-02T06:30:00+00:00` — the form SPEC §8
 * prints instants in.
 */
export function formatInstant(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const offset = zoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${formatDate(p.year, p.month, p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** Weekday keys as used in preferences, indexed by {@link Weekday}. */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** English weekday names, indexed by {@link Weekday}. */
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const MONTH_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** English short month names, indexed 0 = January. */
export const MONTH_NAMES_SHORT: readonly string[] = MONTH_SHORT;

/**
 * A calendar day as runners read it: `Tue 4 May` (with the year when asked).
 *
 * @example formatDayLabel('2027-05-04') // 'Tue 4 May'
 */
export function formatDayLabel(date: DateString, withYear = false): string {
  const { year, month, day } = parseDate(date);
  const base = `${WEEKDAY_NAMES[weekdayOf(date)].slice(0, 3)} ${day} ${MONTH_SHORT[month - 1]}`;
  return withYear ? `${base} ${year}` : base;
}

/** `06:30–07:30`: two instants as wall-clock times in `timeZone`. */
export function formatTimeRange(start: number, end: number, timeZone: string): string {
  return `${formatClock(minutesInZone(start, timeZone))}–${formatClock(minutesInZone(end, timeZone))}`;
}
