/**
 * The dedicated "Strength · Ironstride" calendar (SPEC §7): created once with the
 * `calendar.app.created` scope, found again on later runs. Calendars have no extended
 * properties, so Ironstride's calendar is recognised by its summary *and* a marker line in its
 * description; the id found is remembered by the caller (the ledger's `dedicatedCalendarId`) and
 * tried first next time, which also survives the runner renaming the calendar.
 */
import { CALENDAR_NAME } from '../calendar-name';
import type { GoogleCalendarApi, GoogleCalendarListEntry } from './api';
import { withRetries, withRetry } from './retry';
import type { RetryOptions } from './retry';

export const DEDICATED_CALENDAR_SUMMARY = CALENDAR_NAME;
/** A line of the calendar's description that marks it as Ironstride's. */
export const DEDICATED_CALENDAR_MARKER = 'Created by Ironstride';
export const DEDICATED_CALENDAR_DESCRIPTION = `Strength sessions planned around your runs.\n${DEDICATED_CALENDAR_MARKER}`;

export interface DedicatedCalendarOptions {
  /** The raw transport: calls are retried here. */
  api: GoogleCalendarApi;
  /** The runner's IANA zone, given to a new calendar. */
  timeZone: string;
  /** The id found or created on an earlier run, if any. */
  rememberedId?: string;
  retry?: RetryOptions;
}

export interface DedicatedCalendar {
  calendarId: string;
  created: boolean;
}

/** Whether a calendar list entry is Ironstride's dedicated calendar. */
export function isDedicatedCalendar(entry: GoogleCalendarListEntry): boolean {
  const lines = (entry.description ?? '').split(/\r?\n/).map((l) => l.trim());
  return entry.summary === DEDICATED_CALENDAR_SUMMARY && lines.includes(DEDICATED_CALENDAR_MARKER);
}

/**
 * Finds the dedicated calendar in the runner's calendar list: the remembered id when it is
 * still there (whatever it is called now), else the first calendar with the summary and the
 * marker (by id, so two runs agree). Undefined when there is none.
 */
export async function findDedicatedCalendar(
  options: Omit<DedicatedCalendarOptions, 'timeZone'>,
): Promise<string | undefined> {
  const api = withRetries(options.api, options.retry);
  const matches: string[] = [];
  let pageToken: string | undefined;
  for (;;) {
    const page = await api.listCalendars(pageToken);
    for (const entry of page.items) {
      if (!entry.id || entry.deleted) continue;
      if (entry.id === options.rememberedId) return entry.id;
      if (isDedicatedCalendar(entry)) matches.push(entry.id);
    }
    if (!page.nextPageToken) break;
    pageToken = page.nextPageToken;
  }
  return matches.sort()[0];
}

/**
 * Finds the dedicated calendar, or creates it. `calendars.insert` is not idempotent: when an
 * attempt fails in a way that may hide a success (a 5xx, a lost answer), the calendar list is
 * searched again before the next attempt, so a retry never makes a second calendar.
 */
export async function findOrCreateDedicatedCalendar(
  options: DedicatedCalendarOptions,
): Promise<DedicatedCalendar> {
  const found = await findDedicatedCalendar(options);
  if (found) return { calendarId: found, created: false };
  let attempted = false;
  return withRetry(
    `create calendar "${DEDICATED_CALENDAR_SUMMARY}"`,
    async () => {
      if (attempted) {
        const again = await findDedicatedCalendar(options);
        if (again) return { calendarId: again, created: true };
      }
      attempted = true;
      const calendar = await options.api.insertCalendar({
        summary: DEDICATED_CALENDAR_SUMMARY,
        description: DEDICATED_CALENDAR_DESCRIPTION,
        timeZone: options.timeZone,
      });
      if (!calendar.id) throw new Error('Google created the calendar but returned no id');
      return { calendarId: calendar.id, created: true };
    },
    options.retry,
  );
}
