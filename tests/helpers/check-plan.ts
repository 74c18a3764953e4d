/**
 * An independent checker of the hard constraints H1–H8 (SPEC §4), written from the spec and not
 * from the planner's code: it shares only the time helpers and the classifier (race priority and
 * distance). Tests run every plan through it.
 */
import { classifyEvent, inferRacePriority } from '../../src/core/classify';
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
  // Accessory strength (core, mobility, ≤ 25 min) is never counted (SPEC §3).
  const strength = events.filter(
    (e) =>
      e.classification.activity === 'strength' &&
      !e.classification.accessory &&
      !e.ironstrideSessionId,
  );
  const races = new Map<string, { priority: 'A' | 'B' | 'C'; km?: number }>();
  for (const r of runs) {
    if (r.classification.kind === 'race') {
      const priority = r.classification.racePriority ?? inferRacePriority(r.title, r.description);
      const d = localDate(r, tz);
      const had = races.get(d);
      if (!had || priority < had.priority) {
        races.set(d, {
          priority,
          ...(r.classification.distanceKm ? { km: r.classification.distanceKm } : {}),
        });
      }
    }
  }
  for (const r of prefs.races) {
    const km = classifyEvent({ title: r.name }).distanceKm;
    races.set(r.date, { priority: r.priority, ...(km ? { km } : {}) });
  }
  const aRaceDates = [...races].filter(([, r]) => r.priority === 'A').map(([d]) => d);
  const fullRestDays = new Set<string>();
  for (const e of events) {
    if (e.classification.activity !== 'rest' || !e.classification.fullRest) continue;
    if (e.allDay && e.startDate && e.endDate) {
      for (let d = e.startDate; d < e.endDate; d = addDays(d, 1)) fullRestDays.add(d);
    } else fullRestDays.add(dateInZone(e.start, tz));
  }

  const busy: { start: number; end: number }[] = [];
  for (const e of events) {
    if (e.ironstrideSessionId) continue;
    if (e.classification.activity === 'run') busy.push(runTimes(e, prefs));
    else if (!e.allDay && !e.transparent && e.end > e.start)
      busy.push({ start: e.start, end: e.end });
  }

  const buffer = prefs.bufferMinutes * MIN;
  /** Whether a session of `length` fits on `day` starting no earlier than `from` (H4, H8). */
  const fits = (day: string, from: number, length: number): boolean => {
    const earliest = zonedInstant(day, prefs.earliestStart, tz);
    const latest = zonedInstant(day, prefs.latestEnd, tz);
    for (const [a, b] of prefs.availability[weekdayOf(day)] ?? []) {
      const lo = Math.max(zonedInstant(day, a, tz), earliest, from);
      const hi = Math.min(zonedInstant(day, b, tz), latest);
      for (let start = lo; start + length <= hi; start += MIN) {
        const clash = busy.find((x) => start < x.end + buffer && x.start - buffer < start + length);
        if (!clash) return true;
        start = Math.max(start, clash.end + buffer - MIN);
      }
    }
    return false;
  };
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
    // H2, with its back-to-back exception: only when no slot with the full gap fits that day.
    const dayRuns = runs
      .filter((r) => localDate(r, tz) === d)
      .map((r) => ({ r, t: runTimes(r, prefs) }));
    for (const { r, t } of dayRuns) {
      if (s.start < t.end) tag('H2', `starts before "${r.title}" has ended`);
      if (
        HARD.has(r.classification.kind ?? '') &&
        s.start < t.end + prefs.minGapAfterHardRunHours * HOUR
      ) {
        const rightAfter = s.start - t.end <= 45 * MIN;
        const lastEnd = Math.max(...dayRuns.map((x) => x.t.end));
        const fullGap = Math.max(lastEnd, t.end + prefs.minGapAfterHardRunHours * HOUR);
        if (!prefs.allowBackToBack || !rightAfter || fits(d, fullGap, s.end - s.start)) {
          tag('H2', `less than ${prefs.minGapAfterHardRunHours} h after "${r.title}"`);
        }
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
    for (const [date, race] of races) {
      const days = daysBetween(d, date);
      if (days === 0) tag('H5', `on race day ${date}`);
      if (race.priority === 'A' && ((days > 0 && days <= 3) || (days < 0 && days >= -2)))
        tag('H5', `too close to the A race on ${date}`);
      if (days === -1) tag('H5', `the day after the race on ${date}`);
      if (days === -2 && (race.km ?? 0) >= 21) tag('H5', `2 days after the long race on ${date}`);
    }
    // H7
    if (fullRestDays.has(d)) tag('H7', 'on a full rest day');
    // H8
    if (s.start < zonedInstant(d, prefs.earliestStart, tz))
      tag('H8', 'starts before earliestStart');
    if (s.end > zonedInstant(d, prefs.latestEnd, tz)) tag('H8', 'ends after latestEnd');
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
