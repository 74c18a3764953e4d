/**
 * The background service for the feed tests, which run it against a REAL feed server
 * (`tests/helpers/e2e/feed-server.ts`: `startServer` on 127.0.0.1, embedded database in a temp
 * dir). The automatic publish's quiet period runs on a hand-cranked timer, so tests say when it
 * ends instead of waiting for it.
 */
import { createBackgroundService } from '../../src/extension/background-service';
import type { BackgroundDeps } from '../../src/extension/background-service';
import type { SetTimer } from '../../src/extension/feed/publisher';
export { NOW, PREFS, TWO_HARD_DAYS } from './runner-fixture';
import { NOW } from './runner-fixture';

export const THIS_WEEK = '2027-05-03';
export const NEXT_WEEK = '2027-05-10';

/** Timers that run when the test says so. */
export interface ManualTimers {
  setTimer: SetTimer;
  /** Timers started and not yet fired or cancelled. */
  pending(): number;
  /** Fires every pending timer. */
  fire(): void;
}

export function manualTimers(): ManualTimers {
  const timers = new Map<number, () => void>();
  let next = 0;
  return {
    setTimer(callback) {
      const id = ++next;
      timers.set(id, callback);
      return () => timers.delete(id);
    },
    pending: () => timers.size,
    fire() {
      const due = [...timers.values()];
      timers.clear();
      for (const callback of due) callback();
    },
  };
}

/** Every request the extension sent, as "METHOD path" (the feed id left out). */
export interface NetworkLog {
  fetch: typeof globalThis.fetch;
  requests: string[];
  /** While true, every request fails as a refused connection does. */
  down: boolean;
}

export function recordingFetch(): NetworkLog {
  const log: NetworkLog = {
    requests: [],
    down: false,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      log.requests.push(
        `${init?.method ?? 'GET'} ${url.pathname.replace(/\/api\/feeds\/[^/]+/, '/api/feeds/:id')}`,
      );
      if (log.down) throw new TypeError('fetch failed');
      return globalThis.fetch(input, init);
    },
  };
  return log;
}

export function setupFeed(overrides: Partial<BackgroundDeps> = {}) {
  const timers = manualTimers();
  const network = recordingFetch();
  let n = 0;
  const service = createBackgroundService({
    now: () => NOW,
    fetch: network.fetch,
    browserTimeZone: () => 'Europe/London',
    setBadge: async () => undefined,
    newId: () => `id-${++n}`,
    feed: { setTimer: timers.setTimer, timeoutMs: 5_000 },
    ...overrides,
  });
  /** Ends the quiet period and waits for the automatic publish it started. */
  const settle = async () => {
    timers.fire();
    await service.feedSettled();
  };
  return { service, handlers: service.handlers, timers, network, settle };
}
