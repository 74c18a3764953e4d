/**
 * Recurrence expansion (RFC 5545 §3.8.5.3): the DTSTART instance, RRULE and RDATE instances,
 * minus EXDATE, with RECURRENCE-ID overrides (§3.8.4.4) replacing their slot, over a range.
 *
 * ical.js supplies the RRULE engine (`Recur.iterator`), driven here in the series' wall clock:
 * rules are defined in local time (§3.3.10), so iteration runs on floating times and each
 * instance is converted to an instant afterwards. The rest is done here rather than with
 * `ICAL.Event`/`RecurExpansion`, because those match overrides by `Time#toString()` (an
 * override written in UTC for a zoned series never matches), throw after 500 EXDATEs in a row,
 * and relate exceptions by scanning the whole calendar per event (quadratic).
 *
 * Work is bounded. Each ical.js rule step is counted (by wrapping the iterator's
 * `check_contracting_rules`, which its `next()` calls once per candidate; `next()` itself has
 * no limit, and `FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` never returns). A series may take
 * `MAX_SERIES_STEPS`, a whole read `MAX_TOTAL_STEPS`; past either, the series is reported as
 * skipped rather than shown half-expanded. Rules whose instances repeat with a fixed period
 * (no COUNT, no ordinal BY parts) are started at the last period boundary before the range,
 * so "daily since 1970" costs the same as "daily since last week".
 */
import ICAL from 'ical.js';
import type { CalendarEvent, InstantRange } from '../../core/events';
import { DAY_MS, HOUR_MS } from '../../core/time';
import type { ParsedEvent, ParsedRule, ZonedValue } from './parse-event';
import { quoteValue, wallDate, wallDay, wallFields, type TimeValue } from './values';
import type { Zone, ZoneClock } from './zones';

/** Rule steps one series may take before it is skipped. */
export const MAX_SERIES_STEPS = 50_000;
/** Rule steps one read may take in total. */
export const MAX_TOTAL_STEPS = 1_000_000;

// Wall time and instant differ by the UTC offset, which stays within ±26 h even in garbage
// VTIMEZONEs that pass validation (±18 h); 30 h keeps every bound below on the safe side.
const MARGIN = 30 * HOUR_MS;

/** What expansion needs from the read. */
export interface ExpandContext {
  range: InstantRange;
  /** The runner's zone: all-day events start at its midnights. */
  runnerZone: Zone;
  clock: ZoneClock;
  /** Rule steps left for the whole read (shared, decremented). */
  budget: { steps: number };
  source: string | undefined;
  warn(uid: string | null, message: string): void;
}

/** How long each instance lasts: exact ms, nominal days plus exact ms, or whole dates. */
export type Span =
  | { kind: 'exact'; ms: number }
  | { kind: 'nominal'; days: number; ms: number }
  | { kind: 'days'; days: number };

/** The clock a series lives on. */
export interface Shape {
  allDay: boolean;
  /** Timed: the zone of DTSTART (floating → the calendar's). All-day: the runner's zone. */
  zone: Zone;
  span: Span;
}

export type ExpandResult =
  { ok: true; events: CalendarEvent[]; shape: Shape } | { ok: false; reason: string };

/** Steps without an instance after which a rule that hits the limit is called stalled. */
const STALL_STEPS = 10_000;

interface StepCounter {
  /** Steps left for this series. */
  series: number;
  /** Steps left for the whole read (shared). */
  read: { steps: number };
  /** Steps since the iterator last produced an instance. */
  sinceLastInstance: number;
}

class StepLimitError extends Error {
  constructor(readonly scope: 'series' | 'read') {
    super(`recurrence step limit reached (${scope})`);
  }
}

function spanUpper(span: Span): number {
  switch (span.kind) {
    case 'exact':
      return span.ms;
    case 'nominal':
      return span.days * DAY_MS + span.ms + 2 * HOUR_MS;
    case 'days':
      return span.days * DAY_MS + 2 * HOUR_MS;
  }
}

