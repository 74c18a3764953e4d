/**
 * One VEVENT block → the facts the reader needs, or the reason it cannot be read.
 *
 * Only the properties that matter for placing an event are parsed (RFC 5545 §3.6.1: UID,
 * DTSTART, DTEND/DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID, STATUS, TRANSP, SEQUENCE,
 * SUMMARY, DESCRIPTION, LOCATION), each line on its own. So a broken ATTENDEE, ATTACH or
 * X- property cannot sink its event, which is what happens when ical.js parses the whole
 * component. Only a property the event cannot be placed without (DTSTART, RRULE,
 * RECURRENCE-ID) makes the event skipped; a broken DTEND, DURATION, RDATE or EXDATE value is
 * dropped with a warning.
 */
import { IRONSTRIDE_SESSION_PROPERTY } from './session-marker';
import { DAY_MS } from '../../core/time';
import {
  parseContentLine,
  propertyNameLength,
  unescapeText,
  type ContentLine,
} from './content-lines';
import { hashString } from './hash';
import { normalizeTzid, type VeventBlock } from './split-components';
import {
  parseDuration,
  parsePeriod,
  parseTimeValue,
  quoteValue,
  type DateTimeValue,
  type DurationValue,
  type TimeValue,
} from './values';
import { UTC_ZONE, type Zone } from './zones';
import { parseRrule, type ParsedRule } from './parse-rrule';

/** A DATE or DATE-TIME with its zone; `zone: null` means floating (or a DATE, which has none). */
export interface ZonedValue {
  value: TimeValue;
  zone: Zone | null;
}

/** An RDATE value; a PERIOD carries its own end. */
export interface RdateValue extends ZonedValue {
  end?: ZonedValue | DurationValue;
}

/** How long each instance lasts. */
export type EndSpec =
  | { kind: 'end'; end: ZonedValue }
  | { kind: 'duration'; duration: DurationValue }
  | { kind: 'none' };

/** A VEVENT that could be read. */
export interface ParsedEvent {
  uid: string;
  calendarIndex: number;
  /** Position among the file's VEVENTs. */
  order: number;
  sequence: number;
  cancelled: boolean;
  transparent: boolean;
  title: string;
  description: string;
  location: string | undefined;
  /** `X-IRONSTRIDE-SESSION`: set on the events Ironstride wrote itself. */
  ironstrideSessionId: string | undefined;
  /** `null` only for a cancellation that names no start (an iTIP CANCEL may omit DTSTART). */
  start: ZonedValue | null;
  end: EndSpec;
  rrules: ParsedRule[];
  rdates: RdateValue[];
  exdates: ZonedValue[];
  recurrenceId: ZonedValue | null;
  /** Zone for floating times in this event's calendar. */
  floatingZone: Zone;
  /** Its lines, for {@link fingerprintOf}. */
  block: VeventBlock;
  /** Memo of {@link fingerprintOf}. */
  fingerprint?: string;
}

/** What parsing needs from the calendar around the event. */
export interface EventContext {
  /** The zone for a normalized TZID; falls back (and warns) when nothing matches. */
  zoneFor(tzid: string, uid: string | null): Zone;
  floatingZone: Zone;
  calendarIndex: number;
  warn(uid: string | null, message: string): void;
  /**
   * RRULEs parsed so far in this read, by text: calendars repeat a handful of rules thousands of
   * times. Shared, so nothing may change a `ParsedRule`'s `recur` (clone it first).
   */
  rules: Map<string, ParsedRule | { error: string }>;
}

export type ParseOutcome =
  { ok: true; event: ParsedEvent } | { ok: false; uid: string | null; reason: string };

const WANTED = new Set([
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'STATUS',
  'TRANSP',
  'SEQUENCE',
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'X-MICROSOFT-CDO-ALLDAYEVENT',
  IRONSTRIDE_SESSION_PROPERTY,
]);

/** The properties that define an event, for telling copies from different events. */
const FINGERPRINTED = [
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'SUMMARY',
  'STATUS',
];

/** iTIP methods whose VEVENTs are events to show (RFC 5546 §1.4). */
const EVENT_METHODS = new Set(['PUBLISH', 'REQUEST', 'ADD']);

function firstValue(lines: Map<string, ContentLine[]>, name: string): string | null {
  return lines.get(name)?.[0]?.value ?? null;
}

function textValue(lines: Map<string, ContentLine[]>, name: string): string {
  const raw = firstValue(lines, name);
  return raw === null ? '' : unescapeText(raw).trim();
}

/**
 * Splits a DATE/DATE-TIME property value, repairing a TZID that swallowed part of the value:
 * `DTSTART;TZID=tzone://Microsoft/Utc:20240101T100000` stops the parameter at the first `:`.
 */
