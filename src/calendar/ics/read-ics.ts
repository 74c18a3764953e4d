/**
 * The tolerant ICS reader: bytes or text → every occurrence in a range, plus an account of
 * every VEVENT that could not be read.
 *
 * ical.js rejects a whole file for one flaw (a BOM, a parameter without a value, an unquoted
 * TZID with a space, `DTSTART;VALUE=DATE:` carrying a time, an unbalanced BEGIN/END), so the
 * tolerance is built around it, per component: decode (`decode.ts`), unfold and split content
 * lines (`content-lines.ts`), cut the text into VCALENDAR/VTIMEZONE/VEVENT blocks
 * (`split-components.ts`), read each VEVENT on its own (`parse-event.ts`), resolve zones
 * (`zones.ts`), and expand recurrences with ical.js's RRULE engine (`expand.ts`).
 *
 * Decisions (see the tests for each):
 * - `read` counts VEVENTs read successfully: masters, overrides, cancellations and
 *   superseded copies alike. `skipped` lists the others, so `read + skipped.length` is the
 *   number of `BEGIN:VEVENT`s in the input.
 * - Copies: VEVENTs with the same UID and RECURRENCE-ID in different VCALENDARs are versions of
 *   one event (libical's large.ics repeats RFC examples ~1,800 times): the highest SEQUENCE
 *   wins, the last one among equals. In one VCALENDAR, identical copies collapse, but
 *   different events that share a UID are all kept (some exporters reuse one UID), their ids
 *   suffixed `~2`, `~3`…; two overrides of one slot keep the highest SEQUENCE / last.
 * - Floating times are read in the calendar's X-WR-TIMEZONE when it names a zone (what Google
 *   and Apple Calendar do with their own exports), else in the runner's zone. All-day events
 *   are dates, never shifted: their instants are midnights in the runner's zone.
 * - Unknown TZIDs: IANA (Intl) name > Windows/Outlook name > the file's VTIMEZONE > offset in
 *   the name > the runner's zone, with a warning for the last.
 * - Hostile input is bounded. A series that needs too many rule steps (see `expand.ts`) is
 *   skipped with its reason, never half-shown, and one busy event stands in for its stretch of
 *   the range (fail closed). A file's VTIMEZONE is computed only when an event's time is
 *   converted in it, only for the years asked about, from the same step budget
 *   (`custom-zone.ts`).
 */
import type {
  CalendarEvent,
  InstantRange,
  ReadCalendarResult,
  SkippedEvent,
} from '../../core/events';
import { isValidTimeZone, MINUTE_MS, zoneOffsetMinutes } from '../../core/time';
import { unfoldLines } from './content-lines';
import { decodeIcs } from './decode';
import { parseCustomZone, type CustomZone, type CustomZoneContext } from './custom-zone';
import {
  expandMaster,
  expandOverride,
  expandSingle,
  type ExpandContext,
  type Shape,
} from './expand';
import {
  fingerprintOf,
  parseVevent,
  type EventContext,
  type ParsedEvent,
  type ZonedValue,
} from './parse-event';
import type { ParsedRule } from './parse-rrule';
import { splitComponents, type CalendarBlock, type SplitCalendar } from './split-components';
import { MAX_TOTAL_STEPS, type StepBudget } from './rule-steps';
import { describeZone, ianaInstant, resolveTzid, ZoneClock, type Zone } from './zones';

/** Thrown only when the input as a whole is not a calendar. */
export class IcsError extends Error {
  override name = 'IcsError';
}

export interface ReadIcsOptions {
  /** The runner's IANA zone: floating times are read in it; all-day events get midnight instants in it. */
  timezone: string;
  /** Only occurrences overlapping this range are returned; recurrence expansion stops at range.end. */
  range: InstantRange;
  /** Label stored in CalendarEvent.source and SkippedEvent.source. */
  source?: string;
}

/** Something read in a way the runner may want to know about (an unknown zone, a dropped EXDATE). */
export interface IcsWarning {
  uid: string | null;
  message: string;
}

/** `ReadCalendarResult` plus the reader's warnings; assignable wherever the former is expected. */
export interface ReadIcsResult extends ReadCalendarResult {
  warnings: IcsWarning[];
}

const MAX_WARNINGS = 200;