/** The shape of an event that has a start; `inherit` is the master's span, for overrides without an end. */
export function shapeOf(
  event: ParsedEvent,
  start: ZonedValue,
  ctx: ExpandContext,
  inherit?: Span,
): Shape {
  const wall = start.value.wall;
  const end = event.end;
  if (start.value.kind === 'date') {
    let days = 1;
    if (end.kind === 'end') {
      const endWall = end.end.value.wall;
      const endDay = wallDay(endWall) + (endWall % DAY_MS === 0 ? 0 : DAY_MS);
      days = Math.round((endDay - wall) / DAY_MS);
      if (days < 0) ctx.warn(event.uid, `DTEND is before DTSTART: read as one day`);
    } else if (end.kind === 'duration') {
      days = end.duration.days + Math.ceil(end.duration.ms / DAY_MS);
    } else if (inherit?.kind === 'days') {
      days = inherit.days;
    }
    // §3.6.1: a DATE DTSTART without an end lasts one day; a zero-length all-day event too.
    return { allDay: true, zone: ctx.runnerZone, span: { kind: 'days', days: Math.max(1, days) } };
  }
  const zone = start.zone ?? event.floatingZone;
  let span: Span = { kind: 'exact', ms: 0 };
  if (end.kind === 'end') {
    const endValue = end.end.value;
    const from = ctx.clock.toInstant(wall, zone);
    const to = ctx.clock.toInstant(
      endValue.wall,
      endValue.kind === 'date' ? zone : (end.end.zone ?? zone),
    );
    if (to < from) ctx.warn(event.uid, 'DTEND is before DTSTART: read as lasting no time');
    span = { kind: 'exact', ms: Math.max(0, to - from) };
  } else if (end.kind === 'duration') {
    const { days, ms } = end.duration;
    if (days < 0 || ms < 0) ctx.warn(event.uid, 'DURATION is negative: read as lasting no time');
    span =
      days > 0
        ? { kind: 'nominal', days, ms: Math.max(0, ms) }
        : { kind: 'exact', ms: Math.max(0, ms) };
  } else if (inherit) {
    span = inherit.kind === 'days' ? { kind: 'nominal', days: inherit.days, ms: 0 } : inherit;
  }
  return { allDay: false, zone, span };
}

interface Times {
  start: number;
  end: number;
  startDate?: string;
  endDate?: string;
}

function timesOf(
  wall: number,
  instant: number,
  shape: Shape,
  clock: ZoneClock,
  explicitEnd?: number,
): Times {
  const span = shape.span;
  if (span.kind === 'days') {
    const endWall = wall + span.days * DAY_MS;
    return {
      start: instant,
      end: clock.toInstant(endWall, shape.zone),
      startDate: wallDate(wall),
      endDate: wallDate(endWall),
    };
  }
  if (explicitEnd !== undefined) return { start: instant, end: Math.max(instant, explicitEnd) };
  if (span.kind === 'exact') return { start: instant, end: instant + span.ms };
  return { start: instant, end: clock.toInstant(wall + span.days * DAY_MS, shape.zone) + span.ms };
}

function overlaps(t: Times, range: InstantRange): boolean {
  if (t.start >= range.end) return false;
  // A zero-length event is "in" the range when its instant is.
  return t.end > range.start || (t.end === t.start && t.start >= range.start);
}

