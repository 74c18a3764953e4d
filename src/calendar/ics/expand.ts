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
 * Work is bounded. Each ical.js rule step is counted (`rule-steps.ts`). A series may take
 * `MAX_SERIES_STEPS` to reach the range and `MAX_STEPS_PER_DAY` for each day of it, and a whole
 * read `MAX_TOTAL_STEPS` (time-zone onsets included); past any of these the series is reported
 * as skipped rather than shown half-expanded, and its stretch of the range stands in as one
 * busy event (`CalendarEvent.unexpanded`), so time it may occupy is never offered as free. The
 * per-day limit makes `events` over a week and `plan` over months agree about a series: one
 * that repeats every minute is too dense for both.
 *
 * Rules whose instances repeat with a fixed period (no ordinal BY parts) are started at the
 * last period boundary before the range, so "daily since 1970" costs the same as "daily since
 * last week"; with COUNT, the instances of one period are counted once and the count reduced
 * by the periods skipped.
 */
import ICAL from 'ical.js';
import type { CalendarEvent, InstantRange } from '../../core/events';
import { DAY_MS, HOUR_MS } from '../../core/time';
import type { ParsedEvent, ParsedRule, ZonedValue } from './parse-event';
import { countSteps, MAX_TOTAL_STEPS, StepLimitError, type StepBudget } from './rule-steps';
import { quoteValue, wallDate, wallDay, wallFields, type TimeValue } from './values';
import type { Zone, ZoneClock } from './zones';

/** Rule steps one series may take before it reaches the range. */
export const MAX_SERIES_STEPS = 50_000;
/**
 * Rule steps one series may take per day of the range: one occurrence every five minutes. A
 * limit per day rather than per read, so a week and three months agree about a series.
 */
export const MAX_STEPS_PER_DAY = 288;
export { MAX_TOTAL_STEPS };

// Wall time and instant differ by the UTC offset, which stays within ±26 h even in garbage
// VTIMEZONEs that pass validation (±18 h); 30 h keeps every bound below on the safe side.
const MARGIN = 30 * HOUR_MS;

