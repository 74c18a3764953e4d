/**
 * `plan --google`: reads the runner's Google calendars into the same event model as the ICS
 * files, so the planner cannot tell them apart. Training calendars (`--read-calendar`, default
 * `primary`) are classified as usual; busy calendars (`--busy-calendar`) only count as busy
 * time, as the extension does with a source marked "busy".
 */
import { readGoogleCalendar } from '../../calendar/google/read-google';
import { BUSY_ONLY } from '../../core/classify-calendar';
import type { Retag } from '../../core/classify-calendar';
import type { InstantRange, ReadCalendarResult } from '../../core/events';
import type { CliIo } from '../io';
import { connectGoogle, googleCliError } from './connect';
import type { GoogleConnection } from './connect';

export interface GoogleCalendarsRead {
  read: ReadCalendarResult;
  /** Re-tags that make every event of a busy calendar "busy only". */
  retags: Map<string, Retag>;
}

/** Reads each calendar over `range` in the runner's zone. */
export async function readGoogleCalendars(
  options: {
    training: readonly string[];
    busy: readonly string[];
    timezone: string;
    range: InstantRange;
  },
  io: CliIo,
  connection?: GoogleConnection,
): Promise<GoogleCalendarsRead> {
  const google = connection ?? (await connectGoogle(io));
  const read: ReadCalendarResult = { events: [], read: 0, skipped: [] };
  const retags = new Map<string, Retag>();
  const calendars = [
    ...options.training.map((id) => ({ id, busy: false })),
    ...options.busy.map((id) => ({ id, busy: true })),
  ];
  for (const calendar of calendars) {
    let result;
    try {
      result = await readGoogleCalendar({
        api: google.api,
        calendarId: calendar.id,
        timezone: options.timezone,
        range: options.range,
        retry: google.retry,
        source: `google:${calendar.id}`,
      });
    } catch (error) {
      throw googleCliError(error, google.tokenSource);
    }
    for (const event of result.events) {
      // One invitation can sit in two calendars: keep the copies apart, as the extension does.
      const id = `google:${calendar.id}:${event.id}`;
      read.events.push({ ...event, id });
      if (calendar.busy) retags.set(id, BUSY_ONLY);
    }
    read.read += result.read;
    read.skipped.push(...result.skipped);
  }
  return { read, retags };
}

/** Adds `extra` to `into`, keeping events in start order as `loadCalendars` returns them. */
export function mergeReads(into: ReadCalendarResult, extra: ReadCalendarResult): void {
  into.events.push(...extra.events);
  into.events.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  into.read += extra.read;
  into.skipped.push(...extra.skipped);
}
