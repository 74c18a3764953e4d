/**
 * What the planner needs to know about each calendar day: its runs (with all-day runs placed at
 * the runner's usual start), the runner's own strength sessions, and the time that is busy.
 */
import type { RunKind } from '../classify/types';
import type { ClassifiedEvent } from '../classify-calendar';
import type { Preferences } from '../prefs';
import { addDays, dateInZone, MINUTE_MS, zonedInstant } from '../time';
import type { DateString } from '../time';

/** Default length of a run whose length nobody wrote down (SPEC §4). */
export const DEFAULT_RUN_MINUTES = 60;

/** A run with the times the rules use. */
export interface RunFact {
  event: ClassifiedEvent;
  date: DateString;
  start: number;
  end: number;
  kind: RunKind;
  /** Tempo, intervals or hills: the runs H2's recovery gap follows. */
  hardWorkout: boolean;
  key: boolean;
  /**
   * The start (and so the end) was assumed, not read: an all-day run placed at the runner's
   * usual start. Reasons say so ("assuming your run at 07:00").
   */
  assumedStart: boolean;
}

/** Strength the runner already has in the calendar (not written by Ironstride). */
export interface StrengthFact {
  event: ClassifiedEvent;
  date: DateString;
  start: number;
  end: number;
  /** Core, mobility, short sessions (SPEC §3): shown, never counted by H3 or H6, never warned. */
  accessory: boolean;
}

/** A busy stretch of time, `[start, end)`, and what it is. */
export interface BusyFact {
  start: number;
  end: number;
  title: string;
}

export interface CalendarFacts {
  runsByDay: ReadonlyMap<DateString, readonly RunFact[]>;
  /** Strength sessions the rules count (H3, H6): accessory work is not among them. */
  strengthByDay: ReadonlyMap<DateString, readonly StrengthFact[]>;
  /** Accessory strength (core, mobility…): kept apart, since no rule counts it. */
  accessoryStrength: readonly StrengthFact[];
  /** Sessions Ironstride wrote earlier (read back from a calendar), by session id. */
  ironstrideSessions: readonly StrengthFact[];
  /** Sorted by start. */
  busy: readonly BusyFact[];
  /** Days with a rest-day marker: rest from running. */
  restDays: ReadonlySet<DateString>;
  /** Full rest days ("full rest", "no training"): no strength either (H7), with the event. */
  fullRestDays: ReadonlyMap<DateString, ClassifiedEvent>;
}

const HARD_WORKOUTS: readonly RunKind[] = ['tempo', 'intervals', 'hills'];

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The times a run occupies: its own for timed runs; `defaultRunStart` and the parsed length
 * (60 min when unknown) for all-day ones and for timed runs written with no length.
 */
export function runInterval(
  event: ClassifiedEvent,
  prefs: Pick<Preferences, 'defaultRunStart' | 'timezone'>,
): { date: DateString; start: number; end: number } {
  const minutes = event.classification.durationMinutes ?? DEFAULT_RUN_MINUTES;
  if (event.allDay) {
    const date = event.startDate ?? dateInZone(event.start, prefs.timezone);
    const start = zonedInstant(date, prefs.defaultRunStart, prefs.timezone);
    return { date, start, end: start + minutes * MINUTE_MS };
  }
  const date = dateInZone(event.start, prefs.timezone);
  const end = event.end > event.start ? event.end : event.start + minutes * MINUTE_MS;
  return { date, start: event.start, end };
}

/** Sorts the classified calendar into per-day facts the rules read. */
export function collectCalendarFacts(
  events: readonly ClassifiedEvent[],
  prefs: Pick<Preferences, 'defaultRunStart' | 'timezone'>,
): CalendarFacts {
  const runsByDay = new Map<DateString, RunFact[]>();
  const strengthByDay = new Map<DateString, StrengthFact[]>();
  const busy: BusyFact[] = [];
  const restDays = new Set<DateString>();
  const fullRestDays = new Map<DateString, ClassifiedEvent>();
  const ironstrideSessions: StrengthFact[] = [];
  const accessoryStrength: StrengthFact[] = [];

  for (const event of events) {
    const c = event.classification;
    if (c.activity === 'run') {
      const { date, start, end } = runInterval(event, prefs);
      const kind = c.kind ?? 'easy';
      pushTo(runsByDay, date, {
        event,
        date,
        start,
        end,
        kind,
        hardWorkout: HARD_WORKOUTS.includes(kind),
        key: c.key,
        assumedStart: event.allDay,
      });
      // A run occupies its time even when the calendar marks it free.
      busy.push({ start, end, title: event.title });
      continue;
    }
    if (c.activity === 'rest') {
      const days: DateString[] = [];
      if (event.allDay && event.startDate && event.endDate) {
        for (let d = event.startDate; d < event.endDate; d = addDays(d, 1)) days.push(d);
      } else {
        days.push(dateInZone(event.start, prefs.timezone));
      }
      for (const d of days) {
        restDays.add(d);
        if (c.fullRest && !fullRestDays.has(d)) fullRestDays.set(d, event);
      }
      continue;
    }
    if (event.ironstrideSessionId) {
      // Ironstride's own sessions don't block time: the planner places (or keeps) them itself.
      const date = dateInZone(event.start, prefs.timezone);
      ironstrideSessions.push({
        event,
        date,
        start: event.start,
        end: event.end,
        accessory: false,
      });
      continue;
    }
    if (c.activity === 'strength') {
      const date =
        event.allDay && event.startDate ? event.startDate : dateInZone(event.start, prefs.timezone);
      const interval = event.allDay
        ? runInterval(event, prefs)
        : { start: event.start, end: Math.max(event.end, event.start) };
      const fact = {
        event,
        date,
        start: interval.start,
        end: interval.end,
        accessory: c.accessory === true,
      };
      if (fact.accessory) accessoryStrength.push(fact);
      else pushTo(strengthByDay, date, fact);
      // Accessory or not, a timed strength event occupies its time (H4).
      if (!event.allDay && !event.transparent)
        busy.push({ start: interval.start, end: interval.end, title: event.title });
      continue;
    }
    // All-day non-run events (holidays, "Office closed") and transparent events do not block (H4).
    if (event.allDay || event.transparent) continue;
    if (event.end <= event.start) continue;
    busy.push({ start: event.start, end: event.end, title: event.title });
  }

  for (const list of runsByDay.values()) list.sort((a, b) => a.start - b.start);
  for (const list of strengthByDay.values()) list.sort((a, b) => a.start - b.start);
  busy.sort((a, b) => a.start - b.start || a.end - b.end);
  ironstrideSessions.sort((a, b) => a.start - b.start);
  accessoryStrength.sort((a, b) => a.start - b.start);
  return {
    runsByDay,
    strengthByDay,
    accessoryStrength,
    ironstrideSessions,
    busy,
    restDays,
    fullRestDays,
  };
}
