/**
 * Feeds in PostgreSQL (embedded or a server): one row per feed holding its current version, the
 * rendered bytes and their validators, so a reader gets a whole version or nothing. Writes are
 * transactions that NOTIFY the feed's internal key, so every instance drops its cached copy.
 */
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { DEFAULT_FEED_NAME } from '../feed-render';
import type { FeedContent, SequenceState } from '../feed-render';
import { renderPreparedVersion } from '../feed-version';
import type { PreparedVersion } from '../feed-version';
import { tokenHashesEqual } from '../tokens';
import { migrate } from './migrations';
import type { SqlClient, SqlQueryable } from './sql';

/** The notification channel; the payload is the feed's internal key. */
export const FEED_CHANGED_CHANNEL = 'ironstride_feed_changed';

const gunzipAsync = promisify(gunzip);

/** A stored version, as served. */
export interface RenderedFeed {
  feedKey: number;
  version: number;
  /** The iCalendar bytes (UTF-8). */
  body: Uint8Array;
  etag: string;
  /**
   * Epoch ms, whole seconds (HTTP dates have no fractions): the second the version was written,
   * never later than the clock (RFC 9110 §8.8.2.1), never earlier than the version before.
   */
  lastModified: number;
  /**
   * The version before was written in the same second, so `If-Modified-Since` with this second
   * can't tell the two apart: only a later date (or the ETag) proves the client has this one.
   */
  lastModifiedShared: boolean;
}

/** What a write builds on: the current version of the feed, read when its token was checked. */
export interface FeedBase {
  feedKey: number;
  version: number;
  sequences: SequenceState;
  /** Epoch ms. */
  lastModified: number;
}

/** When the next version is written: its Last-Modified, and whether it shares that second. */
export interface VersionTimes {
  lastModified: number;
  lastModifiedShared: boolean;
}

/** A change another instance (or this one) made: drop what is cached for it. */
export type FeedChange = { kind: 'feed'; feedKey: number } | { kind: 'all' };

/** A write's expected outcomes are data; only broken infrastructure throws. */
export type WriteOutcome<T> =
  { ok: true; value: T } | { ok: false; reason: 'not-found' | 'unauthorized' };

/** Another write landed since `base` was read: prepare again on `current`. */
export interface Conflict {
  ok: false;
  reason: 'conflict';
  current: FeedBase;
}

export interface ReplaceResult {
  version: number;
  etag: string;
  lastModified: number;
}

export interface FeedStore {
  readonly kind: SqlClient['kind'];
  /** Creates an empty feed (rendered, so its URL works at once). */
  createFeed(feedId: string, tokenHash: Uint8Array): Promise<{ version: number }>;
  /**
   * Checks a write token against a feed (constant-time on the hashes) without locking anything:
   * what the server does on a request's headers, before reading its body.
   */
  authorize(feedId: string, tokenHash: Uint8Array): Promise<WriteOutcome<FeedBase>>;
  /**
   * Stores `prepared` as the feed's next version if the token still matches and nothing was
   * written since `base`; otherwise says why (a conflict carries the newer base to prepare on).
   */
  writeVersion(
    feedId: string,
    tokenHash: Uint8Array,
    base: FeedBase,
    times: VersionTimes,
    prepared: PreparedVersion,
  ): Promise<WriteOutcome<ReplaceResult> | Conflict>;
  /** Moves the feed to a new id; the old one stops existing. The write token stays. */
  rotateFeed(
    feedId: string,
    tokenHash: Uint8Array,
    newFeedId: string,
  ): Promise<WriteOutcome<{ feedId: string }>>;
  deleteFeed(feedId: string, tokenHash: Uint8Array): Promise<WriteOutcome<null>>;
  getRendered(feedId: string): Promise<RenderedFeed | undefined>;
  /** REFRESH-INTERVAL / X-PUBLISHED-TTL written into every feed, in minutes. */
  readonly refreshMinutes: number;
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

const toBase = (row: FeedRow): FeedBase => ({
  feedKey: row.feed_key,
  version: row.version,
  sequences: row.sequences,
  lastModified: row.last_modified.getTime(),
});

const EMPTY_CONTENT = (): FeedContent => ({
  name: DEFAULT_FEED_NAME,
  timezone: 'UTC',
  sessions: [],
});

/**
 * Last-Modified of the version written at `now` after one written at `previous`: the current
 * second, or the previous version's if another instance's clock ran ahead. It used to be pushed a
 * second past the previous version to keep dates strictly increasing, which ran ahead of `Date`
 * by a second per quick write; a shared second is now flagged instead (see `RenderedFeed`).
 */
export function nextVersionTimes(now: number, previous: number | undefined): VersionTimes {
  const second = Math.floor(now / 1000) * 1000;
  if (previous === undefined || second > previous) {
    return { lastModified: second, lastModifiedShared: false };
  }
  return { lastModified: previous, lastModifiedShared: true };
}

/** A Uint8Array as the Buffer node-postgres sends as bytea (no copy). */
const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

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
  // The embedded database listens as it opens (onRestored only follows a lost worker);
  // PostgreSQL's LISTEN connection sets it itself.
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
    refreshMinutes,
    get live() {
      return live;
    },

