/**
 * The slice of Google Calendar API v3 Ironstride uses, as one small interface with two
 * implementations: `fetch-api.ts` (the extension; also usable anywhere `fetch` exists) and
 * `node-api.ts` (the CLI, over `@googleapis/calendar`). Read and write logic depend on this
 * interface only, so both surfaces share it and tests can run it against the local fake.
 *
 * Types come from `@googleapis/calendar` as type-only imports: the extension's bundle must stay
 * free of googleapis, whose Node dependencies crash an MV3 service worker.
 */
import type { calendar_v3 } from '@googleapis/calendar';

export type GoogleEvent = calendar_v3.Schema$Event;
export type GoogleCalendarListEntry = calendar_v3.Schema$CalendarListEntry;
export type GoogleCalendar = calendar_v3.Schema$Calendar;

/** One page of `events.list`. `nextSyncToken` is only on the last page. */
export interface EventsPage {
  items: GoogleEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
  /** The calendar's own zone (all-day events are days in it). */
  timeZone?: string;
}

/** One page of `calendarList.list`. */
export interface CalendarListPage {
  items: GoogleCalendarListEntry[];
  nextPageToken?: string;
}

/** The `events.list` query parameters Ironstride uses. */
export interface ListEventsParams {
  pageToken?: string;
  /** Incremental sync; Google refuses it together with timeMin, timeMax or property filters. */
  syncToken?: string;
  /** RFC 3339 with an offset: events ending after this. */
  timeMin?: string;
  /** RFC 3339 with an offset: events starting before this. */
  timeMax?: string;
  singleEvents?: boolean;
  showDeleted?: boolean;
  /** `name=value` pairs; an event must match all of them. */
  privateExtendedProperty?: string[];
  /** Google's default is 250, its maximum 2500. */
  maxResults?: number;
}

/** What `calendars.insert` takes. */
export interface NewCalendar {
  summary: string;
  description?: string;
  timeZone?: string;
}

/**
 * The transport: one method per REST call, no retries (see `retry.ts`), errors as
 * {@link GoogleApiError} or {@link GoogleAuthError}.
 */
export interface GoogleCalendarApi {
  /** `GET users/me/calendarList` */
  listCalendars(pageToken?: string): Promise<CalendarListPage>;
  /** `POST calendars` */
  insertCalendar(calendar: NewCalendar): Promise<GoogleCalendar>;
  /** `GET calendars/{calendarId}/events` */
  listEvents(calendarId: string, params: ListEventsParams): Promise<EventsPage>;
  /** `GET calendars/{calendarId}/events/{eventId}` (deleted events too, with status cancelled) */
  getEvent(calendarId: string, eventId: string): Promise<GoogleEvent>;
  /** `POST calendars/{calendarId}/events` */
  insertEvent(calendarId: string, event: GoogleEvent): Promise<GoogleEvent>;
  /** `PATCH calendars/{calendarId}/events/{eventId}` */
  patchEvent(calendarId: string, eventId: string, patch: GoogleEvent): Promise<GoogleEvent>;
  /** `DELETE calendars/{calendarId}/events/{eventId}` */
  deleteEvent(calendarId: string, eventId: string): Promise<void>;
}

/**
 * Where the access token comes from. `forceRefresh` is set once after a 401: the provider should
 * refresh (or re-read) the token, or throw {@link GoogleAuthError} when it cannot.
 */
export type GetGoogleToken = (options: { forceRefresh: boolean }) => Promise<string>;

/** The default API root; `IRONSTRIDE_GOOGLE_ROOT_URL` and tests point elsewhere. */
export const DEFAULT_GOOGLE_ROOT_URL = 'https://www.googleapis.com/';

/** One entry of `error.errors` in Google's error body. */
export interface GoogleErrorItem {
  reason?: string;
  domain?: string;
  message?: string;
}

/**
 * A non-2xx answer (or no answer: `status` 0 for a network failure) from the Calendar API.
 * `reason` is the first `error.errors[].reason` of Google's body (`duplicate`, `notFound`,
 * `rateLimitExceeded`, `fullSyncRequired`, `deleted`, …).
 */
