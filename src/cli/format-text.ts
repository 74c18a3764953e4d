/** Plain-text rendering shared by `events` and `plan --format text`. */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { formatDayLabel, formatTimeRange as formatInstants } from '../core/time';

/** `Tue 2 Mar` (with the year when asked). */
export const formatDay = formatDayLabel;

/** `06:30–07:30` in the runner's zone, or `all day`. */
export function formatEventTime(
  event: { start: number; end: number; allDay: boolean },
  tz: string,
): string {
  if (event.allDay) return 'all day';
  return formatInstants(event.start, event.end, tz);
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
