/**
 * Warnings about strength the runner already has in the calendar: Ironstride counts it, never
 * moves it, and says which rule it breaks, and when, so the runner can decide. The rules are the
 * planner's own (./rules); accessory work is never warned about.
 */
import { dayText } from '../text-style';
import { addDays, startOfWeek } from '../time';
import type { DateString } from '../time';
import type { StrengthFact } from './calendar-facts';
import { DAY_RULES, RULES, TIME_RULES } from './rules';
import type { RuleContext, Violation } from './rules';
import type { PlanWarning } from './types';

function label(s: StrengthFact, ctx: RuleContext): string {
  return `"${s.event.title || 'strength'}" on ${dayText(s.date, ctx.text)}`;
}

function warning(s: StrengthFact, v: Violation, ctx: RuleContext): PlanWarning {
  return {
    code: v.warning,
    eventId: s.event.id,
    date: s.date,
    message: `${label(s, ctx)} is ${v.reason}: ${v.advice}.`,
  };
}

/**
 * Warnings for the runner's own strength on the days `from` (inclusive) to `to` (exclusive).
 * `ctx.strengthDays` is ignored: each event is judged against the other strength events, and a
 * pair that is too close is reported once, on the later of the two.
 */
export function warnAboutExistingStrength(
  ctx: RuleContext,
  from: DateString,
  to: DateString,
): PlanWarning[] {
  const all = [...ctx.facts.strengthByDay.values()].flat().sort((a, b) => a.start - b.start);
  const warnings: PlanWarning[] = [];
  const weeks = new Map<DateString, StrengthFact[]>();
  for (const [i, s] of all.entries()) {
    if (s.date < from || s.date >= to) continue;
    const earlier = new Map<DateString, string>();
    for (const other of all.slice(0, i))
      earlier.set(other.date, `"${other.event.title || 'strength'}"`);
    const own: RuleContext = { ...ctx, strengthDays: earlier };
    for (const rule of DAY_RULES) {
      const v = rule.check(s.date, own);
      if (v) warnings.push(warning(s, v, own));
    }
    for (const rule of TIME_RULES) {
      if (!rule.warnsAboutExisting) continue;
      const v = rule.check(s, own);
      if (v) warnings.push(warning(s, v, own));
    }
    const week = startOfWeek(s.date, ctx.prefs.weekStartsOn);
    weeks.set(week, [...(weeks.get(week) ?? []), s]);
  }
  for (const [week, list] of weeks) {
    // Every counted session of the week, including those outside [from, to).
    let count = 0;
    for (let d = week; d < addDays(week, 7); d = addDays(d, 1)) {
      count += ctx.facts.strengthByDay.get(d)?.length ?? 0;
    }
    const v = RULES.H6.check(week, count, ctx);
    const last = list[list.length - 1];
    if (v && last) warnings.push(warning(last, v, ctx));
  }
  return warnings;
}
