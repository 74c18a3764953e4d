/**
 * The words the popup and Options show for the subscribable feed: published, publishing, or why
 * not. Pure, like `build-view.ts`; the background applies it to every view it builds and to the
 * cached view while a publish runs.
 */
import { plural } from '../../core/plural';
import { dateInZone, formatClock, formatDayLabel, minutesInZone } from '../../core/time';
import type { FeedView, GoogleLine, PopupView } from '../view';
import type { FeedConnection, FeedErrorKind, FeedPublishState } from './storage';

export interface FeedViewInput {
  connection: FeedConnection | null;
  publish: FeedPublishState;
  /** The body the accepted sessions make now. */
  desired: { hash: string; count: number };
  now: number;
  timeZone: string;
}

/** Failures no retry mends: the runner must create a new feed. */
export const NEEDS_NEW_FEED: ReadonlySet<FeedErrorKind> = new Set(['unauthorized', 'not-found']);
/** Failures that may pass: retried on the hourly alarm. */
export const TRANSIENT: ReadonlySet<FeedErrorKind> = new Set([
  'unreachable',
  'timeout',
  'rate-limited',
  'server',
  'unexpected',
]);

/** "10:42" today, "Mon 23 Nov, 10:42" another day, in the runner's zone. */
export function formatUpdatedAt(at: number, now: number, timeZone: string): string {
  const clock = formatClock(minutesInZone(at, timeZone));
  const day = dateInZone(at, timeZone);
  return day === dateInZone(now, timeZone) ? clock : `${formatDayLabel(day)}, ${clock}`;
}

/** The failure that describes the feed now, if any: one for these sessions, or one needing a new feed. */
export function currentFailure(publish: FeedPublishState, desiredHash: string) {
  const failure = publish.failure;
  if (!failure) return undefined;
  const forThese = failure.hash === desiredHash || failure.fullHash === desiredHash;
  return forThese || NEEDS_NEW_FEED.has(failure.kind) ? failure : undefined;
}

/** The status line for the feed; undefined when there is no feed. */
export function feedStatusLine(input: FeedViewInput): GoogleLine | undefined {
  const { connection, publish, desired } = input;
  if (!connection) return undefined;
  if (publish.running) {
    const { count } = publish.running;
    return {
      text: count === 0 ? 'Updating the feed…' : `Publishing ${plural(count, 'session')}…`,
      tone: 'busy',
    };
  }
  const failure = currentFailure(publish, desired.hash);
  if (failure) {
    if (TRANSIENT.has(failure.kind)) {
      return {
        text: `Not published: ${failure.message} Ironstride tries again within the hour.`,
        tone: 'warn',
      };
    }
    if (failure.kind === 'refused') {
      // Never silent, never given up: new sessions are sent at once, the same ones again later.
      return {
        text: `Not published: ${failure.message} Ironstride sends the sessions again when they change, and tries again in a few hours.`,
        tone: 'error',
      };
    }
    return { text: `Not published: ${failure.message}`, tone: 'error' };
  }
  // The view's body knows no byte limit: a body cut to the server's size matches by its fullHash.
  const published = publish.published;
  if (published?.hash !== desired.hash && published?.fullHash !== desired.hash) {
    // Waiting for the changes to settle (or for the worker's next start): Publish sends it now.
    const { count } = desired;
    return {
      text:
        count === 0
          ? 'Updating the feed in a moment…'
          : `Publishing ${plural(count, 'session')} in a moment…`,
      tone: 'busy',
    };
  }
  if (!published) return undefined;
  const { count, at, omitted = 0 } = published;
  const updated = `feed updated ${formatUpdatedAt(at, input.now, input.timeZone)}`;
  if (omitted > 0) {
    return {
      text: `Published the newest ${plural(count, 'session')} · ${updated} · the oldest ${omitted} did not fit in what the feed server takes`,
      tone: 'warn',
    };
  }
  return {
    text:
      count === 0
        ? `No accepted sessions to publish yet · ${updated}`
        : `Published ${plural(count, 'session')} · ${updated}`,
    tone: 'ok',
  };
}

/** The popup's feed state, or undefined when this browser has no feed. */
export function feedView(input: FeedViewInput): FeedView | undefined {
  const status = feedStatusLine(input);
  if (!status) return undefined;
  return { publishing: input.connection !== null && input.publish.running !== undefined, status };
}

/** `view` with the feed's state (or without it, when the feed was deleted). */
export function withFeed(view: PopupView, input: FeedViewInput): PopupView {
  const { feed: _old, ...rest } = view;
  const feed = feedView(input);
  return feed ? { ...rest, feed } : rest;
}
