/**
 * What the popup shows, computed by the background and cached in storage so the popup renders
 * at once from the last plan. Plain data: every string is already formatted for the runner.
 */
import type { Intensity, RunKind } from '../core/classify/types';
import type { Load, Phase } from '../core/phases';
import type { DateString } from '../core/time';

export type SessionStatus = 'suggested' | 'accepted' | 'skipped';

export interface ExerciseView {
  name: string;
  /** "3 × 8–10 each side" or "2 × 30 s". */
  dose: string;
  /** "90 s". */
  rest: string;
  cue: string;
  /** "moderate: 2–3 reps in reserve", when the prescription says how hard. */
  load?: string;
}

export interface AlternativeView {
  /** Index into the session's alternatives, for `moveSession`. */
  index: number;
  /** "Thu 6 May, 17:30–18:10". */
  label: string;
}

export interface SessionItem {
  type: 'session';
  id: string;
  title: string;
  /** "17:30–18:10". */
  time: string;
  status: SessionStatus;
  load: Load;
  reasons: string[];
  warmup: string[];
  cooldown: string[];
  exercises: ExerciseView[];
  alternatives: AlternativeView[];
  /** A re-plan moved it from where it was accepted. */
  moved: boolean;
  /** Why it breaks a rule now that the calendar changed (accepted sessions only). */
  conflict?: string;
  /** Where it stands in Google Calendar ("In Google Calendar", "Failed: … (will retry)"). */
  google?: GoogleLine;
}

/** How a Google status line reads: fine, worth a look, failed, in progress, or just a note. */
export type GoogleTone = 'ok' | 'warn' | 'error' | 'busy' | 'muted';

export interface GoogleLine {
  text: string;
  tone: GoogleTone;
}

export interface RunItem {
  type: 'run';
  eventId: string;
  uid: string;
  title: string;
  /** "06:30–07:30" or "all day". */
  time: string;
  kind: RunKind;
  intensity: Intensity;
  key: boolean;
  /** The runner re-tagged it. */
  retagged: boolean;
}

export interface TrainingItem {
  type: 'strength' | 'cross' | 'rest';
  eventId: string;
  uid: string;
  title: string;
  time: string;
  retagged: boolean;
}

export interface BusyItem {
  type: 'busy';
  eventId: string;
  uid: string;
  title: string;
  time: string;
  retagged: boolean;
  /** Marked free (transparent) or all-day: shown, but it does not block time (H4). */
  free: boolean;
}

export type DayItem = SessionItem | RunItem | TrainingItem | BusyItem;

export interface DayView {
  date: DateString;
  /** "Tue 4 May". */
  label: string;
  today: boolean;
  items: DayItem[];
}

export interface WeekView {
  start: DateString;
  /** "This week" or "Next week". */
  label: string;
  /** "3–9 May". */
  range: string;
  phase: Phase;
  /** "Base: full-body compound lifts at moderate load". */
  phaseSummary: string;
  target: number;
  existing: number;
  /** "Plan week" has been pressed for this week. */
  planned: boolean;
  days: DayView[];
  unplaced: string[];
  warnings: string[];
}

export interface SourceStatusView {
  id: string;
  name: string;
  error?: string;
}

/** Google Calendar as the popup shows it. */
export interface GoogleView {
  /**
   * `unavailable`: this build cannot connect; `off`: not connected; `ready`; `reconnect`: Google
   * refused the token and the runner must sign in again (from Settings).
   */
  state: 'unavailable' | 'off' | 'ready' | 'reconnect';
  /** Where Add to calendar writes: "Strength · Ironstride" or the runner's calendar. */
  calendarName: string;
  /** Add to calendar has something to do: accepted sessions, or written ones to withdraw. */
  canWrite: boolean;
  /** A write is queued or running. */
  writing: boolean;
  /** "Writing 2 of 5…", "In Google Calendar: 2 added." — the last write, when there is one. */
  status?: GoogleLine;
}

/** The subscribable feed as the popup shows it (only when this browser has created one). */
export interface FeedView {
  /** A publish is running (changes waiting for the quiet period to end are not: Publish sends them now). */
  publishing: boolean;
  /** "Published 2 sessions · feed updated 10:42", "Publishing 2 sessions in a moment…", or why not. */
  status: GoogleLine;
}

export interface PopupView {
  generatedAt: number;
  timezone: string;
  /** `empty`: no calendar added yet. */
  status: 'empty' | 'ready';
  syncedAt?: number;
  /** Calendars that could not be read at the last sync. */
  sourceErrors: SourceStatusView[];
  weeks: WeekView[];
  /** Accepted sessions that a calendar change made illegal; `replan` moves them. */
  conflicts: { sessionId: string; message: string }[];
  /** Accepted sessions in all weeks (what Download .ics exports). */
  acceptedCount: number;
  /** Absent in views cached before Google Calendar came to the extension. */
  google?: GoogleView;
  /** Present when this browser has a subscribable feed (Options → Subscribable feed). */
  feed?: FeedView;
}
