/**
 * Feeds in PostgreSQL (embedded or a server): one row per feed holding its current version, the
 * rendered bytes and their validators, so a reader gets a whole version or nothing. Writes are
 * transactions that NOTIFY the feed's internal key, so every instance drops its cached copy.
 */
import { DEFAULT_FEED_NAME, renderFeedVersion } from '../feed-render';
import type { FeedContent, SequenceState } from '../feed-render';
import { tokenHashesEqual } from '../tokens';
import { migrate } from './migrations';
import type { SqlClient, SqlQueryable } from './sql';

/** The notification channel; the payload is the feed's internal key. */
export const FEED_CHANGED_CHANNEL = 'ironstride_feed_changed';

/** A stored version, as served. */
export interface RenderedFeed {
  feedKey: number;
  version: number;
  ics: string;
  etag: string;
  /** Epoch ms, whole seconds (HTTP dates have no fractions); strictly increasing per feed. */
  lastModified: number;
}

/** A change another instance (or this one) made: drop what is cached for it. */
export type FeedChange = { kind: 'feed'; feedKey: number } | { kind: 'all' };

/** A write's expected outcomes are data; only broken infrastructure throws. */
export type WriteOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: 'not-found' | 'unauthorized' };

export interface ReplaceResult {
  version: number;
  etag: string;
  lastModified: number;
}

export interface FeedStore {
  readonly kind: SqlClient['kind'];
  /** Creates an empty feed (rendered, so its URL works at once). */
  createFeed(feedId: string, tokenHash: Uint8Array): Promise<{ version: number }>;
  /** Replaces a feed's sessions with a new version, if the token hash matches. */
  replaceFeed(
    feedId: string,
    tokenHash: Uint8Array,
    content: FeedContent,
  ): Promise<WriteOutcome<ReplaceResult>>;
  /** Moves the feed to a new id; the old one stops existing. The write token stays. */
  rotateFeed(
    feedId: string,
    tokenHash: Uint8Array,
    newFeedId: string,
  ): Promise<WriteOutcome<{ feedId: string }>>;
  deleteFeed(feedId: string, tokenHash: Uint8Array): Promise<WriteOutcome<null>>;
  getRendered(feedId: string): Promise<RenderedFeed | undefined>;
  /** True when the database answers a trivial query in time. */
  health(): Promise<boolean>;
  /**
   * Tells `listener` about every change, local and from other instances; returns unsubscribe.
   * While `live` is false, changes by other instances may go unheard: don't cache.
   */
  subscribe(listener: (change: FeedChange) => void): () => void;
  readonly live: boolean;
  close(): Promise<void>;
}

export interface FeedStoreOptions {
  /** Epoch ms. */
  clock?: () => number;
  /** REFRESH-INTERVAL / X-PUBLISHED-TTL written into every feed. */
  refreshMinutes?: number;
  healthTimeoutMs?: number;
}

interface FeedRow {
  feed_key: number;
  public_id: string;
  token_hash: Uint8Array;
  version: number;
  sequences: SequenceState;
  last_modified: Date;
}

const EMPTY_CONTENT = (): FeedContent => ({
  name: DEFAULT_FEED_NAME,
  timezone: 'UTC',
  sessions: [],
});

/** HTTP dates have whole seconds; each version must be strictly newer than the last for If-Modified-Since. */
function nextLastModified(now: number, previous: number | undefined): number {
  const second = Math.floor(now / 1000) * 1000;
  return previous === undefined ? second : Math.max(second, previous + 1000);
}

async function notify(tx: SqlQueryable, feedKey: number): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [FEED_CHANGED_CHANNEL, String(feedKey)]);
}

