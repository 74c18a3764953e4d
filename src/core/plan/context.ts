/**
 * What the planning steps share: the plan-wide rule context and, per week, its phase and
 * how the week's days are judged.
 */
import type { Phase } from '../phases';
import type { Preferences } from '../prefs';
import type { DateString } from '../time';
import type { RunFact } from './calendar-facts';
import type { RuleContext } from './rules';
import type { Slot } from './slots';

/** A day that may hold a session, with its legal slots and how good a day it is. */
export interface Candidate {
  date: DateString;
  slots: Slot[];
  /** The day's hard workout, when it has one. */
  hard?: RunFact;
  /** The next day has no run harder than easy. */
  nextEasy: boolean;
  /** Has only easy runs, or none. */
  easyOrRest: boolean;
  /** Days from the start of the week. */
  offset: number;
}

/** One week being planned. */
export interface WeekContext {
  weekStart: DateString;
  phase: Phase;
  /** The rules' view of the calendar; its `strengthDays` grows as sessions are placed. */
  rules: RuleContext & { strengthDays: Map<DateString, string> };
  policy: Preferences['policy'];
  /** The runner's usual strength time, minutes after midnight, if known. */
  usualMinute?: number;
  /** The runner set no availability at all. */
  noAvailability: boolean;
}

/** What a session placed by the planner is called in another day's reason (H3). */
export const PLACED_SESSION = 'another strength session';
