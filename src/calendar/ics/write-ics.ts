/**
 * Writes strength sessions as an iCalendar file (the CLI's `--format ics`, the popup's
 * download, the feed server's feeds): one writer, so every copy of a session has the same UID.
 *
 * The calendar is assembled from components and content lines (RFC 5545 §3.1, §3.4, §3.6), never
 * by searching the text: every value is escaped where it is written, so a name such as
 * `END:VCALENDAR`, or `BEGIN:VEVENT` landing at a line fold, stays text. (ical-generator, used
 * before, placed the VTIMEZONE among the calendar properties, so it had to be moved by text, and
 * its line folding allocates a TextEncoder per character: 1.7 s for a 1000-session feed.)
 */
import { zonedParts } from '../../core/time';
import { IRONSTRIDE_SESSION_PROPERTY } from './session-marker';
import { buildVtimezone, yearInZone } from './vtimezone';

/** A session as written to a calendar. */
export interface IcsSession {
  /** Ironstride's session id; the UID and `X-IRONSTRIDE-SESSION` derive from it. */
  id: string;
  start: number;
  end: number;
  title: string;
  description: string;
  /** RFC 5545 §3.8.7.4: raise it whenever the session changes so apps update their copy. */
  sequence?: number;
}

export interface WriteIcsOptions {
  /** The runner's IANA zone: times are written as wall-clock times with a VTIMEZONE. */
  timezone: string;
  /** DTSTAMP, epoch ms (the caller's clock; fixed in golden tests). */
  stamp: number;
  /** Calendar name shown by apps that honour NAME (RFC 7986) or X-WR-CALNAME. */
  name?: string;
  /** For feeds: how often subscribers should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes?: number;
  /** Sequence for sessions that carry none. */
  defaultSequence?: number;
}

const UID_DOMAIN = 'ironstride.app';

const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

/**
 * SEQUENCE for a one-off export (a download, `plan --format ics`): minutes since 2026, so an
 * export made later always outranks an earlier one when a calendar app imports both
 * (RFC 5545 §3.8.7.4). The feed server keeps a real per-session counter instead.
 */
export function exportSequence(now: number): number {
  return Math.max(0, Math.floor((now - SEQUENCE_EPOCH) / 60_000));
}

/** The UID a session is written with: stable, so a second import updates instead of duplicating. */
export function sessionUid(sessionId: string): string {
  return `${sessionId}@${UID_DOMAIN}`;
}

/**
 * RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped, line breaks as `\n`. Control
 * characters other than the line breaks are not allowed in a content line (§3.1, "CONTROL"), so
 * they are dropped rather than written.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' ? ' ' : c === '\n' ? c : ''))
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + one space), never inside a
 * UTF-8 sequence. Segments hold at most 74 octets, as ical-generator wrote them, so feeds written
 * before and after this writer are byte-identical. Walks char codes and slices whole segments:
 * a feed is megabytes, and a string per character is what made the old writer slow.
 */
export function foldLine(line: string): string {
  let out = '';
  let segmentStart = 0;
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + size > 74) {
      out += `${line.slice(segmentStart, i)}\r\n `;
      segmentStart = i;
      octets = 0;
    }
    octets += size;
    if (pair) i++;
  }
  return segmentStart === 0 ? line : out + line.slice(segmentStart);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcStamp(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** DATE-TIME as a wall-clock time in `timeZone` (RFC 5545 §3.3.5, form 3, with TZID). */
function wallTime(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}T${pad(p.hour)}${pad(p.minute)}${pad(p.second)}`;
}

/** RFC 5545 §3.3.6 DURATION from whole minutes: `PT1H`, `PT1H30M`, `P7D`. */
function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const time = `${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
  if (!days && !time) return 'PT0M';
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/** A TZID parameter value: quoted when it holds a character a parameter can't carry bare (§3.2). */
function paramValue(value: string): string {
  const clean = value.replace(/["\p{Cc}]/gu, '');
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

function eventLines(session: IcsSession, options: WriteIcsOptions, stamp: string): string[] {
  const tzid = paramValue(options.timezone);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(sessionUid(session.id))}`,
    `SEQUENCE:${session.sequence ?? options.defaultSequence ?? 0}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;TZID=${tzid}:${wallTime(session.start, options.timezone)}`,
    `DTEND;TZID=${tzid}:${wallTime(session.end, options.timezone)}`,
    `SUMMARY:${escapeText(session.title)}`,
    'TRANSP:OPAQUE',
    `DESCRIPTION:${escapeText(session.description)}`,
    'CATEGORIES:Strength training',
    `${IRONSTRIDE_SESSION_PROPERTY}:${escapeText(session.id)}`,
    'END:VEVENT',
  ];
}

/**
 * Renders sessions as an RFC 5545 calendar in the runner's zone: the calendar's properties, one
 * VTIMEZONE covering every year a session or the stamp falls in, then one VEVENT per session in
 * start order. DTSTAMP is written in UTC (RFC 5545 §3.8.7.2).
 */
export function writeIcs(sessions: readonly IcsSession[], options: WriteIcsOptions): string {
  const { timezone } = options;
  let fromYear = yearInZone(options.stamp, timezone);
  let toYear = fromYear;
  for (const s of sessions) {
    for (const year of [yearInZone(s.start, timezone), yearInZone(s.end, timezone)]) {
      if (year < fromYear) fromYear = year;
      if (year > toYear) toYear = year;
    }
  }
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ironstride//Ironstride//EN'];
  lines.push('METHOD:PUBLISH');
  if (options.name) {
    const name = escapeText(options.name);
    lines.push(`NAME:${name}`, `X-WR-CALNAME:${name}`);
  }
  lines.push(`TIMEZONE-ID:${escapeText(timezone)}`, `X-WR-TIMEZONE:${escapeText(timezone)}`);
  if (options.refreshMinutes) {
    const ttl = formatDuration(options.refreshMinutes);
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${ttl}`, `X-PUBLISHED-TTL:${ttl}`);
  }
  // A component of its own (short, unfolded content lines), placed after every calendar property.
  lines.push(...buildVtimezone(timezone, fromYear, toYear).split('\r\n'));
  const stamp = utcStamp(options.stamp);
  const ordered = [...sessions].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  for (const session of ordered) lines.push(...eventLines(session, options, stamp));
  lines.push('END:VCALENDAR');
  // RFC 5545 §3.1: every content line, the last included, ends with CRLF.
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
