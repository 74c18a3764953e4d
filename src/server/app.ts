/**
 * The feed server's HTTP API (SPEC §9) as a Hono app, separate from any process: `main.ts`
 * listens, tests call `app.request(...)`. Everything it needs comes in through `createApp(deps)`.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FeedCache } from './feed-cache';
import type { CachedFeed } from './feed-cache';
import { MAX_BODY_BYTES, parseFeedBody } from './feed-body';
import { replyWithFeed } from './feed-response';
import { redact, silentLogger } from './logger';
import type { Logger } from './logger';
import { RateLimiter } from './rate-limit';
import type { RateLimit } from './rate-limit';
import type { FeedStore } from './store/feed-store';
import { FEED_ID_PATTERN, hashToken, newFeedId, newWriteToken } from './tokens';

export interface AppConfig {
  /** Base of every link handed out, without a trailing slash: `https://feeds.example.com`. */
  publicUrl: string;
  /** Extension ids CORS allows; empty allows any `chrome-extension://` or `moz-extension://` origin. */
  extensionIds: readonly string[];
  /** Trusted proxies in front (their `X-Forwarded-For` entries name the client); 0: none. */
  trustProxyHops: number;
  limits: { create: RateLimit; write: RateLimit };
  /** Rendered feeds kept in memory by this instance. */
  cacheBytes: number;
}

export interface AppDeps {
  store: FeedStore;
  config: AppConfig;
  /** Epoch ms. */
  clock?: () => number;
  logger?: Logger;
  randomBytes?: (size: number) => Buffer;
  /** Rendered feeds in memory; pass one to share it with the Node-level fast path (start.ts). */
  cache?: FeedCache;
}

/** What @hono/node-server passes as the environment of each request. */
interface NodeBindings {
  incoming?: Pick<IncomingMessage, 'socket'>;
}

export type ErrorCode =
  | 'not-found'
  | 'feed-not-found'
  | 'unauthorized'
  | 'invalid-json'
  | 'invalid-body'
  | 'body-too-large'
  | 'too-many-sessions'
  | 'rate-limited'
  | 'internal';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
) {
  return c.json({ error: { code, message } }, status, { ...NO_STORE, ...headers });
}

/** `chrome-extension://<id>` or `moz-extension://<id>`, optionally only the listed ids. */
export function isAllowedOrigin(origin: string, extensionIds: readonly string[]): boolean {
  const match = /^(?:chrome-extension|moz-extension):\/\/([A-Za-z0-9._{}@-]+)$/.exec(origin);
  if (!match?.[1]) return false;
  return extensionIds.length === 0 || extensionIds.includes(match[1]);
}

/** The client's address for rate limiting: the socket's, or the trusted proxy's account of it. */
function clientAddress(c: Context<{ Bindings: NodeBindings }>, trustProxyHops: number): string {
  const socketAddress = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxyHops === 0) return socketAddress;
  const forwarded = c.req.header('x-forwarded-for');
  if (!forwarded) return socketAddress;
  const hops = forwarded
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; the one `trustProxyHops` from the end was
  // added by the outermost trusted proxy, and anything before it the client could have forged.
  return hops[Math.max(0, hops.length - trustProxyHops)] ?? socketAddress;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header ?? '');
  return match?.[1];
}

