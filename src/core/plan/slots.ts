/**
 * Free time on one day (H2 and H4): inside the runner's windows, after every run of the day
 * (hours after a hard one), and a buffer away from anything busy.
 */
import type { Preferences } from '../prefs';
import {
  formatClock,
  HOUR_MS,
  MINUTE_MS,
  minutesInZone,
  weekdayOf,
  WEEKDAY_NAMES,
  zonedInstant,
} from '../time';
import type { DateString } from '../time';
import type { BusyFact, CalendarFacts, RunFact } from './calendar-facts';

/** A candidate time for a session. */
export interface Slot {
  start: number;
  end: number;
}

export interface DaySlots {
  slots: Slot[];
  /** Why there are none, in plain words (set when `slots` is empty). */
  blocker?: string;
}

/** Sessions start on the quarter hour when they can: easier to read and to keep. */
const STEP_MS = 15 * MINUTE_MS;

/** Earliest start H2 allows on a day with these runs, or undefined when the day has none. */
export function earliestAfterRuns(
  runs: readonly RunFact[],
  prefs: Pick<Preferences, 'minGapAfterHardRunHours'>,
): number | undefined {
  let earliest: number | undefined;
  for (const run of runs) {
    const after = run.hardWorkout ? run.end + prefs.minGapAfterHardRunHours * HOUR_MS : run.end;
    earliest = earliest === undefined ? after : Math.max(earliest, after);
  }
  return earliest;
}

function overlapsBusy(
  start: number,
  end: number,
  busy: readonly BusyFact[],
  bufferMs: number,
): BusyFact | undefined {
  // `busy` is sorted by start; anything starting after end + buffer can't clash.
  for (const b of busy) {
    if (b.start - bufferMs >= end) break;
    if (b.end + bufferMs > start && b.start - bufferMs < end) return b;
  }
  return undefined;
}

function busyNear(busy: readonly BusyFact[], from: number, to: number): BusyFact[] {
  return busy.filter((b) => b.end > from - 12 * HOUR_MS && b.start < to + 12 * HOUR_MS);
}

/**
 * Every legal start for a session of `minutes` on `date`, earliest first, on quarter hours
 * (or at the very start of a free stretch too short to wait for the next quarter hour).
 */
export function findDaySlots(
  date: DateString,
  minutes: number,
  facts: CalendarFacts,
  prefs: Preferences,
): DaySlots {
  const tz = prefs.timezone;
  const weekday = weekdayOf(date);
  const windows = prefs.availability[weekday] ?? [];
  if (windows.length === 0) {
    return { slots: [], blocker: `no free time set on ${WEEKDAY_NAMES[weekday]}s` };
  }
  const runs = facts.runsByDay.get(date) ?? [];
  const afterRuns = earliestAfterRuns(runs, prefs);
  const length = minutes * MINUTE_MS;
  const bufferMs = prefs.bufferMinutes * MINUTE_MS;
  const first = Math.min(...windows.map(([from]) => zonedInstant(date, from, tz)));
  const last = Math.max(...windows.map(([, to]) => zonedInstant(date, to, tz)));
  const busy = busyNear(facts.busy, first, last);

  const slots: Slot[] = [];
  let anyWindowAfterRuns = false;
  for (const [from, to] of windows) {
    const windowStart = zonedInstant(date, from, tz);
    const windowEnd = zonedInstant(date, to, tz);
    const lower = Math.max(windowStart, afterRuns ?? windowStart);
    if (lower + length > windowEnd) continue;
    anyWindowAfterRuns = true;
    const aligned = Math.ceil(lower / STEP_MS) * STEP_MS;
    let foundAligned = false;
    for (let start = aligned; start + length <= windowEnd; start += STEP_MS) {
      const clash = overlapsBusy(start, start + length, busy, bufferMs);
      if (clash) {
        // Jump past the clash rather than testing every quarter hour inside a long meeting.
        const resume = Math.ceil((clash.end + bufferMs) / STEP_MS) * STEP_MS - STEP_MS;
        if (resume > start) start = resume;
        continue;
      }
      slots.push({ start, end: start + length });
      foundAligned = true;
    }
    if (
      !foundAligned &&
      aligned !== lower &&
      !overlapsBusy(lower, lower + length, busy, bufferMs)
    ) {
      slots.push({ start: lower, end: lower + length });
    }
  }
  slots.sort((a, b) => a.start - b.start);
  if (slots.length > 0) return { slots };

  const lastRun = runs[runs.length - 1];
  if (!anyWindowAfterRuns && afterRuns !== undefined && lastRun) {
    const hard = runs.find((r) => r.hardWorkout);
    const until = formatClock(minutesInZone(afterRuns, tz));
    return {
      slots: [],
      blocker: hard
        ? `no free ${minutes} min after your ${hard.kind} (${prefs.minGapAfterHardRunHours} h recovery, so from ${until}) — and never lift before running the same day`
        : `no free ${minutes} min after your run ends at ${formatClock(minutesInZone(lastRun.end, tz))} — never lift before running the same day`,
    };
  }
  const titles = [
    ...new Set(
      busy
        .filter((b) => b.end > first - bufferMs && b.start < last + bufferMs)
        .map((b) => b.title || 'busy'),
    ),
  ];
  return {
    slots: [],
    blocker:
      titles.length > 0
        ? `your free time is taken (${titles.slice(0, 3).join(', ')}${titles.length > 3 ? ', …' : ''})`
        : `no free window of ${minutes} min`,
  };
}

/**
 * Whether an exact time (an accepted session, or one the runner moved) still obeys H2 and H4:
 * inside a window, after the day's runs, and a buffer away from anything busy.
 */
export function isSlotFree(
  date: DateString,
  slot: Slot,
  facts: CalendarFacts,
  prefs: Preferences,
): boolean {
  const tz = prefs.timezone;
  const windows = prefs.availability[weekdayOf(date)] ?? [];
  const inWindow = windows.some(
    ([from, to]) =>
      zonedInstant(date, from, tz) <= slot.start && slot.end <= zonedInstant(date, to, tz),
  );
  if (!inWindow) return false;
  const afterRuns = earliestAfterRuns(facts.runsByDay.get(date) ?? [], prefs);
  if (afterRuns !== undefined && slot.start < afterRuns) return false;
  const busy = busyNear(facts.busy, slot.start, slot.end);
  return !overlapsBusy(slot.start, slot.end, busy, prefs.bufferMinutes * MINUTE_MS);
}
