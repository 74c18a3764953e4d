/**
 * How Ironstride marks the Google events it writes: private extended properties, visible only
 * to this OAuth client (https://developers.google.com/calendar/api/guides/extended-properties),
 * and searchable with `events.list?privateExtendedProperty=ironstride=1`.
 */
import type { GoogleEvent } from './api';

/** Present, with value {@link IRONSTRIDE_MARKER_VALUE}, on every event Ironstride created. */
export const IRONSTRIDE_MARKER_KEY = 'ironstride';
export const IRONSTRIDE_MARKER_VALUE = '1';
/** The session id the event holds (the reader turns it into `ironstrideSessionId`). */
export const IRONSTRIDE_SESSION_KEY = 'ironstrideSession';
/** A hash of what was written, so a re-plan patches only what changed. */
export const IRONSTRIDE_HASH_KEY = 'ironstrideHash';

/** The `privateExtendedProperty` filter that lists Ironstride's events. */
export const IRONSTRIDE_EVENT_FILTER = `${IRONSTRIDE_MARKER_KEY}=${IRONSTRIDE_MARKER_VALUE}`;

/** Whether Ironstride created `event` (its private marker is set). */
export function isIronstrideEvent(event: GoogleEvent): boolean {
  return event.extendedProperties?.private?.[IRONSTRIDE_MARKER_KEY] === IRONSTRIDE_MARKER_VALUE;
}
