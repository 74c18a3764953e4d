/**
 * The persisted Google write queue (SPEC §7: "the write queue is persisted, so a stopped service
 * worker resumes where it left off").
 *
 * One job at a time lives in `local:googleWrite`: the sessions snapshot taken when the runner
 * pressed Add to calendar, the calendar it goes to once found, and each session's result as soon
 * as Google answered. Resuming is running the same job again: the shared write logic is
 * idempotent (deterministic event ids, a listing first), so sessions already written come back
 * `unchanged` without a request, and their earlier result is kept (`mergeResult`).
 *
 * When it runs: right after Add to calendar; at every service-worker start (a `queued` or
 * `running` job found then was interrupted); on the hourly alarm (also jobs that ended with
 * failures, up to {@link MAX_ATTEMPTS}); after the runner reconnects Google (jobs Google's
 * refusal stopped). Storage writes go through the background's serial queue, so they never
 * interleave with a handler's read-modify-write; the Google calls do not, so the popup stays
 * responsive while a slow write runs.
 */
import {
  DEDICATED_CALENDAR_SUMMARY,
  GoogleAuthError,
  createLedger,
  findDedicatedCalendar,
  findOrCreateDedicatedCalendar,
  writeSessions,
} from '../../calendar/google';
import type { GoogleCalendarApi, RetryOptions } from '../../calendar/google';
import { mergeResult } from './write-job';
import { googleLedgerItem, googleWriteItem, loadGoogleLedger, loadWriteJob } from './storage';
import type { GoogleWriteJob, WriteJobState } from './storage';

/** Attempts of one job (the first included) before the hourly retries give up. */
export const MAX_ATTEMPTS = 6;

/** Which finished jobs a run may pick up again, besides `queued` and `running` ones. */
export interface RunWritesOptions {
  /** Jobs that ended with failures (the hourly alarm). */
  retry?: boolean;
  /** Jobs Google's refusal stopped (after the runner reconnected). */
  afterReconnect?: boolean;
}

export interface WriteQueueDeps {
  /** The raw transport (the shared logic adds retries), or undefined when Google is off or not connected. */
  api: () => Promise<GoogleCalendarApi | undefined>;
  retry?: RetryOptions;
  now: () => number;
  /** Runs a task alone in the background's serial queue. */
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  /** Inside `serial`, after every stored change of the job: update what the popup shows. */
  onChange: (job: GoogleWriteJob) => Promise<void>;
  /** Inside `serial`, when an attempt ended (the job is stored in its final state). */
  onFinished: (job: GoogleWriteJob) => Promise<void>;
}

export interface WriteQueue {
  /** Runs every runnable job; resolves when none is left (the running one's promise, if any). */
  run(options?: RunWritesOptions): Promise<void>;
  /** Stops the running attempt at its next Google call (the job was replaced or removed). */
  cancel(): void;
}

class WriteCancelled extends Error {
  constructor() {
    super('this write was replaced by a newer one');
    this.name = 'WriteCancelled';
  }
}

function runnable(job: GoogleWriteJob, options: RunWritesOptions): boolean {
  if (job.state === 'queued' || job.state === 'running') return true;
  if (job.state === 'retry') return options.retry === true && job.attempts < MAX_ATTEMPTS;
  if (job.state === 'needs-auth') return options.afterReconnect === true;
  return false;
}

