/**
 * What the popup shows, computed by the background and cached in storage so the popup renders
 * at once from the last plan. Plain data: every string is already formatted for the runner.
 *
 * Written as zod schemas because the view is a message result (protocol.ts): the popup checks
 * what arrives, and the types below are inferred from the schemas, so a producer that drifts
 * from them (a new phase, a new load) no longer compiles.
 */
import { z } from 'zod';
import { RUN_KINDS } from '../core/classify/types';
import { RACE_CHOICES } from '../core/classify-calendar';

const sessionStatus = z.enum(['suggested', 'accepted', 'skipped']);
export type SessionStatus = z.infer<typeof sessionStatus>;

const load = z.enum(['heavy', 'moderate', 'light']);
const phase = z.enum(['off-season', 'base', 'build', 'taper', 'race-week', 'recovery']);

const exerciseView = z.object({
  name: z.string(),
  /** "3 × 8–10 each side" or "2 × 30 s". */
  dose: z.string(),
  /** "90 s". */
  rest: z.string(),
  cue: z.string(),
  /** "moderate: 2–3 reps in reserve", when the prescription says how hard. */
  load: z.string().optional(),
  /** How to progress from session to session, in words. */
  progression: z.string().optional(),
  /** The training log's target weight, in the runner's unit ("22.5 kg"). */
  target: z.string().optional(),
  /** What the runner may do instead, within their equipment (SPEC §6): names of exercises. */
  alternatives: z
    .object({
      easier: z.string().optional(),
      harder: z.string().optional(),
      swaps: z.array(z.string()),
    })
    .optional(),
});
export type ExerciseView = z.infer<typeof exerciseView>;

const alternativeView = z.object({
  /** Index into the session's alternatives, for `moveSession`. */
  index: z.number(),
  /** "Thu 6 May, 17:30–18:10". */
  label: z.string(),
});
export type AlternativeView = z.infer<typeof alternativeView>;

/** How a Google status line reads: fine, worth a look, failed, in progress, or just a note. */
const googleTone = z.enum(['ok', 'warn', 'error', 'busy', 'muted']);
export type GoogleTone = z.infer<typeof googleTone>;

export const googleLineSchema = z.object({ text: z.string(), tone: googleTone });
export type GoogleLine = z.infer<typeof googleLineSchema>;

/** One set as the log form shows it: the weight in the runner's unit, as they would type it. */
const logSetView = z.object({ reps: z.number(), weight: z.number().optional() });

/** One exercise of the log form, pre-filled from what was logged or else from the prescription. */
const logExerciseView = z.object({
  name: z.string(),
  /** Reps are counted per side ("each side"). */
  perSide: z.boolean(),
  /** Loaded with a bar, dumbbells or a kettlebell: each set has a weight to type. */
  weighted: z.boolean(),
  sets: z.array(logSetView),
});
export type LogExerciseView = z.infer<typeof logExerciseView>;

/** What the runner logged for a session (SPEC §6b), in words and for the form. */
const loggedView = z.object({
  status: z.enum(['done', 'partly', 'skipped']),
  rpe: z.number().optional(),
  /** Sets were logged ("Add sets" opens with them). */
  withSets: z.boolean(),
  /** "Done · RPE 7 · Goblet squat 3 × 8 @ 20 kg". */
  summary: z.string(),
});

/**
 * A session whose end has passed, asking how it went (SPEC §6b): present only on accepted
 * sessions that ended, with what was logged, if anything, and whether it can still change.
 */
const sessionLogView = z.object({
  /** The session's day in the runner's zone: the log entry's `date`. */
  date: z.string(),
  /** What the runner sees and types weights in; the log stores kilograms. */
  unit: z.enum(['kg', 'lb']),
  /** Within 14 days of the session's end; after that the result is shown read-only. */
  editable: z.boolean(),
  /** "Mon 17 May": the last day it can be changed. */
  editableUntil: z.string(),
  logged: loggedView.optional(),
  exercises: z.array(logExerciseView),
  /** Timed holds are not logged set by set (the log counts reps): their names, to say so. */
  timed: z.array(z.string()),
});
export type SessionLogView = z.infer<typeof sessionLogView>;

const sessionItem = z.object({
  type: z.literal('session'),
  id: z.string(),
  title: z.string(),
  /** "17:30–18:10". */
  time: z.string(),
  status: sessionStatus,
  load,
  reasons: z.array(z.string()),
  warmup: z.array(z.string()),
  cooldown: z.array(z.string()),
  exercises: z.array(exerciseView),
  alternatives: z.array(alternativeView),
  /** A re-plan moved it from where it was accepted. */
  moved: z.boolean(),
  /** Why it breaks a rule now that the calendar changed (accepted sessions only). */
  conflict: z.string().optional(),
  /** Where it stands in Google Calendar ("In Google Calendar", "Failed: … (will retry)"). */
  google: googleLineSchema.optional(),
  /** Its exercises can still be swapped (it has not started, and was planned with alternatives). */
  canSwap: z.boolean().optional(),
  /** Once it has ended (accepted sessions only): how it went. */
  log: sessionLogView.optional(),
});
export type SessionItem = z.infer<typeof sessionItem>;

