/**
 * Reading iCalendar (RFC 5545) files into Ironstride's event model. See `read-ics.ts` for the
 * decisions (what counts as read, copies, zones, bounded recurrence expansion).
 */
export { IcsError, readIcs } from './read-ics';
export type { IcsWarning, ReadIcsOptions, ReadIcsResult } from './read-ics';
