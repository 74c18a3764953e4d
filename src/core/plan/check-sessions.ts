/**
 * Whether sessions already placed (accepted, or moved by the runner) still obey H1–H8 after the
 * calendar changed: the check behind the "a run moved" badge and the popup's other times. It
 * asks the planner's own rules (./rules).
 */
import type { ClassifiedEvent } from '../classify-calendar';
import type { Preferences } from '../prefs';
import { collectRaces } from '../races';
import { DEFAULT_TEXT_STYLE } from '../text-style';
import type { TextStyle } from '../text-style';
import { dateInZone, startOfWeek } from '../time';
import type { DateString } from '../time';
import { collectCalendarFacts } from './calendar-facts';
import { dayName } from './day-facts';
import { dayViolation, RULES, timeViolation } from './rules';
import type { RuleContext } from './rules';

export interface CheckSessionsOptions {
  events: readonly ClassifiedEvent[];
  prefs: Preferences;
  sessions: readonly { id: string; start: number; end: number }[];
  /** Sessions that ended before this instant are history and not checked. */
  notBefore?: number;
  text?: TextStyle;
}

export interface SessionCheck {
  id: string;
  /** Why the session breaks a rule now, in plain words; undefined when it is fine. */
  problem?: string;
}

/**
 * Checks each session against the calendar and the other sessions. Ironstride's own events in
 * `events` are ignored (the sessions are what is checked). The policy is not a rule: a session
 * the runner put on a hard day under the easy-days policy is their choice, not a conflict.
 */
export function checkSessions(options: CheckSessionsOptions): SessionCheck[] {
  const { prefs, sessions } = options;
  const tz = prefs.timezone;
  const events = options.events.filter((e) => !e.ironstrideSessionId);
  const facts = collectCalendarFacts(events, prefs);
  const base: RuleContext = {
    facts,
    races: collectRaces(events, prefs.races, tz),
    prefs,
    strengthDays: new Map(),
    text: options.text ?? DEFAULT_TEXT_STYLE,
  };
  const dates = sessions.map((s) => dateInZone(s.start, tz));

  const perWeek = new Map<DateString, number>();
  const count = (date: DateString) => {
    const week = startOfWeek(date, prefs.weekStartsOn);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  };
  for (const [date, list] of facts.strengthByDay) for (const _ of list) count(date);
  for (const date of dates) count(date);

  return sessions.map((session, i) => {
    if (options.notBefore !== undefined && session.end <= options.notBefore) {
      return { id: session.id };
    }
    const date = dates[i] ?? dateInZone(session.start, tz);
    const strengthDays = new Map<DateString, string>();
    for (const [d, list] of facts.strengthByDay) {
      strengthDays.set(d, `your "${list[0]?.event.title || 'strength'}"`);
    }
    dates.forEach((d, j) => {
      if (j !== i && !strengthDays.has(d)) strengthDays.set(d, 'another strength session');
    });
    const ctx: RuleContext = { ...base, strengthDays };
    const violation =
      dayViolation(date, ctx) ??
      timeViolation({ date, start: session.start, end: session.end }, ctx) ??
      RULES.H6.check(
        startOfWeek(date, prefs.weekStartsOn),
        perWeek.get(startOfWeek(date, prefs.weekStartsOn)) ?? 0,
        ctx,
      );
    return violation
      ? { id: session.id, problem: `${dayName(date)}'s session is now ${violation.reason}` }
      : { id: session.id };
  });
}
