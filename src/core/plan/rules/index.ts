/**
 * The planning rules of SPEC §4, one module each, in one table: the planner, the plan checker
 * and the warnings about strength already in the calendar all ask these and nothing else.
 */
import type { DateString } from '../../time';
import { h1 } from './h1-day-before-key-run';
import { h2 } from './h2-after-runs';
import { h3 } from './h3-day-between-sessions';
import { h4 } from './h4-free-time';
import { h5 } from './h5-long-runs-and-races';
import { h6 } from './h6-weekly-maximum';
import { h7 } from './h7-full-rest';
import { h8 } from './h8-day-bounds';
import type { DayRule, Rule, RuleContext, SessionTime, TimeRule, Violation } from './types';

/** Every rule, by id. */
export const RULES = { H1: h1, H2: h2, H3: h3, H4: h4, H5: h5, H6: h6, H7: h7, H8: h8 } as const;

/**
 * Day rules in the order a day's reason is told: what the day is (full rest, a long run, a
 * race) before what is next to it (a key run tomorrow, another session).
 */
export const DAY_RULES: readonly DayRule[] = [h7, h5, h1, h3];
/** Time rules, in the order a slot's reason is told. */
export const TIME_RULES: readonly TimeRule[] = [h2, h4, h8];

/** The first day rule `date` breaks, if any. */
export function dayViolation(date: DateString, ctx: RuleContext): Violation | undefined {
  for (const rule of DAY_RULES) {
    const v = rule.check(date, ctx);
    if (v) return v;
  }
  return undefined;
}

/** The first time rule a session at this time breaks, if any. */
export function timeViolation(session: SessionTime, ctx: RuleContext): Violation | undefined {
  for (const rule of TIME_RULES) {
    const v = rule.check(session, ctx);
    if (v) return v;
  }
  return undefined;
}

/** Every rule in SPEC order, for tests and documentation. */
export const ALL_RULES: readonly Rule[] = Object.values(RULES);

export { startBounds, BACK_TO_BACK_MINUTES } from './h2-after-runs';
export type { StartBounds } from './h2-after-runs';
export { dayBounds } from './h8-day-bounds';
export { windowIntervals } from './h4-free-time';
export { freeIntervals, fitsFrom } from './free-time';
export type { Interval } from './free-time';
export {
  NO_STRENGTH_DAYS_AFTER_A_RACE,
  NO_STRENGTH_DAYS_BEFORE_A_RACE,
  protectedDaysAfter,
} from './h5-long-runs-and-races';
export { weeklyMaximum } from './h6-weekly-maximum';
export type * from './types';
export { RULE_IDS } from './types';