    async createFeed(feedId, tokenHash) {
      const now = clock();
      const { lastModified } = nextVersionTimes(now, undefined);
      const prepared = renderPreparedVersion(EMPTY_CONTENT(), {
        version: 0,
        previous: {},
        stamp: lastModified,
        refreshMinutes,
      });
      await sql.query(
        `INSERT INTO ironstride_feeds
           (public_id, token_hash, version, name, timezone, sequences, ics_gzip, content_gzip, etag,
            last_modified, last_modified_shared, created_at, updated_at)
         VALUES ($1, $2, 0, $3, $4, $5::jsonb, $6, $7, $8, $9, false, $10, $10)`,
        [
          feedId,
          tokenHash,
          prepared.name,
          prepared.timezone,
          prepared.sequencesJson,
          asBuffer(prepared.icsGzip),
          asBuffer(prepared.contentGzip),
          prepared.etag,
          new Date(lastModified),
          new Date(now),
        ],
      );
      return { version: 0 };
    },

    async authorize(feedId, tokenHash) {
      const read = await authorize(sql, feedId, tokenHash, false);
      return read.ok ? { ok: true, value: toBase(read.value) } : read;
    },

    async writeVersion(feedId, tokenHash, base, times, prepared) {
      const outcome = await sql.transaction(
        async (tx): Promise<WriteOutcome<ReplaceResult> | Conflict> => {
          const current = await authorize(tx, feedId, tokenHash, true);
          if (!current.ok) return current;
          if (current.value.version !== base.version) {
            return { ok: false, reason: 'conflict', current: toBase(current.value) };
          }
          const version = base.version + 1;
          // Two instances with skewed clocks: never go back before the version being replaced.
          const lastModified = Math.max(times.lastModified, base.lastModified);
          const shared = times.lastModifiedShared || lastModified === base.lastModified;
          // Only the compressed forms are written: a season's feed is ~2 MB of text, ~100 KB
          // gzipped, and every byte is encoded, sent and stored.
          await tx.query(
            `UPDATE ironstride_feeds
              SET version = $2, name = $3, timezone = $4, sessions = NULL, sequences = $5::jsonb,
                  ics = NULL, ics_gzip = $6, content_gzip = $7, etag = $8, last_modified = $9,
                  last_modified_shared = $10, updated_at = $11
            WHERE feed_key = $1`,
            [
              base.feedKey,
              version,
              prepared.name,
              prepared.timezone,
              prepared.sequencesJson,
              asBuffer(prepared.icsGzip),
              asBuffer(prepared.contentGzip),
              prepared.etag,
              new Date(lastModified),
              shared,
              new Date(clock()),
            ],
          );
          await notify(tx, base.feedKey);
          return { ok: true, value: { version, etag: prepared.etag, lastModified } };
        },
      );
      // This instance's readers must not wait for the notification's round trip.
      if (outcome.ok) emit({ kind: 'feed', feedKey: base.feedKey });
      return outcome;
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
        Pick<FeedRow, 'feed_key' | 'version' | 'last_modified'> & {
          ics: string | null;
          ics_gzip: Uint8Array | null;
          etag: string;
          last_modified_shared: boolean;
        }
      >(
        `SELECT feed_key, version, ics, ics_gzip, etag, last_modified, last_modified_shared
           FROM ironstride_feeds WHERE public_id = $1`,
        [feedId],
      );
      const row = rows[0];
      if (!row) return undefined;
      // Versions written before migration 2 kept the text; later ones only its gzip, inflated on
      // libuv's thread pool rather than on the event loop.
      const body = row.ics_gzip
        ? await gunzipAsync(row.ics_gzip)
        : Buffer.from(row.ics ?? '', 'utf8');
      return {
        feedKey: row.feed_key,
        version: row.version,
        body,
        etag: row.etag,
        lastModified: row.last_modified.getTime(),
        lastModifiedShared: row.last_modified_shared,
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
