/**
 * The planner's reasons in plain words (SPEC §4): true, and saying their assumptions — an
 * all-day run says the start it assumed, "stays easy" is said of the next day only, and the
 * phase line matches the session it sits on.
 */
import type { StrengthSession } from '../exercises';
import { PHASE_NAMES } from '../phases';
import type { Phase } from '../phases';
import { clockText, dayText } from '../text-style';
import { addDays, daysBetween, MINUTE_MS, minutesInZone } from '../time';
import type { DateString } from '../time';
import type { RunFact } from './calendar-facts';
import type { Candidate, WeekContext } from './context';
import { dayIntensity, dayName, hardWorkoutOn, keyRunOn, kindWords } from './day-facts';
import { dayViolation } from './rules';
import { lastFinish } from './slots';
import type { Slot } from './slots';

/** "9 h", "3 h 30 min", "45 min". */
export function hoursText(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The phase line of a session, in the terms of the session itself. */
export function phaseReason(
  phase: Phase,
  content: Pick<StrengthSession, 'focus' | 'load'>,
): string {
  return `${PHASE_NAMES[phase]} phase: ${content.focus}, ${content.load} load`;
}

/** What the runner should know about how the rules read a run's times. */
function assumption(run: RunFact, ctx: WeekContext): string {
  if (!run.assumedStart) return '';
  const tz = ctx.rules.prefs.timezone;
  return ` (assuming your run at ${clockText(minutesInZone(run.start, tz), ctx.rules.text)})`;
}

/** Why this day and this time, first line: what the day holds. */
function dayLine(date: DateString, slot: Slot, ctx: WeekContext): string {
  const { facts, prefs, text } = ctx.rules;
  const day = dayName(date);
  const runs = facts.runsByDay.get(date) ?? [];
  const hard = hardWorkoutOn(facts, date);
  const lastRun = runs[runs.length - 1];
  if (hard && slot.backToBack) {
    const full = hard.end + prefs.minGapAfterHardRunHours * 60 * MINUTE_MS;
    return `${day}: run first, lift right after — ${hoursText(slot.start - hard.end)} after your ${kindWords(hard)} ends${assumption(hard, ctx)}, since ${prefs.minGapAfterHardRunHours} h later (${clockText(minutesInZone(full, prefs.timezone), text)}) would not be done by ${clockText(minutesInZone(lastFinish(date, prefs), prefs.timezone), text)}`;
  }
  if (hard) {
    const policy =
      ctx.policy === 'hard-days-hard' ? ' — hard days hard, so the easy days stay easy' : '';
    return `${day}: same day as your ${kindWords(hard)}, ${hoursText(slot.start - hard.end)} after it ends${assumption(hard, ctx)}${policy}`;
  }
  if (lastRun) {
    return `${day}: after your ${kindWords(lastRun)}, ${hoursText(slot.start - lastRun.end)} after it ends${assumption(lastRun, ctx)}`;
  }
  if (facts.restDays.has(date)) return `${day}: a rest day from running`;
  return `${day}: no run that day`;
}

/**
 * Why this slot, in plain words ("Tuesday: same day as your intervals, 9 h after it ends…").
 * `otherSessionDays` are the week's other sessions, for the spacing line.
 */
export function explainSlot(
  date: DateString,
  slot: Slot,
  ctx: WeekContext,
  otherSessionDays: readonly DateString[],
): string[] {
  const { facts, prefs, text } = ctx.rules;
  const reasons = [dayLine(date, slot, ctx)];
  const next = addDays(date, 1);
  const nextLevel = dayIntensity(facts, next);
  if (nextLevel === 'none' || nextLevel === 'easy') {
    const keyAfter = keyRunOn(facts, addDays(date, 2));
    const easy = nextLevel === 'none' ? '' : ' (easy run only)';
    reasons.push(
      keyAfter
        ? `${dayName(next)} stays easy${easy} before ${dayName(keyAfter.date)}'s ${kindWords(keyAfter)}`
        : `${dayName(next)} stays easy${easy}`,
    );
  }
  const nearest = otherSessionDays
    .map((d) => daysBetween(date, d))
    .filter((d) => d !== 0)
    .sort((a, b) => Math.abs(a) - Math.abs(b))[0];
  if (nearest !== undefined && Math.abs(nearest) <= 6) {
    reasons.push(
      `${Math.abs(nearest)} days from your other strength session (${dayName(addDays(date, nearest))})`,
    );
  }
  const clock = (t: number) => clockText(minutesInZone(t, prefs.timezone), text);
  reasons.push(`${clock(slot.start)}–${clock(slot.end)} is free in your calendar`);
  return reasons;
}

/** Why the week could not hold another session: each day and what keeps it empty. */
export function explainMissing(
  ctx: WeekContext,
  candidates: ReadonlyMap<DateString, Candidate>,
  blockers: ReadonlyMap<DateString, string>,
): string {
  if (ctx.noAvailability) {
    return 'your preferences have no free time on any day — add availability windows to get sessions';
  }
  const parts: string[] = [];
  const weekEnd = addDays(ctx.weekStart, 7);
  for (let d = ctx.weekStart; d < weekEnd; d = addDays(d, 1)) {
    const why = blockers.get(d) ?? dayViolation(d, ctx.rules)?.reason;
    const day = dayName(d).slice(0, 3);
    if (why) parts.push(`${day} — ${why}`);
    else if (candidates.has(d)) parts.push(`${day} — next to another session`);
  }
  return parts.join('; ');
}

/** A date as the runner reads it, for reasons that span weeks. */
export { dayText };