function compactDate(wall: number): string {
  return wallDate(wall).replaceAll('-', '');
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `20270104T073000Z`: the instant in UTC basic format, for occurrence ids. */
export function utcBasic(instant: number): string {
  const d = new Date(instant);
  return (
    `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}` +
    `T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`
  );
}

function makeEvent(id: string, content: ParsedEvent, t: Times, ctx: ExpandContext): CalendarEvent {
  const event: CalendarEvent = {
    id,
    uid: content.uid,
    title: content.title,
    description: content.description,
    start: t.start,
    end: t.end,
    allDay: t.startDate !== undefined,
    transparent: content.transparent,
  };
  if (content.location !== undefined) event.location = content.location;
  if (content.ironstrideSessionId !== undefined)
    event.ironstrideSessionId = content.ironstrideSessionId;
  if (t.startDate !== undefined) event.startDate = t.startDate;
  if (t.endDate !== undefined) event.endDate = t.endDate;
  if (ctx.source !== undefined) event.source = ctx.source;
  return event;
}

/** Keys a RECURRENCE-ID or EXDATE matches an instance by: its instant, or its day. */
interface SlotKeys {
  instants: Map<number, ParsedEvent | true>;
  days: Map<number, ParsedEvent | true>;
}

function addSlot(
  keys: SlotKeys,
  value: ZonedValue,
  shape: Shape,
  clock: ZoneClock,
  item: ParsedEvent | true,
): void {
  const v: TimeValue = value.value;
  // A DATE matches every instance on that day (as ical.js does for EXDATE;VALUE=DATE); in an
  // all-day series a DATE-TIME matches by its own wall date, which is how Exchange writes them.
  if (shape.allDay || v.kind === 'date') keys.days.set(wallDay(v.wall), item);
  else keys.instants.set(clock.toInstant(v.wall, value.zone ?? shape.zone), item);
}

function lookup(
  keys: SlotKeys,
  wall: number,
  instant: number,
  shape: Shape,
): ParsedEvent | true | undefined {
  if (shape.allDay) return keys.days.get(wallDay(wall));
  return keys.instants.get(instant) ?? keys.days.get(wallDay(wall));
}

/** Occurrence id suffix for a slot: `20270104` for dates, UTC basic format for times. */
function slotId(wall: number, instant: number, allDay: boolean): string {
  return allDay ? compactDate(wall) : utcBasic(instant);
}

/**
 * Every occurrence of a master (with its overrides' slots removed) that overlaps the range.
 * `idBase` is the UID (or the UID with a `~n` suffix when distinct events share one).
 */
export function expandMaster(
  master: ParsedEvent,
  start: ZonedValue,
  idBase: string,
  overrides: readonly ParsedEvent[],
  ctx: ExpandContext,
): ExpandResult {
  const shape = shapeOf(master, start, ctx);
  const { range, clock } = ctx;
  const isSeries = master.rrules.length > 0 || master.rdates.length > 0;
  const excluded: SlotKeys = { instants: new Map(), days: new Map() };
  for (const ex of master.exdates) addSlot(excluded, ex, shape, clock, true);
  const replaced: SlotKeys = { instants: new Map(), days: new Map() };
  for (const ov of overrides) {
    if (ov.recurrenceId) addSlot(replaced, ov.recurrenceId, shape, clock, ov);
  }

  const lo = range.start - MARGIN - spanUpper(shape.span);
  const hi = range.end + MARGIN;
  const events: CalendarEvent[] = [];
  const seen = new Set<number>();
  let reachedRange = false;

  const visit = (wall: number, knownInstant?: number, explicitEnd?: number): void => {
    const instant = knownInstant ?? clock.toInstant(wall, shape.zone);
    const key = shape.allDay ? wall : instant;
    if (seen.has(key)) return;
    seen.add(key);
    if (lookup(excluded, wall, instant, shape) || lookup(replaced, wall, instant, shape)) return;
    const t = timesOf(wall, instant, shape, clock, explicitEnd);
    if (!overlaps(t, range)) return;
    const id = isSeries ? `${idBase}#${slotId(wall, instant, shape.allDay)}` : idBase;
    events.push(makeEvent(id, master, t, ctx));
  };

  const startWall = start.value.wall;
  // §3.8.5.3: "The DTSTART property defines the first instance in the recurrence set", even
  // when the rule would not produce it (ical.js skips an unsynchronized DTSTART).
  if (startWall >= lo && startWall < hi) visit(startWall);

  const counter: StepCounter = { series: MAX_SERIES_STEPS, read: ctx.budget, sinceLastInstance: 0 };
  for (const rule of master.rrules) {
    try {
      iterateRule(rule, startWall, shape, lo, hi, counter, clock, (wall) => {
        reachedRange = true;
        visit(wall);
      });
    } catch (error) {
      if (error instanceof StepLimitError) {
        const quoted = quoteValue(rule.text, 80);
        if (error.scope === 'read') {
          return {
            ok: false,
            reason: `not expanded: the calendar's recurrences need more than ${MAX_TOTAL_STEPS.toLocaleString('en-US')} steps in total (RRULE ${quoted})`,
          };
        }
        const limit = MAX_SERIES_STEPS.toLocaleString('en-US');
        if (counter.sinceLastInstance >= STALL_STEPS) {
          const stall = STALL_STEPS.toLocaleString('en-US');
          return {
            ok: false,
            reason: `RRULE ${quoted} finds no occurrence in ${stall} steps (stopped after ${limit})`,
          };
        }
        const where = reachedRange ? 'in' : 'before';
        return {
          ok: false,
          reason: `too many occurrences ${where} the range (RRULE ${quoted} stopped after ${limit} steps)`,
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `RRULE ${quoteValue(rule.text, 80)} is invalid: ${message}` };
    }
  }

  for (const rdate of master.rdates) {
    const v = rdate.value;
    let wall: number;
    let instant: number | undefined;
    if (shape.allDay) {
      wall = wallDay(v.wall);
    } else if (v.kind === 'date') {
      // A DATE in a timed series: that day at DTSTART's time of day.
      wall = v.wall + (startWall - wallDay(startWall));
    } else {
      const zone = rdate.zone ?? shape.zone;
      instant = clock.toInstant(v.wall, zone);
      wall = zone === shape.zone ? v.wall : clock.toWall(instant, shape.zone);
    }
    // A PERIOD carries its own end, which may reach further into the range than the series' span.
    if (wall >= hi || (wall < lo && !rdate.end)) continue;
    let explicitEnd: number | undefined;
    if (!shape.allDay && rdate.end) {
      const from = instant ?? clock.toInstant(wall, shape.zone);
      const end = rdate.end;
      if ('value' in end) {
        explicitEnd = clock.toInstant(end.value.wall, end.zone ?? shape.zone);
      } else {
        explicitEnd =
          end.days > 0
            ? clock.toInstant(wall + end.days * DAY_MS, shape.zone) + end.ms
            : from + end.ms;
      }
    }
    visit(wall, instant, explicitEnd);
  }

  return { ok: true, events, shape };
}

/**
 * The occurrence an override stands for, or `null` when it is cancelled or outside the range.
 * `masterShape` is null for an override whose master is missing (read as a single event).
 */
export function expandOverride(
  override: ParsedEvent,
  idBase: string,
  masterShape: Shape | null,
  ctx: ExpandContext,
): CalendarEvent | null {
  if (override.cancelled || !override.start || !override.recurrenceId) return null;
  const shape = shapeOf(override, override.start, ctx, masterShape?.span);
  const wall = override.start.value.wall;
  const instant = ctx.clock.toInstant(wall, shape.zone);
  const t = timesOf(wall, instant, shape, ctx.clock);
  if (!overlaps(t, ctx.range)) return null;
  const rid = override.recurrenceId;
  const slotShape = masterShape ?? shape;
  let suffix: string;
  if (slotShape.allDay || rid.value.kind === 'date') {
    suffix = compactDate(rid.value.wall);
  } else {
    suffix = utcBasic(ctx.clock.toInstant(rid.value.wall, rid.zone ?? slotShape.zone));
  }
  return makeEvent(`${idBase}#${suffix}`, override, t, ctx);
}

/** A non-recurring event: its one occurrence, if it overlaps the range. */
export function expandSingle(
  event: ParsedEvent,
  start: ZonedValue,
  id: string,
  ctx: ExpandContext,
): CalendarEvent | null {
  const shape = shapeOf(event, start, ctx);
  const wall = start.value.wall;
  const t = timesOf(wall, ctx.clock.toInstant(wall, shape.zone), shape, ctx.clock);
  return overlaps(t, ctx.range) ? makeEvent(id, event, t, ctx) : null;
}

const PLAIN_WEEKDAY = /^(SU|MO|TU|WE|TH|FR|SA)$/;
const FIXED_SECONDS: Partial<Record<string, number>> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
};

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Where to start iterating so that no instance overlapping the range is lost, for a rule that
 * repeats with a fixed period: `startWall` moved forward by whole periods to at most `lo`.
 * The rule's instances after the new start are then exactly the original ones (its pattern is
 * invariant under that shift), while the ones before it all end before the range.
 */
