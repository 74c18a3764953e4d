/**
 * Keeps the subscribed feed following the runner's accepted sessions.
 *
 * - **Automatic**: after any change of the accepted sessions (accept, skip, move, re-plan, a
 *   calendar sync), the background calls `schedule()`; a publish runs once the changes have
 *   settled for `debounceMs`, so accepting a whole week is one PUT, not five.
 * - **Publish** in the popup runs one at once (`publishNow`), whatever the state.
 * - **Never lost**: whether the feed is behind is not a flag but a comparison — the hash of the
 *   body the accepted sessions make now against the hash of the body the server last accepted.
 *   When the worker stops before a debounced or running publish (its timer and fetch die with
 *   it), the next start (`run()`) finds the feed behind and publishes. A failure that may pass
 *   (server down, 5xx, 429) is retried on the hourly alarm (`run({ retry: true })`) and whenever
 *   the sessions change; one that needs the runner (a refused key, a deleted feed) is shown and
 *   left until they act.
 *
 * One request at a time: publishes, and the Options page's create/rotate/delete (`exclusive`),
 * queue behind each other, so a rotation never races a PUT to the old address. Storage changes
 * go through the background's serial queue; the network never does, so a slow server never
 * holds up the popup.
 */
import type { Preferences } from '../../core/prefs';
import { DAY_MS } from '../../core/time';
import { planItem } from '../storage';
import { echoLog } from '../log/echo';
import { buildFeedBody, FEED_MAX_BODY_BYTES } from './body';
import type { FeedBodyResult } from './body';
import type { FeedClient, FeedError } from './client';
import { feedItem, feedPublishItem, loadFeedConnection, loadPublishState } from './storage';
import type { FeedConnection, FeedPublishState } from './storage';
import { NEEDS_NEW_FEED, TRANSIENT } from './view';

/** Starts a timer; returns its cancel. */
export type SetTimer = (callback: () => void, ms: number) => () => void;

export const defaultSetTimer: SetTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

export interface FeedPublisherOptions {
  client: FeedClient;
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  now: () => number;
  loadPrefs: () => Promise<Preferences>;
  /** After the publish state changed: show it (patch the cached view). */
  onChange: () => Promise<void>;
  /** Quiet time after the last change before an automatic publish (default 2 s). */
  debounceMs?: number;
  setTimer?: SetTimer;
}

export type PublishOutcome =
  | { ok: true; count: number }
  | { ok: false; error: FeedError }
  /** Nothing to do: no feed, or it already has these sessions (automatic runs only). */
  | { ok: 'skipped' };

export interface FeedPublisher {
  /** (Re)starts the quiet period; an automatic publish follows when nothing else changes. */
  schedule(): void;
  /** Publishes now (the popup's button), after whatever is already running. */
  publishNow(): Promise<PublishOutcome>;
  /**
   * Publishes if the feed is behind: at every start of the worker (a publish it was stopped
   * before or during), and with `retry` on the hourly alarm (failures that may pass, too).
   */
  run(options?: { retry?: boolean }): Promise<PublishOutcome>;
  /** Runs `task` when no publish is running, and keeps the next one waiting until it ends. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Forgets a scheduled automatic publish (the feed was deleted). */
  cancel(): void;
  /** Resolves once nothing is scheduled or running (for tests and shutdown). */
  settled(): Promise<void>;
}

const HOUR_MS = 3_600_000;

/** The most a body may hold now: the server's limit, or a smaller one a 413 taught lately. */
export function byteBudget(state: FeedPublishState, now: number): number {
  const limit = state.limit;
  if (!limit || now - limit.at >= DAY_MS) return FEED_MAX_BODY_BYTES;
  return Math.min(FEED_MAX_BODY_BYTES, limit.maxBytes);
}

/** The body of the accepted sessions now, in the runner's zone, within the byte budget. */
export async function desiredFeedBody(
  loadPrefs: () => Promise<Preferences>,
  now: number,
): Promise<FeedBodyResult> {
  const prefs = await loadPrefs();
  const { sessions } = await planItem.getValue();
  const state = await loadPublishState();
  // A logged session carries its result line (log/echo.ts).
  const written = await echoLog(sessions, prefs.weightUnit);
  return buildFeedBody(written, prefs.timezone, now, byteBudget(state, now));
}

export type PublishMode = 'manual' | 'auto' | 'start' | 'alarm';

/**
 * Whether an automatic run should publish: the feed is behind, and no failure says to wait.
 * `now` (epoch ms) lets the alarm retry a refused body once its back-off has passed.
 */
export function shouldPublish(
  state: FeedPublishState,
  hash: string,
  mode: Exclude<PublishMode, 'manual'>,
  now?: number,
): boolean {
  // A run the worker was stopped in: the server may or may not have it; sending it again is safe.
  if (state.running) return true;
  if (state.published?.hash === hash) return false;
  const failure = state.failure;
  if (!failure) return true;
  if (NEEDS_NEW_FEED.has(failure.kind)) return false;
  // New sessions since the failure: worth trying at once (the server may be back, or the body fine now).
  if (failure.hash !== hash) return true;
  if (mode !== 'alarm') return false;
  if (TRANSIENT.has(failure.kind)) return true;
  if (failure.kind !== 'refused' || now === undefined) return false;
  const backOff = Math.min(DAY_MS, 2 ** Math.min(failure.attempts - 1, 5) * HOUR_MS);
  return now - failure.at >= backOff;
}

