/** Plain-text rendering shared by `events` and `plan --format text`. */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { formatClock, minutesInZone, parseDate, weekdayOf, WEEKDAY_NAMES } from '../core/time';
import type { DateString } from '../core/time';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 2 Mar` (with the year when asked). */
export function formatDay(date: DateString, withYear = false): string {
  const { year, month, day } = parseDate(date);
  const base = `${WEEKDAY_NAMES[weekdayOf(date)].slice(0, 3)} ${day} ${MONTHS[month - 1]}`;
  return withYear ? `${base} ${year}` : base;
}

/** `06:30–07:30` in the runner's zone, or `all day`. */
export function formatTimeRange(event: { start: number; end: number; allDay: boolean }, tz: string): string {
  if (event.allDay) return 'all day';
  return `${formatClock(minutesInZone(event.start, tz))}–${formatClock(minutesInZone(event.end, tz))}`;
}

/** What the classifier made of an event, as a short tag: `HARD intervals (key)`, `busy`, `rest`. */
export function formatTag(event: ClassifiedEvent): string {
  const c = event.classification;
  switch (c.activity) {
    case 'run':
      return `${(c.intensity ?? 'easy').toUpperCase()} ${c.kind ?? 'run'}${c.key ? ' (key)' : ''}`;
    case 'rest':
      return 'REST';
    case 'strength':
      return 'strength';
    case 'cross':
      return 'cross-training';
    case 'other':
      return event.transparent || event.allDay ? 'free' : 'busy';
  }
}

/** Pads a column. */
export function column(text: string, width: number): string {
  return text.length >= width ? `${text} ` : text.padEnd(width);
}
