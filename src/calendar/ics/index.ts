/**
 * iCalendar (RFC 5545) in and out: reading any calendar into Ironstride's event model (see
 * `read-ics.ts` for what counts as read, copies, zones and bounded expansion), and writing
 * sessions with stable UIDs (`write-ics.ts`).
 */
export { IcsError, readIcs } from './read-ics';
export type { IcsWarning, ReadIcsOptions, ReadIcsResult } from './read-ics';
export { exportSequence, sessionUid, writeIcs } from './write-ics';
export { IRONSTRIDE_SESSION_PROPERTY } from './session-marker';
export type { IcsSession, WriteIcsOptions } from './write-ics';
export { buildVtimezone } from './vtimezone';
