/**
 * Writes strength sessions as an iCalendar file (the CLI's `--format ics`, the popup's
 * download, the feed server's feeds): one writer, so every copy of a session has the same UID.
 */
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
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
  /** Calendar name shown by apps that honour X-WR-CALNAME. */
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

function utcStamp(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/**
 * Renders sessions as an RFC 5545 calendar in the runner's zone.
 *
 * ical-generator 10 writes a plain `Date` with the process's zone when a calendar zone is set, so
 * every time is passed as a `TZDate` in the runner's zone; and it writes DTSTAMP as a local time
 * without `Z` in that case, which RFC 5545 §3.8.7.2 forbids, so DTSTAMP is rewritten in UTC.
 */
export function writeIcs(sessions: readonly IcsSession[], options: WriteIcsOptions): string {
  const { timezone } = options;
  const years = sessions.flatMap((s) => [
    yearInZone(s.start, timezone),
    yearInZone(s.end, timezone),
  ]);
  const stampYear = yearInZone(options.stamp, timezone);
  const fromYear = Math.min(stampYear, ...years);
  const toYear = Math.max(stampYear, ...years);
  const calendar = ical({
    prodId: { company: 'Ironstride', product: 'Ironstride', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ...(options.name ? { name: options.name } : {}),
    ...(options.refreshMinutes ? { ttl: options.refreshMinutes * 60 } : {}),
  });
  calendar.timezone({
    name: timezone,
    generator: () => buildVtimezone(timezone, fromYear, toYear),
  });
  const stamp = new TZDate(options.stamp, timezone);
  for (const session of [...sessions].sort(
    (a, b) => a.start - b.start || a.id.localeCompare(b.id),
  )) {
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence ?? options.defaultSequence ?? 0,
      stamp,
      start: new TZDate(session.start, timezone),
      end: new TZDate(session.end, timezone),
      timezone,
      summary: session.title,
      description: session.description,
      transparency: ICalEventTransparency.OPAQUE,
      categories: [{ name: 'Strength training' }],
      x: [{ key: IRONSTRIDE_SESSION_PROPERTY, value: session.id }],
    });
  }
  const dtstamp = `DTSTAMP:${utcStamp(options.stamp)}`;
  const text = moveVtimezoneAfterCalendarProperties(
    calendar.toString().replace(/^DTSTAMP:[0-9T]+Z?(?=\r?$)/gm, dtstamp),
  );
  // RFC 5545 §3.1: every content line, the last included, ends with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * RFC 5545 §3.4: calendar properties come before the components. ical-generator writes the
 * VTIMEZONE between them (before X-WR-TIMEZONE, REFRESH-INTERVAL…), so it is moved down to sit
 * just before the first event.
 */
function moveVtimezoneAfterCalendarProperties(text: string): string {
  const begin = text.indexOf('BEGIN:VTIMEZONE\r\n');
  const endMarker = 'END:VTIMEZONE\r\n';
  const end = text.indexOf(endMarker, begin);
  if (begin < 0 || end < 0) return text;
  const block = text.slice(begin, end + endMarker.length);
  const rest = text.slice(0, begin) + text.slice(end + endMarker.length);
  const at = rest.search(/BEGIN:VEVENT\r\n|END:VCALENDAR/);
  return at < 0 ? text : rest.slice(0, at) + block + rest.slice(at);
}
