/**
 * An independent checker of the hard constraints H1–H6 (SPEC §4), written from the spec and not
 * from the planner's code: it shares only the time helpers and the classifier's race priority.
 * Tests run every plan through it.
 */
import { inferRacePriority } from '../../src/core/classify';
import type { ClassifiedEvent } from '../../src/core/classify-calendar';
import type { Preferences } from '../../src/core/prefs';
import {
  addDays,
  dateInZone,
  daysBetween,
  startOfWeek,
  weekdayOf,
  zonedInstant,
} from '../../src/core/time';

export interface CheckedSession {
  id: string;
  start: number;
  end: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const KEY = new Set(['long', 'tempo', 'intervals', 'hills', 'race']);
const HARD = new Set(['tempo', 'intervals', 'hills']);
const MAX_BY_PHASE: Record<string, number> = {
  'off-season': 3,
  base: 2,
  build: 2,
  taper: 1,
  'race-week': 1,
  recovery: 1,
};

function localDate(e: ClassifiedEvent, tz: string): string {
  return e.allDay && e.startDate ? e.startDate : dateInZone(e.start, tz);
}

function runTimes(e: ClassifiedEvent, prefs: Preferences): { start: number; end: number } {
  const minutes = e.classification.durationMinutes ?? 60;
  if (e.allDay) {
    const start = zonedInstant(e.startDate!, prefs.defaultRunStart, prefs.timezone);
    return { start, end: start + minutes * MIN };
  }
  return { start: e.start, end: e.end > e.start ? e.end : e.start + minutes * MIN };
}

/** Phase per SPEC §4's table, by days from the week's first day to the next A race. */
function phaseOf(weekStart: string, aRaceDates: readonly string[], prefs: Preferences): string {
  if (prefs.phase !== 'auto') return prefs.phase;
  const days = aRaceDates.map((d) => daysBetween(weekStart, d));
  const next = days.filter((d) => d >= 0).sort((a, b) => a - b)[0];
  const since = days.filter((d) => d < 0).sort((a, b) => b - a)[0];
  if (next !== undefined && next <= 6) return 'race-week';
  if (since !== undefined && -since <= 7) return 'recovery';
  if (next !== undefined && next <= 13) return 'taper';
  if (next !== undefined && next <= 55) return 'build';
  return 'base';
}

/** Every broken hard constraint, as `H<n> <session id>: what` lines (empty when the plan is legal). */
export function checkHardConstraints(
  sessions: readonly CheckedSession[],
  events: readonly ClassifiedEvent[],
  prefs: Preferences,
): string[] {
  const tz = prefs.timezone;
  const problems: string[] = [];
  const runs = events.filter((e) => e.classification.activity === 'run');
  const strength = events.filter(
    (e) => e.classification.activity === 'strength' && !e.ironstrideSessionId,
  );
  const races = new Map<string, 'A' | 'B' | 'C'>();
  for (const r of runs) {
    if (r.classification.kind === 'race') {
      const p = inferRacePriority(r.title, r.description);
      const d = localDate(r, tz);
      const had = races.get(d);
      if (!had || p < had) races.set(d, p);
    }
  }
  for (const r of prefs.races) races.set(r.date, r.priority);
  const aRaceDates = [...races].filter(([, p]) => p === 'A').map(([d]) => d);

  const busy: { start: number; end: number }[] = [];
  for (const e of events) {
    if (e.ironstrideSessionId) continue;
    if (e.classification.activity === 'run') busy.push(runTimes(e, prefs));
    else if (!e.allDay && !e.transparent && e.end > e.start)
      busy.push({ start: e.start, end: e.end });
  }

  const sessionDays = sessions.map((s) => dateInZone(s.start, tz));
  const strengthDays = strength.map((e) => localDate(e, tz));

  sessions.forEach((s, i) => {
    const d = sessionDays[i]!;
    const tag = (h: string, what: string) => problems.push(`${h} ${s.id} on ${d}: ${what}`);
    // H1
    for (const r of runs) {
      if (KEY.has(r.classification.kind ?? '') && localDate(r, tz) === addDays(d, 1)) {
        tag('H1', `day before key run "${r.title}"`);
      }
    }
    for (const [date] of races)
      if (date === addDays(d, 1)) tag('H1', `day before a race on ${date}`);
    // H2
    for (const r of runs) {
      if (localDate(r, tz) !== d) continue;
      const t = runTimes(r, prefs);
      if (s.start < t.end) tag('H2', `starts before "${r.title}" has ended`);
      if (
        HARD.has(r.classification.kind ?? '') &&
        s.start < t.end + prefs.minGapAfterHardRunHours * HOUR
      ) {
        tag('H2', `less than ${prefs.minGapAfterHardRunHours} h after "${r.title}"`);
      }
    }
    // H3
    sessionDays.forEach((other, j) => {
      if (j !== i && Math.abs(daysBetween(d, other)) <= 1)
        tag('H3', `next to session ${sessions[j]!.id} on ${other}`);
    });
    for (const other of strengthDays) {
      if (Math.abs(daysBetween(d, other)) <= 1) tag('H3', `next to existing strength on ${other}`);
    }
    // H4
    const windows = prefs.availability[weekdayOf(d)] ?? [];
    const inside = windows.some(
      ([from, to]) => zonedInstant(d, from, tz) <= s.start && s.end <= zonedInstant(d, to, tz),
    );
    if (!inside) tag('H4', 'outside the availability windows');
    const buffer = prefs.bufferMinutes * MIN;
    for (const b of busy) {
      if (s.start < b.end + buffer && b.start - buffer < s.end)
        tag('H4', 'overlaps busy time or its buffer');
    }
    if (s.end <= s.start) tag('H4', 'has no length');
    // H5
    for (const r of runs) {
      const kind = r.classification.kind;
      if ((kind === 'long' || kind === 'race') && localDate(r, tz) === d)
        tag('H5', `on the day of "${r.title}"`);
    }
    for (const [date, p] of races) {
      const days = daysBetween(d, date);
      if (days === 0) tag('H5', `on race day ${date}`);
      if (p === 'A' && ((days > 0 && days <= 3) || (days < 0 && days >= -2)))
        tag('H5', `too close to the A race on ${date}`);
    }
  });

  // H6
  const perWeek = new Map<string, number>();
  const bump = (date: string) => {
    const w = startOfWeek(date, prefs.weekStartsOn);
    perWeek.set(w, (perWeek.get(w) ?? 0) + 1);
  };
  sessionDays.forEach(bump);
  const sessionWeeks = new Set(sessionDays.map((d) => startOfWeek(d, prefs.weekStartsOn)));
  for (const d of strengthDays) if (sessionWeeks.has(startOfWeek(d, prefs.weekStartsOn))) bump(d);
  for (const [week, count] of perWeek) {
    if (!sessionWeeks.has(week)) continue;
    const max = MAX_BY_PHASE[phaseOf(week, aRaceDates, prefs)]!;
    if (count > max) problems.push(`H6 week of ${week}: ${count} sessions, phase allows ${max}`);
  }
  return problems;
}