function valueAndTzid(line: ContentLine): { text: string; tzid: string | undefined } {
  const text = line.value ?? '';
  const tzid = line.params.get('TZID');
  const colon = text.lastIndexOf(':');
  if (colon !== -1 && tzid !== undefined) {
    return { text: text.slice(colon + 1), tzid: `${tzid}:${text.slice(0, colon)}` };
  }
  return { text, tzid };
}

function kindWord(text: string): string {
  return /\d{8}[Tt]/.test(text) ? 'date-time' : 'date';
}

/** What zoning a value needs: the calendar around the event, and the event's UID for warnings. */
interface Zoning {
  ctx: EventContext;
  uid: string | null;
}

function zoned(value: TimeValue, tzid: string | undefined, z: Zoning): ZonedValue {
  if (value.kind === 'date') return { value, zone: null };
  if (value.utc) return { value, zone: UTC_ZONE };
  const normalized = tzid === undefined ? '' : normalizeTzid(tzid);
  return { value, zone: normalized ? z.ctx.zoneFor(normalized, z.uid) : null };
}

function parseOne(line: ContentLine, z: Zoning): ZonedValue | null {
  const direct = parseTimeValue(line.value ?? '');
  if (direct) return zoned(direct, line.params.get('TZID'), z);
  const { text, tzid } = valueAndTzid(line);
  const repaired = parseTimeValue(text);
  return repaired ? zoned(repaired, tzid, z) : null;
}

function parseList(lines: readonly ContentLine[] | undefined, name: string, z: Zoning) {
  const out: ZonedValue[] = [];
  for (const line of lines ?? []) {
    for (const part of (line.value ?? '').split(',')) {
      if (part.trim() === '') continue;
      const value = parseTimeValue(part);
      if (value) out.push(zoned(value, line.params.get('TZID'), z));
      else z.ctx.warn(z.uid, `${name} ${quoteValue(part)} is not a ${kindWord(part)}: ignored`);
    }
  }
  return out;
}

