/**
 * How times and dates read in the words Ironstride writes (reasons, warnings, descriptions):
 * the runner's locale decides the clock (12- or 24-hour) and the date order (SPEC §1). The text
 * itself is English; only these two habits follow the locale.
 */
import { formatClock, minutesInZone, parseDate, weekdayOf, WEEKDAY_NAMES } from './time';
import type { DateString } from './time';

export interface TextStyle {
  /** `7:30 PM` rather than `19:30`. */
  hour12: boolean;
  /** `Tuesday, May 4` rather than `Tuesday 4 May`. */
  monthFirst: boolean;
}

/** 24-hour clock, day before month: what the planner writes when nobody says otherwise. */
export const DEFAULT_TEXT_STYLE: TextStyle = { hour12: false, monthFirst: false };

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The style a BCP 47 locale uses, read from `Intl` (pure: the locale is a parameter).
 *
 * @example textStyleFor('en-US') // { hour12: true, monthFirst: true }
 * @example textStyleFor('en-GB') // { hour12: false, monthFirst: false }
 */
export function textStyleFor(locale: string | undefined): TextStyle {
  try {
    const options = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions();
    const hour12 = options.hourCycle === 'h12' || options.hourCycle === 'h11';
    const parts = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(Date.UTC(2027, 4, 4, 12)))
      .map((p) => p.type);
    const monthFirst = parts.indexOf('month') < parts.indexOf('day');
    return { hour12, monthFirst };
  } catch {
    return DEFAULT_TEXT_STYLE;
  }
}

/** Minutes since midnight as the runner reads a clock: `19:30` or `7:30 PM`. */
export function clockText(minutes: number, style: TextStyle = DEFAULT_TEXT_STYLE): string {
  if (!style.hour12) return formatClock(minutes);
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const suffix = h < 12 ? 'AM' : 'PM';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}:${String(m).padStart(2, '0')} ${suffix}`;
}

/** A date with its weekday, as the runner reads it: `Tuesday 4 May` or `Tuesday, May 4`. */
export function dayText(date: DateString, style: TextStyle = DEFAULT_TEXT_STYLE): string {
  const { month, day } = parseDate(date);
  const weekday = WEEKDAY_NAMES[weekdayOf(date)];
  const monthName = MONTHS[month - 1] ?? '';
  return style.monthFirst ? `${weekday}, ${monthName} ${day}` : `${weekday} ${day} ${monthName}`;
}

const MONTHS_SHORT = MONTHS.map((m) => m.slice(0, 3));

/** A short day label: `Tue 4 May` or `Tue May 4` (with the year when asked). */
export function shortDayText(
  date: DateString,
  style: TextStyle = DEFAULT_TEXT_STYLE,
  withYear = false,
): string {
  const { year, month, day } = parseDate(date);
  const weekday = WEEKDAY_NAMES[weekdayOf(date)].slice(0, 3);
  const monthName = MONTHS_SHORT[month - 1] ?? '';
  const base = style.monthFirst
    ? `${weekday} ${monthName} ${day}`
    : `${weekday} ${day} ${monthName}`;
  if (!withYear) return base;
  return style.monthFirst ? `${base}, ${year}` : `${base} ${year}`;
}

/** Two instants as wall-clock times in a zone: `06:30–07:30` or `6:30 AM–7:30 AM`. */
export function timeRangeText(
  start: number,
  end: number,
  timeZone: string,
  style: TextStyle = DEFAULT_TEXT_STYLE,
): string {
  return `${clockText(minutesInZone(start, timeZone), style)}–${clockText(minutesInZone(end, timeZone), style)}`;
}
