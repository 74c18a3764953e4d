/**
 * How far around the planned weeks the calendars are read: one rule for the CLI's `plan` and
 * the extension's sync, so both hand the planner the same events for the same weeks.
 */
import type { InstantRange } from './events';
import { addDays, startOfDayInstant } from './time';
import type { DateString } from './time';

/** Days read before the first planned week: last week's strength (H3) and a recent A race. */
export const LOOK_BACK_DAYS = 8;

/**
 * Days read after the last planned week: the next week's first day (its key run, H1) and the
 * races up to 8 weeks out that set the phase (SPEC §5), with the week in between to spare.
 */
export const LOOK_AHEAD_DAYS = 63;

/** Options of {@link readWindow}. */
export interface ReadWindowOptions {
  /** The first day of the first planned week. */
  firstWeek: DateString;
  /** How many consecutive weeks are planned (the extension shows two). */
  weeks: number;
  /** The runner's IANA zone: the window runs from midnight to midnight there. */
  timeZone: string;
}

/**
 * The instants to read the calendars over so that `weeks` weeks from `firstWeek` can be planned:
 * {@link LOOK_BACK_DAYS} before them to {@link LOOK_AHEAD_DAYS} after them.
 *
 * @example readWindow({ firstWeek: '2027-05-03', weeks: 2, timeZone: 'Europe/London' })
 * // from midnight on 25 Apr to midnight on 19 Jul 2027, London time
 */
export function readWindow({ firstWeek, weeks, timeZone }: ReadWindowOptions): InstantRange {
  const end = addDays(firstWeek, 7 * weeks);
  return {
    start: startOfDayInstant(addDays(firstWeek, -LOOK_BACK_DAYS), timeZone),
    end: startOfDayInstant(addDays(end, LOOK_AHEAD_DAYS), timeZone),
  };
}
