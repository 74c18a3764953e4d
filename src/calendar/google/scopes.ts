/**
 * Least-privilege OAuth scopes (https://developers.google.com/calendar/api/auth): reading needs
 * the calendar list and events read-only; writing into Ironstride's own calendar needs only
 * `calendar.app.created` (calendars this app created, and their events). Writing into a
 * calendar the runner already had needs `calendar.events`, asked for only when they choose it.
 */
export const GOOGLE_SCOPES = {
  calendarListReadonly: 'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
  eventsReadonly: 'https://www.googleapis.com/auth/calendar.events.readonly',
  appCreated: 'https://www.googleapis.com/auth/calendar.app.created',
  events: 'https://www.googleapis.com/auth/calendar.events',
} as const;

/** The scopes to ask for: read + the dedicated calendar, plus `calendar.events` when writing elsewhere. */
export function googleScopesFor(options: { writeExisting: boolean }): string[] {
  const scopes: string[] = [
    GOOGLE_SCOPES.calendarListReadonly,
    GOOGLE_SCOPES.eventsReadonly,
    GOOGLE_SCOPES.appCreated,
  ];
  if (options.writeExisting) scopes.push(GOOGLE_SCOPES.events);
  return scopes;
}
