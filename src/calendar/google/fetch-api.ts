/**
 * {@link GoogleCalendarApi} over plain `fetch` and the REST endpoints — what the extension's
 * service worker uses (googleapis does not run there), and what any test can point at the fake.
 * No `node:*` imports here or in anything this file imports.
 */
import {
  DEFAULT_GOOGLE_ROOT_URL,
  describeCall,
  GoogleApiError,
  googleApiErrorFrom,
  withFreshToken,
} from './api';
import type {
  CalendarListPage,
  EventsPage,
  GetGoogleToken,
  GoogleCalendar,
  GoogleCalendarApi,
  GoogleEvent,
  ListEventsParams,
  NewCalendar,
} from './api';

export interface FetchCalendarApiOptions {
  /** The OAuth access token; asked again with `forceRefresh` once after a 401. */
  getToken: GetGoogleToken;
  /** API root, e.g. `http://127.0.0.1:PORT/` (default https://www.googleapis.com/). */
  rootUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Epoch ms, for `Retry-After` dates. */
  now?: () => number;
  /** Abort one request after this long (default 30 s); a timeout counts as a network failure. */
  timeoutMs?: number;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The API root resolved the way googleapis resolves it (`new URL('/calendar/v3/…', rootUrl)`),
 * so both transports send the same URL for the same root.
 */
export function calendarBaseUrl(rootUrl: string = DEFAULT_GOOGLE_ROOT_URL): string {
  return new URL('/calendar/v3/', rootUrl).href;
}

/** Creates the fetch-based transport. */
export function createFetchCalendarApi(options: FetchCalendarApiOptions): GoogleCalendarApi {
  const base = calendarBaseUrl(options.rootUrl);
  // Calling a detached `fetch` as a method throws "Illegal invocation" in browsers.
  const doFetch =
    options.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(
    operation: string,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    query: Query,
    body?: unknown,
  ): Promise<T> {
    const url = new URL(path, base);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value])
        url.searchParams.append(key, String(v));
    }
    return withFreshToken(options.getToken, async (token) => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
      };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url.href, {
          method,
          headers,
          signal: controller.signal,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        text = await response.text();
      } catch (error) {
        const why = controller.signal.aborted
          ? 'timed out'
          : error instanceof Error
            ? error.message
            : String(error);
        throw new GoogleApiError(
          { status: 0, reason: 'networkError', message: why, operation },
          { cause: error },
        );
      } finally {
        clearTimeout(timer);
      }
      const parsed = parseJson(text);
      if (!response.ok) {
        throw googleApiErrorFrom(response.status, parsed, {
          operation,
          retryAfter: response.headers.get('retry-after'),
          now: now(),
        });
      }
      if (
        method !== 'DELETE' &&
        (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      ) {
        throw new GoogleApiError({
          status: response.status,
          reason: 'invalidResponse',
          message: 'the answer was not a JSON object',
          operation,
        });
      }
      return parsed as T;
    });
  }

  return {
    async listCalendars(pageToken?: string): Promise<CalendarListPage> {
      const page = await request<{ items?: CalendarListPage['items']; nextPageToken?: string }>(
        describeCall.listCalendars(),
        'GET',
        'users/me/calendarList',
        { pageToken },
      );
      return { items: page.items ?? [], ...optional('nextPageToken', page.nextPageToken) };
    },
    insertCalendar(calendar: NewCalendar): Promise<GoogleCalendar> {
      return request(
        describeCall.insertCalendar(calendar.summary),
        'POST',
        'calendars',
        {},
        calendar,
      );
    },
    async listEvents(calendarId: string, params: ListEventsParams): Promise<EventsPage> {
      const page = await request<{
        items?: GoogleEvent[];
        nextPageToken?: string;
        nextSyncToken?: string;
        timeZone?: string;
      }>(
        describeCall.listEvents(calendarId),
        'GET',
        `calendars/${encodeURIComponent(calendarId)}/events`,
        {
          pageToken: params.pageToken,
          syncToken: params.syncToken,
          timeMin: params.timeMin,
          timeMax: params.timeMax,
          singleEvents: params.singleEvents,
          showDeleted: params.showDeleted,
          privateExtendedProperty: params.privateExtendedProperty,
          maxResults: params.maxResults,
        },
      );
      return {
        items: page.items ?? [],
        ...optional('nextPageToken', page.nextPageToken),
        ...optional('nextSyncToken', page.nextSyncToken),
        ...optional('timeZone', page.timeZone),
      };
    },
    getEvent(calendarId: string, eventId: string): Promise<GoogleEvent> {
      return request(
        describeCall.getEvent(calendarId, eventId),
        'GET',
        eventPath(calendarId, eventId),
        {},
      );
    },
    insertEvent(calendarId: string, event: GoogleEvent): Promise<GoogleEvent> {
      return request(
        describeCall.insertEvent(calendarId, event.id),
        'POST',
        `calendars/${encodeURIComponent(calendarId)}/events`,
        {},
        event,
      );
    },
    patchEvent(calendarId: string, eventId: string, patch: GoogleEvent): Promise<GoogleEvent> {
      return request(
        describeCall.patchEvent(calendarId, eventId),
        'PATCH',
        eventPath(calendarId, eventId),
        {},
        patch,
      );
    },
    async deleteEvent(calendarId: string, eventId: string): Promise<void> {
      await request(
        describeCall.deleteEvent(calendarId, eventId),
        'DELETE',
        eventPath(calendarId, eventId),
        {},
      );
    },
  };
}

function eventPath(calendarId: string, eventId: string): string {
  return `calendars/${encodeURIComponent(calendarId)}/events/${encodeURIComponent(eventId)}`;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function optional<K extends string>(
  key: K,
  value: string | undefined | null,
): { [P in K]?: string } {
  return value == null ? {} : ({ [key]: value } as { [P in K]?: string });
}
