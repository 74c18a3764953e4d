/**
 * The feed server's API (SPEC §9) from the extension: create, publish (PUT), rotate, delete.
 * All network goes through the injected `fetch`; every outcome is data — the feed, or a
 * `FeedError` whose message a runner can act on.
 *
 * No host permission is involved: the server answers CORS for extension origins
 * (`src/server/app.ts`), so the service worker's fetch reads its answers like any page's
 * cross-origin fetch. A server that is down, or whose CORS does not allow this extension
 * (`IRONSTRIDE_EXTENSION_IDS`), looks the same to the browser: the fetch rejects.
 *
 * The write token goes only into the `Authorization` header; it is never part of a message.
 */
import { z } from 'zod';
import type { FeedConnection, FeedErrorKind } from './storage';

/** What the server accepts as a PUT body (SPEC §9): the sessions as SPEC §8's plan JSON prints them. */
export interface FeedBody {
  name: string;
  timezone: string;
  sessions: unknown[];
}

export interface FeedError {
  kind: FeedErrorKind;
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** For a 413: the largest body the server takes, when it said so. */
  maxBytes?: number;
}

export type FeedResult<T> = { ok: true; value: T } | { ok: false; error: FeedError };

export type FeedLinks = Pick<FeedConnection, 'feedId' | 'subscribeUrl' | 'webcalUrl'>;

export interface CreatedFeed extends FeedLinks {
  writeToken: string;
}

export interface PublishedFeed extends FeedLinks {
  /** How many sessions the server stored. */
  sessions: number;
  version: number;
}

export interface FeedClient {
  create(serverUrl: string): Promise<FeedResult<CreatedFeed>>;
  /** Sends `body` (or its JSON text, already serialised) as the feed's new version. */
  publish(feed: FeedConnection, body: FeedBody | string): Promise<FeedResult<PublishedFeed>>;
  rotate(feed: FeedConnection): Promise<FeedResult<FeedLinks>>;
  remove(feed: FeedConnection): Promise<FeedResult<null>>;
}

export interface FeedClientOptions {
  fetch: typeof globalThis.fetch;
  /** A request that takes longer is abandoned (default 15 s). */
  timeoutMs?: number;
}

/** `npm run cli -- serve`, for messages about a server that didn't answer. */
export const SERVE_COMMAND = 'npm run cli -- serve';

const linksSchema = z.object({
  feedId: z.string().min(1).max(200),
  subscribeUrl: z.url({ protocol: /^https?$/ }),
  webcalUrl: z.string().optional(),
});
const createdSchema = linksSchema.extend({ writeToken: z.string().min(16).max(512) });
const publishedSchema = linksSchema.extend({
  sessions: z.number().int().min(0),
  version: z.number().int(),
});
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    maxBytes: z.number().int().positive().optional(),
  }),
});

/** The webcal:// form of a subscribe link: what the server sends, or derived from the https one. */
function withWebcal(links: z.output<typeof linksSchema>): FeedLinks {
  const webcalUrl = links.webcalUrl?.startsWith('webcal://')
    ? links.webcalUrl
    : links.subscribeUrl.replace(/^https?:/, 'webcal:');
  return { feedId: links.feedId, subscribeUrl: links.subscribeUrl, webcalUrl };
}

const short = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Why `status` came back, in words; `what` is the request ("publish", "create a feed"). */
async function describeFailure(
  response: Response,
  serverUrl: string,
  what: string,
): Promise<FeedError> {
  const status = response.status;
  let serverMessage: string | undefined;
  let code: string | undefined;
  let maxBytes: number | undefined;
  try {
    const parsed = errorBodySchema.safeParse(await response.json());
    if (parsed.success) {
      serverMessage = short(parsed.data.error.message);
      code = parsed.data.error.code;
      maxBytes = parsed.data.error.maxBytes;
    }
  } catch {
    // Not JSON: a proxy's error page, or not an Ironstride server at all.
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: 'This browser’s feed key was refused — create a new feed in Settings.',
    };
  }
  if (status === 404 && code === 'feed-not-found') {
    return {
      kind: 'not-found',
      status,
      message:
        'The server has no feed at this address any more (it was deleted, or its link was rotated elsewhere) — create a new feed in Settings.',
    };
  }
  if (status === 404 || status === 405) {
    return {
      kind: 'unexpected',
      status,
      message: `${serverUrl} doesn’t look like an Ironstride feed server (HTTP ${status} for /api/feeds). Check the address.`,
    };
  }
  if (status === 400 || status === 413) {
    return {
      kind: 'refused',
      status,
      message: `The feed server refused to ${what}: ${serverMessage ?? (status === 413 ? 'the sessions are more than it takes in one go (HTTP 413)' : `HTTP ${status}`)}`,
      ...(maxBytes !== undefined ? { maxBytes } : {}),
    };
  }
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return {
      kind: 'rate-limited',
      status,
      message: `The feed server asks to slow down${Number.isFinite(seconds) && seconds > 0 ? `: try again in ${seconds} s` : ''}.`,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      message: `The feed server could not ${what} (HTTP ${status})${serverMessage ? `: ${serverMessage}` : ''}`,
    };
  }
  return {
    kind: 'unexpected',
    status,
    message: `The feed server answered HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`,
  };
}

