/**
 * {@link GoogleCalendarApi} over `@googleapis/calendar` — the CLI's transport (Node only; the
 * extension uses `fetch-api.ts`, googleapis does not run in a service worker).
 *
 * The access token is sent per call from the same `getToken` the fetch transport uses, so both
 * handle a 401 alike (`withFreshToken`). googleapis' own retries are turned off (`retry: false`):
 * `retry.ts` decides, with the same rules for both transports. Gaxios errors are mapped to
 * {@link GoogleApiError} by shape, not `instanceof` (googleapis-common brings its own gaxios copy).
 */
import { calendar } from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import {
  DEFAULT_GOOGLE_ROOT_URL,
  describeCall,
  GoogleApiError,
  googleApiErrorFrom,
  withFreshToken,
} from './api';
import type { GetGoogleToken, GoogleCalendarApi } from './api';

export interface NodeCalendarApiOptions {
  getToken: GetGoogleToken;
  /** API root (default https://www.googleapis.com/); the path `/calendar/v3/…` is appended. */
  rootUrl?: string;
  /** Epoch ms, for `Retry-After` dates. */
  now?: () => number;
  /** Abort one request after this long (default 30 s). */
  timeoutMs?: number;
}

interface GaxiosLikeError {
  message?: string;
  code?: string | number;
  status?: number;
  response?: { status?: number; data?: unknown; headers?: unknown };
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const record = headers as Record<string, unknown>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : null;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

/** Maps a gaxios error (or anything thrown) to {@link GoogleApiError}. */
export function googleApiErrorFromGaxios(
  error: unknown,
  operation: string,
  now: number,
): GoogleApiError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as GaxiosLikeError;
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  if (!status) {
    const why =
      [e.code, e.message].filter((x) => x !== undefined && x !== '').join(' ') || String(error);
    return new GoogleApiError(
      { status: 0, reason: 'networkError', message: why, operation },
      { cause: error },
    );
  }
  return googleApiErrorFrom(
    status,
    parseBody(e.response?.data),
    { operation, retryAfter: headerOf(e.response?.headers, 'retry-after'), now },
    { cause: error },
  );
}

/** Creates the googleapis-based transport. */
export function createNodeCalendarApi(options: NodeCalendarApiOptions): GoogleCalendarApi {
  const client = calendar({
    version: 'v3',
    rootUrl: options.rootUrl ?? DEFAULT_GOOGLE_ROOT_URL,
    retry: false,
    timeout: options.timeoutMs ?? 30_000,
  });
  const now = options.now ?? (() => Date.now());

  function call<T>(
    operation: string,
    run: (headers: { Authorization: string }) => Promise<{ data: T }>,
  ): Promise<T> {
    return withFreshToken(options.getToken, async (token) => {
      try {
        const response = await run({ Authorization: `Bearer ${token}` });
        return response.data;
      } catch (error) {
        throw googleApiErrorFromGaxios(error, operation, now());
      }
    });
  }

  return {
    async listCalendars(pageToken) {
      const data = await call<calendar_v3.Schema$CalendarList>(
        describeCall.listCalendars(),
        (headers) => client.calendarList.list({ ...(pageToken ? { pageToken } : {}) }, { headers }),
      );
      return {
        items: data.items ?? [],
        ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
      };
    },
    insertCalendar(newCalendar) {
      return call(describeCall.insertCalendar(newCalendar.summary), (headers) =>
        client.calendars.insert({ requestBody: newCalendar }, { headers }),
      );
    },
    async listEvents(calendarId, params) {
      const query: calendar_v3.Params$Resource$Events$List = { calendarId };
      if (params.pageToken !== undefined) query.pageToken = params.pageToken;
      if (params.syncToken !== undefined) query.syncToken = params.syncToken;
      if (params.timeMin !== undefined) query.timeMin = params.timeMin;
      if (params.timeMax !== undefined) query.timeMax = params.timeMax;
      if (params.singleEvents !== undefined) query.singleEvents = params.singleEvents;
      if (params.showDeleted !== undefined) query.showDeleted = params.showDeleted;
      if (params.privateExtendedProperty !== undefined)
        query.privateExtendedProperty = params.privateExtendedProperty;
      if (params.maxResults !== undefined) query.maxResults = params.maxResults;
      const data = await call<calendar_v3.Schema$Events>(
        describeCall.listEvents(calendarId),
        (headers) => client.events.list(query, { headers }),
      );
      return {
        items: data.items ?? [],
        ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}),
        ...(data.nextSyncToken ? { nextSyncToken: data.nextSyncToken } : {}),
        ...(data.timeZone ? { timeZone: data.timeZone } : {}),
      };
    },
    getEvent(calendarId, eventId) {
      return call(describeCall.getEvent(calendarId, eventId), (headers) =>
        client.events.get({ calendarId, eventId }, { headers }),
      );
    },
    insertEvent(calendarId, event) {
      return call(describeCall.insertEvent(calendarId, event.id), (headers) =>
        client.events.insert({ calendarId, requestBody: event }, { headers }),
      );
    },
    patchEvent(calendarId, eventId, patch) {
      return call(describeCall.patchEvent(calendarId, eventId), (headers) =>
        client.events.patch({ calendarId, eventId, requestBody: patch }, { headers }),
      );
    },
    async deleteEvent(calendarId, eventId) {
      await call(describeCall.deleteEvent(calendarId, eventId), (headers) =>
        client.events.delete({ calendarId, eventId }, { headers }),
      );
    },
  };
}
