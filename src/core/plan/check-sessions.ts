/**
 * Whether sessions already placed (accepted, or moved by the runner) still obey H1–H6 after the
 * calendar changed: the check behind the "a run moved" badge and the popup's alternatives.
 */
import { PHASE_RULES, phaseForWeek } from '../phases';
import type { Preferences } from '../prefs';
import { collectRaces } from '../races';
import { dateInZone, startOfWeek } from '../time';
import type { DateString } from '../time';
import type { ClassifiedEvent } from '../classify-calendar';
import { collectCalendarFacts } from './calendar-facts';
import { dayBlocker, dayName } from './day-rules';
import { isSlotFree } from './slots';

export interface CheckSessionsOptions {
  events: readonly ClassifiedEvent[];
  prefs: Preferences;
  sessions: readonly { id: string; start: number; end: number }[];
  /** Sessions that ended before this instant are history and not checked. */
  notBefore?: number;
}

export interface SessionCheck {
  id: string;
  /** Why the session breaks a rule now, in plain words; undefined when it is fine. */
  problem?: string;
}

/**
 * Checks each session against the calendar and the other sessions. Ironstride's own events in
 * `events` are ignored (the sessions are what is checked).
 */
export function checkSessions(options: CheckSessionsOptions): SessionCheck[] {
  const { prefs, sessions } = options;
  const tz = prefs.timezone;
  const events = options.events.filter((e) => !e.ironstrideSessionId);
  const facts = collectCalendarFacts(events, prefs);
  const races = collectRaces(events, prefs.races, tz);
  const existing = new Set<DateString>(facts.strengthByDay.keys());
  const dates = sessions.map((s) => dateInZone(s.start, tz));

  const perWeek = new Map<DateString, number>();
  for (const [date, list] of facts.strengthByDay) {
    const week = startOfWeek(date, prefs.weekStartsOn);
    perWeek.set(week, (perWeek.get(week) ?? 0) + list.length);
  }
  for (const date of dates) {
    const week = startOfWeek(date, prefs.weekStartsOn);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }

  return sessions.map((session, i) => {
    if (options.notBefore !== undefined && session.end <= options.notBefore)
      return { id: session.id };
    const date = dates[i] ?? dateInZone(session.start, tz);
    const strengthDays = new Set(existing);
    dates.forEach((d, j) => {
      if (j !== i) strengthDays.add(d);
    });
    // Only the hard rules: a session the runner placed on a hard day under the easy-days policy
    // is their choice, not a conflict.
    const blocked = dayBlocker(date, { facts, races, strengthDays, policy: 'hard-days-hard' });
    if (blocked) return { id: session.id, problem: `${dayName(date)}'s session is now ${blocked}` };
    if (!isSlotFree(date, session, facts, prefs)) {
      return {
        id: session.id,
        problem: `${dayName(date)}'s session now clashes with a run, busy time or your free-time windows`,
      };
    }
    const week = startOfWeek(date, prefs.weekStartsOn);
    const max = PHASE_RULES[phaseForWeek(week, races, prefs.phase).phase].max;
    const count = perWeek.get(week) ?? 0;
    if (count > max) {
      return {
        id: session.id,
        problem: `the week of ${week} now has ${count} strength sessions; at most ${max} in this phase`,
      };
    }
    return { id: session.id };
  });
}
