/**
 * Which weeks the runner trained, from the log (SPEC §6b): a skipped session does not advance
 * the block, and two weeks in a row with nothing done restart it. A week nobody logged is taken
 * as planned: the plan only learns from what it is told.
 */
import { startOfWeek } from '../time';
import type { DateString, Weekday } from '../time';
import type { LogEntry } from './schema';

/** What a logged week holds. */
export type WeekRecord = 'trained' | 'nothing-done';

/**
 * Every week with at least one log entry: `trained` when a session was done or partly done,
 * `nothing-done` when every logged session was skipped.
 */
export function loggedWeeks(
  entries: readonly LogEntry[],
  weekStartsOn: Weekday,
): Map<DateString, WeekRecord> {
  const weeks = new Map<DateString, WeekRecord>();
  for (const entry of entries) {
    const week = startOfWeek(entry.date, weekStartsOn);
    if (entry.status !== 'skipped') weeks.set(week, 'trained');
    else if (!weeks.has(week)) weeks.set(week, 'nothing-done');
  }
  return weeks;
}
