/**
 * Writes Ironstride's sessions to one Google calendar — the logic the CLI and the extension
 * share, so both write the same events under the same rules (SPEC §7):
 *
 * 1. List Ironstride's events in the calendar (`privateExtendedProperty=ironstride=1`,
 *    `showDeleted=true`, every page). Nothing else in the calendar is ever read or written.
 * 2. For each desired session, with its deterministic event id and content hash:
 *    - listed, live, same hash → `unchanged`; different hash → `patch` (`updated`: a moved or
 *      changed session keeps its event);
 *    - listed, cancelled → if the ledger says *we* deleted it (a withdrawn session that came
 *      back) → `patch` with `status: confirmed` (`restored`); otherwise the runner deleted it →
 *      `skipped-deleted-by-you`, never recreated;
 *    - not listed → `insert` with the id. A `409 duplicate` (Google keeps deleted ids forever,
 *      and an insert whose answer was lost has in fact happened) → `get` and decide as above;
 *      an event with that id that Ironstride did not create is left alone and reported.
 * 3. Each of Ironstride's live events inside `withdrawIn` whose session is no longer desired
 *    → `delete` (`deleted`), the ledger marking `deletedByUs` first. 404/410 count as done.
 *
 * Every call is retried (`retry.ts`); a failure is reported per session, never dropped. The
 * run is idempotent: running it again with the same sessions changes nothing, which is also
 * how an interrupted run resumes (the extension re-runs its persisted queue; the CLI is run
 * again).
 */
import type { InstantRange } from '../../core/events';
import { formatInstant, isValidTimeZone } from '../../core/time';
import { hashString } from '../ics/hash';
import { GoogleAuthError, isGoogleError } from './api';
import type { GoogleCalendarApi, GoogleEvent } from './api';
import { googleEventIdForSession } from './event-id';
import type { WriteLedger, WriteLedgerEntry } from './ledger';
import { withRetries } from './retry';
import type { RetryOptions } from './retry';
import {
  IRONSTRIDE_EVENT_FILTER,
  IRONSTRIDE_HASH_KEY,
  IRONSTRIDE_MARKER_KEY,
  IRONSTRIDE_MARKER_VALUE,
  IRONSTRIDE_SESSION_KEY,
  isIronstrideEvent,
} from './session-properties';

/** A session as it should be in Google. */
export interface DesiredSession {
  /** Ironstride's session id (`PlannedSession.id`); the event id derives from it. */
  id: string;
  start: number;
  end: number;
  title: string;
  description: string;
  /** IANA zone the event is written in (the runner's). */
  timeZone: string;
}

export type SessionWriteStatus =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'restored'
  | 'deleted'
  | 'skipped-deleted-by-you'
  | 'failed';

export interface SessionWriteResult {
  sessionId: string;
  eventId: string;
  status: SessionWriteStatus;
  /** Why it failed, or what was noticed. */
  message?: string;
  /** For display: the session's (or, when deleted, the event's) title and start. */
  title?: string;
  start?: number;
}

export interface WriteSessionsOptions {
  /** The raw transport: calls are retried here. */
  api: GoogleCalendarApi;
  calendarId: string;
  sessions: readonly DesiredSession[];
  ledger: WriteLedger;
  /**
   * Ironstride's events starting in this range whose session is not desired are withdrawn
   * (deleted). Outside it nothing is deleted; without it, nothing is.
   */
  withdrawIn?: InstantRange;
  retry?: RetryOptions;
  /** After each session (and each withdrawal), for progress bars and persisted queues. */
  onProgress?: (progress: { done: number; total: number; result: SessionWriteResult }) => void;
  /** `maxResults` when listing (default 2500). */
  pageSize?: number;
}

export interface WriteSessionsResult {
  calendarId: string;
  /** Desired sessions in start order, then withdrawals. */
  results: SessionWriteResult[];
  counts: Record<SessionWriteStatus, number>;
  /** Set when Google refused the token: the remaining writes failed; reconnect and run again. */
  authError?: string;
}

const HASH_VERSION = 'v1';

/** Content hash of what is written for a session; a different hash means the event needs a patch. */
export function sessionContentHash(session: DesiredSession): string {
  return hashString(
    JSON.stringify([
      HASH_VERSION,
      session.title,
      session.description,
      session.start,
      session.end,
      session.timeZone,
    ]),
  );
}

