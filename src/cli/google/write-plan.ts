/**
 * `plan --write google`: writes the planned sessions with the shared write logic, to the
 * calendar given by `--google-calendar` or to the dedicated "Strength · Ironstride" calendar
 * (found again through the calendar list, its id remembered in the ledger). Prints what
 * happened to each session on stderr; stdout keeps the plan in the chosen format.
 */
import {
  findOrCreateDedicatedCalendar,
  DEDICATED_CALENDAR_SUMMARY,
} from '../../calendar/google/dedicated-calendar';
import { createLedger, LedgerDataError, parseLedgerData } from '../../calendar/google/ledger';
import type { WriteLedgerData } from '../../calendar/google/ledger';
import { writeSessions } from '../../calendar/google/write-sessions';
import type {
  SessionWriteResult,
  SessionWriteStatus,
  WriteSessionsResult,
} from '../../calendar/google/write-sessions';
import type { InstantRange } from '../../core/events';
import type { PlannedSession } from '../../core/plan';
import { dateInZone, formatClock, formatDayLabel, minutesInZone } from '../../core/time';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { ledgerFilePath, readJsonFile, writePrivateJsonFile } from './config-files';
import { connectGoogle, googleCliError, reconnectAdvice } from './connect';
import type { GoogleConnection } from './connect';

export interface WritePlanToGoogleOptions {
  sessions: readonly PlannedSession[];
  timezone: string;
  /** The planned weeks: Ironstride's events starting here that the plan no longer has are withdrawn. */
  weeks: InstantRange;
  /** `--google-calendar`; the dedicated calendar when absent. */
  calendarId?: string;
}

const LABELS: Record<SessionWriteStatus, string> = {
  created: 'created',
  updated: 'moved/updated',
  unchanged: 'unchanged',
  restored: 'restored',
  deleted: 'withdrawn',
  'skipped-deleted-by-you': 'skipped',
  failed: 'FAILED',
};

async function loadLedger(io: CliIo): Promise<WriteLedgerData> {
  const path = ledgerFilePath(io.env);
  try {
    return parseLedgerData(await readJsonFile(path));
  } catch (error) {
    const why = error instanceof LedgerDataError ? error.message : (error as Error).message;
    throw new CliError(`Cannot read ${path}: ${why}. Move it away to start a new ledger.`, 1, {
      cause: error,
    });
  }
}

function line(result: SessionWriteResult, timezone: string): string {
  const when =
    result.start === undefined
      ? '—'
      : `${formatDayLabel(dateInZone(result.start, timezone))} ${formatClock(minutesInZone(result.start, timezone))}`;
  const why = result.message ? ` — ${result.message}` : '';
  return `  ${LABELS[result.status].padEnd(13)} ${when.padEnd(16)} ${result.title ?? result.sessionId}${why}\n`;
}

/** Renders the per-session summary printed on stderr. */
export function renderWriteSummary(
  result: WriteSessionsResult,
  calendarName: string,
  timezone: string,
): string {
  const counts = (Object.keys(LABELS) as SessionWriteStatus[])
    .filter((s) => result.counts[s] > 0)
    .map((s) => `${result.counts[s]} ${LABELS[s]}`);
  let out = `Google Calendar ${calendarName}: ${counts.length ? counts.join(', ') : 'nothing to write'}\n`;
  for (const r of result.results) out += line(r, timezone);
  return out;
}

/** Writes the plan; returns the exit code (1 when any session failed). */
export async function writePlanToGoogle(
  options: WritePlanToGoogleOptions,
  io: CliIo,
  connection?: GoogleConnection,
): Promise<number> {
  const google = connection ?? (await connectGoogle(io));
  const data = await loadLedger(io);
  const persist = (d: WriteLedgerData) => writePrivateJsonFile(ledgerFilePath(io.env), d);

  let calendarId = options.calendarId;
  let calendarName = calendarId === undefined ? '' : `"${calendarId}"`;
  if (calendarId === undefined) {
    try {
      const dedicated = await findOrCreateDedicatedCalendar({
        api: google.api,
        timeZone: options.timezone,
        retry: google.retry,
        ...(data.dedicatedCalendarId ? { rememberedId: data.dedicatedCalendarId } : {}),
      });
      calendarId = dedicated.calendarId;
      calendarName = `"${DEDICATED_CALENDAR_SUMMARY}"${dedicated.created ? ' (created)' : ''}`;
    } catch (error) {
      throw googleCliError(error, google.tokenSource);
    }
    if (data.dedicatedCalendarId !== calendarId) {
      data.dedicatedCalendarId = calendarId;
      await persist(data);
    }
  }

  const result = await writeSessions({
    api: google.api,
    calendarId,
    sessions: options.sessions.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      title: s.title,
      description: s.description,
      timeZone: options.timezone,
    })),
    ledger: createLedger(data, persist),
    withdrawIn: options.weeks,
    retry: google.retry,
  });
  io.stderr(renderWriteSummary(result, calendarName, options.timezone));
  if (result.authError)
    throw new CliError(`${reconnectAdvice(google.tokenSource)} (${result.authError})`);
  if (result.counts.failed > 0) {
    throw new CliError(
      `${result.counts.failed} session(s) could not be written to Google Calendar; run the same command again to retry`,
    );
  }
  return 0;
}
