/**
 * Free time on one day, built from the rules: H4's windows and busy time, H8's day bounds and
 * H2's start after the day's runs (hours after a hard one, or right after it when back-to-back
 * is the only way).
 */
import { clockText } from '../text-style';
import { MINUTE_MS, minutesInZone, weekdayOf, WEEKDAY_NAMES } from '../time';
import type { DateString } from '../time';
import { kindWords } from './day-facts';
import { dayBounds, freeIntervals, startBounds, windowIntervals } from './rules';
import type { RuleContext, StartBounds } from './rules';

/** A candidate time for a session. */
export interface Slot {
  start: number;
  end: number;
  /** Starts right after a hard run because no slot with the full gap fits (H2's exception). */
  backToBack?: boolean;
}

export interface DaySlots {
  slots: Slot[];
  /** Why there are none, in plain words (set when `slots` is empty). */
  blocker?: string;
  /** H2's bounds on the day, when it has runs. */
  bounds?: StartBounds;
}

/** Sessions start on the quarter hour when they can: easier to read and to keep. */
const STEP_MS = 15 * MINUTE_MS;

/**
 * Every legal start for a session of `minutes` on `date`, earliest first, on quarter hours (or
 * at the very start of a free stretch too short to wait for the next quarter hour).
 */
export function findDaySlots(date: DateString, minutes: number, ctx: RuleContext): DaySlots {
  const { prefs } = ctx;
  const weekday = weekdayOf(date);
  if ((prefs.availability[weekday] ?? []).length === 0) {
    return { slots: [], blocker: `no free time set on ${WEEKDAY_NAMES[weekday]}s` };
  }
  const free = freeIntervals(date, ctx);
  const bounds = startBounds(date, minutes, ctx);
  const length = minutes * MINUTE_MS;
  const slots: Slot[] = [];
  for (const f of free) {
    const lower = Math.max(f.start, bounds?.from ?? f.start);
    const upper = Math.min(f.end - length, bounds?.until ?? Infinity);
    if (lower > upper) continue;
    const aligned = Math.ceil(lower / STEP_MS) * STEP_MS;
    let found = false;
    for (let start = aligned; start <= upper; start += STEP_MS) {
      slots.push({ start, end: start + length });
      found = true;
    }
    if (!found) slots.push({ start: lower, end: lower + length });
  }
  if (bounds?.backToBack) for (const s of slots) s.backToBack = true;
  if (slots.length > 0) return bounds ? { slots, bounds } : { slots };
  return { slots: [], blocker: whyNoSlot(date, minutes, ctx, bounds) };
}

/**
 * The latest a session may end on `date`: `latestEnd`, or the end of the day's last window when
 * that comes first, so a reason names the limit that really applied.
 */
export function lastFinish(
  date: DateString,
  prefs: Pick<RuleContext['prefs'], 'availability' | 'earliestStart' | 'latestEnd' | 'timezone'>,
): number {
  const windowEnds = windowIntervals(date, prefs).map((w) => w.end);
  const latestEnd = dayBounds(date, prefs).end;
  return windowEnds.length === 0 ? latestEnd : Math.min(latestEnd, Math.max(...windowEnds));
}

function whyNoSlot(
  date: DateString,
  minutes: number,
  ctx: RuleContext,
  bounds: StartBounds | undefined,
): string {
  const { prefs } = ctx;
  const tz = prefs.timezone;
  const clock = (t: number) => clockText(minutesInZone(t, tz), ctx.text);
  const windows = windowIntervals(date, prefs);
  const latest = clock(lastFinish(date, prefs));
  if (bounds) {
    const afterRuns = windows.some(
      (w) => w.end - Math.max(w.start, bounds.from) >= minutes * MINUTE_MS,
    );
    if (bounds.hard && !bounds.backToBack) {
      return `no free ${minutes} min after your ${kindWords(bounds.hard)} (${prefs.minGapAfterHardRunHours} h recovery, so from ${clock(bounds.from)}, and done by ${latest}) — and never lift before running the same day`;
    }
    if (bounds.backToBack) {
      return `no free ${minutes} min after your ${kindWords(bounds.backToBack)}: not ${prefs.minGapAfterHardRunHours} h later before ${latest}, nor right after it — and never lift before running the same day`;
    }
    if (!afterRuns) {
      return `no free ${minutes} min after your run ends at ${clock(bounds.from)} — never lift before running the same day`;
    }
  }
  const first = Math.min(...windows.map((w) => w.start));
  const last = Math.max(...windows.map((w) => w.end));
  const titles = [
    ...new Set(
      ctx.facts.busy.filter((b) => b.end > first && b.start < last).map((b) => b.title || 'busy'),
    ),
  ];
  return titles.length > 0
    ? `your free time is taken (${titles.slice(0, 3).join(', ')}${titles.length > 3 ? ', …' : ''})`
    : `no free window of ${minutes} min between ${clockText(prefs.earliestStart, ctx.text)} and ${latest}`;
}