function jumpStart(recur: ICAL.Recur, startWall: number, allDay: boolean, lo: number): number {
  if (startWall >= lo || recur.count !== null) return startWall;
  const parts = recur.parts;
  const keys = Object.keys(parts).filter(
    (k) => (parts as Record<string, unknown[] | undefined>)[k]?.length,
  );
  const interval = Math.max(1, recur.interval);
  const unit = FIXED_SECONDS[recur.freq];
  if (unit !== undefined) {
    if (allDay && unit < 86_400) return startWall;
    const allowed = keys.every((k) =>
      k === 'BYDAY'
        ? (parts.BYDAY ?? []).every((d) => PLAIN_WEEKDAY.test(d))
        : k === 'BYHOUR' || k === 'BYMINUTE' || k === 'BYSECOND',
    );
    if (!allowed) return startWall;
    const step = interval * unit;
    const cycle =
      keys.includes('BYDAY') || recur.freq === 'WEEKLY' ? 604_800 : keys.length > 0 ? 86_400 : step;
    const periodMs = (step / gcd(step, cycle)) * cycle * 1000;
    const k = Math.floor((lo - startWall) / periodMs);
    return k > 0 ? startWall + k * periodMs : startWall;
  }
  if (keys.length > 0) return startWall;
  const f = wallFields(startWall);
  if (recur.freq === 'MONTHLY' && f.day <= 28) {
    // 31-day months overestimate the distance, so the jump never passes `lo`.
    const k = Math.floor(Math.floor((lo - startWall) / (31 * DAY_MS)) / interval);
    return k > 0
      ? Date.UTC(f.year, f.month - 1 + k * interval, f.day, f.hour, f.minute, f.second)
      : startWall;
  }
  if (recur.freq === 'YEARLY' && !(f.month === 2 && f.day === 29)) {
    const k = Math.floor(Math.floor((lo - startWall) / (366 * DAY_MS)) / interval);
    return k > 0
      ? Date.UTC(f.year + k * interval, f.month - 1, f.day, f.hour, f.minute, f.second)
      : startWall;
  }
  return startWall;
}