/** The event fields Ironstride writes for a session (insert body, patch body without `id`). */
export function sessionEventFields(
  session: DesiredSession,
  hash: string = sessionContentHash(session),
): GoogleEvent {
  const tz = session.timeZone;
  return {
    summary: session.title,
    description: session.description,
    start: { dateTime: formatInstant(session.start, tz), timeZone: tz },
    end: { dateTime: formatInstant(session.end, tz), timeZone: tz },
    transparency: 'opaque',
    reminders: { useDefault: true },
    extendedProperties: {
      private: {
        [IRONSTRIDE_MARKER_KEY]: IRONSTRIDE_MARKER_VALUE,
        [IRONSTRIDE_SESSION_KEY]: session.id,
        [IRONSTRIDE_HASH_KEY]: hash,
      },
    },
  };
}

function emptyCounts(): Record<SessionWriteStatus, number> {
  return {
    created: 0,
    updated: 0,
    unchanged: 0,
    restored: 0,
    deleted: 0,
    'skipped-deleted-by-you': 0,
    failed: 0,
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startOf(event: GoogleEvent): number | undefined {
  const text =
    event.start?.dateTime ?? (event.start?.date ? `${event.start.date}T00:00:00Z` : undefined);
  if (!text) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : instant;
}

/** Writes `sessions` to `calendarId` (see the module comment for the rules). */
export async function writeSessions(options: WriteSessionsOptions): Promise<WriteSessionsResult> {
  const { calendarId, ledger } = options;
  const api = withRetries(options.api, options.retry);
  const sessions = [...options.sessions].sort(
    (a, b) => a.start - b.start || a.id.localeCompare(b.id),
  );
  const seen = new Set<string>();
  for (const s of sessions) {
    if (seen.has(s.id)) throw new RangeError(`Session id ${JSON.stringify(s.id)} appears twice`);
    seen.add(s.id);
  }
  const planned: { session: DesiredSession; eventId: string }[] = [];
  for (const session of sessions)
    planned.push({ session, eventId: await googleEventIdForSession(session.id) });

  const results: SessionWriteResult[] = [];
  const counts = emptyCounts();
  let total = sessions.length;
  const report = (result: SessionWriteResult): void => {
    results.push(result);
    counts[result.status]++;
    options.onProgress?.({ done: results.length, total, result });
  };
  const display = (s: DesiredSession) => ({ title: s.title, start: s.start });

  // 1. Ironstride's events in this calendar, deleted ones included.
  let ours: Map<string, GoogleEvent>;
  try {
    ours = await listIronstrideEvents(api, calendarId, options.pageSize ?? 2500);
  } catch (error) {
    const authError = error instanceof GoogleAuthError ? describeError(error) : undefined;
    const message = `could not list Ironstride's events: ${describeError(error)}`;
    for (const { session, eventId } of planned) {
      report({ sessionId: session.id, eventId, status: 'failed', message, ...display(session) });
    }
    return { calendarId, results, counts, ...(authError ? { authError } : {}) };
  }

  const withdrawals: { sessionId: string; eventId: string; event: GoogleEvent }[] = [];
  for (const [eventId, event] of ours) {
    const sessionId = event.extendedProperties?.private?.[IRONSTRIDE_SESSION_KEY];
    const start = startOf(event);
    const inScope =
      options.withdrawIn !== undefined &&
      start !== undefined &&
      start >= options.withdrawIn.start &&
      start < options.withdrawIn.end;
    if (event.status !== 'cancelled' && sessionId && !seen.has(sessionId) && inScope) {
      withdrawals.push({ sessionId, eventId, event });
    }
  }
  total += withdrawals.length;

  let authError: string | undefined;
  const failAfterAuth = (
    sessionId: string,
    eventId: string,
    extra: { title?: string; start?: number },
  ) => report({ sessionId, eventId, status: 'failed', message: authError, ...extra });

  // 2. Desired sessions.
  for (const { session, eventId } of planned) {
    if (authError) {
      failAfterAuth(session.id, eventId, display(session));
      continue;
    }
    try {
      const outcome = await writeOne(api, calendarId, session, eventId, ours.get(eventId), ledger);
      report({ sessionId: session.id, eventId, ...outcome, ...display(session) });
    } catch (error) {
      if (error instanceof GoogleAuthError) authError = describeError(error);
      report({
        sessionId: session.id,
        eventId,
        status: 'failed',
        message: describeError(error),
        ...display(session),
      });
    }
  }

  // 3. Withdrawn sessions.
  for (const { sessionId, eventId, event } of withdrawals) {
    const extra = {
      ...(event.summary ? { title: event.summary } : {}),
      ...withStart(startOf(event)),
    };
    if (authError) {
      failAfterAuth(sessionId, eventId, extra);
      continue;
    }
    try {
      const hash = event.extendedProperties?.private?.[IRONSTRIDE_HASH_KEY] ?? '';
      // Write-ahead: once the delete may have happened, the ledger must already say it was ours.
      await ledger.set(calendarId, sessionId, { eventId, hash, deletedByUs: true });
      try {
        await api.deleteEvent(calendarId, eventId);
      } catch (error) {
        // Already gone: a retried delete whose first answer was lost, or the runner was faster.
        if (!isGoogleError(error, 410) && !isGoogleError(error, 404)) throw error;
      }
      report({ sessionId, eventId, status: 'deleted', ...extra });
    } catch (error) {
      if (error instanceof GoogleAuthError) authError = describeError(error);
      report({ sessionId, eventId, status: 'failed', message: describeError(error), ...extra });
    }
  }

  return { calendarId, results, counts, ...(authError ? { authError } : {}) };
}

function withStart(start: number | undefined): { start?: number } {
  return start === undefined ? {} : { start };
}

async function listIronstrideEvents(
  api: GoogleCalendarApi,
  calendarId: string,
  pageSize: number,
): Promise<Map<string, GoogleEvent>> {
  const ours = new Map<string, GoogleEvent>();
  let pageToken: string | undefined;
  for (;;) {
    const page = await api.listEvents(calendarId, {
      privateExtendedProperty: [IRONSTRIDE_EVENT_FILTER],
      showDeleted: true,
      maxResults: pageSize,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const event of page.items) {
      // The filter is Google's; checking again costs nothing and guards the "never touch" rule.
      if (event.id && (isIronstrideEvent(event) || event.status === 'cancelled'))
        ours.set(event.id, event);
    }
    if (!page.nextPageToken) return ours;
    pageToken = page.nextPageToken;
  }
}

type Outcome = Pick<SessionWriteResult, 'status' | 'message'>;

async function writeOne(
  api: GoogleCalendarApi,
  calendarId: string,
  session: DesiredSession,
  eventId: string,
  listed: GoogleEvent | undefined,
  ledger: WriteLedger,
): Promise<Outcome> {
  if (!(session.end > session.start)) {
    return {
      status: 'failed',
      message: `session ends (${session.end}) before it starts (${session.start})`,
    };
  }
  if (!isValidTimeZone(session.timeZone)) {
    return { status: 'failed', message: `unknown time zone ${JSON.stringify(session.timeZone)}` };
  }
  const hash = sessionContentHash(session);
  const fields = sessionEventFields(session, hash);
  const entry = await ledger.get(calendarId, session.id);
  const remember = async (extra: Partial<WriteLedgerEntry> = {}): Promise<void> => {
    const next: WriteLedgerEntry = { eventId, hash, ...extra };
    const same =
      entry?.eventId === next.eventId &&
      entry.hash === next.hash &&
      !!entry.deletedByUs === !!next.deletedByUs &&
      !!entry.skippedByRunner === !!next.skippedByRunner;
    // Unchanged entries are not written again: the extension's storage and the CLI's file stay quiet.
    if (!same) await ledger.set(calendarId, session.id, next);
  };

  let existing = listed;
  let createdNow = false;
  if (!existing) {
    try {
      await api.insertEvent(calendarId, { id: eventId, ...fields });
      await remember();
      return { status: 'created' };
    } catch (error) {
      if (!isGoogleError(error, 409)) throw error;
    }
    // The id is taken: a deleted event (ids stay reserved), or our own insert whose answer was lost.
    existing = await api.getEvent(calendarId, eventId);
    createdNow = true;
  }

  if (existing.status === 'cancelled') {
    // Deleted events may come back with only their id, so "ours" rests on the id being ours.
    if (entry?.deletedByUs) {
      await api.patchEvent(calendarId, eventId, { ...fields, status: 'confirmed' });
      await remember();
      return { status: 'restored' };
    }
    await remember({ skippedByRunner: true, hash: entry?.hash ?? hash });
    return {
      status: 'skipped-deleted-by-you',
      message: 'you deleted this session in Google Calendar; it is not recreated',
    };
  }
  if (!isIronstrideEvent(existing)) {
    return {
      status: 'failed',
      message: `an event Ironstride did not create already uses id ${eventId}; it was left untouched`,
    };
  }
  if (existing.extendedProperties?.private?.[IRONSTRIDE_HASH_KEY] === hash) {
    await remember();
    // Found through a 409 although it was not listed: our insert landed and its answer was lost.
    return { status: createdNow && !entry ? 'created' : 'unchanged' };
  }
  await api.patchEvent(calendarId, eventId, fields);
  await remember();
  return { status: 'updated' };
}
