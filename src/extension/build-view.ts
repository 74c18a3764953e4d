/**
 * Turns the runner's calendar, plan state and preferences into the popup's `PopupView`: every
 * string formatted here, so the popup only renders.
 */
import type { ClassifiedEvent, RaceChoice } from '../core/classify-calendar';
import { formatDose } from '../core/exercises';
import type { Prescription } from '../core/exercises';
import type { LogEntry } from '../core/log';
import { PHASE_RULES } from '../core/phases';
import type { PlanResult } from '../core/plan';
import type { Preferences, WeightUnit } from '../core/prefs';
import { formatWeight } from '../core/units';
import { DEFAULT_TEXT_STYLE, shortDayText, timeRangeText } from '../core/text-style';
import type { TextStyle } from '../core/text-style';
import { addDays, DAY_MS, dateInZone, MONTH_NAMES_SHORT, parseDate } from '../core/time';
import type { DateString } from '../core/time';
import { asksForLog, LOG_EDIT_DAYS, sessionLogView } from './log/log-view';
import type { StoredSession } from './storage';
import type {
  DayItem,
  DayView,
  EarlierSessionView,
  ExerciseView,
  PopupView,
  RaceView,
  SessionItem,
  WeekView,
} from './view';

const MONTHS = MONTH_NAMES_SHORT;
/** The runner's clock and date order (SPEC §1), and their zone: what every label needs. */
interface Labels {
  tz: string;
  style: TextStyle;
  unit: WeightUnit;
}

/** What the log part of a session needs: the log by session id, the clock and the weight unit. */
interface LogContext {
  now: number;
  prefs: Preferences;
  entries: readonly LogEntry[];
  bySession: ReadonlyMap<string, LogEntry>;
}

const dayLabel = (date: DateString, { style }: Labels) => shortDayText(date, style);
const timeRange = (start: number, end: number, { tz, style }: Labels) =>
  timeRangeText(start, end, tz, style);

function rangeLabel(start: DateString, { style }: Labels): string {
  const a = parseDate(start);
  const b = parseDate(addDays(start, 6));
  const [am, bm] = [MONTHS[a.month - 1], MONTHS[b.month - 1]];
  if (style.monthFirst) {
    return a.month === b.month ? `${bm} ${a.day}–${b.day}` : `${am} ${a.day} – ${bm} ${b.day}`;
  }
  return a.month === b.month ? `${a.day}–${b.day} ${bm}` : `${a.day} ${am} – ${b.day} ${bm}`;
}

function exerciseView(p: Prescription, unit: WeightUnit): ExerciseView {
  // Sessions stored before prescriptions had alternatives lack them.
  const alternatives: Prescription['alternatives'] | undefined = p.alternatives;
  return {
    name: p.name,
    dose: formatDose(p),
    rest: `${p.restSeconds} s`,
    cue: p.cue,
    ...(p.load ? { load: p.load } : {}),
    ...(p.progression ? { progression: p.progression } : {}),
    ...(p.kg !== undefined ? { target: formatWeight(p.kg, unit) } : {}),
    ...(alternatives
      ? {
          alternatives: {
            ...(alternatives.easier ? { easier: alternatives.easier } : {}),
            ...(alternatives.harder ? { harder: alternatives.harder } : {}),
            swaps: [...alternatives.swaps],
          },
        }
      : {}),
  };
}

function logOf(s: StoredSession, at: Labels, log: LogContext) {
  return sessionLogView({
    session: s,
    entry: log.bySession.get(s.id),
    entries: log.entries,
    now: log.now,
    timeZone: at.tz,
    unit: log.prefs.weightUnit,
    style: at.style,
  });
}

function sessionItem(
  s: StoredSession,
  at: Labels,
  conflict: string | undefined,
  log: LogContext,
): SessionItem {
  return {
    type: 'session',
    id: s.id,
    title: s.title,
    time: timeRange(s.start, s.end, at),
    status: s.status,
    load: s.load,
    reasons: s.reasons,
    warmup: s.content.warmup,
    cooldown: s.content.cooldown,
    exercises: s.content.exercises.map((p) => exerciseView(p, at.unit)),
    alternatives: s.alternatives.map((a, index) => ({
      index,
      label: `${dayLabel(dateInZone(a.start, at.tz), at)}, ${timeRange(a.start, a.end, at)}`,
    })),
    moved: s.moved ?? false,
    ...(conflict ? { conflict } : {}),
    // Sessions stored before swaps existed have no basis to re-dose from.
    canSwap: s.start > log.now && s.content.basis !== undefined,
    ...(asksForLog(s, log.now) ? { log: logOf(s, at, log) } : {}),
  };
}

/** Accepted sessions before `weekStart` that ended within the last 14 days, oldest first. */
function earlierSessions(
  sessions: readonly StoredSession[],
  weekStart: DateString | undefined,
  at: Labels,
  log: LogContext,
): EarlierSessionView[] {
  if (!weekStart) return [];
  const since = log.now - LOG_EDIT_DAYS * DAY_MS;
  return sessions
    .filter(
      (s) => asksForLog(s, log.now) && s.end > since && dateInZone(s.start, at.tz) < weekStart,
    )
    .sort((a, b) => a.start - b.start)
    .map((s) => ({
      id: s.id,
      title: s.title,
      day: dayLabel(dateInZone(s.start, at.tz), at),
      time: timeRange(s.start, s.end, at),
      log: logOf(s, at, log),
    }));
}

