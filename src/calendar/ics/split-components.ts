/**
 * Splits unfolded lines into VCALENDAR / VTIMEZONE / VEVENT blocks without trusting the
 * nesting: ical.js throws on the whole file when one BEGIN/END is unbalanced, while a reader
 * that wants "a malformed event never sinks the calendar" has to cope with truncated files,
 * concatenated calendars, bare components outside any VCALENDAR (libical's large.ics) and
 * hostile nesting.
 *
 * Rules, all O(1) per line:
 * - `BEGIN:VCALENDAR` closes whatever is still open: calendars do not nest (RFC 5545 §3.4).
 * - `BEGIN:VEVENT` / `BEGIN:VTIMEZONE` close whatever is open above the innermost VCALENDAR:
 *   both only live directly in a VCALENDAR (§3.6), so anything still open was truncated.
 * - `END:X` closes up to the innermost open X, or is ignored when no X is open.
 * - Lines inside a VEVENT's subcomponents (VALARM, …) are not kept: nothing here needs them,
 *   and a broken VALARM then cannot take its event down.
 * A VEVENT closed implicitly (no `END:VEVENT` before the next BEGIN or the end of input) is
 * kept with `closed: false`, so the reader can report it instead of guessing its contents.
 */
import { parseContentLine, propertyNameLength, unescapeText } from './content-lines';

/** The lines of one VEVENT, without its BEGIN/END and without subcomponents. */
export interface VeventBlock {
  lines: string[];
  /** False when the input ended, or another component began, before `END:VEVENT`. */
  closed: boolean;
  calendar: CalendarBlock;
}

/** One VCALENDAR, or the implicit one holding components found outside any VCALENDAR. */
export interface CalendarBlock {
  /** Position in the file; the implicit top-level calendar is -1. */
  index: number;
  /** `X-WR-TIMEZONE` value (Apple/Google: the calendar's zone), unescaped and trimmed. */
  wrTimezone: string | null;
  /** `METHOD` (RFC 5546 iTIP), upper-cased: REPLY, REFRESH… objects are messages, not events. */
  method: string | null;
  /** VTIMEZONE definitions by normalized TZID, as complete BEGIN…END line lists. */
  timezones: Map<string, string[]>;
  events: VeventBlock[];
}

/** A whole input, split. */
export interface SplitCalendar {
  calendars: CalendarBlock[];
  events: VeventBlock[];
  /** Whether any BEGIN:VCALENDAR or BEGIN:VEVENT was seen: false means "not a calendar". */
  isCalendar: boolean;
}

type Frame =
  | { kind: 'calendar'; name: 'VCALENDAR'; calendar: CalendarBlock }
  | { kind: 'event'; name: 'VEVENT'; block: VeventBlock }
  | { kind: 'timezone'; name: 'VTIMEZONE'; lines: string[]; calendar: CalendarBlock }
  | { kind: 'other'; name: string; timezone: string[] | null };

/** TZID as written in a TZID parameter or a VTIMEZONE's TZID property, made comparable. */
export function normalizeTzid(raw: string): string {
  let t = raw.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) t = t.slice(1, -1);
  // ical4j's 2207678.ics writes `TZID:Kuala Lumpur\, Singapore` in the VTIMEZONE and
  // `TZID="Kuala Lumpur, Singapore"` on DTSTART: the escaped form must match the quoted one.
  return unescapeText(t).trim();
}

function componentName(line: string, prefixLength: number): string {
  return line.slice(prefixLength).trim().toUpperCase();
}