/** Opens the store on a connected client: migrates, then listens for other instances' writes. */
export async function openFeedStore(
  sql: SqlClient,
  options: FeedStoreOptions = {},
): Promise<FeedStore> {
  const { clock = Date.now, refreshMinutes = 60, healthTimeoutMs = 2_000 } = options;
  await migrate(sql);

  const listeners = new Set<(change: FeedChange) => void>();
  let live = false;
  const emit = (change: FeedChange) => {
    for (const listener of listeners) listener(change);
  };
  await sql.listen(FEED_CHANGED_CHANNEL, {
    onNotify: (payload) => {
      const feedKey = Number(payload);
      emit(Number.isSafeInteger(feedKey) ? { kind: 'feed', feedKey } : { kind: 'all' });
    },
    onLost: () => {
      live = false;
      emit({ kind: 'all' });
    },
    onRestored: () => {
      emit({ kind: 'all' });
      live = true;
    },
  });
  // PGlite's listen can't lose anything, and it has no onRestored; PostgreSQL's sets it itself.
  if (sql.kind === 'embedded') live = true;

  /** Reads a feed (locking its row when asked) and checks the write token's hash in constant time. */
  async function authorize(
    q: SqlQueryable,
    feedId: string,
    tokenHash: Uint8Array,
    lock: boolean,
  ): Promise<WriteOutcome<FeedRow>> {
    const { rows } = await q.query<FeedRow>(
      `SELECT feed_key, public_id, token_hash, version, sequences, last_modified
         FROM ironstride_feeds WHERE public_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [feedId],
    );
    const row = rows[0];
    if (!row) return { ok: false, reason: 'not-found' };
    if (!tokenHashesEqual(row.token_hash, tokenHash)) return { ok: false, reason: 'unauthorized' };
    return { ok: true, value: row };
  }

  return {
    kind: sql.kind,
    get live() {
      return live;
    },

    async createFeed(feedId, tokenHash) {
      const now = clock();
      const lastModified = nextLastModified(now, undefined);
      const content = EMPTY_CONTENT();
      const rendered = renderFeedVersion(content, {
        version: 0,
        previous: {},
        stamp: lastModified,
        refreshMinutes,
      });
      await sql.query(
        `INSERT INTO ironstride_feeds
           (public_id, token_hash, version, name, timezone, sessions, sequences, ics, etag, last_modified, created_at, updated_at)
         VALUES ($1, $2, 0, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9, $10, $10)`,
        [
          feedId,
          tokenHash,
          content.name,
          content.timezone,
          JSON.stringify(content.sessions),
          JSON.stringify(rendered.sequences),
          rendered.ics,
          rendered.etag,
          new Date(lastModified),
          new Date(now),
        ],
      );
      return { version: 0 };
    },

    async replaceFeed(feedId, tokenHash, content) {
      const prepare = (base: FeedRow) => {
        const version = base.version + 1;
        const now = clock();
        const lastModified = nextLastModified(now, base.last_modified.getTime());
        const rendered = renderFeedVersion(content, {
          version,
          previous: base.sequences,
          stamp: lastModified,
          refreshMinutes,
        });
        return { base, version, now, lastModified, rendered };
      };
      // Checked before rendering, so a wrong token costs a lookup and not a render.
      const read = await authorize(sql, feedId, tokenHash, false);
      if (!read.ok) return read;
      // Rendered outside the transaction: tens of milliseconds that would otherwise hold the row
      // lock (and, embedded, the whole database). If another write landed meanwhile, it is
      // rendered again under the lock, against that newer version: writers never starve.
      const optimistic = prepare(read.value);
      const outcome = await sql.transaction(
        async (tx): Promise<WriteOutcome<ReplaceResult & { feedKey: number }>> => {
          const current = await authorize(tx, feedId, tokenHash, true);
          if (!current.ok) return current;
          const next =
            current.value.version === optimistic.base.version ? optimistic : prepare(current.value);
          await tx.query(
            `UPDATE ironstride_feeds
              SET version = $2, name = $3, timezone = $4, sessions = $5::jsonb, sequences = $6::jsonb,
                  ics = $7, etag = $8, last_modified = $9, updated_at = $10
            WHERE feed_key = $1`,
            [
              next.base.feed_key,
              next.version,
              content.name,
              content.timezone,
              JSON.stringify(content.sessions),
              JSON.stringify(next.rendered.sequences),
              next.rendered.ics,
              next.rendered.etag,
              new Date(next.lastModified),
              new Date(next.now),
            ],
          );
          await notify(tx, next.base.feed_key);
          const value = {
            version: next.version,
            etag: next.rendered.etag,
            lastModified: next.lastModified,
            feedKey: next.base.feed_key,
          };
          return { ok: true, value };
        },
      );
      if (!outcome.ok) return outcome;
      // This instance's readers must not wait for the notification's round trip.
      emit({ kind: 'feed', feedKey: outcome.value.feedKey });
      const { feedKey: _feedKey, ...result } = outcome.value;
      return { ok: true, value: result };
    },

    async rotateFeed(feedId, tokenHash, newFeedId) {
      const outcome = await sql.transaction(
        async (tx): Promise<WriteOutcome<{ feedId: string; feedKey: number }>> => {
          const current = await authorize(tx, feedId, tokenHash, true);
          if (!current.ok) return current;
          const now = clock();
          await tx.query(
            'UPDATE ironstride_feeds SET public_id = $2, updated_at = $3 WHERE feed_key = $1',
            [current.value.feed_key, newFeedId, new Date(now)],
          );
          await notify(tx, current.value.feed_key);
          return { ok: true, value: { feedId: newFeedId, feedKey: current.value.feed_key } };
        },
      );
      if (!outcome.ok) return outcome;
      emit({ kind: 'feed', feedKey: outcome.value.feedKey });
      return { ok: true, value: { feedId: outcome.value.feedId } };
    },

    async deleteFeed(feedId, tokenHash) {
      const outcome = await sql.transaction(async (tx): Promise<WriteOutcome<number>> => {
        const current = await authorize(tx, feedId, tokenHash, true);
        if (!current.ok) return current;
        await tx.query('DELETE FROM ironstride_feeds WHERE feed_key = $1', [
          current.value.feed_key,
        ]);
        await notify(tx, current.value.feed_key);
        return { ok: true, value: current.value.feed_key };
      });
      if (!outcome.ok) return outcome;
      emit({ kind: 'feed', feedKey: outcome.value });
      return { ok: true, value: null };
    },

    async getRendered(feedId) {
      const { rows } = await sql.query<
        Pick<FeedRow, 'feed_key' | 'version' | 'last_modified'> & { ics: string; etag: string }
      >(
        'SELECT feed_key, version, ics, etag, last_modified FROM ironstride_feeds WHERE public_id = $1',
        [feedId],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        feedKey: row.feed_key,
        version: row.version,
        ics: row.ics,
        etag: row.etag,
        lastModified: row.last_modified.getTime(),
      };
    },

    async health() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), healthTimeoutMs);
      });
      const ping = sql.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([ping, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close: () => sql.close(),
  };
}