function eventItem(e: ClassifiedEvent, at: Labels, retagged: boolean): DayItem {
  const c = e.classification;
  const time = e.allDay ? 'all day' : timeRange(e.start, e.end, at);
  const base = { eventId: e.id, uid: e.uid, title: e.title || '(no title)', time, retagged };
  if (c.activity === 'run') {
    return {
      type: 'run',
      ...base,
      kind: c.kind ?? 'easy',
      intensity: c.intensity ?? 'easy',
      key: c.key,
    };
  }
  if (c.activity === 'other') return { type: 'busy', ...base, free: e.transparent || e.allDay };
  return { type: c.activity, ...base };
}

function onDay(e: ClassifiedEvent, day: DateString, tz: string): boolean {
  if (e.allDay && e.startDate && e.endDate) return e.startDate <= day && day < e.endDate;
  return dateInZone(e.start, tz) === day;
}

export interface BuildViewInput {
  now: number;
  prefs: Preferences;
  events: readonly ClassifiedEvent[];
  /** Event ids and UIDs the runner re-tagged. */
  retagged: ReadonlySet<string>;
  /** Fresh plans of the shown weeks (for phases, targets, unplaced and warnings). */
  weekPlans: readonly PlanResult[];
  plannedWeeks: Readonly<Record<DateString, number>>;
  sessions: readonly StoredSession[];
  conflicts: readonly { sessionId: string; message: string }[];
  hasSources: boolean;
  syncedAt?: number;
  sourceErrors: { id: string; name: string; error?: string }[];
  /** The runner's word on races found in the calendar, by occurrence id. */
  raceChoices?: ReadonlyMap<string, RaceChoice>;
  /** How times and dates read (the browser's language); 24-hour and day first by default. */
  text?: TextStyle;
  /** The training log's entries, oldest first (SPEC §6b): ended sessions show what was logged. */
  log?: readonly LogEntry[];
}

/**
 * Races found in the calendar from today on, with the runner's answer or the guessed priority,
 * and the ones they said are not races (so they can take it back).
 */
function racesView(input: BuildViewInput, today: DateString, at: Labels): RaceView[] {
  const { tz } = at;
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const out: RaceView[] = [];
  for (const race of input.weekPlans[0]?.races ?? []) {
    if (race.source !== 'calendar' || !race.eventId || race.date < today) continue;
    out.push({
      eventId: race.eventId,
      title: race.name || '(no title)',
      date: race.date,
      label: dayLabel(race.date, at),
      choice: race.priority,
      confirmed: race.confirmed === true,
    });
  }
  for (const [eventId, choice] of input.raceChoices ?? []) {
    const event = byId.get(eventId);
    if (choice !== 'not-a-race' || !event) continue;
    const date = event.allDay && event.startDate ? event.startDate : dateInZone(event.start, tz);
    if (date < today) continue;
    out.push({
      eventId,
      title: event.title || '(no title)',
      date,
      label: dayLabel(date, at),
      choice,
      confirmed: true,
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.eventId.localeCompare(b.eventId));
}

/** Builds the popup's view of the weeks in `weekPlans` (this week and next). */
export function buildView(input: BuildViewInput): PopupView {
  const tz = input.prefs.timezone;
  const at: Labels = { tz, style: input.text ?? DEFAULT_TEXT_STYLE, unit: input.prefs.weightUnit };
  const today = dateInZone(input.now, tz);
  const conflictById = new Map(input.conflicts.map((c) => [c.sessionId, c.message]));
  const entries = input.log ?? [];
  const log: LogContext = {
    now: input.now,
    prefs: input.prefs,
    entries,
    bySession: new Map(entries.map((e) => [e.sessionId, e])),
  };
  const weeks: WeekView[] = input.weekPlans.map((plan, i) => {
    const week = plan.weeks[0];
    if (!week) throw new Error('a week plan without its week');
    const summary = PHASE_RULES[week.phase].summary;
    const days: DayView[] = [];
    for (let d = week.start; d < addDays(week.start, 7); d = addDays(d, 1)) {
      const items: { at: number; item: DayItem }[] = [];
      for (const e of input.events) {
        if (e.ironstrideSessionId || !onDay(e, d, tz)) continue;
        const retagged = input.retagged.has(e.id) || input.retagged.has(e.uid);
        items.push({ at: e.allDay ? -Infinity : e.start, item: eventItem(e, at, retagged) });
      }
      for (const s of input.sessions) {
        if (dateInZone(s.start, tz) !== d) continue;
        items.push({ at: s.start, item: sessionItem(s, at, conflictById.get(s.id), log) });
      }
      items.sort((a, b) => a.at - b.at);
      days.push({
        date: d,
        label: dayLabel(d, at),
        today: d === today,
        items: items.map((x) => x.item),
      });
    }
    return {
      start: week.start,
      label: i === 0 ? 'This week' : i === 1 ? 'Next week' : `Week of ${dayLabel(week.start, at)}`,
      range: rangeLabel(week.start, at),
      phase: week.phase,
      phaseSummary: summary.charAt(0).toUpperCase() + summary.slice(1),
      target: week.target,
      existing: week.existing,
      planned: week.start in input.plannedWeeks,
      days,
      unplaced: week.start in input.plannedWeeks ? plan.unplaced.map((u) => u.reason) : [],
      warnings: plan.warnings.map((w) => w.message),
    };
  });
  return {
    generatedAt: input.now,
    timezone: tz,
    status: input.hasSources ? 'ready' : 'empty',
    ...(input.syncedAt !== undefined ? { syncedAt: input.syncedAt } : {}),
    sourceErrors: input.sourceErrors.flatMap((s) =>
      s.error ? [{ id: s.id, name: s.name, error: s.error }] : [],
    ),
    weeks,
    conflicts: [...input.conflicts],
    acceptedCount: input.sessions.filter((s) => s.status === 'accepted').length,
    races: racesView(input, today, at),
    earlier: earlierSessions(input.sessions, weeks[0]?.start, at, log),
  };
}
