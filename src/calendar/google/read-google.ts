/**
 * Reads one Google calendar into the shared event model (`ReadCalendarResult`), so the planner
 * cannot tell it from an ICS feed.
 *
 * Full sync: `events.list` with `singleEvents=true` (recurrences expanded by Google),
 * `timeMin`/`timeMax` around the range, every page, keeping the last page's `nextSyncToken`.
 * `orderBy=startTime` is not used: Google refuses it together with sync tokens.
 * Incremental sync: `events.list?syncToken=…` returns every change since, deletions included as
 * `status: "cancelled"`; they are merged into the cached events. A `410 Gone`
 * (`fullSyncRequired`) drops the cache and runs a full sync
 * (https://developers.google.com/calendar/api/guides/sync).
 *
 * The cache is a plain, JSON-safe {@link GoogleSyncState} returned to the caller: the extension
 * persists it between syncs, the CLI ignores it.
 */
import type {
  CalendarEvent,
  InstantRange,
  ReadCalendarResult,
  SkippedEvent,
} from '../../core/events';
import {
  DAY_MS,
  isDateString,
  isValidTimeZone,
  startOfDayInstant,
  zonedInstant,
} from '../../core/time';
import { isGoogleError } from './api';
import type { GoogleCalendarApi, GoogleEvent } from './api';
import { withRetries } from './retry';
import type { RetryOptions } from './retry';
import { IRONSTRIDE_SESSION_KEY } from './session-properties';

/** What an incremental sync needs; JSON-safe so the extension can keep it in storage. */
export interface GoogleSyncState {
  version: 1;
  calendarId: string;
  /** The range the last full sync covered; a read outside it needs a new full sync. */
  range: InstantRange;
  syncToken: string;
  /** The calendar's live (not cancelled) events, trimmed to what the reader uses, by id. */
  events: Record<string, GoogleEvent>;
}

export interface ReadGoogleCalendarOptions {
  /** The raw transport: calls are retried here. */
  api: GoogleCalendarApi;
  calendarId: string;
  /** The runner's IANA zone: all-day events start at midnight in it. */
  timezone: string;
  range: InstantRange;
  /** The state a previous read returned, for an incremental sync. */
  state?: GoogleSyncState;
  retry?: RetryOptions;
  /** `maxResults` per page (default 2500, Google's maximum). */
  pageSize?: number;
  /** Put on every event and skipped item (default: the calendar id). */
  source?: string;
}

export interface ReadGoogleCalendarResult extends ReadCalendarResult {
  /** Keep it for the next read; undefined when Google gave no sync token. */
  state: GoogleSyncState | undefined;
  /** `full` also when an incremental sync met 410 and started over. */
  sync: 'full' | 'incremental';
}

/**
 * Google computes an all-day event's window in the calendar's zone, which may not be the
 * runner's: ask for a day more on each side and cut to the range here.
 */
const QUERY_PADDING_MS = DAY_MS + 60 * 60 * 1000;

/** Reads `calendarId` over `range`, incrementally when `state` allows it. */
export async function readGoogleCalendar(
  options: ReadGoogleCalendarOptions,
): Promise<ReadGoogleCalendarResult> {
  const api = withRetries(options.api, options.retry);
  const previous = options.state;
  let state: GoogleSyncState | undefined;
  let sync: 'full' | 'incremental' = 'full';
  if (previous && canSyncIncrementally(previous, options)) {
    try {
      state = await incrementalSync(api, previous, options);
      sync = 'incremental';
    } catch (error) {
      // 410 Gone: the token expired or the server dropped it; only a full sync helps.
      if (!isGoogleError(error, 410)) throw error;
    }
  }
  let events: Record<string, GoogleEvent>;
  if (state) {
    events = state.events;
  } else {
    const full = await fullSync(api, options);
    events = full.events;
    state = full.syncToken
      ? {
          version: 1,
          calendarId: options.calendarId,
          range: { ...options.range },
          syncToken: full.syncToken,
          events,
        }
      : undefined;
  }
  return { ...mapEvents(Object.values(events), options), state, sync };
}

function canSyncIncrementally(state: GoogleSyncState, options: ReadGoogleCalendarOptions): boolean {
  return (
    state.version === 1 &&
    state.calendarId === options.calendarId &&
    typeof state.syncToken === 'string' &&
    state.range.start <= options.range.start &&
    state.range.end >= options.range.end
  );
}

