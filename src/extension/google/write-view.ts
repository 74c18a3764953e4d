/**
 * The words the popup shows for Google Calendar: the state of the connection, the progress and
 * outcome of the last write, and one line on each session card. Pure, like `build-view.ts`; the
 * background applies it to every view it builds and to the cached view as a write progresses.
 */
import { plural } from '../../core/plural';
import { DEDICATED_CALENDAR_SUMMARY, sessionContentHash } from '../../calendar/google';
import type { StoredSession } from '../storage';
import type { GoogleLine, GoogleView, PopupView, SessionItem } from '../view';
import { desiredSession } from './write-job';
import type { GoogleAccount, GoogleWriteJob, WriteJobResult } from './storage';

export interface GoogleViewInput {
  /** This build can connect to Google. */
  available: boolean;
  account: GoogleAccount;
  job: GoogleWriteJob | null;
  sessions: readonly StoredSession[];
  timeZone: string;
}

const MAX_MESSAGE = 140;

function short(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}

function isActive(job: GoogleWriteJob | null): boolean {
  return job !== null && (job.state === 'queued' || job.state === 'running');
}

function failedLine(result: WriteJobResult, job: GoogleWriteJob): GoogleLine {
  const why = short(result.message ?? 'Google did not accept it');
  if (job.state === 'needs-auth')
    return { text: 'Not written: reconnect Google in Settings', tone: 'error' };
  if (job.state === 'failed')
    return { text: `Failed: ${why} — press Add to calendar to try again`, tone: 'error' };
  return { text: `Failed: ${why} (will retry)`, tone: 'error' };
}

function resultLine(result: WriteJobResult, job: GoogleWriteJob): GoogleLine {
  switch (result.status) {
    case 'created':
    case 'unchanged':
    case 'restored':
      return { text: 'In Google Calendar', tone: 'ok' };
    case 'updated':
      return { text: 'Updated in Google Calendar', tone: 'ok' };
    case 'deleted':
      return { text: 'Removed from Google Calendar', tone: 'muted' };
    case 'skipped-deleted-by-you':
      return { text: 'You deleted this in Google — skipped', tone: 'warn' };
    case 'failed':
      return failedLine(result, job);
  }
}

/** The line on one session's card, or undefined when there is nothing to say. */
export function sessionGoogleLine(
  session: StoredSession,
  job: GoogleWriteJob | null,
  timeZone: string,
): GoogleLine | undefined {
  if (session.deletedInGoogle && session.status === 'skipped') {
    return { text: 'You deleted this in Google — skipped', tone: 'warn' };
  }
  const written = job?.sessions.find((s) => s.id === session.id);
  const result = job?.results[session.id];
  if (session.status === 'accepted') {
    if (!job || !written) return { text: 'Not in Google Calendar yet', tone: 'muted' };
    if (sessionContentHash(desiredSession(session, timeZone)) !== sessionContentHash(written)) {
      return { text: 'Changed since — press Add to calendar to update Google', tone: 'muted' };
    }
  } else if (result?.status !== 'deleted') {
    // Not accepted: worth a line only if an earlier write put it in Google.
    if (
      !written ||
      !result ||
      result.status === 'failed' ||
      result.status === 'skipped-deleted-by-you'
    )
      return undefined;
    return { text: 'Still in Google Calendar — press Add to calendar to remove it', tone: 'muted' };
  }
  if (!job) return undefined;
  if (!result) {
    if (isActive(job)) return { text: 'Waiting to be written…', tone: 'busy' };
    if (job.state === 'needs-auth')
      return { text: 'Not written: reconnect Google in Settings', tone: 'error' };
    return undefined;
  }
  return resultLine(result, job);
}

function summary(job: GoogleWriteJob): GoogleLine {
  const name =
    job.calendarName ??
    (job.target.kind === 'existing' ? job.target.name : DEDICATED_CALENDAR_SUMMARY);
  if (job.state === 'queued') return { text: 'Writing to Google Calendar…', tone: 'busy' };
  if (job.state === 'running') {
    const { done, total } = job.progress;
    return total > 0 && job.calendarId
      ? { text: `Writing ${Math.min(done + 1, total)} of ${total}…`, tone: 'busy' }
      : { text: 'Writing to Google Calendar…', tone: 'busy' };
  }
  if (job.state === 'needs-auth') {
    return { text: 'Not written: Google needs you to sign in again.', tone: 'error' };
  }
  const results = Object.values(job.results);
  const count = (...statuses: WriteJobResult['status'][]) =>
    results.filter((r) => statuses.includes(r.status)).length;
  const failed = count('failed');
  if (job.state === 'retry') {
    return {
      text: `${plural(failed, 'session')} could not be written to ${name}; Ironstride tries again within the hour.`,
      tone: 'warn',
    };
  }
  if (job.state === 'failed') {
    return {
      text: `${plural(failed, 'session')} could not be written to ${name}. Press Add to calendar to try again.`,
      tone: 'error',
    };
  }
  const skipped = count('skipped-deleted-by-you');
  const parts = [
    [count('created', 'restored'), 'added'],
    [count('updated'), 'updated'],
    [count('deleted'), 'removed'],
    [skipped, `skipped (you deleted ${skipped === 1 ? 'it' : 'them'} in Google)`],
  ] as const;
  const changed = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (changed.length === 0) {
    return results.length === 0
      ? { text: `Nothing to write to ${name}.`, tone: 'ok' }
      : { text: `${name} was already up to date.`, tone: 'ok' };
  }
  return {
    text: `${name}: ${changed.join(', ')}.`,
    tone: skipped > 0 ? 'warn' : 'ok',
  };
}

/** The popup's Google state. */
export function googleView(input: GoogleViewInput): GoogleView {
  const { account, job } = input;
  const calendarName =
    account.writeTarget.kind === 'existing' ? account.writeTarget.name : DEDICATED_CALENDAR_SUMMARY;
  const state: GoogleView['state'] = !input.available
    ? 'unavailable'
    : !account.connected
      ? 'off'
      : account.reconnect
        ? 'reconnect'
        : 'ready';
  const accepted = input.sessions.some((s) => s.status === 'accepted');
  const written =
    job !== null &&
    Object.values(job.results).some((r) => r.status !== 'failed' && r.status !== 'deleted');
  return {
    state,
    calendarName,
    canWrite: accepted || written,
    writing: isActive(job),
    ...(job && state !== 'unavailable' && state !== 'off' ? { status: summary(job) } : {}),
  };
}

/** `view` with its Google state and a line on each session card. */
export function withGoogle(view: PopupView, input: GoogleViewInput): PopupView {
  const google = googleView(input);
  const show = google.state === 'ready' || google.state === 'reconnect';
  const byId = new Map(input.sessions.map((s) => [s.id, s]));
  const line = (item: SessionItem): SessionItem => {
    const { google: _old, ...rest } = item;
    const session = byId.get(item.id);
    const next =
      show && session ? sessionGoogleLine(session, input.job, input.timeZone) : undefined;
    return next ? { ...rest, google: next } : rest;
  };
  return {
    ...view,
    google,
    weeks: view.weeks.map((week) => ({
      ...week,
      days: week.days.map((day) => ({
        ...day,
        items: day.items.map((item) => (item.type === 'session' ? line(item) : item)),
      })),
    })),
  };
}
