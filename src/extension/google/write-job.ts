/**
 * A write job from the runner's plan: what Add to calendar snapshots, and how results of
 * several attempts of the same job merge. Pure functions; the queue in `write-queue.ts` runs them.
 */
import type { DesiredSession, SessionWriteResult } from '../../calendar/google';
import type { InstantRange } from '../../core/events';
import { addDays, startOfDayInstant } from '../../core/time';
import type { DateString } from '../../core/time';
import type { StoredSession } from '../storage';
import type { GoogleWriteJob, WriteJobResult, WriteTarget } from './storage';

/**
 * A session as it is written to Google — the fields the CLI writes for a planned session
 * (`src/cli/google/write-plan.ts`), so both surfaces write identical events.
 */
export function desiredSession(session: StoredSession, timeZone: string): DesiredSession {
  return {
    id: session.id,
    start: session.start,
    end: session.end,
    title: session.title,
    description: session.description,
    timeZone,
  };
}

/**
 * The weeks the runner planned, among those shown (this week and next, so the planned ones are
 * contiguous): where Ironstride's events whose session is no longer accepted are withdrawn.
 */
export function withdrawRange(
  plannedWeeks: Readonly<Record<DateString, number>>,
  shownWeeks: readonly DateString[],
  timeZone: string,
): InstantRange | undefined {
  const planned = shownWeeks.filter((w) => w in plannedWeeks).sort();
  const first = planned[0];
  const last = planned.at(-1);
  if (!first || !last) return undefined;
  return {
    start: startOfDayInstant(first, timeZone),
    end: startOfDayInstant(addDays(last, 7), timeZone),
  };
}

export interface NewWriteJobOptions {
  id: string;
  now: number;
  target: WriteTarget;
  timeZone: string;
  sessions: readonly StoredSession[];
  withdrawIn?: InstantRange;
}

/** The job Add to calendar queues: every accepted session, as it is now. */
export function newWriteJob(options: NewWriteJobOptions): GoogleWriteJob {
  const accepted = options.sessions.filter((s) => s.status === 'accepted');
  return {
    id: options.id,
    createdAt: options.now,
    updatedAt: options.now,
    state: 'queued',
    target: options.target,
    timeZone: options.timeZone,
    sessions: accepted.map((s) => desiredSession(s, options.timeZone)),
    ...(options.withdrawIn ? { withdrawIn: options.withdrawIn } : {}),
    attempts: 0,
    progress: { done: 0, total: accepted.length },
    results: {},
  };
}

/** Outcomes that changed something in Google: a later `unchanged` for the same session only confirms them. */
const CHANGES = new Set<SessionWriteResult['status']>([
  'created',
  'updated',
  'restored',
  'deleted',
]);

/**
 * One session's result after another attempt of the same job. A resumed job meets the work of
 * the interrupted attempt as `unchanged`; the runner should still hear that it was created.
 */
export function mergeResult(
  previous: WriteJobResult | undefined,
  next: SessionWriteResult,
): WriteJobResult {
  if (previous && CHANGES.has(previous.status) && next.status === 'unchanged') return previous;
  return {
    sessionId: next.sessionId,
    eventId: next.eventId,
    status: next.status,
    ...(next.message ? { message: next.message } : {}),
    ...(next.title ? { title: next.title } : {}),
    ...(next.start !== undefined ? { start: next.start } : {}),
  };
}