async function fullSync(
  api: GoogleCalendarApi,
  options: ReadGoogleCalendarOptions,
): Promise<{ events: Record<string, GoogleEvent>; syncToken: string | undefined }> {
  const events: Record<string, GoogleEvent> = {};
  let pageToken: string | undefined;
  for (;;) {
    const page = await api.listEvents(options.calendarId, {
      singleEvents: true,
      timeMin: new Date(options.range.start - QUERY_PADDING_MS).toISOString(),
      timeMax: new Date(options.range.end + QUERY_PADDING_MS).toISOString(),
      maxResults: options.pageSize ?? 2500,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const item of page.items) {
      if (item.id && item.status !== 'cancelled') events[item.id] = trimEvent(item);
    }
    if (!page.nextPageToken) return { events, syncToken: page.nextSyncToken };
    pageToken = page.nextPageToken;
  }
}

async function incrementalSync(
  api: GoogleCalendarApi,
  previous: GoogleSyncState,
  options: ReadGoogleCalendarOptions,
): Promise<GoogleSyncState | undefined> {
  // Work on a copy: a failure halfway must not leave a half-merged cache behind.
  const events = new Map(Object.entries(previous.events));
  let pageToken: string | undefined;
  for (;;) {
    // Same query as the full sync minus what Google refuses with a sync token (time bounds).
    const page = await api.listEvents(options.calendarId, {
      singleEvents: true,
      syncToken: previous.syncToken,
      maxResults: options.pageSize ?? 2500,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const item of page.items) {
      if (!item.id) continue;
      if (item.status === 'cancelled') {
        events.delete(item.id);
        // A deleted series may be reported once, by the id its occurrences point to.
        for (const [id, event] of events) if (event.recurringEventId === item.id) events.delete(id);
      } else {
        events.set(item.id, trimEvent(item));
      }
    }
    if (!page.nextPageToken) {
      if (!page.nextSyncToken) return undefined;
      return { ...previous, syncToken: page.nextSyncToken, events: Object.fromEntries(events) };
    }
    pageToken = page.nextPageToken;
  }
}

/** Only what {@link googleEventToCalendarEvent} reads, so persisted state stays small. */
function trimEvent(event: GoogleEvent): GoogleEvent {
  const out: GoogleEvent = {};
  const keys = [
    'id',
    'status',
    'summary',
    'description',
    'location',
    'start',
    'end',
    'transparency',
    'recurringEventId',
  ] as const;
  for (const key of keys) {
    const value = event[key];
    if (value !== undefined && value !== null) Object.assign(out, { [key]: value });
  }
  const session = event.extendedProperties?.private?.[IRONSTRIDE_SESSION_KEY];
  if (session) out.extendedProperties = { private: { [IRONSTRIDE_SESSION_KEY]: session } };
  const self = event.attendees?.find((a) => a.self);
  if (self)
    out.attendees = [
      { self: true, ...(self.responseStatus ? { responseStatus: self.responseStatus } : {}) },
    ];
  return out;
}

function mapEvents(
  items: readonly GoogleEvent[],
  options: ReadGoogleCalendarOptions,
): ReadCalendarResult {
  const source = options.source ?? options.calendarId;
  const events: CalendarEvent[] = [];
  const skipped: SkippedEvent[] = [];
  for (const item of items) {
    const mapped = googleEventToCalendarEvent(item, { timezone: options.timezone, source });
    if ('reason' in mapped) {
      skipped.push(mapped);
      continue;
    }
    if (mapped.end > options.range.start && mapped.start < options.range.end) events.push(mapped);
  }
  events.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  skipped.sort((a, b) => (a.uid ?? '').localeCompare(b.uid ?? ''));
  return { events, read: events.length, skipped };
}

const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/;

type When = { allDay: true; date: string } | { allDay: false; instant: number };

function readWhen(value: GoogleEvent['start'], eventZone: string | undefined): When | string {
  if (!value) return 'missing';
  if (value.date)
    return isDateString(value.date)
      ? { allDay: true, date: value.date }
      : `unreadable date "${value.date}"`;
  const text = value.dateTime;
  if (!text) return 'missing';
  if (RFC3339_RE.test(text)) {
    const instant = Date.parse(text);
    if (!Number.isNaN(instant)) return { allDay: false, instant };
  }
  // Google always sends an offset; a bare wall time is read in the event's own zone.
  const [, date, hours, minutes] = LOCAL_RE.exec(text) ?? [];
  const zone = value.timeZone ?? eventZone;
  if (date && zone && isValidTimeZone(zone) && isDateString(date)) {
    return {
      allDay: false,
      instant: zonedInstant(date, Number(hours) * 60 + Number(minutes), zone),
    };
  }
  return `unreadable time "${text}"`;
}

/**
 * One Google event as an occurrence of the shared model, or why it cannot be read:
 * `start.date` is all-day (days never shifted; instants are midnight in the runner's zone),
 * `start.dateTime` an instant; `transparency: "transparent"` (shown as "free") and invitations
 * the runner declined do not block time; Ironstride's own events carry their session id.
 */
export function googleEventToCalendarEvent(
  event: GoogleEvent,
  options: { timezone: string; source?: string },
): CalendarEvent | SkippedEvent {
  const source = options.source === undefined ? {} : { source: options.source };
  const uid = event.id ?? null;
  const skip = (reason: string): SkippedEvent => ({ uid, reason, ...source });
  if (!event.id) return skip('event has no id');
  if (event.status === 'cancelled') return skip('event was deleted');
  const start = readWhen(event.start, event.start?.timeZone ?? undefined);
  if (typeof start === 'string') return skip(`start: ${start}`);
  const end = readWhen(event.end, event.start?.timeZone ?? undefined);
  if (typeof end === 'string') return skip(`end: ${end}`);
  if (start.allDay !== end.allDay) return skip('start and end mix a date and a date-time');

  const declined = event.attendees?.some((a) => a.self && a.responseStatus === 'declined') ?? false;
  const sessionId = event.extendedProperties?.private?.[IRONSTRIDE_SESSION_KEY];
  const base = {
    id: event.id,
    uid: event.recurringEventId ?? event.id,
    title: event.summary ?? '',
    description: event.description ?? '',
    ...(event.location ? { location: event.location } : {}),
    transparent: event.transparency === 'transparent' || declined,
    ...source,
    ...(sessionId ? { ironstrideSessionId: sessionId } : {}),
  };
  if (start.allDay && end.allDay) {
    if (end.date <= start.date)
      return skip(`ends (${end.date}) on or before it starts (${start.date})`);
    return {
      ...base,
      start: startOfDayInstant(start.date, options.timezone),
      end: startOfDayInstant(end.date, options.timezone),
      allDay: true,
      startDate: start.date,
      endDate: end.date,
    };
  }
  if (!start.allDay && !end.allDay) {
    if (end.instant < start.instant) return skip('ends before it starts');
    return { ...base, start: start.instant, end: end.instant, allDay: false };
  }
  return skip('start and end mix a date and a date-time');
}
