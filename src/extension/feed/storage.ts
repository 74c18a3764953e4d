/**
 * What the extension keeps about the subscribable feed (SPEC §7, §9), defined once as versioned
 * WXT storage items (wxt-dev/wxt docs/storage.md). Everything read back is validated with zod: a
 * value an older version or a half-finished write left behind is dropped rather than trusted.
 *
 * - `local:feed`: the feed this browser created — the server, the feed id, its links, and the
 *   write token. The token is a credential: it lives only here (never synced, never logged, never
 *   sent anywhere but to that server's `Authorization` header, never shown in full).
 * - `local:feedPublish`: what was last published, what is being published, and the last failure,
 *   so a publish the worker was stopped in the middle of (or that failed) is never lost.
 * - `local:feedServer`: the server address last used, so Create feed offers it again after a delete.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

/** The feed this browser publishes to. */
export interface FeedConnection {
  /** The server's origin, as the runner entered it: `http://127.0.0.1:8787`. */
  serverUrl: string;
  feedId: string;
  /** The bearer token for PUT, rotate and DELETE. A credential: never logged or shown in full. */
  writeToken: string;
  /** `https://…/feeds/<id>.ics` (http for a local server). */
  subscribeUrl: string;
  /** The same link as `webcal://`, which calendar apps open as a subscription. */
  webcalUrl: string;
  /** Epoch ms; also tells one feed from a later one created after a delete. */
  createdAt: number;
  /** Epoch ms of the last Rotate link. */
  rotatedAt?: number;
}

const connectionSchema = z.object({
  serverUrl: z.string().min(1),
  feedId: z.string().min(1),
  writeToken: z.string().min(1),
  subscribeUrl: z.string().min(1),
  webcalUrl: z.string().min(1),
  createdAt: z.number(),
  rotatedAt: z.number().optional(),
});

export const feedItem = storage.defineItem<FeedConnection | null>('local:feed', {
  fallback: null,
  version: 1,
});

/** The stored feed, or null when there is none or what is stored does not validate. */
export async function loadFeedConnection(): Promise<FeedConnection | null> {
  const parsed = connectionSchema.safeParse(await feedItem.getValue());
  if (!parsed.success) return null;
  const { rotatedAt, ...rest } = parsed.data;
  return { ...rest, ...(rotatedAt !== undefined ? { rotatedAt } : {}) };
}

/**
 * Why a request to the feed server failed. `unreachable`, `timeout`, `rate-limited` and `server`
 * pass (retried on the hourly alarm); `unauthorized` and `not-found` need the runner (a new feed);
 * `refused` (400/413) fails again for the same sessions; `unexpected` is anything else.
 */
export type FeedErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'unauthorized'
  | 'not-found'
  | 'refused'
  | 'unexpected';

export const FEED_ERROR_KINDS = [
  'unreachable',
  'timeout',
  'rate-limited',
  'server',
  'unauthorized',
  'not-found',
  'refused',
  'unexpected',
] as const satisfies readonly FeedErrorKind[];

export interface FeedPublishState {
  /**
   * The sessions the feed has now: a hash of the body last accepted by the server; `omitted`
   * accepted sessions of the last year did not fit in what the server takes.
   */
  published?: { hash: string; count: number; at: number; omitted?: number; fullHash?: string };
  /**
   * The largest body this server took or asked for (learned from a 413), and when: bodies are
   * cut to it, and after a day the full size is tried again (the server may have been changed).
   */
  limit?: { maxBytes: number; at: number };
  /** A publish started and not finished (an interrupted one is run again at the next start). */
  running?: { hash: string; count: number; startedAt: number };
  /** The last publish failed: for which body, why, and how many times in a row. */
  failure?: {
    hash: string;
    at: number;
    kind: FeedErrorKind;
    message: string;
    attempts: number;
    /** See `FeedBodyResult.fullHash`. */
    fullHash?: string;
  };
}

const publishSchema = z.object({
  published: z
    .object({
      hash: z.string(),
      count: z.number().int().min(0),
      at: z.number(),
      omitted: z.number().int().min(0).optional(),
      fullHash: z.string().optional(),
    })
    .optional(),
  limit: z.object({ maxBytes: z.number().int().positive(), at: z.number() }).optional(),
  running: z
    .object({ hash: z.string(), count: z.number().int().min(0), startedAt: z.number() })
    .optional(),
  failure: z
    .object({
      hash: z.string(),
      at: z.number(),
      kind: z.enum(FEED_ERROR_KINDS),
      message: z.string(),
      attempts: z.number().int().min(1),
      fullHash: z.string().optional(),
    })
    .optional(),
});

export const feedPublishItem = storage.defineItem<FeedPublishState | null>('local:feedPublish', {
  fallback: null,
  version: 1,
});

/** The publish state; one that does not validate starts over (the next publish sends everything). */
export async function loadPublishState(): Promise<FeedPublishState> {
  const parsed = publishSchema.safeParse(await feedPublishItem.getValue());
  if (!parsed.success) return {};
  const { published, limit, running, failure } = parsed.data;
  return {
    ...(published ? { published } : {}),
    ...(limit ? { limit } : {}),
    ...(running ? { running } : {}),
    ...(failure ? { failure } : {}),
  };
}

/** The server address last used for Create feed. */
export const feedServerItem = storage.defineItem<string | null>('local:feedServer', {
  fallback: null,
  version: 1,
});
