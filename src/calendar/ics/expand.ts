/**
 * Recurrence expansion (RFC 5545 §3.8.5.3): the DTSTART instance, RRULE and RDATE instances,
 * minus EXDATE, with RECURRENCE-ID overrides (§3.8.4.4) replacing their slot, over a range.
 *
 * Each RRULE runs in the series' wall clock (`rule-iteration.ts`): rules are defined in local
 * time (§3.3.10), so iteration runs on floating times and each instance is converted to an
 * instant afterwards. The rest is done here rather than with `ICAL.Event`/`RecurExpansion`,
 * because those match overrides by `Time#toString()` (an override written in UTC for a zoned
 * series never matches), throw after 500 EXDATEs in a row, and relate exceptions by scanning the
 * whole calendar per event (quadratic).
 *
 * Work is bounded (see `rule-iteration.ts` for the limits). A series that hits one is reported
 * as skipped rather than shown half-expanded, and its stretch of the range stands in as one
 * busy event (`CalendarEvent.unexpanded`), so time it may occupy is never offered as free. The
 * limit is per day of the range, so `events` over a week and `plan` over months agree about a
 * series: one that repeats every minute is too dense for both.
 */
import type { CalendarEvent, InstantRange } from '../../core/events';
import { DAY_MS, HOUR_MS } from '../../core/time';
import type { ParsedEvent, ZonedValue } from './parse-event';
import {
  iterateRule,
  MAX_SERIES_STEPS,
  MAX_STEPS_PER_DAY,
  seriesCounter,
  STALL_STEPS,
  untilWall,
} from './rule-iteration';
import { MAX_TOTAL_STEPS, StepLimitError, type StepBudget } from './rule-steps';
import { quoteValue, wallDate, wallDay, type TimeValue } from './values';
import type { Zone, ZoneClock } from './zones';
import { compactDate, slotId, utcBasic } from './occurrence-id';

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

  const counter = seriesCounter(ctx.budget, lo, hi);
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
  if (clearlyOutside(event, start, ctx.range)) return null;
  const shape = shapeOf(event, start, ctx);
  const wall = start.value.wall;
  const t = timesOf(wall, ctx.clock.toInstant(wall, shape.zone), shape, ctx.clock);
  return overlaps(t, ctx.range) ? makeEvent(id, event, t, ctx) : null;
}

/**
 * Whether a single event's wall times alone put it outside the range, so its zone need not be
 * consulted: most events of a large calendar are. Only for ends that read without a warning
 * (DTEND in DTSTART's zone and not before it, a DURATION that is not negative), so warnings
 * do not depend on the range.
 */
function clearlyOutside(event: ParsedEvent, start: ZonedValue, range: InstantRange): boolean {
  const wall = start.value.wall;
  // A wall time is within ±MARGIN of its instant in any zone.
  if (wall >= range.end + MARGIN) return true;
  const end = event.end;
  let endWall: number;
  if (end.kind === 'end') {
    if (end.end.zone !== start.zone || end.end.value.wall < wall) return false;
    endWall = end.end.value.wall;
  } else if (end.kind === 'duration') {
    if (end.duration.days < 0 || end.duration.ms < 0) return false;
    // A nominal day can last 25 hours across a DST change.
    endWall = wall + end.duration.days * (DAY_MS + HOUR_MS) + end.duration.ms;
  } else {
    endWall = wall + DAY_MS;
  }
  return endWall + MARGIN < range.start;
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
