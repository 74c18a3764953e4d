/**
 * Reading a Google calendar the runner picked, into the same `SourceEvents` an ICS feed gives,
 * so the planner cannot tell the sources apart. Incremental: the sync state of the last read is
 * passed back in, and Google sends only what changed (a 410 starts a full sync inside).
 */
import { readGoogleCalendar } from '../../calendar/google';
import type { GoogleCalendarApi, GoogleSyncState, RetryOptions } from '../../calendar/google';
import type { InstantRange } from '../../core/events';
import type { GoogleSource, SourceEvents } from '../storage';

export interface ReadGoogleSourceOptions {
  api: GoogleCalendarApi;
  timezone: string;
  range: InstantRange;
  state?: GoogleSyncState;
  retry?: RetryOptions;
  now: number;
}

/** Reads `source` over `range`; returns its events and the state for the next read. */
export async function readGoogleSource(
  source: GoogleSource,
  options: ReadGoogleSourceOptions,
): Promise<{ events: SourceEvents; state: GoogleSyncState | undefined }> {
  const result = await readGoogleCalendar({
    api: options.api,
    calendarId: source.calendarId,
    timezone: options.timezone,
    range: options.range,
    ...(options.state ? { state: options.state } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    source: source.name,
  });
  return {
    events: {
      syncedAt: options.now,
      range: options.range,
      read: result.read,
      skipped: result.skipped,
      events: result.events,
    },
    state: result.state,
  };
}