/** Every call checks first that the job is still the one to run. */
function guarded(api: GoogleCalendarApi, cancelled: () => boolean): GoogleCalendarApi {
  const call = async <T>(send: () => Promise<T>): Promise<T> => {
    if (cancelled()) throw new WriteCancelled();
    return send();
  };
  return {
    listCalendars: (pageToken) => call(() => api.listCalendars(pageToken)),
    insertCalendar: (calendar) => call(() => api.insertCalendar(calendar)),
    listEvents: (calendarId, params) => call(() => api.listEvents(calendarId, params)),
    getEvent: (calendarId, eventId) => call(() => api.getEvent(calendarId, eventId)),
    insertEvent: (calendarId, event) => call(() => api.insertEvent(calendarId, event)),
    patchEvent: (calendarId, eventId, patch) =>
      call(() => api.patchEvent(calendarId, eventId, patch)),
    deleteEvent: (calendarId, eventId) => call(() => api.deleteEvent(calendarId, eventId)),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the queue's runner (one per background). */
export function createWriteQueue(deps: WriteQueueDeps): WriteQueue {
  let active: Promise<void> | undefined;
  let again = false;
  let pending: RunWritesOptions = {};
  let cancelled = false;

  /** Stores `job` unless another job replaced it; then `after` runs in the same serial task. */
  function save(
    job: GoogleWriteJob,
    after?: (job: GoogleWriteJob) => Promise<void>,
  ): Promise<boolean> {
    return deps.serial(async () => {
      const stored = await loadWriteJob();
      if (stored?.id !== job.id) {
        cancelled = true;
        return false;
      }
      await googleWriteItem.setValue(job);
      await deps.onChange(job);
      if (after) await after(job);
      return true;
    });
  }

  function finish(job: GoogleWriteJob, state: WriteJobState, error?: string): Promise<boolean> {
    const { error: _previous, ...rest } = job;
    const final: GoogleWriteJob = {
      ...rest,
      state,
      updatedAt: deps.now(),
      ...(error ? { error } : {}),
    };
    return save(final, deps.onFinished);
  }

  async function attempt(job: GoogleWriteJob): Promise<void> {
    cancelled = false;
    const { error: _previous, ...rest } = job;
    let current: GoogleWriteJob = {
      ...rest,
      state: 'running',
      attempts: job.attempts + 1,
      progress: { done: 0, total: job.sessions.length },
      updatedAt: deps.now(),
    };
    if (!(await save(current))) return;
    const raw = await deps.api();
    if (!raw) {
      await finish(current, 'needs-auth', 'Google is not connected: connect it in Settings');
      return;
    }
    const api = guarded(raw, () => cancelled);
    const ledgerData = await loadGoogleLedger();

    if (!current.calendarId) {
      try {
        let calendarId: string | undefined;
        let calendarName: string;
        if (current.target.kind === 'existing') {
          calendarId = current.target.calendarId;
          calendarName = current.target.name;
        } else {
          calendarName = DEDICATED_CALENDAR_SUMMARY;
          const remembered = ledgerData.dedicatedCalendarId
            ? { rememberedId: ledgerData.dedicatedCalendarId }
            : {};
          // Nothing to write and no calendar yet: nothing to withdraw either, so create nothing.
          calendarId =
            current.sessions.length === 0
              ? await findDedicatedCalendar({ api, retry: deps.retry, ...remembered })
              : (
                  await findOrCreateDedicatedCalendar({
                    api,
                    timeZone: current.timeZone,
                    retry: deps.retry,
                    ...remembered,
                  })
                ).calendarId;
          if (calendarId && ledgerData.dedicatedCalendarId !== calendarId) {
            ledgerData.dedicatedCalendarId = calendarId;
            await googleLedgerItem.setValue(ledgerData);
          }
        }
        if (!calendarId) {
          await finish({ ...current, progress: { done: 0, total: 0 } }, 'done');
          return;
        }
        current = { ...current, calendarId, calendarName };
        if (!(await save(current))) return;
      } catch (error) {
        if (error instanceof WriteCancelled) return;
        await finish(
          current,
          error instanceof GoogleAuthError ? 'needs-auth' : nextState(current),
          describe(error),
        );
        return;
      }
    }
    const calendarId = current.calendarId;
    if (!calendarId) return;

    let saving = Promise.resolve(true);
    const result = await writeSessions({
      api,
      calendarId,
      sessions: current.sessions,
      ledger: createLedger(ledgerData, (data) => googleLedgerItem.setValue(data)),
      ...(current.withdrawIn ? { withdrawIn: current.withdrawIn } : {}),
      ...(deps.retry ? { retry: deps.retry } : {}),
      onProgress: ({ done, total, result: one }) => {
        current = {
          ...current,
          progress: { done, total },
          results: {
            ...current.results,
            [one.sessionId]: mergeResult(current.results[one.sessionId], one),
          },
          updatedAt: deps.now(),
        };
        const snapshot = current;
        // Progress is stored as it comes, in order; the attempt waits for the last one below.
        saving = saving.then((ok) => (ok ? save(snapshot) : false));
      },
    });
    if (!(await saving) || cancelled) return;
    if (result.authError) {
      await finish(current, 'needs-auth', result.authError);
    } else if (result.counts.failed > 0) {
      await finish(
        current,
        nextState(current),
        `${result.counts.failed} session(s) could not be written`,
      );
    } else {
      await finish(current, 'done');
    }
  }

  function nextState(job: GoogleWriteJob): WriteJobState {
    return job.attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
  }

  async function loop(): Promise<void> {
    try {
      while (again) {
        again = false;
        let options = pending;
        pending = {};
        for (;;) {
          const job = await loadWriteJob();
          if (!job || !runnable(job, options)) break;
          try {
            await attempt(job);
          } catch (error) {
            // Not Google (its failures are results): storage itself failed. Leave the job for
            // the next start or alarm rather than spin on it.
            await finish(job, nextState(job), describe(error)).catch(() => undefined);
            break;
          }
          // A finished job is picked up again only by a later run that asks for it.
          options = {};
        }
      }
    } finally {
      // Cleared in the same turn as the last check of `again`: a run() after it starts afresh.
      active = undefined;
    }
  }

  return {
    run(options = {}) {
      again = true;
      pending = {
        retry: pending.retry || options.retry,
        afterReconnect: pending.afterReconnect || options.afterReconnect,
      };
      active ??= loop();
      return active;
    },
    cancel() {
      cancelled = true;
    },
  };
}