const eventBase = {
  eventId: z.string(),
  uid: z.string(),
  title: z.string(),
  /** "06:30–07:30" or "all day". */
  time: z.string(),
  /** The runner re-tagged it. */
  retagged: z.boolean(),
};

const runItem = z.object({
  type: z.literal('run'),
  ...eventBase,
  kind: z.enum(RUN_KINDS),
  intensity: z.enum(['easy', 'moderate', 'hard', 'rest']),
  key: z.boolean(),
});
export type RunItem = z.infer<typeof runItem>;

const trainingItem = z.object({ type: z.enum(['strength', 'cross', 'rest']), ...eventBase });
export type TrainingItem = z.infer<typeof trainingItem>;

const busyItem = z.object({
  type: z.literal('busy'),
  ...eventBase,
  /** Marked free (transparent) or all-day: shown, but it does not block time (H4). */
  free: z.boolean(),
});
export type BusyItem = z.infer<typeof busyItem>;

const dayItem = z.union([sessionItem, runItem, trainingItem, busyItem]);
export type DayItem = z.infer<typeof dayItem>;

const dayView = z.object({
  date: z.string(),
  /** "Tue 4 May". */
  label: z.string(),
  today: z.boolean(),
  items: z.array(dayItem),
});
export type DayView = z.infer<typeof dayView>;

const weekView = z.object({
  start: z.string(),
  /** "This week" or "Next week". */
  label: z.string(),
  /** "3–9 May". */
  range: z.string(),
  phase,
  /** "Base: full-body compound lifts at moderate load". */
  phaseSummary: z.string(),
  target: z.number(),
  existing: z.number(),
  /** "Plan week" has been pressed for this week. */
  planned: z.boolean(),
  days: z.array(dayView),
  unplaced: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type WeekView = z.infer<typeof weekView>;

const sourceStatusView = z.object({
  id: z.string(),
  name: z.string(),
  error: z.string().optional(),
});
export type SourceStatusView = z.infer<typeof sourceStatusView>;

/** Google Calendar as the popup shows it. */
const googleView = z.object({
  /**
   * `unavailable`: this build cannot connect; `off`: not connected; `ready`; `reconnect`: Google
   * refused the token and the runner must sign in again (from Settings).
   */
  state: z.enum(['unavailable', 'off', 'ready', 'reconnect']),
  /** Where Add to calendar writes: Ironstride's own calendar or the runner's. */
  calendarName: z.string(),
  /** Add to calendar has something to do: accepted sessions, or written ones to withdraw. */
  canWrite: z.boolean(),
  /** A write is queued or running. */
  writing: z.boolean(),
  /** "Writing 2 of 5…", "In Google Calendar: 2 added." — the last write, when there is one. */
  status: googleLineSchema.optional(),
});
export type GoogleView = z.infer<typeof googleView>;

/** The subscribable feed as the popup shows it (only when this browser has created one). */
const feedView = z.object({
  /** A publish is running (changes waiting for the quiet period to end are not: Publish sends them now). */
  publishing: z.boolean(),
  /** "Published 2 sessions · feed updated 10:42", "Publishing 2 sessions in a moment…", or why not. */
  status: googleLineSchema,
});
export type FeedView = z.infer<typeof feedView>;

/** A race found in the calendar, and the runner's word on it (SPEC §3). */
const raceView = z.object({
  eventId: z.string(),
  title: z.string(),
  date: z.string(),
  /** "Sun 26 Sep". */
  label: z.string(),
  /** The runner's answer, or the priority guessed from the title until they give one. */
  choice: z.enum(RACE_CHOICES),
  /** The runner answered; until then the popup asks. */
  confirmed: z.boolean(),
});
export type RaceView = z.infer<typeof raceView>;

/** An accepted session of an earlier week that ended within the last 14 days: still to log or change. */
const earlierSessionView = z.object({
  id: z.string(),
  title: z.string(),
  /** "Tue 27 Apr". */
  day: z.string(),
  /** "17:30–18:10". */
  time: z.string(),
  log: sessionLogView,
});
export type EarlierSessionView = z.infer<typeof earlierSessionView>;

export const popupViewSchema = z.object({
  generatedAt: z.number(),
  timezone: z.string(),
  /** `empty`: no calendar added yet. */
  status: z.enum(['empty', 'ready']),
  syncedAt: z.number().optional(),
  /** Calendars that could not be read at the last sync. */
  sourceErrors: z.array(sourceStatusView),
  weeks: z.array(weekView),
  /** Accepted sessions that a calendar change made illegal; `replan` moves them. */
  conflicts: z.array(z.object({ sessionId: z.string(), message: z.string() })),
  /** Accepted sessions in all weeks (what Download .ics exports). */
  acceptedCount: z.number(),
  /** Absent in views cached before Google Calendar came to the extension. */
  google: googleView.optional(),
  /** Present when this browser has a subscribable feed (Options → Subscribable feed). */
  feed: feedView.optional(),
  /** Races found in the calendar from today on, soonest first; absent in older cached views. */
  races: z.array(raceView).optional(),
  /** Accepted sessions before this week that ended in the last 14 days; absent in older cached views. */
  earlier: z.array(earlierSessionView).optional(),
});
export type PopupView = z.infer<typeof popupViewSchema>;