/** Splits unfolded lines (see `unfoldLines`) into calendars and events. */
export function splitComponents(lines: readonly string[]): SplitCalendar {
  const calendars: CalendarBlock[] = [];
  const events: VeventBlock[] = [];
  let implicit: CalendarBlock | null = null;
  let isCalendar = false;
  const stack: Frame[] = [];
  // How many frames of each name are open, so `END:X` with no open X is O(1) to reject.
  const open = new Map<string, number>();

  const implicitCalendar = (): CalendarBlock => {
    if (!implicit) {
      implicit = { index: -1, wrTimezone: null, method: null, timezones: new Map(), events: [] };
      calendars.push(implicit);
    }
    return implicit;
  };
  const currentCalendar = (): CalendarBlock => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const f = stack[i];
      if (f?.kind === 'calendar') return f.calendar;
    }
    return implicitCalendar();
  };
  const innermostTimezone = (): string[] | null => {
    const top = stack[stack.length - 1];
    if (!top) return null;
    if (top.kind === 'timezone') return top.lines;
    if (top.kind === 'other') return top.timezone;
    return null;
  };
  const pop = (explicit: boolean): void => {
    const frame = stack.pop();
    if (!frame) return;
    open.set(frame.name, (open.get(frame.name) ?? 1) - 1);
    if (frame.kind === 'event') {
      frame.block.closed = explicit;
    } else if (frame.kind === 'timezone') {
      frame.lines.push('END:VTIMEZONE');
      // A VTIMEZONE cut short may have lost its DAYLIGHT rules: only complete ones are used.
      if (explicit) registerTimezone(frame.calendar, frame.lines);
    } else if (frame.kind === 'other' && frame.timezone) {
      frame.timezone.push(`END:${frame.name}`);
    }
  };
  const push = (frame: Frame): void => {
    stack.push(frame);
    open.set(frame.name, (open.get(frame.name) ?? 0) + 1);
  };
  const closeAbove = (keep: (f: Frame) => boolean): void => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top || keep(top)) return;
      pop(false);
    }
  };

  for (const line of lines) {
    const c0 = line.charCodeAt(0) | 0x20;
    if ((c0 === 0x62 /* b */ || c0 === 0x65) /* e */ && propertyNameLength(line) <= 5) {
      const upper = line.slice(0, 6).toUpperCase();
      if (upper === 'BEGIN:') {
        const name = componentName(line, 6);
        if (name === 'VCALENDAR') {
          isCalendar = true;
          closeAbove(() => false);
          const calendar: CalendarBlock = {
            index: calendars.length,
            wrTimezone: null,
            method: null,
            timezones: new Map(),
            events: [],
          };
          calendars.push(calendar);
          push({ kind: 'calendar', name: 'VCALENDAR', calendar });
        } else if (name === 'VEVENT') {
          isCalendar = true;
          closeAbove((f) => f.kind === 'calendar');
          const calendar = currentCalendar();
          const block: VeventBlock = { lines: [], closed: false, calendar };
          calendar.events.push(block);
          events.push(block);
          push({ kind: 'event', name: 'VEVENT', block });
        } else if (name === 'VTIMEZONE') {
          closeAbove((f) => f.kind === 'calendar');
          push({ kind: 'timezone', name, lines: ['BEGIN:VTIMEZONE'], calendar: currentCalendar() });
        } else {
          const tz = innermostTimezone();
          tz?.push(`BEGIN:${name}`);
          push({ kind: 'other', name, timezone: tz });
        }
        continue;
      }
      if (upper.startsWith('END:')) {
        const name = componentName(line, 4);
        if ((open.get(name) ?? 0) > 0) {
          while (stack.length > 0) {
            const top = stack[stack.length - 1];
            const matches = top?.name === name;
            pop(matches);
            if (matches) break;
          }
        }
        continue;
      }
    }
    const top = stack[stack.length - 1];
    if (!top) continue;
    if (top.kind === 'event') {
      top.block.lines.push(line);
    } else if (top.kind === 'timezone') {
      top.lines.push(line);
    } else if (top.kind === 'other') {
      top.timezone?.push(line);
    } else if (top.kind === 'calendar') {
      const head = line.slice(0, 13).toUpperCase();
      if (head === 'X-WR-TIMEZONE' && top.calendar.wrTimezone === null) {
        const parsed = parseContentLine(line);
        if (parsed?.value) top.calendar.wrTimezone = normalizeTzid(parsed.value);
      } else if (head.startsWith('METHOD') && top.calendar.method === null) {
        const parsed = parseContentLine(line);
        if (parsed?.name === 'METHOD' && parsed.value)
          top.calendar.method = parsed.value.trim().toUpperCase();
      }
    }
  }
  closeAbove(() => false);
  return { calendars, events, isCalendar };
}

function registerTimezone(calendar: CalendarBlock, lines: string[]): void {
  // The VTIMEZONE's own TZID is at depth 1; STANDARD/DAYLIGHT have none.
  let depth = 0;
  for (const line of lines) {
    const upper = line.slice(0, 6).toUpperCase();
    if (upper === 'BEGIN:') depth++;
    else if (upper.startsWith('END:')) depth--;
    else if (depth === 1 && upper.startsWith('TZID')) {
      const parsed = parseContentLine(line);
      if (parsed?.name === 'TZID' && parsed.value) {
        const tzid = normalizeTzid(parsed.value);
        if (tzid && !calendar.timezones.has(tzid)) calendar.timezones.set(tzid, lines);
      }
      return;
    }
  }
}
