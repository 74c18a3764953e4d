/**
 * Which weeks the runner trained, from the log (SPEC §6b): a skipped session does not advance
 * the block, and two weeks in a row with nothing done restart it.
 *
 * A week nobody logged is taken as planned: the plan only learns from what it is told. A runner
 * who never logs keeps the calendar's blocks, and one who logs now and then is not sent back to
 * week 1 for the weeks they did not write down.
 */
import { addDays, daysBetween, startOfWeek } from '../time';
import type { DateString, Weekday } from '../time';
import type { LogEntry } from './schema';

/** What a logged week holds. */
export type WeekRecord = 'trained' | 'nothing-done';

/** Weeks in a row with nothing done that restart the block (SPEC §6b). */
export const WEEKS_OFF_TO_RESTART = 2;

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

/**
 * Rule: a skipped week does not advance the block. The weeks whose logged sessions were all
 * skipped, oldest first: the week after each repeats its place in the block.
 */
export function heldWeeks(weeks: ReadonlyMap<DateString, WeekRecord>): DateString[] {
  return [...weeks]
    .filter(([, record]) => record === 'nothing-done')
    .map(([week]) => week)
    .sort();
}

/**
 * Rule: two weeks in a row with nothing done restart the block. The week after each such pair,
 * oldest first (three empty weeks in a row give two restarts; the later one wins).
 */
export function restartWeeks(weeks: ReadonlyMap<DateString, WeekRecord>): DateString[] {
  const restarts: DateString[] = [];
  for (const week of heldWeeks(weeks)) {
    let empty = true;
    for (let back = 1; back < WEEKS_OFF_TO_RESTART && empty; back++) {
      empty = weeks.get(addDays(week, -7 * back)) === 'nothing-done';
    }
    if (empty) restarts.push(addDays(week, 7));
  }
  return restarts;
}

/**
 * Rule: a new lifter's weeks count from the first week they trained. The 0-based week of the
 * runner's lifting for `week`: the weeks since the first trained week, less the weeks with
 * nothing done (a skipped week teaches no movement). Unlogged weeks count as trained (taken as
 * planned). `undefined` when the log shows no trained week up to `week`: the plan counts on its
 * own then.
 *
 * @example liftingWeekFromLog('2027-03-15', new Map([['2027-03-01', 'trained']])) // 2
 */
export function liftingWeekFromLog(
  week: DateString,
  weeks: ReadonlyMap<DateString, WeekRecord>,
): number | undefined {
  const trained = [...weeks]
    .filter(([w, record]) => record === 'trained' && w <= week)
    .map(([w]) => w)
    .sort();
  const first = trained[0];
  if (first === undefined) return undefined;
  const off = heldWeeks(weeks).filter((w) => w > first && w < week).length;
  return Math.max(0, Math.round(daysBetween(first, week) / 7) - off);
}
