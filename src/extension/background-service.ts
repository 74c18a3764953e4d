/**
 * The composition root of the background: builds its parts and wires them together. What each
 * part does is in its own module: the plan store (plan/store.ts), the source sync
 * (sources/sync.ts), the handlers of each concern (plan/, sources/, prefs/, google/, feed/).
 */
import { createFeedClient } from './feed/client';
import { createFeedHandlers } from './feed/handlers';
import { createFeedPublisher } from './feed/publisher';
import { connectionFor } from './google/connection';
import { createLogHandlers } from './log/handlers';
import { createGoogleHandlers } from './google/handlers';
import { googleEcho } from './google/write-start';
import { createWriteQueue } from './google/write-queue';
import type { BackgroundDeps, BackgroundService, ServiceContext } from './deps';
import { createPlanHandlers } from './plan/handlers';
import { createPlanStore } from './plan/store';
import { createPrefsHandlers } from './prefs/handlers';
import { createPrefsStore } from './prefs/store';
import { createSerialQueue } from './serial-queue';
import { createSourceHandlers } from './sources/handlers';
import { createSourceSync } from './sources/sync';
import { createViewLines } from './view-lines';

export type { BackgroundDeps, BackgroundService, FeedDeps, GoogleDeps } from './deps';

/** Creates the background's handlers over the extension storage. */
export function createBackgroundService(deps: BackgroundDeps): BackgroundService {
  const shared: ServiceContext = { serial: createSerialQueue(), now: deps.now, newId: deps.newId };
  const { serial, now } = shared;
  const { google, feed, fetch } = deps;
  const prefs = createPrefsStore(deps.browserTimeZone, deps.browserLanguage);
  const connection = connectionFor(google, { fetch, now });
  const lines = createViewLines({ serial, now, prefs, google: connection });
  const client = createFeedClient({ fetch, timeoutMs: feed?.timeoutMs });
  const publisher = createFeedPublisher({
    client,
    serial,
    now,
    loadPrefs: prefs.load,
    onChange: lines.patchFeed,
    debounceMs: feed?.debounceMs,
    setTimer: feed?.setTimer,
  });
  const store = createPlanStore({ now, prefs, lines, publisher, setBadge: deps.setBadge });
  const queue = createWriteQueue({
    api: () => connection.api(),
    ...(connection.retry ? { retry: connection.retry } : {}),
    now,
    serial,
    onChange: lines.patchGoogle,
    onFinished: store.writeFinished,
  });
  const sources = createSourceSync({ now, fetch, google: connection });
  const parts = { ...shared, prefs, store, sources };
  const echoToGoogle = googleEcho({ ...shared, queue, connection });
  const rebuildView = store.rebuildView;
  return {
    handlers: {
      ...createPlanHandlers(parts),
      ...createSourceHandlers(parts),
      ...createPrefsHandlers(parts),
      ...createLogHandlers({ ...parts, echoToGoogle }),
      ...createGoogleHandlers({ ...parts, connection, queue, identity: google }),
      ...createFeedHandlers({ client, publisher, serial, now, loadPrefs: prefs.load, rebuildView }),
    },
    runGoogleWrites: (options) => queue.run(options),
    runFeedPublish: async (options) => {
      await publisher.run(options);
    },
    feedSettled: () => publisher.settled(),
    syncAll: () =>
      serial(async () => {
        const p = await prefs.load();
        await sources.sync(p);
        await store.rebuildView(p);
      }),
  };
}