export function createFeedPublisher(options: FeedPublisherOptions): FeedPublisher {
  const {
    client,
    serial,
    now,
    loadPrefs,
    onChange,
    debounceMs = 2_000,
    setTimer = defaultSetTimer,
  } = options;
  let chain: Promise<unknown> = Promise.resolve();
  let cancelTimer: (() => void) | undefined;
  let scheduled: { promise: Promise<void>; resolve: () => void } | undefined;

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  }

  async function attempt(mode: PublishMode, depth = 0): Promise<PublishOutcome> {
    const snapshot = await serial(async () => {
      const connection = await loadFeedConnection();
      if (!connection) return undefined;
      const desired = await desiredFeedBody(loadPrefs, now());
      const state = await loadPublishState();
      if (mode !== 'manual' && !shouldPublish(state, desired.hash, mode, now())) return undefined;
      await feedPublishItem.setValue({
        ...state,
        running: { hash: desired.hash, count: desired.count, startedAt: now() },
      });
      return { connection, desired };
    });
    if (!snapshot) return { ok: 'skipped' };
    await onChange();
    const { connection, desired } = snapshot;
    const result = await client.publish(connection, desired.text);
    const outcome = await serial(
      async (): Promise<
        | Exclude<PublishOutcome, { ok: false }>
        | { ok: false; error: FeedError; retry: boolean }
        | 'superseded'
      > => {
        const current = await loadFeedConnection();
        const state = await loadPublishState();
        const { running: _done, ...rest } = state;
        if (
          !current ||
          current.createdAt !== connection.createdAt ||
          current.feedId !== connection.feedId
        ) {
          // Deleted, replaced or rotated meanwhile: this answer is about a feed that is gone.
          if (current) await feedPublishItem.setValue(rest);
          return 'superseded';
        }
        if (result.ok) {
          const { failure: _cleared, ...kept } = rest;
          await feedPublishItem.setValue({
            ...kept,
            published: {
              hash: desired.hash,
              count: result.value.sessions,
              at: now(),
              ...(desired.omitted > 0
                ? { omitted: desired.omitted, fullHash: desired.fullHash }
                : {}),
            },
          });
          await keepLinks(current, result.value);
          return { ok: true, count: result.value.sessions };
        }
        const previous = state.failure;
        const learned = learnLimit(result.error, desired.bytes);
        await feedPublishItem.setValue({
          ...rest,
          ...(learned ? { limit: { maxBytes: learned, at: now() } } : {}),
          failure: {
            hash: desired.hash,
            at: now(),
            kind: result.error.kind,
            message: result.error.message,
            attempts: previous?.hash === desired.hash ? previous.attempts + 1 : 1,
            ...(desired.omitted > 0 ? { fullHash: desired.fullHash } : {}),
          },
        });
        return { ok: false, error: result.error, retry: learned !== undefined };
      },
    );
    await onChange();
    if (outcome !== 'superseded' && outcome.ok === false && outcome.retry && depth < 4) {
      // Too large: the cut body differs from the refused one, so it goes at once.
      return attempt(mode === 'manual' ? 'manual' : 'start', depth + 1);
    }
    if (outcome !== 'superseded' && outcome.ok === false) {
      return { ok: false, error: outcome.error };
    }
    if (outcome === 'superseded') {
      // The feed is there under a new id (rotated): publish to it.
      if (mode !== 'manual') schedule();
      return mode === 'manual' ? attempt('manual') : { ok: 'skipped' };
    }
    return outcome;
  }

  /**
   * The smaller byte limit a 413 teaches, if any: what the server said it takes, or half of what
   * was sent when it didn't say (a proxy's limit). Undefined when there is nothing to learn.
   */
  function learnLimit(error: FeedError, sentBytes: number): number | undefined {
    if (error.status !== 413) return undefined;
    const limit = error.maxBytes ?? Math.floor(sentBytes / 2);
    return limit < sentBytes ? limit : undefined;
  }

  /** A server whose public address changed hands out new links with its answer: keep them. */
  async function keepLinks(
    current: FeedConnection,
    links: { subscribeUrl: string; webcalUrl: string },
  ) {
    if (current.subscribeUrl === links.subscribeUrl && current.webcalUrl === links.webcalUrl)
      return;
    await feedItem.setValue({
      ...current,
      subscribeUrl: links.subscribeUrl,
      webcalUrl: links.webcalUrl,
    });
  }

  function schedule(): void {
    cancelTimer?.();
    if (!scheduled) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      scheduled = { promise, resolve };
    }
    cancelTimer = setTimer(() => {
      cancelTimer = undefined;
      const done = scheduled;
      scheduled = undefined;
      void enqueue(() => attempt('auto'))
        .catch(() => undefined)
        .finally(() => done?.resolve());
    }, debounceMs);
  }

  function cancel(): void {
    cancelTimer?.();
    cancelTimer = undefined;
    scheduled?.resolve();
    scheduled = undefined;
  }

  return {
    schedule,
    cancel,
    publishNow() {
      // This publish covers whatever the quiet period was waiting for.
      cancel();
      return enqueue(() => attempt('manual'));
    },
    run: (runOptions = {}) => enqueue(() => attempt(runOptions.retry ? 'alarm' : 'start')),
    exclusive: (task) => enqueue(task),
    async settled() {
      for (;;) {
        if (scheduled) {
          await scheduled.promise;
          continue;
        }
        const current = chain;
        await current;
        if (current === chain && !scheduled) return;
      }
    },
  };
}