/** Parses one VEVENT block. `order` is its position among the file's VEVENTs. */
export function parseVevent(block: VeventBlock, order: number, ctx: EventContext): ParseOutcome {
  const lines = new Map<string, ContentLine[]>();
  for (const raw of block.lines) {
    const nameLength = propertyNameLength(raw);
    if (nameLength === 0) continue;
    // Names are case-insensitive (§3.1) but nearly always written in capitals.
    let name = raw.slice(0, nameLength);
    if (!WANTED.has(name)) {
      const upper = name.toUpperCase();
      if (upper === name || !WANTED.has(upper)) continue;
      name = upper;
    }
    const parsed = parseContentLine(raw);
    if (!parsed) continue;
    const list = lines.get(name);
    if (list) list.push(parsed);
    else lines.set(name, [parsed]);
  }

  const rawUid = firstValue(lines, 'UID');
  const givenUid = rawUid === null ? '' : unescapeText(rawUid).trim();
  const reportUid = givenUid || null;
  if (!block.closed) {
    return {
      ok: false,
      uid: reportUid,
      reason: 'VEVENT is not closed (no END:VEVENT: the file may be cut short)',
    };
  }
  const dtstartLine = lines.get('DTSTART')?.[0];
  const uid =
    givenUid ||
    `ironstride-${hashString(`${dtstartLine?.value ?? ''}\n${firstValue(lines, 'SUMMARY') ?? ''}`)}`;

  const z: Zoning = { ctx, uid: reportUid };

  const status = (firstValue(lines, 'STATUS') ?? '').trim().toUpperCase();
  const cancelled = status === 'CANCELLED';

  let recurrenceId: ZonedValue | null = null;
  const ridLine = lines.get('RECURRENCE-ID')?.[0];
  if (ridLine) {
    recurrenceId = parseOne(ridLine, z);
    if (!recurrenceId) {
      const text = ridLine.value ?? '';
      return {
        ok: false,
        uid: reportUid,
        reason: `RECURRENCE-ID ${quoteValue(text)} is not a ${kindWord(text)}`,
      };
    }
  }

  let start: ZonedValue | null = null;
  if (dtstartLine) {
    if (dtstartLine.value === null || dtstartLine.value.trim() === '') {
      if (!cancelled) return { ok: false, uid: reportUid, reason: 'DTSTART has no value' };
    } else {
      start = parseOne(dtstartLine, z);
      if (!start) {
        const text = dtstartLine.value;
        return {
          ok: false,
          uid: reportUid,
          reason: `DTSTART ${quoteValue(text)} is not a ${kindWord(text)}`,
        };
      }
    }
  } else if (!cancelled) {
    // RFC 5545 §3.6.1 lets iTIP objects (RFC 5546) omit DTSTART: a REPLY or REFRESH names an
    // event someone else holds, it is not one. Say so rather than call it broken.
    const method = block.calendar.method;
    const message =
      method && !EVENT_METHODS.has(method) ? ` (an iTIP ${method} message, not an event)` : '';
    return { ok: false, uid: reportUid, reason: `no DTSTART${message}` };
  }

  let end: EndSpec = { kind: 'none' };
  const dtendLine = lines.get('DTEND')?.[0];
  const durationText = firstValue(lines, 'DURATION');
  if (dtendLine) {
    const value = parseOne(dtendLine, z);
    if (value) end = { kind: 'end', end: value };
    else ctx.warn(reportUid, `DTEND ${quoteValue(dtendLine.value ?? '')} is not a date: ignored`);
  } else if (durationText !== null) {
    const duration = parseDuration(durationText);
    if (duration) end = { kind: 'duration', duration };
    else ctx.warn(reportUid, `DURATION ${quoteValue(durationText)} is not a duration: ignored`);
  }

  // Outlook's "all day" flag on a midnight-to-midnight DATE-TIME event: read it as the dates
  // it shows in Outlook, so it is not shifted in another zone.
  if (
    start &&
    (firstValue(lines, 'X-MICROSOFT-CDO-ALLDAYEVENT') ?? '').trim().toUpperCase() === 'TRUE' &&
    isMidnight(start.value) &&
    (end.kind !== 'end' || isMidnight(end.end.value))
  ) {
    start = { value: { kind: 'date', wall: start.value.wall }, zone: null };
    if (end.kind === 'end')
      end = { kind: 'end', end: { value: { kind: 'date', wall: end.end.value.wall }, zone: null } };
  }

  const rrules: ParsedRule[] = [];
  for (const line of lines.get('RRULE') ?? []) {
    const text = (line.value ?? '').trim();
    let rule = ctx.rules.get(text);
    if (!rule) {
      rule = parseRrule(text);
      ctx.rules.set(text, rule);
    }
    if ('error' in rule) {
      return {
        ok: false,
        uid: reportUid,
        reason: `RRULE ${quoteValue(text, 80)} is invalid: ${rule.error}`,
      };
    }
    rrules.push(rule);
  }

  const rdates: RdateValue[] = [];
  for (const line of lines.get('RDATE') ?? []) {
    for (const part of (line.value ?? '').split(',')) {
      if (part.trim() === '') continue;
      const tzid = line.params.get('TZID');
      if (part.includes('/')) {
        const period = parsePeriod(part);
        if (period) {
          const periodEnd = 'kind' in period.end ? zoned(period.end, tzid, z) : period.end;
          rdates.push({ ...zoned(period.start, tzid, z), end: periodEnd });
          continue;
        }
      } else {
        const value = parseTimeValue(part);
        if (value) {
          rdates.push(zoned(value, tzid, z));
          continue;
        }
      }
      ctx.warn(reportUid, `RDATE ${quoteValue(part)} is not a date or period: ignored`);
    }
  }

  const sequence = Number.parseInt(firstValue(lines, 'SEQUENCE') ?? '0', 10);
  const location = textValue(lines, 'LOCATION');
  const sessionId = textValue(lines, IRONSTRIDE_SESSION_PROPERTY);
  return {
    ok: true,
    event: {
      uid,
      calendarIndex: ctx.calendarIndex,
      order,
      sequence: Number.isFinite(sequence) ? sequence : 0,
      cancelled,
      transparent: (firstValue(lines, 'TRANSP') ?? '').trim().toUpperCase() === 'TRANSPARENT',
      title: textValue(lines, 'SUMMARY'),
      description: textValue(lines, 'DESCRIPTION'),
      location: location || undefined,
      ironstrideSessionId: sessionId || undefined,
      start,
      end,
      rrules,
      rdates,
      exdates: parseList(lines.get('EXDATE'), 'EXDATE', z),
      recurrenceId,
      floatingZone: ctx.floatingZone,
      block,
    },
  };
}

/**
 * Hash of the lines that define an event (`FINGERPRINTED`), to tell copies from different
 * events. Only UIDs with several masters in one calendar need it, so it is computed on demand:
 * hashing every event up front was a tenth of reading a large calendar.
 */
export function fingerprintOf(event: ParsedEvent): string {
  event.fingerprint ??= fingerprintBlock(event.block);
  return event.fingerprint;
}

function fingerprintBlock(block: VeventBlock): string {
  const byName = new Map<string, string[]>();
  for (const raw of block.lines) {
    const parsed = parseContentLine(raw);
    if (!parsed || !FINGERPRINTED.includes(parsed.name)) continue;
    const text = `${[...parsed.params].join('=')}:${parsed.value ?? ''}`;
    const list = byName.get(parsed.name);
    if (list) list.push(text);
    else byName.set(parsed.name, [text]);
  }
  return hashString(
    FINGERPRINTED.map((name) => (byName.get(name) ?? []).join('\u0001')).join('\u0002'),
  );
}

function isMidnight(value: TimeValue): value is DateTimeValue {
  return value.kind === 'date-time' && !value.utc && value.wall % DAY_MS === 0;
}