class WarningLog {
  readonly list: IcsWarning[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(uid: string | null, message: string): void {
    const key = `${uid ?? ''}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.list.length < MAX_WARNINGS) this.list.push({ uid, message });
    else this.dropped++;
  }

  finish(): IcsWarning[] {
    if (this.dropped > 0)
      this.list.push({ uid: null, message: `${this.dropped} more warnings not shown` });
    return this.list;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? (value.constructor?.name ?? 'an object')
    : `${typeof value} ${JSON.stringify(value)}`;
}

function checkOptions(options: ReadIcsOptions): void {
  if (typeof options.timezone !== 'string' || !isValidTimeZone(options.timezone)) {
    throw new RangeError(`readIcs: unknown time zone ${JSON.stringify(options.timezone)}`);
  }
  const { range } = options;
  if (
    typeof range !== 'object' ||
    !Number.isFinite(range.start) ||
    !Number.isFinite(range.end) ||
    range.start > range.end
  ) {
    throw new RangeError(
      `readIcs: range must be finite instants with start <= end, got ${JSON.stringify(range)}`,
    );
  }
}

function notACalendar(text: string): string {
  const trimmed = text.trimStart();
  if (trimmed.trim() === '') return 'not an iCalendar file: the input is empty';
  let cut = Math.min(trimmed.length, 40);
  const lf = trimmed.indexOf('\n');
  const cr = trimmed.indexOf('\r');
  if (lf !== -1) cut = Math.min(cut, lf);
  if (cr !== -1) cut = Math.min(cut, cr);
  const head = trimmed.slice(0, cut).trimEnd();
  return `not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT found (starts with ${JSON.stringify(head)})`;
}

/** Identity of a RECURRENCE-ID for telling copies apart (its zone as written, not resolved). */
function slotKey(rid: ZonedValue): string {
  return `${rid.value.kind}:${rid.value.wall}:${rid.zone ? describeZone(rid.zone) : 'floating'}`;
}

function newer(a: ParsedEvent, b: ParsedEvent): ParsedEvent {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence ? a : b;
  return a.order > b.order ? a : b;
}

/** The masters of one UID to expand, and how many copies were superseded. */
function chooseMasters(masters: ParsedEvent[]): { kept: ParsedEvent[]; superseded: number } {
  const first = masters[0];
  if (!first || masters.length === 1) return { kept: masters, superseded: 0 };
  if (masters.some((m) => m.calendarIndex !== first.calendarIndex)) {
    return { kept: [masters.reduce(newer)], superseded: masters.length - 1 };
  }
  const byFingerprint = new Map<string, ParsedEvent>();
  for (const m of masters) {
    const prior = byFingerprint.get(fingerprintOf(m));
    byFingerprint.set(fingerprintOf(m), prior ? newer(prior, m) : m);
  }
  const kept = [...byFingerprint.values()].sort((a, b) => a.order - b.order);
  return { kept, superseded: masters.length - kept.length };
}

/** One override per slot: the highest SEQUENCE, the last among equals. */
function chooseOverrides(overrides: ParsedEvent[]): { kept: ParsedEvent[]; superseded: number } {
  const bySlot = new Map<string, ParsedEvent>();
  for (const o of overrides) {
    if (!o.recurrenceId) continue;
    const key = slotKey(o.recurrenceId);
    const prior = bySlot.get(key);
    bySlot.set(key, prior ? newer(prior, o) : o);
  }
  const kept = [...bySlot.values()].sort((a, b) => a.order - b.order);
  return { kept, superseded: overrides.length - kept.length };
}

/**
 * Ids must be unique per occurrence (events.ts). Two overrides of one slot written in
 * different forms (`RECURRENCE-ID:…Z` and `RECURRENCE-ID;TZID=…`) both survive copy detection,
 * which compares them as written; the later one gets a `~n` suffix rather than a clashing id.
 */
function makeIdsUnique(events: CalendarEvent[]): void {
  const seen = new Set<string>();
  for (const event of events) {
    let id = event.id;
    for (let n = 2; seen.has(id); n++) id = `${event.id}~${n}`;
    seen.add(id);
    event.id = id;
  }
}

/**
 * One `EventContext` per calendar: how its TZIDs resolve (its own VTIMEZONEs first, then any in
 * the file, since concatenated exports and bare components often lean on a neighbour's) and
 * which zone its floating times are in.
 */
function calendarContexts(
  split: SplitCalendar,
  runnerZone: { kind: 'iana'; name: string },
  budget: StepBudget,
  warnings: WarningLog,
): (calendar: CalendarBlock) => EventContext {
  const runnerName = describeZone(runnerZone);
  const zoneContext: CustomZoneContext = {
    budget,
    recurs: new Map(),
    fallback: {
      name: runnerName,
      offsetAtWall: (wall) => (wall - ianaInstant(wall, runnerZone.name)) / 1000,
      offsetAtInstant: (instant) =>
        zoneOffsetMinutes(instant, runnerZone.name) * (MINUTE_MS / 1000),
    },
    warn: (message) => warnings.add(null, message),
  };
  const fileTimezones = new Map<string, string[]>();
  for (const calendar of split.calendars) {
    for (const [tzid, lines] of calendar.timezones) {
      if (!fileTimezones.has(tzid)) fileTimezones.set(tzid, lines);
    }
  }
  // libical's large.ics repeats one VTIMEZONE in 1,788 calendars: build each text once. Only
  // TZIDs an event (or X-WR-TIMEZONE) names get here, and building computes no onsets yet.
  const built = new Map<string, CustomZone | null>();
  const buildOnce = (lines: string[], tzid: string): CustomZone | null => {
    const key = lines.join('\n');
    let zone = built.get(key);
    if (zone === undefined) {
      zone = parseCustomZone(lines, tzid, zoneContext);
      built.set(key, zone);
    }
    return zone;
  };

  const contexts = new Map<CalendarBlock, EventContext>();
  const rules = new Map<string, ParsedRule | { error: string }>();
  return (calendar) => {
    const existing = contexts.get(calendar);
    if (existing) return existing;
    const findVtimezone = (tzid: string): CustomZone | null => {
      const lines = calendar.timezones.get(tzid) ?? fileTimezones.get(tzid);
      return lines ? buildOnce(lines, tzid) : null;
    };
    let floatingZone: Zone = runnerZone;
    if (calendar.wrTimezone) {
      const zone = resolveTzid(calendar.wrTimezone, findVtimezone);
      if (zone) floatingZone = zone;
      else {
        warnings.add(
          null,
          `X-WR-TIMEZONE ${JSON.stringify(calendar.wrTimezone)} is not a known zone: floating times read in ${runnerName}`,
        );
      }
    }
    const resolved = new Map<string, Zone>();
    const context: EventContext = {
      floatingZone,
      calendarIndex: calendar.index,
      warn: (uid, message) => warnings.add(uid, message),
      rules,
      zoneFor(tzid) {
        let zone = resolved.get(tzid);
        if (!zone) {
          zone = resolveTzid(tzid, findVtimezone) ?? runnerZone;
          if (zone === runnerZone) {
            warnings.add(
              null,
              `TZID ${JSON.stringify(tzid)} is neither a known zone nor defined by a usable VTIMEZONE: its times are read in ${runnerName}`,
            );
          }
          resolved.set(tzid, zone);
        }
        return zone;
      },
    };
    contexts.set(calendar, context);
    return context;
  };
}

interface UidGroup {
  masters: ParsedEvent[];
  overrides: ParsedEvent[];
}

interface GroupOutcome {
  superseded: number;
  /** Masters that could not be expanded, with the reason. */
  failed: { uid: string; reason: string }[];
}

/** Every occurrence of one UID: its series (or single events) and their overrides. */
function expandGroup(
  uid: string,
  group: UidGroup,
  ctx: ExpandContext,
  events: CalendarEvent[],
  warnings: WarningLog,
): GroupOutcome {
  const masters = chooseMasters(group.masters);
  const overrides = chooseOverrides(group.overrides);
  const outcome: GroupOutcome = {
    superseded: masters.superseded + overrides.superseded,
    failed: [],
  };
  if (masters.kept.length > 1) {
    warnings.add(uid, `${masters.kept.length} different events share this UID: all are kept`);
  }
  let shape: Shape | null = null;
  for (const [i, master] of masters.kept.entries()) {
    if (master.cancelled || !master.start) continue;
    const idBase = i === 0 ? uid : `${uid}~${i + 1}`;
    const recurring = master.rrules.length > 0 || master.rdates.length > 0;
    if (!recurring && overrides.kept.length === 0) {
      const single = expandSingle(master, master.start, idBase, ctx);
      if (single) events.push(single);
      continue;
    }
    const result = expandMaster(master, master.start, idBase, overrides.kept, ctx);
    if (!result.ok) {
      outcome.failed.push({ uid: master.uid, reason: result.reason });
      // Fail closed: the series' time is busy even though its occurrences are not listed.
      if (result.busy) events.push(result.busy);
      continue;
    }
    events.push(...result.events);
    shape ??= result.shape;
  }
  // A cancelled series takes its overrides with it (RFC 5546 §3.2.5: CANCEL of the master).
  if (masters.kept.length > 0 && masters.kept.every((m) => m.cancelled)) return outcome;
  for (const override of overrides.kept) {
    const occurrence = expandOverride(override, uid, shape, ctx);
    if (occurrence) events.push(occurrence);
  }
  return outcome;
}

/**
 * Reads an iCalendar file (text, or bytes: UTF-8, or windows-1252 when it is not UTF-8) and
 * returns every occurrence overlapping `options.range`, sorted by start.
 *
 * A malformed VEVENT is skipped and listed in `skipped`; it never fails the read. Throws
 * `IcsError` when the input is not a calendar at all (no BEGIN:VCALENDAR or BEGIN:VEVENT), and
 * `RangeError`/`TypeError` for invalid options.
 *
 * @example
 * readIcs(bytes, { timezone: 'Europe/London', range: { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 0, 11) } })
 */
export function readIcs(input: string | Uint8Array, options: ReadIcsOptions): ReadIcsResult {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError(
      `readIcs: input must be a string or a Uint8Array, got ${describeValue(input)}`,
    );
  }
  checkOptions(options);
  const text = decodeIcs(input);
  const split = splitComponents(unfoldLines(text));
  if (!split.isCalendar) throw new IcsError(notACalendar(text));

  const warnings = new WarningLog();
  const runnerZone = { kind: 'iana', name: options.timezone } as const;
  // One budget of rule steps for the whole read: event recurrences and VTIMEZONE onsets.
  const budget: StepBudget = { steps: MAX_TOTAL_STEPS };
  const contextFor = calendarContexts(split, runnerZone, budget, warnings);
  const source = options.source;
  const skipped: SkippedEvent[] = [];
  const skip = (uid: string | null, reason: string): void => {
    skipped.push(source === undefined ? { uid, reason } : { uid, reason, source });
  };

  // Group by UID before expanding anything: Google writes overrides before their master, and
  // relating each override to its master by scanning the file would be quadratic.
  const groups = new Map<string, UidGroup>();
  let read = 0;
  split.events.forEach((block, order) => {
    const outcome = parseVevent(block, order, contextFor(block.calendar));
    if (!outcome.ok) {
      skip(outcome.uid, outcome.reason);
      return;
    }
    read++;
    const event = outcome.event;
    let group = groups.get(event.uid);
    if (!group) {
      group = { masters: [], overrides: [] };
      groups.set(event.uid, group);
    }
    (event.recurrenceId ? group.overrides : group.masters).push(event);
  });

  const ctx: ExpandContext = {
    range: options.range,
    runnerZone,
    clock: new ZoneClock(),
    budget,
    source,
    warn: (uid, message) => warnings.add(uid, message),
  };
  const events: CalendarEvent[] = [];
  let superseded = 0;
  for (const [uid, group] of groups) {
    const outcome = expandGroup(uid, group, ctx, events, warnings);
    superseded += outcome.superseded;
    for (const failure of outcome.failed) {
      // A series that cannot be expanded was not read after all (only its stand-in shows).
      read--;
      skip(failure.uid, failure.reason);
    }
  }
  if (superseded > 0) {
    warnings.add(
      null,
      `${superseded} VEVENT${superseded === 1 ? '' : 's'} repeated the UID (and RECURRENCE-ID) of another: the highest SEQUENCE, or the last, was used`,
    );
  }

  makeIdsUnique(events);
  events.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { events, read, skipped, warnings: warnings.finish() };
}
