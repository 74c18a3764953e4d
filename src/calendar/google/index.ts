/**
 * Google Calendar for the CLI and the extension: the transport interface and its fetch
 * implementation, retries, deterministic event ids, reading into the shared event model with
 * incremental sync, the shared write logic and its ledger, and the dedicated calendar.
 *
 * Browser-safe: nothing exported here imports `node:*` or googleapis at runtime. The Node
 * transport over `@googleapis/calendar` is `./node-api` and is imported on its own, by the CLI.
 */
export {
  DEFAULT_GOOGLE_ROOT_URL,
  GoogleApiError,
  GoogleAuthError,
  googleApiErrorFrom,
  isGoogleError,
  parseRetryAfter,
  withFreshToken,
} from './api';
export type {
  CalendarListPage,
  EventsPage,
  GetGoogleToken,
  GoogleCalendar,
  GoogleCalendarApi,
  GoogleCalendarListEntry,
  GoogleEvent,
  ListEventsParams,
  NewCalendar,
} from './api';
export { calendarBaseUrl, createFetchCalendarApi } from './fetch-api';
export type { FetchCalendarApiOptions } from './fetch-api';
export { backoffDelay, GoogleRetryError, isRetryable, withRetries, withRetry } from './retry';
export type { RetryOptions } from './retry';
export { encodeBase32Hex, googleEventIdForSession, isValidGoogleEventId } from './event-id';
export { googleEventToCalendarEvent, readGoogleCalendar } from './read-google';
export type {
  GoogleSyncState,
  ReadGoogleCalendarOptions,
  ReadGoogleCalendarResult,
} from './read-google';
export { createLedger, emptyLedgerData, LedgerDataError, parseLedgerData } from './ledger';
export type { WriteLedger, WriteLedgerData, WriteLedgerEntry } from './ledger';
export { sessionContentHash, sessionEventFields, writeSessions } from './write-sessions';
export type {
  DesiredSession,
  SessionWriteResult,
  SessionWriteStatus,
  WriteSessionsOptions,
  WriteSessionsResult,
} from './write-sessions';
export {
  DEDICATED_CALENDAR_DESCRIPTION,
  DEDICATED_CALENDAR_MARKER,
  DEDICATED_CALENDAR_SUMMARY,
  findDedicatedCalendar,
  findOrCreateDedicatedCalendar,
  isDedicatedCalendar,
} from './dedicated-calendar';
export type { DedicatedCalendar, DedicatedCalendarOptions } from './dedicated-calendar';
export {
  IRONSTRIDE_EVENT_FILTER,
  IRONSTRIDE_HASH_KEY,
  IRONSTRIDE_MARKER_KEY,
  IRONSTRIDE_MARKER_VALUE,
  IRONSTRIDE_SESSION_KEY,
  isIronstrideEvent,
} from './session-properties';
export { GOOGLE_SCOPES, googleScopesFor } from './scopes';
