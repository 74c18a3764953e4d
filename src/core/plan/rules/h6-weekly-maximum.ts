/**
 * H6 — the weekly count never goes above the phase's maximum; strength already in the calendar
 * counts toward it, accessory work does not.
 */
import { PHASE_RULES, phaseForWeek } from '../../phases';
import { dayText } from '../../text-style';
import type { DateString } from '../../time';
import type { RuleContext, WeekRule } from './types';

/** The most counted strength sessions the week starting `weekStart` may hold. */
export function weeklyMaximum(weekStart: DateString, ctx: RuleContext): number {
  return PHASE_RULES[phaseForWeek(weekStart, ctx.races, ctx.prefs.phase).phase].max;
}

export const h6: WeekRule = {
  id: 'H6',
  scope: 'week',
  summary: "Weekly count never above the phase's maximum; existing strength counts toward it.",
  check(weekStart, count, ctx) {
    const phase = phaseForWeek(weekStart, ctx.races, ctx.prefs.phase).phase;
    const max = PHASE_RULES[phase].max;
    if (count <= max) return undefined;
    return {
      rule: 'H6',
      reason: `one of ${count} strength sessions in the week of ${dayText(weekStart, ctx.text)}; ${phase} allows at most ${max}`,
      warning: 'too-many-sessions',
      advice: 'drop one, or make it accessory work (core, mobility)',
    };
  },
};
