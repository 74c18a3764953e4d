/**
 * Rendered feeds in memory, so a GET (and a conditional GET's 304) usually never touches the
 * database. Correct across instances because the store tells every instance about every write
 * (LISTEN/NOTIFY): an entry lives until its feed changes.
 *
 * The race that matters: a read that started before a write can finish after that write's
 * notification, and would cache the old version for good. Every change bumps `epoch`; a read
 * only fills the cache if no change was heard while it ran (and only while the store's
 * notification connection is up, since a lost connection may have dropped changes).
 *
 * Two more kinds of entry: ids the store did not know, remembered for a few seconds so a flood
 * of made-up ids costs one query each, not one per request; and, once notifications were lost
 * (the database went away), the old entries, kept as a fallback served only while the store
 * fails (stale-if-error, RFC 5861): subscribers keep the last version instead of errors.
 */
import type { FeedChange, FeedStore, RenderedFeed } from './store/feed-store';

export interface CachedFeed {
  feedKey: number;
  version: number;
  body: Uint8Array;
  etag: string;
  /** Epoch ms, whole seconds. */
  lastModified: number;
  /** See `RenderedFeed.lastModifiedShared`. */
  lastModifiedShared: boolean;
  /** `Last-Modified` as written (RFC 9110 §5.6.7 IMF-fixdate). */
  lastModifiedHttp: string;
  /**
   * Response headers, built once per version: the hot path hands these plain objects straight
   * to Node (no Headers instance per request). Never mutated after creation.
   */
  headers: Readonly<Record<string, string>>;
  notModifiedHeaders: Readonly<Record<string, string>>;
  /** The same two sets as flat `[name, value, …]` lists, which Node writes without re-reading an object. */
  rawHeaders: readonly string[];
  rawNotModifiedHeaders: readonly string[];
}

const FEED_HEADERS = {
  'Content-Type': 'text/calendar; charset=utf-8',
  // Subscribers revalidate every time; a 304 costs next to nothing here.
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
} as const;

export interface FeedCacheOptions {
  /** Bodies kept per instance; least recently used go first. */
  maxBytes: number;
  /** Epoch ms. */
  clock?: () => number;
  /** How long an id the store did not know is answered 404 without asking again. */
  missingTtlMs?: number;
  /** Unknown ids remembered at most. */
  maxMissing?: number;
  /** A read failed and a stale copy was served instead. */
  onStaleServed?: (error: unknown) => void;
}

function toCached(feed: RenderedFeed): CachedFeed {
  const body = feed.body;
  const lastModifiedHttp = new Date(feed.lastModified).toUTCString();
  const validators = { ETag: feed.etag, 'Last-Modified': lastModifiedHttp };
  const headers = { ...FEED_HEADERS, ...validators, 'Content-Length': String(body.byteLength) };
  // RFC 9110 §15.4.5: a 304 carries the validators and Cache-Control, not the content headers.
  const notModifiedHeaders = { 'Cache-Control': FEED_HEADERS['Cache-Control'], ...validators };
  return {
    feedKey: feed.feedKey,
    version: feed.version,
    body,
    etag: feed.etag,
    lastModified: feed.lastModified,
    lastModifiedShared: feed.lastModifiedShared,
    lastModifiedHttp,
    headers,
    notModifiedHeaders,
    rawHeaders: Object.entries(headers).flat(),
    rawNotModifiedHeaders: Object.entries(notModifiedHeaders).flat(),
  };
}

export class FeedCache {
  readonly #store: FeedStore;
  readonly #maxBytes: number;
  readonly #clock: () => number;
  readonly #missingTtlMs: number;
  readonly #maxMissing: number;
  readonly #onStaleServed: (error: unknown) => void;
  readonly #entries = new Map<string, CachedFeed>();
  /** Entries from before notifications were lost: served only when the store fails. */
  readonly #stale = new Set<string>();
  /** Unknown ids and until when they are known to be unknown (epoch ms). */
  readonly #missing = new Map<string, number>();
  readonly #idByKey = new Map<number, string>();
  readonly #loading = new Map<string, Promise<CachedFeed | undefined>>();
  readonly #unsubscribe: () => void;
  #bytes = 0;
  #epoch = 0;

