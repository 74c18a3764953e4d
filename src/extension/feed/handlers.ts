/**
 * The message handlers for the subscribable feed: create, rotate and delete it (Options), and
 * Publish (the popup). Inputs are validated with zod; failures are thrown as messages a runner
 * can act on, which the pages show as they are. The write token never leaves the background: the
 * pages get links and a hint of the key.
 */
import type { Preferences } from '../../core/prefs';
import type { Handlers } from '../messaging';
import { schemasOf } from '../protocol';
import type { FeedSettings } from '../protocol';
import type { PopupView } from '../view';
import type { FeedClient } from './client';
import type { FeedPublisher } from './publisher';
import { desiredFeedBody } from './publisher';
import { DEFAULT_FEED_SERVER, isInsecureRemote, parseServerUrl } from './server-url';
import {
  feedItem,
  feedPublishItem,
  feedServerItem,
  loadFeedConnection,
  loadPublishState,
} from './storage';
import type { FeedConnection } from './storage';
import { feedStatusLine } from './view';

export interface FeedHandlerContext {
  client: FeedClient;
  publisher: FeedPublisher;
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  now: () => number;
  loadPrefs: () => Promise<Preferences>;
  /** Rebuilds the popup's view (which also schedules an automatic publish when the feed is behind). */
  rebuildView: (prefs?: Preferences) => Promise<PopupView>;
}

type FeedHandlers = Pick<
  Handlers,
  'getFeed' | 'createFeed' | 'rotateFeed' | 'deleteFeed' | 'publishFeed'
>;

const createSchema = schemasOf.createFeed.request;
const deleteSchema = schemasOf.deleteFeed.request;
const emptySchema = schemasOf.rotateFeed.request;

/** The key's last four characters: enough to tell two keys apart, far too few to use one. */
export function keyHint(writeToken: string): string {
  return `…${writeToken.slice(-4)}`;
}

export function createFeedHandlers(ctx: FeedHandlerContext): FeedHandlers {
  const { client, publisher, serial } = ctx;

  async function settings(): Promise<FeedSettings> {
    const connection = await loadFeedConnection();
    const lastServer = await feedServerItem.getValue();
    const base: FeedSettings = {
      serverUrl: connection?.serverUrl ?? lastServer ?? DEFAULT_FEED_SERVER,
      defaultServerUrl: DEFAULT_FEED_SERVER,
    };
    if (!connection) return base;
    const prefs = await ctx.loadPrefs();
    const desired = await desiredFeedBody(ctx.loadPrefs, ctx.now());
    const status = feedStatusLine({
      connection,
      publish: await loadPublishState(),
      desired,
      now: ctx.now(),
      timeZone: prefs.timezone,
    });
    return {
      ...base,
      feed: {
        serverUrl: connection.serverUrl,
        subscribeUrl: connection.subscribeUrl,
        webcalUrl: connection.webcalUrl,
        createdAt: connection.createdAt,
        ...(connection.rotatedAt !== undefined ? { rotatedAt: connection.rotatedAt } : {}),
        keyHint: keyHint(connection.writeToken),
        insecure: isInsecureRemote(connection.serverUrl),
      },
      ...(status ? { status } : {}),
    };
  }

  async function requireFeed(): Promise<FeedConnection> {
    const connection = await loadFeedConnection();
    if (!connection) throw new Error('This browser has no feed: create one in Settings first.');
    return connection;
  }

  /** Forgets the feed here: its links, its key, and what was published to it. */
  async function forget(): Promise<void> {
    publisher.cancel();
    await serial(async () => {
      await feedItem.removeValue();
      await feedPublishItem.removeValue();
      await ctx.rebuildView();
    });
  }

  return {
    getFeed: () => settings(),

    async createFeed(data) {
      const input = createSchema.parse(data);
      const parsed = parseServerUrl(input.serverUrl);
      if (!parsed.ok) throw new Error(parsed.message);
      const serverUrl = parsed.url;
      await publisher.exclusive(async () => {
        if (await loadFeedConnection()) {
          throw new Error('This browser already has a feed: delete it first to create another.');
        }
        const created = await client.create(serverUrl);
        if (!created.ok) throw new Error(`Could not create the feed: ${created.error.message}`);
        const { writeToken, feedId, subscribeUrl, webcalUrl } = created.value;
        await serial(async () => {
          await feedItem.setValue({
            serverUrl,
            feedId,
            writeToken,
            subscribeUrl,
            webcalUrl,
            createdAt: ctx.now(),
          });
          await feedServerItem.setValue(serverUrl);
          await feedPublishItem.removeValue();
          // The new feed is behind the accepted sessions: the rebuild schedules their publish.
          await ctx.rebuildView();
        });
      });
      return settings();
    },

    async rotateFeed(data) {
      emptySchema.parse(data);
      await publisher.exclusive(async () => {
        const connection = await requireFeed();
        const rotated = await client.rotate(connection);
        if (!rotated.ok) throw new Error(`Could not rotate the link: ${rotated.error.message}`);
        await serial(async () => {
          const current = await loadFeedConnection();
          if (!current || current.createdAt !== connection.createdAt) return;
          await feedItem.setValue({ ...current, ...rotated.value, rotatedAt: ctx.now() });
        });
      });
      return settings();
    },

    async deleteFeed(data) {
      const { localOnly } = deleteSchema.parse(data);
      await publisher.exclusive(async () => {
        const connection = await loadFeedConnection();
        if (!connection) return;
        if (!localOnly) {
          const removed = await client.remove(connection);
          // Already gone (deleted from another browser, or its link rotated away): nothing to undo.
          if (!removed.ok && removed.error.kind === 'unauthorized') {
            throw new Error(
              'Could not delete the feed: the server refused this browser’s feed key. You can forget the feed in this browser only; its link then keeps working on the server.',
            );
          }
          if (!removed.ok && removed.error.kind !== 'not-found') {
            throw new Error(`Could not delete the feed: ${removed.error.message}`);
          }
        }
        await forget();
      });
      return settings();
    },

    async publishFeed(data) {
      emptySchema.parse(data);
      await requireFeed();
      await publisher.publishNow();
      // The outcome, success or not, is the view's feed line.
      return serial(() => ctx.rebuildView());
    },
  };
}
