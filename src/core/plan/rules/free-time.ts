/**
 * The time of a day a session may use under H4 (the runner's windows, a buffer away from
 * anything busy) and H8 (the day's earliest start and latest end), as sorted free intervals.
 * Not a rule: what H2 and the slot finder build on.
 */
import type { DateString } from '../../time';
import { busyIntervals, windowIntervals } from './h4-free-time';
import { dayBounds } from './h8-day-bounds';
import type { RuleContext } from './types';

/** `[start, end)` in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/** Removes `cuts` (sorted by start) from `intervals` (sorted, disjoint). */
export function subtract(intervals: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const interval of intervals) {
    let from = interval.start;
    for (const cut of cuts) {
      if (cut.end <= from) continue;
      if (cut.start >= interval.end) break;
      if (cut.start > from) out.push({ start: from, end: cut.start });
      from = Math.max(from, cut.end);
      if (from >= interval.end) break;
    }
    if (from < interval.end) out.push({ start: from, end: interval.end });
  }
  return out;
}

/** The day's free intervals: inside the windows and the day bounds, away from busy time. */
export function freeIntervals(date: DateString, ctx: RuleContext): Interval[] {
  const bounds = dayBounds(date, ctx.prefs);
  const windows = windowIntervals(date, ctx.prefs)
    .map((w) => ({ start: Math.max(w.start, bounds.start), end: Math.min(w.end, bounds.end) }))
    .filter((w) => w.end > w.start);
  if (windows.length === 0) return [];
  const first = windows[0]?.start ?? bounds.start;
  const last = windows[windows.length - 1]?.end ?? bounds.end;
  return subtract(windows, busyIntervals(first, last, ctx));
}

/** Whether a session of `minutes` fits in the free time starting no earlier than `from`. */
export function fitsFrom(free: readonly Interval[], from: number, minutes: number): boolean {
  const length = minutes * 60_000;
  return free.some((f) => Math.max(f.start, from) + length <= f.end);
}