function icalTime(wall: number, isDate: boolean): ICAL.Time {
  return new ICAL.Time({ ...wallFields(wall), isDate }, ICAL.Timezone.localTimezone);
}

/** UNTIL moved onto the series' wall clock, so ical.js compares like with like. */
function localUntil(until: ICAL.Time, shape: Shape, clock: ZoneClock): ICAL.Time {
  const wall = Date.UTC(
    until.year,
    until.month - 1,
    until.day,
    until.hour,
    until.minute,
    until.second,
  );
  if (shape.allDay) return icalTime(wall, until.isDate);
  // RFC 5545 §3.3.10 wants a DATE-TIME UNTIL for timed series; a DATE is read as the whole day.
  if (until.isDate) return icalTime(wall + DAY_MS - 1000, false);
  if (until.zone === ICAL.Timezone.utcTimezone)
    return icalTime(clock.toWall(wall, shape.zone), false);
  return icalTime(wall, false);
}

function monthDayMatches(
  day: number,
  year: number,
  month: number,
  byMonthDay: readonly number[],
): boolean {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return byMonthDay.some((d) => (d > 0 ? d === day : last + 1 + d === day));
}

/**
 * Runs one RRULE, calling `visit` with each instance's wall time in `[lo, hi)`.
 * Throws `StepLimitError` when a limit is hit, or ical.js's error for a rule it cannot run.
 */
function iterateRule(
  rule: ParsedRule,
  startWall: number,
  shape: Shape,
  lo: number,
  hi: number,
  counter: StepCounter,
  clock: ZoneClock,
  visit: (wall: number) => void,
): void {
  const recur = rule.recur.clone();
  if (recur.until) recur.until = localUntil(recur.until, shape, clock);
  const from = jumpStart(recur, startWall, shape.allDay, lo);
  const iterator = recur.iterator(icalTime(from, shape.allDay));
  const check = iterator.check_contracting_rules.bind(iterator);
  iterator.check_contracting_rules = (): boolean => {
    counter.sinceLastInstance++;
    if (--counter.series < 0) throw new StepLimitError('series');
    if (--counter.read.steps < 0) throw new StepLimitError('read');
    return check();
  };
  // ical.js normalizes impossible days instead of skipping them (BYMONTH=2;BYMONTHDAY=30
  // yields 2 March): RFC 5545 §3.3.10 says such instances are ignored, so they are filtered.
  const byMonth = recur.parts.BYMONTH;
  const byMonthDay = recur.parts.BYMONTHDAY;
  for (;;) {
    const t = iterator.next();
    if (!t) return;
    counter.sinceLastInstance = 0;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= hi) return;
    if (wall < lo) continue;
    if (byMonth && !byMonth.includes(t.month)) continue;
    if (byMonthDay && !monthDayMatches(t.day, t.year, t.month, byMonthDay)) continue;
    visit(wall);
  }
}
