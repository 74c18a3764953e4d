/**
 * Step 2 of the planner: the days of a week that may hold a session (no day rule broken, and
 * a free slot), and the slot a chosen day gets.
 */
import { addDays, HOUR_MS, minutesInZone, startOfDayInstant } from '../time';
import type { DateString } from '../time';
import { dayIntensity, hardWorkoutOn, kindWords } from './day-facts';
import type { Candidate, WeekContext } from './context';
import { dayViolation } from './rules';
import { findDaySlots } from './slots';
import type { Slot } from './slots';

/** Hard days hard: lift this long after the workout when a window allows (SPEC §4). */
const PREFERRED_GAP_MIN_HOURS = 3;
const PREFERRED_GAP_MAX_HOURS = 8;

export interface FindCandidatesResult {
  candidates: Map<DateString, Candidate>;
  /** Why each other day cannot hold a session. */
  blockers: Map<DateString, string>;
}

/**
 * Every day of the week that may hold a session of `minutes`: not past `notBefore`, no day
 * rule broken (H1, H3, H5, H7), not kept for running by the easy-days policy, and with a slot
 * that obeys the time rules (H2, H4, H8).
 */
export function findCandidates(
  ctx: WeekContext,
  minutes: number,
  notBefore: number | undefined,
): FindCandidatesResult {
  const candidates = new Map<DateString, Candidate>();
  const blockers = new Map<DateString, string>();
  const { facts, prefs } = ctx.rules;
  const weekEnd = addDays(ctx.weekStart, 7);
  for (let d = ctx.weekStart, offset = 0; d < weekEnd; d = addDays(d, 1), offset++) {
    if (notBefore !== undefined && startOfDayInstant(addDays(d, 1), prefs.timezone) <= notBefore) {
      blockers.set(d, 'already past');
      continue;
    }
    const violation = dayViolation(d, ctx.rules);
    if (violation) {
      blockers.set(d, violation.reason);
      continue;
    }
    const hard = hardWorkoutOn(facts, d);
    if (hard && ctx.policy === 'easy-days') {
      blockers.set(d, `${kindWords(hard)} day, kept for running (easy-days policy)`);
      continue;
    }
    const found = findDaySlots(d, minutes, ctx.rules);
    const slots =
      notBefore === undefined ? found.slots : found.slots.filter((s) => s.start >= notBefore);
    if (slots.length === 0) {
      blockers.set(
        d,
        found.slots.length > 0 ? 'no free time left today' : (found.blocker ?? 'no free time'),
      );
      continue;
    }
    const level = dayIntensity(facts, d);
    const nextLevel = dayIntensity(facts, addDays(d, 1));
    candidates.set(d, {
      date: d,
      slots,
      ...(hard ? { hard } : {}),
      nextEasy: nextLevel === 'none' || nextLevel === 'easy',
      easyOrRest: level === 'none' || level === 'easy',
      offset,
    });
  }
  return { candidates, blockers };
}

/** The slot a day gets: hours after a hard workout, else the runner's usual time, else earliest. */
export function pickSlot(candidate: Candidate, ctx: WeekContext): Slot {
  // Candidates only exist for days with at least one slot.
  const [earliest, ...later] = candidate.slots as [Slot, ...Slot[]];
  const tz = ctx.rules.prefs.timezone;
  const closestToUsual = (first: Slot, rest: readonly Slot[]): Slot => {
    const usual = ctx.usualMinute;
    if (usual === undefined) return first;
    const distance = (s: Slot) => Math.abs(minutesInZone(s.start, tz) - usual);
    return rest.reduce((best, s) => (distance(s) < distance(best) ? s : best), first);
  };
  if (candidate.hard && ctx.policy === 'hard-days-hard') {
    const gap = Math.max(ctx.rules.prefs.minGapAfterHardRunHours, PREFERRED_GAP_MIN_HOURS);
    const from = candidate.hard.end + gap * HOUR_MS;
    const to = candidate.hard.end + PREFERRED_GAP_MAX_HOURS * HOUR_MS;
    const [first, ...rest] = candidate.slots.filter((s) => s.start >= from && s.start <= to);
    return first ? closestToUsual(first, rest) : earliest;
  }
  return closestToUsual(earliest, later);
}