export class GoogleApiError extends Error {
  readonly status: number;
  readonly reason: string | undefined;
  /** From `Retry-After` (seconds or an HTTP date), when the server sent one. */
  readonly retryAfterSeconds: number | undefined;
  /** What was being done, e.g. `insert event abc… in primary`. */
  readonly operation: string;

  constructor(
    init: {
      status: number;
      reason?: string;
      message: string;
      retryAfterSeconds?: number;
      operation: string;
    },
    options?: { cause?: unknown },
  ) {
    super(
      `${init.operation}: ${init.status === 0 ? 'no answer' : init.status} ${init.message}`.trim(),
      options,
    );
    this.name = 'GoogleApiError';
    this.status = init.status;
    this.reason = init.reason;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.operation = init.operation;
  }
}

/** The token was refused even after one refresh, or cannot be refreshed: reconnect Google. */
export class GoogleAuthError extends Error {
  constructor(
    message = 'Google refused the access token; reconnect Google',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GoogleAuthError';
  }
}

/** Whether `error` is a {@link GoogleApiError} with this status (and reason, when given). */
export function isGoogleError(
  error: unknown,
  status: number,
  reason?: string,
): error is GoogleApiError {
  return (
    error instanceof GoogleApiError &&
    error.status === status &&
    (reason === undefined || error.reason === reason)
  );
}

/**
 * Parses `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, relative to `now`.
 * Returns undefined for anything else.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Builds the error for a non-2xx answer from Google's JSON error body
 * `{error: {code, message, errors: [{reason, domain, message}], status}}`; anything else in the
 * body (an HTML error page from a proxy) still gives an error with the status.
 */
export function googleApiErrorFrom(
  status: number,
  body: unknown,
  init: { operation: string; retryAfter?: string | null; now: number },
  options?: { cause?: unknown },
): GoogleApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const items = Array.isArray(error?.errors) ? (error.errors as unknown[]).filter(isRecord) : [];
  const first = items[0];
  const reason =
    typeof first?.reason === 'string'
      ? first.reason
      : typeof error?.status === 'string'
        ? error.status
        : undefined;
  const message =
    typeof error?.message === 'string'
      ? error.message
      : typeof first?.message === 'string'
        ? first.message
        : '';
  return new GoogleApiError(
    {
      status,
      ...(reason === undefined ? {} : { reason }),
      message: reason && message ? `${message} (${reason})` : message || reason || '',
      ...withRetryAfter(parseRetryAfter(init.retryAfter, init.now)),
      operation: init.operation,
    },
    options,
  );
}

function withRetryAfter(seconds: number | undefined): { retryAfterSeconds?: number } {
  return seconds === undefined ? {} : { retryAfterSeconds: seconds };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Runs one authorised call: on a 401 asks for a fresh token once and tries again; a second 401
 * (or a provider that cannot refresh) becomes {@link GoogleAuthError}, which no retry loop
 * should repeat. Shared by both transports so they agree on what a 401 means.
 */
export async function withFreshToken<T>(
  getToken: GetGoogleToken,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await getToken({ forceRefresh: false });
  try {
    return await call(token);
  } catch (error) {
    if (!isGoogleError(error, 401)) throw error;
    const fresh = await getToken({ forceRefresh: true });
    try {
      return await call(fresh);
    } catch (again) {
      if (isGoogleError(again, 401)) {
        throw new GoogleAuthError('Google refused the access token twice; reconnect Google', {
          cause: again,
        });
      }
      throw again;
    }
  }
}

/** `operation` labels used in error messages, one format for both transports. */
export const describeCall = {
  listCalendars: () => 'list calendars',
  insertCalendar: (summary: string) => `create calendar "${summary}"`,
  listEvents: (calendarId: string) => `list events of ${calendarId}`,
  getEvent: (calendarId: string, eventId: string) => `get event ${eventId} in ${calendarId}`,
  insertEvent: (calendarId: string, eventId: string | null | undefined) =>
    `insert event ${eventId ?? '(new)'} in ${calendarId}`,
  patchEvent: (calendarId: string, eventId: string) => `patch event ${eventId} in ${calendarId}`,
  deleteEvent: (calendarId: string, eventId: string) => `delete event ${eventId} in ${calendarId}`,
} as const;
