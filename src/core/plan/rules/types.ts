/**
 * The shape every planning rule of SPEC §4 shares, so that the planner, the plan checker and
 * the warnings about strength already in the calendar ask the same rules the same way.
 */
import type { RaceDay } from '../../phases';
import type { Preferences } from '../../prefs';
import type { TextStyle } from '../../text-style';
import type { DateString } from '../../time';
import type { CalendarFacts } from '../calendar-facts';
import type { WarningCode } from '../types';

export const RULE_IDS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What every rule may read. */
export interface RuleContext {
  facts: CalendarFacts;
  /** Races from the calendar (as confirmed) and the runner's list. */
  races: readonly RaceDay[];
  prefs: Preferences;
  /**
   * Days holding counted strength other than the session judged, each with what is there in
   * words ("your "Gym class"", "another Ironstride session").
   */
  strengthDays: ReadonlyMap<DateString, string>;
  text: TextStyle;
}

/** A session's time: the calendar day in the runner's zone and its instants. */
export interface SessionTime {
  date: DateString;
  start: number;
  end: number;
}

/** A rule broken, and why, in words. */
export interface Violation {
  rule: RuleId;
  /**
   * Why, as words that follow "is": "the day before Thursday 6 May's tempo run". The planner
   * writes "Wed — …", the checker "Wednesday's session is now …", a warning ""Gym" on … is …".
   */
  reason: string;
  /** The warning code when strength already in the calendar breaks the rule. */
  warning: WarningCode;
  /** What the runner can do, for warnings: "move it, or keep it light". */
  advice: string;
}

interface RuleBase {
  id: RuleId;
  /** SPEC §4's rule in a line. */
  summary: string;
}

/** A rule about whole days: no session on `date` at all. */
export interface DayRule extends RuleBase {
  scope: 'day';
  check(date: DateString, ctx: RuleContext): Violation | undefined;
}

/** A rule about the time of day: where in its day a session may sit. */
export interface TimeRule extends RuleBase {
  scope: 'time';
  check(session: SessionTime, ctx: RuleContext): Violation | undefined;
  /**
   * Whether strength the runner put in the calendar is warned about under this rule: their own
   * free-time windows and day bounds are theirs to break.
   */
  warnsAboutExisting: boolean;
}

/** A rule about a whole week: how many sessions it holds. */
export interface WeekRule extends RuleBase {
  scope: 'week';
  /** `count`: counted strength in the week starting `weekStart`, sessions included. */
  check(weekStart: DateString, count: number, ctx: RuleContext): Violation | undefined;
}

export type Rule = DayRule | TimeRule | WeekRule;