export function createApp(deps: AppDeps): Hono<{ Bindings: NodeBindings }> {
  const {
    store,
    config,
    clock = Date.now,
    logger = silentLogger,
    randomBytes = nodeRandomBytes,
  } = deps;
  const cache = deps.cache ?? new FeedCache(store, { maxBytes: config.cacheBytes });
  const createLimiter = new RateLimiter(config.limits.create, clock);
  const writeLimiter = new RateLimiter(config.limits.write, clock);
  const links = (feedId: string) => {
    const subscribeUrl = `${config.publicUrl}/feeds/${feedId}.ics`;
    return { subscribeUrl, webcalUrl: subscribeUrl.replace(/^https?:/, 'webcal:') };
  };

  const app = new Hono<{ Bindings: NodeBindings }>();

  // Only when request lines are logged: any middleware turns every response into a promise.
  if (logger.level === 'debug' || logger.level === 'info') {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      const route = routePath(c, -1);
      logger.info('request', {
        method: c.req.method,
        route: route === '/*' || route === '*' ? '(no route)' : route,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    });
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return fail(
        c,
        error.status as ContentfulStatusCode,
        'invalid-body',
        error.message || 'bad request',
      );
    }
    logger.error('request failed', {
      method: c.req.method,
      route: routePath(c, -1),
      error: redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
    });
    // No internals in the body (SPEC §9): the log has the detail, the client a plain sentence.
    return fail(c, 500, 'internal', 'The server could not complete this request. Try again later.');
  });

  app.notFound((c) =>
    fail(c, 404, 'not-found', 'No such endpoint. See the README for the feed server API.'),
  );

  /**
   * The hot path: a cached feed is answered synchronously, with headers built once per version,
   * so @hono/node-server writes it without awaiting anything.
   */
  const serveFeed = (c: Context, feed: CachedFeed | undefined): Response => {
    if (!feed) {
      return fail(
        c,
        404,
        'feed-not-found',
        'No feed at this address: it was deleted, or its link was replaced by a new one.',
      );
    }
    const reply = replyWithFeed(
      feed,
      c.req.header('if-none-match'),
      c.req.header('if-modified-since'),
    );
    return new Response(reply.body as Uint8Array<ArrayBuffer> | null, {
      status: reply.status,
      headers: reply.headers,
    });
  };

  app.get('/feeds/:file', (c): Response | Promise<Response> => {
    const file = c.req.param('file');
    const feedId = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!FEED_ID_PATTERN.test(feedId)) return serveFeed(c, undefined);
    const cached = cache.peek(feedId);
    if (cached) return serveFeed(c, cached);
    return cache.load(feedId).then((feed) => serveFeed(c, feed));
  });

  app.get('/healthz', async (c) => {
    const ok = await store.health();
    return c.json(
      ok ? { ok: true, database: 'ok' } : { ok: false, database: 'unreachable' },
      ok ? 200 : 503,
      NO_STORE,
    );
  });

  app.use(
    '/api/*',
    cors({
      origin: (origin) => (isAllowedOrigin(origin, config.extensionIds) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  const limited = (c: Context, limiter: RateLimiter, key: string) => {
    const decision = limiter.take(key);
    if (decision.allowed) return undefined;
    return fail(
      c,
      429,
      'rate-limited',
      `Too many requests; try again in ${decision.retryAfterSeconds} s.`,
      {
        'Retry-After': String(decision.retryAfterSeconds),
      },
    );
  };

  /** Checks the feed id's shape and the bearer token's presence; the store checks the token. */
  const writeAccess = (c: Context) => {
    const feedId = c.req.param('feedId') ?? '';
    if (!FEED_ID_PATTERN.test(feedId)) {
      return {
        response: fail(
          c,
          404,
          'feed-not-found',
          'No feed with this id: it was deleted, or its link was replaced by a new one.',
        ),
      };
    }
    // Per client and feed: a subscriber who knows the feed's URL can't use up its owner's writes.
    const refused = limited(
      c,
      writeLimiter,
      `${clientAddress(c, config.trustProxyHops)} ${feedId}`,
    );
    if (refused) return { response: refused };
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      return {
        response: fail(
          c,
          401,
          'unauthorized',
          'Send the feed\'s write token as "Authorization: Bearer <token>".',
          {
            'WWW-Authenticate': 'Bearer',
          },
        ),
      };
    }
    return { feedId, tokenHash: hashToken(token) };
  };

  const refusal = (c: Context, reason: 'not-found' | 'unauthorized') =>
    reason === 'not-found'
      ? fail(
          c,
          404,
          'feed-not-found',
          'No feed with this id: it was deleted, or its link was replaced by a new one.',
        )
      : fail(c, 401, 'unauthorized', 'This write token does not belong to this feed.', {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        });

  app.post('/api/feeds', async (c) => {
    const refused = limited(c, createLimiter, clientAddress(c, config.trustProxyHops));
    if (refused) return refused;
    const feedId = newFeedId(randomBytes);
    const writeToken = newWriteToken(randomBytes);
    await store.createFeed(feedId, hashToken(writeToken));
    return c.json({ feedId, writeToken, ...links(feedId) }, 201, NO_STORE);
  });

  app.put(
    '/api/feeds/:feedId',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        fail(
          c,
          413,
          'body-too-large',
          `The body is larger than ${MAX_BODY_BYTES / 1024} KB; send fewer or shorter sessions.`,
        ),
    }),
    async (c) => {
      const access = writeAccess(c);
      if (access.response) return access.response;
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch (error) {
        if (error instanceof SyntaxError) {
          return fail(c, 400, 'invalid-json', `The body is not valid JSON (${error.message}).`);
        }
        throw error;
      }
      const body = parseFeedBody(raw, clock());
      if (!body.ok) return fail(c, body.status, body.code, body.message);
      const outcome = await store.replaceFeed(access.feedId, access.tokenHash, body.content);
      if (!outcome.ok) return refusal(c, outcome.reason);
      return c.json(
        {
          feedId: access.feedId,
          version: outcome.value.version,
          sessions: body.content.sessions.length,
          etag: outcome.value.etag,
          ...links(access.feedId),
        },
        200,
        NO_STORE,
      );
    },
  );

  app.post('/api/feeds/:feedId/rotate', async (c) => {
    const access = writeAccess(c);
    if (access.response) return access.response;
    const outcome = await store.rotateFeed(access.feedId, access.tokenHash, newFeedId(randomBytes));
    if (!outcome.ok) return refusal(c, outcome.reason);
    return c.json({ feedId: outcome.value.feedId, ...links(outcome.value.feedId) }, 200, NO_STORE);
  });

  app.delete('/api/feeds/:feedId', async (c) => {
    const access = writeAccess(c);
    if (access.response) return access.response;
    const outcome = await store.deleteFeed(access.feedId, access.tokenHash);
    if (!outcome.ok) return refusal(c, outcome.reason);
    return c.body(null, 204, NO_STORE);
  });

  return app;
}
