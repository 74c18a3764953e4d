import type { ClassifiedEvent } from '../classify-calendar';
import type { StrengthSession } from '../exercises';
import type { TrainingLog } from '../log';
import type { Load, Phase, RaceDay } from '../phases';
import type { Preferences } from '../prefs';
import type { TextStyle } from '../text-style';
import type { DateString } from '../time';

/** A session the runner accepted earlier; a re-plan keeps it where it is while it stays legal. */
export interface AcceptedSession {
  id: string;
  start: number;
  end: number;
}

/** Input of {@link planWeeks}. */
export interface PlanWeeksOptions {
  /**
   * Every classified occurrence read from the runner's calendars. Read at least from 8 days
   * before `firstWeek` (last week's strength, a recent race) to 8 weeks after the last planned
   * week (the next day's key run, races that set the phase).
   */
  events: readonly ClassifiedEvent[];
  prefs: Preferences;
  /** Any day inside the first week; the week starts on `prefs.weekStartsOn`. */
  firstWeek: DateString;
  /** How many consecutive weeks to plan (default 1). */
  weeks?: number;
  /** Sessions accepted before, kept in place when still legal (fewest moves on a re-plan). */
  accepted?: readonly AcceptedSession[];
  /**
   * Nothing is placed before this instant (the caller's "now"): a plan made on Saturday only
   * fills the weekend. Accepted sessions that already started are kept as they are.
   */
  notBefore?: number;
  /**
   * Ids new sessions must not take: sessions the runner deleted from their calendar, so a new
   * suggestion is never mistaken for the deleted one (and never silently skipped).
   */
  reservedIds?: readonly string[];
  /** How times and dates read in reasons and warnings (the runner's locale). */
  text?: TextStyle;
  /**
   * The training log (SPEC §6b), validated (`parseTrainingLog`, or the extension's stored log):
   * targets, held and restarted blocks, a new lifter's weeks. Weeks it says nothing about are
   * taken as planned.
   */
  log?: Pick<TrainingLog, 'entries'>;
}

/** Another legal time for a session, so the runner can move it. */
export interface SlotAlternative {
  start: number;
  end: number;
  reasons: string[];
}

/** One suggested strength session. */
export interface PlannedSession {
  /** Stable across re-plans of the same week: `s<yyyymmdd of the week>-<n>`. */
  id: string;
  weekStart: DateString;
  /** The calendar day in the runner's zone. */
  date: DateString;
  start: number;
  end: number;
  title: string;
  phase: Phase;
  load: Load;
  /** Why this slot, in plain words. */
  reasons: string[];
  content: StrengthSession;
  /** The calendar event description: exercises, why this slot, and Ironstride's marker. */
  description: string;
  /** Up to two other legal slots. */
  alternatives: SlotAlternative[];
  /** On a re-plan: `kept` where it was, `moved` from an accepted slot that broke a rule, or `new`. */
  status: 'new' | 'kept' | 'moved';
  /** Starts right after the day's hard run, because no slot with the full gap fits (H2). */
  backToBack?: boolean;
}

/** What a week of the plan is. */
export interface PlanWeek {
  start: DateString;
  phase: Phase;
  /** Sessions to aim for, the runner's strength already in the calendar included. */
  target: number;
  /** Never more than this (H6). */
  max: number;
  /** Strength sessions the runner already has in the calendar this week. */
  existing: number;
  /** The A race the phase counts towards, if any. */
  race?: RaceDay;
}

/** A session the plan could not place, and why. */
export interface Unplaced {
  week: DateString;
  reason: string;
}

export type WarningCode =
  | 'strength-before-key-run'
  | 'strength-before-run'
  | 'strength-soon-after-hard-run'
  | 'strength-back-to-back'
  | 'strength-on-long-run-day'
  | 'strength-near-a-race'
  | 'strength-on-full-rest-day'
  | 'strength-outside-free-time'
  | 'too-many-sessions';

/** Strength already in the calendar that breaks a rule. */
export interface PlanWarning {
  code: WarningCode;
  message: string;
  /** The calendar event concerned. */
  eventId?: string;
  /** The day of that event, in the runner's zone. */
  date?: DateString;
}

/** What {@link planWeeks} returns: expected outcomes are data, not exceptions. */
export interface PlanResult {
  timezone: string;
  weeks: PlanWeek[];
  /** Runs inside the planned weeks. */
  runs: ClassifiedEvent[];
  /** Every race the plan knows of: found in the calendar (as confirmed) and the runner's own. */
  races: RaceDay[];
  sessions: PlannedSession[];
  unplaced: Unplaced[];
  warnings: PlanWarning[];
}