export function createFeedClient(options: FeedClientOptions): FeedClient {
  const { fetch: fetchFn, timeoutMs = 15_000 } = options;

  async function request<T>(
    serverUrl: string,
    path: string,
    init: { method: string; token?: string; body?: FeedBody | string | Record<string, never> },
    what: string,
    read: (response: Response) => Promise<FeedResult<T>>,
  ): Promise<FeedResult<T>> {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFn(`${serverUrl}${path}`, {
        method: init.method,
        headers,
        ...(init.body
          ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
          : {}),
        // Nothing of the browser's (cookies) goes along; nothing is cached.
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (isTimeout(error)) {
        return {
          ok: false,
          error: {
            kind: 'timeout',
            message: `The feed server at ${serverUrl} didn’t answer within ${timeoutMs >= 1000 ? Math.round(timeoutMs / 1000) : timeoutMs / 1000} s.`,
          },
        };
      }
      // A refused connection and a CORS refusal are the same TypeError to the page.
      return {
        ok: false,
        error: {
          kind: 'unreachable',
          message: `Couldn’t reach the feed server at ${serverUrl}. It must be running there (${SERVE_COMMAND}) and allow this extension.`,
        },
      };
    }
    if (!response.ok) return { ok: false, error: await describeFailure(response, serverUrl, what) };
    return read(response);
  }

  const notAFeedServer = (serverUrl: string): FeedResult<never> => ({
    ok: false,
    error: {
      kind: 'unexpected',
      message: `${serverUrl} answered, but not as an Ironstride feed server does. Check the address.`,
    },
  });

  /** Reads a JSON answer with `schema`; anything else means the address is not a feed server. */
  const json =
    <S extends z.ZodType, T>(serverUrl: string, schema: S, map: (value: z.output<S>) => T) =>
    async (response: Response): Promise<FeedResult<T>> => {
      let raw: unknown;
      try {
        raw = await response.json();
      } catch {
        return notAFeedServer(serverUrl);
      }
      const parsed = schema.safeParse(raw);
      return parsed.success ? { ok: true, value: map(parsed.data) } : notAFeedServer(serverUrl);
    };

  const feedPath = (feed: FeedConnection) => `/api/feeds/${encodeURIComponent(feed.feedId)}`;

  return {
    create: (serverUrl) =>
      request(
        serverUrl,
        '/api/feeds',
        // JSON, so a browser asks first (CORS preflight): the server refuses creates that don't.
        { method: 'POST', body: {} },
        'create a feed',
        json(serverUrl, createdSchema, (v) => ({ ...withWebcal(v), writeToken: v.writeToken })),
      ),

    publish: (feed, body) =>
      request(
        feed.serverUrl,
        feedPath(feed),
        { method: 'PUT', token: feed.writeToken, body },
        'publish the sessions',
        json(feed.serverUrl, publishedSchema, (v) => ({
          ...withWebcal(v),
          sessions: v.sessions,
          version: v.version,
        })),
      ),

    rotate: (feed) =>
      request(
        feed.serverUrl,
        `${feedPath(feed)}/rotate`,
        { method: 'POST', token: feed.writeToken },
        'rotate the link',
        json(feed.serverUrl, linksSchema, withWebcal),
      ),

    remove: (feed) =>
      request(
        feed.serverUrl,
        feedPath(feed),
        { method: 'DELETE', token: feed.writeToken },
        'delete the feed',
        async () => ({ ok: true, value: null }),
      ),
  };
}