/** What expansion needs from the read. */
export interface ExpandContext {
  range: InstantRange;
  /** The runner's zone: all-day events start at its midnights. */
  runnerZone: Zone;
  clock: ZoneClock;
  /** Rule steps left for the whole read (shared with time-zone onsets, decremented). */
  budget: StepBudget;
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

/**
 * A series' occurrences, or why it could not be expanded. `busy` then stands in for its time in
 * the range (fail closed); it is `null` for a rule ical.js cannot run and for a series whose
 * time lies outside the range.
 */
export type ExpandResult =
  | { ok: true; events: CalendarEvent[]; shape: Shape }
  | { ok: false; reason: string; busy: CalendarEvent | null };

/** Steps without an instance after which a rule that hits the limit is called stalled. */
const STALL_STEPS = 10_000;

interface StepCounter {
  /** Steps left for this series before the range. */
  before: number;
  /** Steps left for this series once it has reached the range. */
  inRange: number;
  /** Whether an instance in the range has been seen. */
  reached: boolean;
  /** Steps left for the whole read (shared). */
  read: StepBudget;
  /** Steps since the iterator last produced an instance. */
  sinceLastInstance: number;
}

function step(counter: StepCounter): void {
  counter.sinceLastInstance++;
  if (--counter.read.steps < 0) throw new StepLimitError('read');
  if (counter.reached) {
    if (--counter.inRange < 0) throw new StepLimitError('range');
  } else if (--counter.before < 0) throw new StepLimitError('before');
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

  const counter: StepCounter = {
    before: MAX_SERIES_STEPS,
    inRange: Math.ceil(((hi - lo) / DAY_MS) * MAX_STEPS_PER_DAY),
    reached: false,
    read: ctx.budget,
    sinceLastInstance: 0,
  };
  for (const rule of master.rrules) {
    counter.reached = false;
    try {
      iterateRule(rule, startWall, shape, lo, hi, counter, clock, visit);
    } catch (error) {
      const quoted = quoteValue(rule.text, 80);
      if (!(error instanceof StepLimitError)) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: `RRULE ${quoted} is invalid: ${message}`, busy: null };
      }
      const busy = standIn(master, shape, start, idBase, ctx);
      const failed = (reason: string): ExpandResult => ({
        ok: false,
        reason: busy ? `${reason}; its time in the range is counted as busy` : reason,
        busy,
      });
      if (error.scope === 'read') {
        return failed(
          `not expanded: the calendar's recurrences need more than ${MAX_TOTAL_STEPS.toLocaleString('en-US')} steps in total (RRULE ${quoted})`,
        );
      }
      const limit = MAX_SERIES_STEPS.toLocaleString('en-US');
      if (counter.sinceLastInstance >= STALL_STEPS) {
        const stall = STALL_STEPS.toLocaleString('en-US');
        return failed(
          `RRULE ${quoted} finds no occurrence in ${stall} steps (stopped after ${limit})`,
        );
      }
      if (error.scope === 'range') {
        return failed(
          `too many occurrences in the range (RRULE ${quoted} needs more than ${MAX_STEPS_PER_DAY} steps a day)`,
        );
      }
      return failed(
        `too many occurrences before the range (RRULE ${quoted} stopped after ${limit} steps)`,
      );
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

/** Where a rule is started instead of DTSTART, and how many of its instances that skips. */
interface Jump {
  from: number;
  /** Instances ical.js would have produced before `from` (what COUNT must be reduced by). */
  skipped: number;
}

/**
 * How a rule repeats, when it does so with a fixed period: `ms` for SECONDLY…WEEKLY rules whose
 * only BY parts are plain weekdays, hours, minutes and seconds (their instances are invariant
 * under a shift by the period), `months` for a plain MONTHLY rule on day 1–28 and `years` for a
 * plain YEARLY rule not on 29 February (one instance per period). `null` for everything else.
 */
type Period = { kind: 'ms'; ms: number } | { kind: 'months' | 'years'; every: number };

function periodOf(recur: ICAL.Recur, startWall: number, allDay: boolean): Period | null {
  const parts = recur.parts;
  const keys = Object.keys(parts).filter(
    (k) => (parts as Record<string, unknown[] | undefined>)[k]?.length,
  );
  const interval = Math.max(1, recur.interval);
  const unit = FIXED_SECONDS[recur.freq];
  if (unit !== undefined) {
    if (allDay && unit < 86_400) return null;
    const allowed = keys.every((k) =>
      k === 'BYDAY'
        ? (parts.BYDAY ?? []).every((d) => PLAIN_WEEKDAY.test(d))
        : k === 'BYHOUR' || k === 'BYMINUTE' || k === 'BYSECOND',
    );
    if (!allowed) return null;
    const stepSeconds = interval * unit;
    const cycle =
      keys.includes('BYDAY') || recur.freq === 'WEEKLY'
        ? 604_800
        : keys.length > 0
          ? 86_400
          : stepSeconds;
    return { kind: 'ms', ms: (stepSeconds / gcd(stepSeconds, cycle)) * cycle * 1000 };
  }
  if (keys.length > 0) return null;
  const f = wallFields(startWall);
  if (recur.freq === 'MONTHLY' && f.day <= 28) return { kind: 'months', every: interval };
  if (recur.freq === 'YEARLY' && !(f.month === 2 && f.day === 29))
    return { kind: 'years', every: interval };
  return null;
}

/**
 * Where to start iterating so that no instance overlapping the range is lost: `startWall`
 * moved forward by whole periods to at most `lo`. The rule's instances after the new start are
 * then exactly the original ones (its pattern is invariant under that shift), while the ones
 * before it all end before the range. Any whole period holds the same number of instances, so
 * a COUNT rule has skipped that number times the periods jumped.
 */
function jumpStart(
  recur: ICAL.Recur,
  startWall: number,
  shape: Shape,
  lo: number,
  counter: StepCounter,
): Jump {
  const none: Jump = { from: startWall, skipped: 0 };
  if (startWall >= lo) return none;
  const period = periodOf(recur, startWall, shape.allDay);
  if (!period) return none;
  if (period.kind === 'ms') {
    // Strictly before `lo`: ical.js yields an unsynchronized start (one failing a limiting BY
    // part, e.g. DTSTART on a Sunday for FREQ=DAILY;BYDAY=SA) as an instance, and a jumped start
    // is unsynchronized whenever DTSTART is; `wall < lo` then drops it.
    const k = Math.floor((lo - 1 - startWall) / period.ms);
    if (k <= 0) return none;
    const from = startWall + k * period.ms;
    if (recur.count === null) return { from, skipped: 0 };
    const counts = instancesPerPeriod(recur, startWall, period.ms, shape, counter);
    // The first period holds the steady count, plus DTSTART itself when it is unsynchronized.
    if (counts.first !== counts.steady && counts.first !== counts.steady + 1) return none;
    // Before `from`: first + (k - 1) × steady yields; from `from`, the jumped iterator yields
    // its own unsynchronized start first (when DTSTART was one), which uses one more.
    return { from, skipped: k * counts.steady };
  }
  const f = wallFields(startWall);
  if (period.kind === 'months') {
    // 31-day months overestimate the distance, so the jump never passes `lo`.
    const k = Math.floor(Math.floor((lo - startWall) / (31 * DAY_MS)) / period.every);
    if (k <= 0) return none;
    const from = Date.UTC(
      f.year,
      f.month - 1 + k * period.every,
      f.day,
      f.hour,
      f.minute,
      f.second,
    );
    return { from, skipped: recur.count === null ? 0 : k };
  }
  const k = Math.floor(Math.floor((lo - startWall) / (366 * DAY_MS)) / period.every);
  if (k <= 0) return none;
  const from = Date.UTC(f.year + k * period.every, f.month - 1, f.day, f.hour, f.minute, f.second);
  return { from, skipped: recur.count === null ? 0 : k };
}

/**
 * How many instances ical.js yields, ignoring COUNT and UNTIL, in the first period
 * `[startWall, startWall + periodMs)` and in the second (the steady state).
 */
function instancesPerPeriod(
  recur: ICAL.Recur,
  startWall: number,
  periodMs: number,
  shape: Shape,
  counter: StepCounter,
): { first: number; steady: number } {
  const open = recur.clone();
  open.count = null;
  open.until = null;
  const iterator = countSteps(open.iterator(icalTime(startWall, shape.allDay)), () =>
    step(counter),
  );
  const counts = { first: 0, steady: 0 };
  for (;;) {
    const t = iterator.next();
    if (!t) return counts;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= startWall + 2 * periodMs) return counts;
    if (wall < startWall + periodMs) counts.first++;
    else counts.steady++;
  }
}

function icalTime(wall: number, isDate: boolean): ICAL.Time {
  return new ICAL.Time({ ...wallFields(wall), isDate }, ICAL.Timezone.localTimezone);
}

/** UNTIL as a wall time on the series' clock, so it compares like with like. */
function untilWall(until: ICAL.Time, shape: Shape, clock: ZoneClock): number {
  const wall = Date.UTC(
    until.year,
    until.month - 1,
    until.day,
    until.hour,
    until.minute,
    until.second,
  );
  if (shape.allDay) return wall;
  // RFC 5545 §3.3.10 wants a DATE-TIME UNTIL for timed series; a DATE is read as the whole day.
  if (until.isDate) return wall + DAY_MS - 1000;
  if (until.zone === ICAL.Timezone.utcTimezone) return clock.toWall(wall, shape.zone);
  return wall;
}

/** UNTIL moved onto the series' wall clock, as ical.js compares it. */
function localUntil(until: ICAL.Time, shape: Shape, clock: ZoneClock): ICAL.Time {
  return icalTime(untilWall(until, shape, clock), shape.allDay && until.isDate);
}

/**
 * One busy event standing in for a series that could not be expanded: from its start (or the
 * range's) to the end of the range, or to its last UNTIL when every rule has one and there are
 * no RDATEs. `null` when that stretch misses the range.
 */
function standIn(
  master: ParsedEvent,
  shape: Shape,
  start: ZonedValue,
  idBase: string,
  ctx: ExpandContext,
): CalendarEvent | null {
  const { range, clock } = ctx;
  const startWall = start.value.wall;
  let end = range.end;
  if (master.rdates.length === 0 && master.rrules.every((r) => r.recur.until)) {
    let lastWall = -Infinity;
    for (const r of master.rrules) {
      if (r.recur.until) lastWall = Math.max(lastWall, untilWall(r.recur.until, shape, clock));
    }
    end = Math.min(end, clock.toInstant(lastWall, shape.zone) + spanUpper(shape.span));
  }
  let times: Times;
  if (shape.allDay) {
    const firstDay = Math.max(wallDay(startWall), wallDay(clock.toWall(range.start, shape.zone)));
    const endDay = wallDay(clock.toWall(end - 1, shape.zone)) + DAY_MS;
    if (firstDay >= endDay) return null;
    times = {
      start: clock.toInstant(firstDay, shape.zone),
      end: clock.toInstant(endDay, shape.zone),
      startDate: wallDate(firstDay),
      endDate: wallDate(endDay),
    };
  } else {
    const from = Math.max(range.start, clock.toInstant(startWall, shape.zone));
    if (from >= end) return null;
    times = { start: from, end };
  }
  const event = makeEvent(`${idBase}#not-expanded`, master, times, ctx);
  delete event.ironstrideSessionId;
  event.unexpanded = true;
  return event;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A rule whose BYMONTHDAY names no day that exists in any of its BYMONTH months
 * (`BYMONTH=2;BYMONTHDAY=30`) has no instances at all (RFC 5545 §3.3.10 ignores invalid
 * dates), while ical.js would search for one forever.
 */
function neverMatches(recur: ICAL.Recur): boolean {
  const months = recur.parts.BYMONTH;
  const days = recur.parts.BYMONTHDAY;
  if (!months?.length || !days?.length) return false;
  const longest = Math.max(...months.map((m) => MONTH_DAYS[m - 1] ?? 31));
  return days.every((d) => Math.abs(d) > longest);
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
  if (neverMatches(recur)) return;
  if (recur.until) recur.until = localUntil(recur.until, shape, clock);
  const jump = jumpStart(recur, startWall, shape, lo, counter);
  if (recur.count !== null) {
    // COUNT 0 would mean "no limit" to ical.js.
    if (recur.count - jump.skipped <= 0) return;
    recur.count -= jump.skipped;
  }
  const iterator = countSteps(recur.iterator(icalTime(jump.from, shape.allDay)), () =>
    step(counter),
  );
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
    counter.reached = true;
    if (byMonth && !byMonth.includes(t.month)) continue;
    if (byMonthDay && !monthDayMatches(t.day, t.year, t.month, byMonthDay)) continue;
    visit(wall);
  }
}