  constructor(store: FeedStore, options: FeedCacheOptions) {
    this.#store = store;
    this.#maxBytes = options.maxBytes;
    this.#clock = options.clock ?? Date.now;
    this.#missingTtlMs = options.missingTtlMs ?? 10_000;
    this.#maxMissing = options.maxMissing ?? 10_000;
    this.#onStaleServed = options.onStaleServed ?? (() => {});
    this.#unsubscribe = store.subscribe((change) => this.#invalidate(change));
  }

  /** The cached feed, if any (synchronous: the hot path). */
  peek(feedId: string): CachedFeed | undefined {
    if (this.#stale.has(feedId)) return undefined;
    const entry = this.#entries.get(feedId);
    if (entry) {
      // Least recently used order: Map keeps insertion order.
      this.#entries.delete(feedId);
      this.#entries.set(feedId, entry);
    }
    return entry;
  }

  /** True when the store said lately that it has no feed with this id (synchronous). */
  isMissing(feedId: string): boolean {
    const until = this.#missing.get(feedId);
    if (until === undefined) return false;
    if (until > this.#clock()) return true;
    this.#missing.delete(feedId);
    return false;
  }

  /**
   * Reads the feed from the store (one read for all concurrent callers) and caches it when safe.
   * When the store fails and an older copy is kept, that copy is the answer.
   */
  load(feedId: string): Promise<CachedFeed | undefined> {
    const pending = this.#loading.get(feedId);
    if (pending) return pending;
    const epoch = this.#epoch;
    const read = this.#store
      .getRendered(feedId)
      .then(
        (feed) => {
          const safe = this.#store.live && epoch === this.#epoch;
          if (!feed) {
            if (safe) this.#rememberMissing(feedId);
            return undefined;
          }
          const entry = toCached(feed);
          if (safe) this.#put(feedId, entry);
          return entry;
        },
        (error: unknown) => {
          const fallback = this.#stale.has(feedId) ? this.#entries.get(feedId) : undefined;
          if (!fallback) throw error;
          this.#onStaleServed(error);
          return fallback;
        },
      )
      .finally(() => {
        if (this.#loading.get(feedId) === read) this.#loading.delete(feedId);
      });
    this.#loading.set(feedId, read);
    return read;
  }

  get size(): number {
    return this.#entries.size;
  }

  dispose(): void {
    this.#unsubscribe();
    this.#clear();
  }

  #rememberMissing(feedId: string): void {
    this.#missing.delete(feedId);
    this.#missing.set(feedId, this.#clock() + this.#missingTtlMs);
    for (const [oldest] of this.#missing) {
      if (this.#missing.size <= this.#maxMissing) break;
      this.#missing.delete(oldest);
    }
  }

  #put(feedId: string, entry: CachedFeed): void {
    const size = entry.body.byteLength;
    if (size > this.#maxBytes) return;
    this.#remove(feedId);
    // A rotation leaves the old id cached under the same key: drop it with the new one's arrival.
    const stale = this.#idByKey.get(entry.feedKey);
    if (stale !== undefined) this.#remove(stale);
    this.#entries.set(feedId, entry);
    this.#idByKey.set(entry.feedKey, feedId);
    this.#bytes += size;
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#remove(oldest);
    }
  }

  #remove(feedId: string): void {
    const entry = this.#entries.get(feedId);
    if (!entry) return;
    this.#stale.delete(feedId);
    this.#entries.delete(feedId);
    if (this.#idByKey.get(entry.feedKey) === feedId) this.#idByKey.delete(entry.feedKey);
    this.#bytes -= entry.body.byteLength;
  }

  #clear(): void {
    this.#entries.clear();
    this.#stale.clear();
    this.#idByKey.clear();
    this.#missing.clear();
    this.#bytes = 0;
  }

  #invalidate(change: FeedChange): void {
    this.#epoch += 1;
    // Reads already under way may return the old version: later callers start their own.
    this.#loading.clear();
    if (change.kind === 'all') {
      // Any entry may be out of date now, but is still the best answer while the store fails.
      for (const feedId of this.#entries.keys()) this.#stale.add(feedId);
      this.#missing.clear();
      return;
    }
    const feedId = this.#idByKey.get(change.feedKey);
    if (feedId !== undefined) this.#remove(feedId);
  }
}
