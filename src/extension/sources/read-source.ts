/** Reading the runner's calendars: ICS feeds and uploaded files, into the one event model. */
import { fetchCalendar, FetchCalendarError, normalizeFeedUrl } from '../../calendar/fetch-calendar';
import { GoogleAuthError } from '../../calendar/google';
import { IcsError, readIcs } from '../../calendar/ics';
import type { InstantRange } from '../../core/events';
import type { AddSourceInput, SourceSummary } from '../protocol';
import type { CalendarSource, FileSource, SourceEvents, UrlSource } from '../storage';

/** Builds the stored source for a validated input. */
export function newSource(input: AddSourceInput, id: string, now: number): UrlSource | FileSource {
  const role = input.role ?? 'training';
  if (input.kind === 'url') {
    const url = normalizeFeedUrl(input.url);
    return { id, kind: 'url', url, name: input.name || new URL(url).host, role, addedAt: now };
  }
  return { id, kind: 'file', text: input.text, name: input.name, role, addedAt: now };
}

/** Downloads (or takes the stored text of) a calendar and reads its occurrences over `range`. */
export async function readSource(
  source: UrlSource | FileSource,
  options: { timezone: string; range: InstantRange; fetch: typeof globalThis.fetch; now: number },
): Promise<SourceEvents> {
  let input: string | Uint8Array;
  if (source.kind === 'url') {
    const { bytes } = await fetchCalendar(source.url, { fetch: options.fetch });
    input = bytes ?? new Uint8Array();
  } else {
    input = source.text;
  }
  const result = readIcs(input, {
    timezone: options.timezone,
    range: options.range,
    source: source.name,
  });
  return {
    syncedAt: options.now,
    range: options.range,
    read: result.read,
    skipped: result.skipped,
    events: result.events,
  };
}

/** A failure as one line the options page can show. */
export function describeSourceError(error: unknown): string {
  if (error instanceof IcsError) return `not a calendar: ${error.message}`;
  if (error instanceof FetchCalendarError) return error.message;
  if (error instanceof GoogleAuthError)
    return 'Google needs you to sign in again: reconnect Google in Settings';
  return error instanceof Error ? error.message : String(error);
}

export function summarizeSource(
  source: CalendarSource,
  events: SourceEvents | undefined,
): SourceSummary {
  return {
    id: source.id,
    kind: source.kind,
    name: source.name,
    role: source.role,
    ...(source.kind === 'url' ? { url: source.url } : {}),
    ...(source.kind === 'google' ? { calendarId: source.calendarId } : {}),
    ...(events
      ? { syncedAt: events.syncedAt, read: events.read, skipped: events.skipped.length }
      : {}),
    ...(events?.error ? { error: events.error } : {}),
  };
}
