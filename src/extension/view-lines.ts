/**
 * The popup view's Google and feed lines. A rebuild of the view computes them with the plan; a
 * write's progress or a publish's outcome patches them into the cached view without planning
 * again, so the popup watching storage follows along.
 */
import type { FeedViewInput } from './feed/view';
import { withFeed } from './feed/view';
import { buildFeedBody } from './feed/body';
import { echoLog } from './log/echo';
import { loadFeedConnection, loadPublishState } from './feed/storage';
import type { GoogleConnection } from './google/connection';
import { loadGoogleAccount } from './google/storage';
import type { GoogleWriteJob } from './google/storage';
import type { GoogleViewInput } from './google/write-view';
import { withGoogle } from './google/write-view';
import type { PrefsStore } from './prefs/store';
import type { Serial } from './serial-queue';
import { planItem, viewItem } from './storage';
import type { StoredSession } from './storage';
import type { PopupView } from './view';

export interface ViewLinesDeps {
  serial: Serial;
  now: () => number;
  prefs: PrefsStore;
  google: Pick<GoogleConnection, 'available'>;
}

export interface ViewLines {
  google(
    sessions: readonly StoredSession[],
    timeZone: string,
    job: GoogleWriteJob | null,
  ): Promise<GoogleViewInput>;
  /** The feed's state against the body the accepted sessions make now. */
  feed(sessions: readonly StoredSession[], timeZone: string): Promise<FeedViewInput>;
  /** A write job's stored change (the write queue calls it inside the serial queue). */
  patchGoogle(job: GoogleWriteJob): Promise<void>;
  /** The publish state changed (the publisher calls it outside the serial queue). */
  patchFeed(): Promise<void>;
}

export function createViewLines({ serial, now, prefs, google }: ViewLinesDeps): ViewLines {
  const lines: ViewLines = {
    // Both lines compare what was written with the sessions as they would be written now: with
    // their result lines (log/echo.ts).
    async google(sessions, timeZone, job) {
      const account = await loadGoogleAccount();
      const written = await echoLog(sessions, (await prefs.load()).weightUnit);
      return { available: google.available, account, job, sessions: written, timeZone };
    },
    async feed(sessions, timeZone) {
      const written = await echoLog(sessions, (await prefs.load()).weightUnit);
      const desired = buildFeedBody(written, timeZone, now());
      return {
        connection: await loadFeedConnection(),
        publish: await loadPublishState(),
        desired: { hash: desired.hash, count: desired.count },
        now: now(),
        timeZone,
      };
    },
    patchGoogle: (job) =>
      patch(async (view, sessions, timeZone) =>
        withGoogle(view, await lines.google(sessions, timeZone, job)),
      ),
    patchFeed: () =>
      serial(() =>
        patch(async (view, sessions, timeZone) =>
          withFeed(view, await lines.feed(sessions, timeZone)),
        ),
      ),
  };

  /** Applies `update` to the cached view, if there is one yet. */
  async function patch(
    update: (view: PopupView, sessions: StoredSession[], timeZone: string) => Promise<PopupView>,
  ): Promise<void> {
    const view = await viewItem.getValue();
    if (!view) return;
    const { timezone } = await prefs.load();
    const { sessions } = await planItem.getValue();
    const fresh = { ...view, generatedAt: Math.max(view.generatedAt, now()) };
    await viewItem.setValue(await update(fresh, sessions, timezone));
  }

  return lines;
}
