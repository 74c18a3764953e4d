/**
 * The accepted sessions as the .ics file Ironstride hands out: the popup's Download .ics and the
 * CLI's `plan --format ics` write the same calendar.
 */
import { CALENDAR_NAME } from './calendar-name';
import { exportSequence, writeIcs } from './ics';
import type { IcsSession } from './ics';

/** Options of {@link exportIcs}. */
export interface ExportIcsOptions {
  /** The runner's IANA zone: sessions keep their wall-clock times there. */
  timezone: string;
  /** The export's moment: DTSTAMP, and the SEQUENCE that lets a re-import update earlier ones. */
  now: number;
}

/** An .ics calendar of `sessions`, named {@link CALENDAR_NAME}. */
export function exportIcs(sessions: readonly IcsSession[], options: ExportIcsOptions): string {
  return writeIcs(sessions, {
    timezone: options.timezone,
    stamp: options.now,
    name: CALENDAR_NAME,
    defaultSequence: exportSequence(options.now),
  });
}
