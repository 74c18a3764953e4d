/**
 * Starting a Google write outside the Google handlers' own Add to calendar: the job every write
 * is, and the calendar echo of the training log (issue 13), which runs the same write again
 * when a session Google already has was logged.
 */
import type { Preferences } from '../../core/prefs';
import { echoLog } from '../log/echo';
import { shownWeeks } from '../plan/weeks';
import { planItem } from '../storage';
import type { ServiceContext } from '../deps';
import type { GoogleConnection } from './connection';
import { googleWriteItem, loadGoogleAccount, loadWriteJob } from './storage';
import type { WriteTarget } from './storage';
import { newWriteJob, withdrawRange } from './write-job';
import type { WriteQueue } from './write-queue';

interface WriteContext extends Pick<ServiceContext, 'now' | 'newId'> {
  queue: WriteQueue;
}

/**
 * Queues a write of every accepted session as it is now — Add to calendar's job — and starts it
 * once the caller leaves the serial queue. Call inside `serial`.
 */
export async function queueGoogleWrite(
  ctx: WriteContext,
  prefs: Preferences,
  target: WriteTarget,
): Promise<void> {
  const plan = await planItem.getValue();
  const withdrawIn = withdrawRange(plan.plannedWeeks, shownWeeks(prefs, ctx.now()), prefs.timezone);
  const job = newWriteJob({
    id: ctx.newId(),
    now: ctx.now(),
    target,
    timeZone: prefs.timezone,
    // A logged session is written with its result line (log/echo.ts).
    sessions: await echoLog(plan.sessions, prefs.weightUnit),
    ...(withdrawIn ? { withdrawIn } : {}),
  });
  // A write still running stops at its next call; this snapshot supersedes it.
  ctx.queue.cancel();
  await googleWriteItem.setValue(job);
  // Runs after the caller leaves the serial queue: its progress goes through it too.
  void ctx.queue.run();
}

/** Outcomes after which the session's event is in Google, Ironstride's to patch. */
const IN_GOOGLE = new Set(['created', 'updated', 'unchanged', 'restored']);

/**
 * After a session was logged (issue 13, calendar echo): when the runner's sessions were added to
 * Google and this one's event is there, the same write runs again, patching that event with its
 * result line — the deterministic event id makes it a patch, never a second event. Nothing is
 * written for a runner who does not write to Google. Call inside `serial`.
 */
export function googleEcho(
  ctx: WriteContext & { connection: Pick<GoogleConnection, 'available'> },
): (prefs: Preferences, sessionId: string) => Promise<boolean> {
  return async (prefs, sessionId) => {
    if (!ctx.connection.available) return false;
    const account = await loadGoogleAccount();
    const job = await loadWriteJob();
    if (!account.connected || !job) return false;
    const result = job.results[sessionId];
    if (!result || !IN_GOOGLE.has(result.status)) return false;
    await queueGoogleWrite(ctx, prefs, account.writeTarget);
    return true;
  };
}
