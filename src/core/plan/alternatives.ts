/**
 * Other legal times for a placed session, so the runner can move it: the best other days, then
 * another time the same day.
 */
import { clockText } from '../text-style';
import { MINUTE_MS, minutesInZone } from '../time';
import type { DateString } from '../time';
import { pickSlot } from './candidates';
import { compareScores, dayScore } from './choose-days';
import type { Candidate, WeekContext } from './context';
import { explainSlot } from './explain';
import { dayViolation } from './rules';
import type { Slot } from './slots';
import type { PlannedSession, SlotAlternative } from './types';

/** Up to two other legal slots for `session`; call once every week is placed. */
export function alternativesFor(
  session: Pick<PlannedSession, 'date' | 'start'>,
  chosenDays: readonly DateString[],
  candidates: ReadonlyMap<DateString, Candidate>,
  ctx: WeekContext,
): SlotAlternative[] {
  const others = new Map(ctx.rules.strengthDays);
  others.delete(session.date);
  const week: WeekContext = { ...ctx, rules: { ...ctx.rules, strengthDays: others } };
  const options: { candidate: Candidate; slot: Slot }[] = [];
  for (const candidate of candidates.values()) {
    if (candidate.date === session.date || chosenDays.includes(candidate.date)) continue;
    if (dayViolation(candidate.date, week.rules)) continue;
    options.push({ candidate, slot: pickSlot(candidate, week) });
  }
  options.sort(
    (a, b) =>
      compareScores(dayScore(a.candidate, week), dayScore(b.candidate, week)) ||
      a.candidate.offset - b.candidate.offset,
  );
  const picked: SlotAlternative[] = options.slice(0, 2).map(({ candidate, slot }) => ({
    start: slot.start,
    end: slot.end,
    reasons: explainSlot(
      candidate.date,
      slot,
      week,
      chosenDays.filter((d) => d !== session.date),
    ).slice(0, 2),
  }));
  // Then another time the same day, well apart from the chosen one (e.g. morning vs evening).
  const sameDay = candidates.get(session.date);
  if (picked.length < 2 && sameDay) {
    const later = sameDay.slots.find((s) => Math.abs(s.start - session.start) >= 90 * MINUTE_MS);
    if (later) {
      const at = clockText(minutesInZone(later.start, ctx.rules.prefs.timezone), ctx.rules.text);
      picked.push({ start: later.start, end: later.end, reasons: [`same day, ${at} instead`] });
    }
  }
  return picked;
}
