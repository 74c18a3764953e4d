/**
 * The feed server's HTTP API (SPEC §9) as a Hono app, separate from any process: `main.ts`
 * listens, tests call `app.request(...)`. Everything it needs comes in through `createApp(deps)`.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FeedCache } from './feed-cache';
import type { CachedFeed } from './feed-cache';
import { MAX_BODY_BYTES } from './feed-body';
import { replyWithFeed } from './feed-response';
import { createErrorThrottle, redact, silentLogger } from './logger';
import type { Logger } from './logger';
import { RateLimiter } from './rate-limit';
import type { RateLimit } from './rate-limit';
import { readBody } from './read-body';
import { inlineRenderer } from './renderer';
import type { FeedRenderer } from './renderer';
import { nextVersionTimes } from './store/feed-store';
import type { FeedBase, FeedStore } from './store/feed-store';
import { FEED_ID_PATTERN, hashToken, newFeedId, newWriteToken } from './tokens';

export interface AppConfig {
  /** Base of every link handed out, without a trailing slash: `https://feeds.example.com`. */
  publicUrl: string;
  /** Extension ids CORS allows; empty allows any `chrome-extension://` or `moz-extension://` origin. */
  extensionIds: readonly string[];
  /** Trusted proxies in front (their `X-Forwarded-For` entries name the client); 0: none. */
  trustProxyHops: number;
  /**
   * Per client address: feeds created; writes (PUT, rotate, delete) across all its feeds; and
   * failed authentications (a wrong or missing token, a feed that does not exist).
   */
  limits: { create: RateLimit; write: RateLimit; authFailures: RateLimit };
  /** Rendered feeds kept in memory by this instance. */
  cacheBytes: number;
  /** A request body must arrive within this long once its headers are in. */
  bodyTimeoutMs: number;
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
  /** Where PUT bodies are parsed and rendered: a worker thread in the server (start.ts). */
  renderer?: FeedRenderer;
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
  | 'body-timeout'
  | 'too-many-sessions'
  | 'unsupported-media-type'
  | 'forbidden-origin'
  | 'rate-limited'
  | 'internal';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  extra: Record<string, number> = {},
) {
  return c.json({ error: { code, message, ...extra } }, status, { ...NO_STORE, ...headers });
}

/** `application/json`, with or without parameters (`; charset=utf-8`). */
function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(header?.trim() ?? '');
}

/** The 413 for a body over the limit; `maxBytes` tells a client how much it may send. */
export const TOO_LARGE_MESSAGE = `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send fewer or shorter sessions.`;

const tooLarge = (c: Context, headers: Record<string, string> = {}) =>
  fail(c, 413, 'body-too-large', TOO_LARGE_MESSAGE, headers, { maxBytes: MAX_BODY_BYTES });

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
    renderer = inlineRenderer,
  } = deps;
  // A database outage fails every request the cache can't answer: one line per interval, counted.
  const failures = createErrorThrottle(logger, clock);
  const cache =
    deps.cache ??
    new FeedCache(store, {
      maxBytes: config.cacheBytes,
      clock,
      onStaleServed: (error) =>
        failures.error('database unavailable; served a stale copy of a feed', {
          error: redact(String(error)),
        }),
    });
  const createLimiter = new RateLimiter(config.limits.create, clock);
  const writeLimiter = new RateLimiter(config.limits.write, clock);
  const authFailures = new RateLimiter(config.limits.authFailures, clock);
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
    failures.error('request failed', {
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
    if (!FEED_ID_PATTERN.test(feedId) || cache.isMissing(feedId)) return serveFeed(c, undefined);
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

  const limited = (c: Context, limiter: RateLimiter, key: string, consume = true) => {
    const decision = consume ? limiter.take(key) : limiter.check(key);
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

  const feedNotFound = (c: Context) =>
    fail(
      c,
      404,
      'feed-not-found',
      'No feed with this id: it was deleted, or its link was replaced by a new one.',
    );

  const refusal = (c: Context, client: string, reason: 'not-found' | 'unauthorized') => {
    // Guessing feed ids or tokens costs the client its failure budget.
    authFailures.take(client);
    return reason === 'not-found'
      ? feedNotFound(c)
      : fail(c, 401, 'unauthorized', 'This write token does not belong to this feed.', {
          'WWW-Authenticate': 'Bearer error="invalid_token"',
        });
  };

  /**
   * Everything a write checks on its headers, before a byte of its body is read: the id's shape,
   * the client's failure and write budgets, and that a bearer token is there. The store checks
   * the token itself.
   */
  const writeAccess = (c: Context) => {
    const client = clientAddress(c, config.trustProxyHops);
    const feedId = c.req.param('feedId') ?? '';
    if (!FEED_ID_PATTERN.test(feedId)) return { response: feedNotFound(c) };
    const blocked = limited(c, authFailures, client, false);
    if (blocked) return { response: blocked };
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      authFailures.take(client);
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
    // One budget per client across all its feeds: a flood to many feeds is still one flood.
    const refused = limited(c, writeLimiter, client);
    if (refused) return { response: refused };
    return { feedId, tokenHash: hashToken(token), client };
  };

  app.post('/api/feeds', async (c) => {
    // A web page can send a "simple" cross-site POST without asking; application/json is not
    // simple (Fetch standard, CORS-safelisted request headers), so a browser must preflight it,
    // and the preflight is refused for every origin but the extension's.
    const origin = c.req.header('origin');
    if (origin !== undefined && !isAllowedOrigin(origin, config.extensionIds)) {
      return fail(
        c,
        403,
        'forbidden-origin',
        'Feeds are created from the Ironstride extension, or without an Origin (curl).',
      );
    }
    if (!isJsonContentType(c.req.header('content-type'))) {
      return fail(
        c,
        415,
        'unsupported-media-type',
        'Send "Content-Type: application/json" to create a feed (curl: -H "Content-Type: application/json").',
      );
    }
    const refused = limited(c, createLimiter, clientAddress(c, config.trustProxyHops));
    if (refused) return refused;
    const feedId = newFeedId(randomBytes);
    const writeToken = newWriteToken(randomBytes);
    await store.createFeed(feedId, hashToken(writeToken));
    return c.json({ feedId, writeToken, ...links(feedId) }, 201, NO_STORE);
  });

  app.put('/api/feeds/:feedId', async (c) => {
    const access = writeAccess(c);
    if (access.response) return access.response;
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return tooLarge(c);
    const authorized = await store.authorize(access.feedId, access.tokenHash);
    if (!authorized.ok) return refusal(c, access.client, authorized.reason);
    const body = await readBody(c.req.raw, {
      maxBytes: MAX_BODY_BYTES,
      timeoutMs: config.bodyTimeoutMs,
    });
    if (!body.ok) {
      // The rest of the body is still on its way: this connection can't carry another request.
      const close = { Connection: 'close' };
      if (body.reason === 'too-large') return tooLarge(c, close);
      return fail(
        c,
        408,
        'body-timeout',
        `The body did not arrive within ${Math.round(config.bodyTimeoutMs / 1000)} s.`,
        close,
      );
    }
    let base: FeedBase = authorized.value;
    // A write landing between the token check and this one: prepare again on top of it.
    for (let attempt = 0; ; attempt++) {
      const times = nextVersionTimes(clock(), base.lastModified);
      const prepared = await renderer.prepare({
        body: body.bytes,
        now: clock(),
        version: base.version + 1,
        previous: base.sequences,
        stamp: times.lastModified,
        refreshMinutes: store.refreshMinutes,
      });
      if (!prepared.ok) return fail(c, prepared.status, prepared.code, prepared.message);
      const outcome = await store.writeVersion(
        access.feedId,
        access.tokenHash,
        base,
        times,
        prepared.version,
      );
      if (!outcome.ok && outcome.reason === 'conflict' && attempt < 5) {
        base = outcome.current;
        continue;
      }
      if (!outcome.ok) {
        if (outcome.reason === 'conflict') throw new Error('feed kept changing during a write');
        return refusal(c, access.client, outcome.reason);
      }
      return c.json(
        {
          feedId: access.feedId,
          version: outcome.value.version,
          sessions: prepared.version.sessions,
          etag: outcome.value.etag,
          ...links(access.feedId),
        },
        200,
        NO_STORE,
      );
    }
  });

  app.post('/api/feeds/:feedId/rotate', async (c) => {
    const access = writeAccess(c);
    if (access.response) return access.response;
    const outcome = await store.rotateFeed(access.feedId, access.tokenHash, newFeedId(randomBytes));
    if (!outcome.ok) return refusal(c, access.client, outcome.reason);
    return c.json({ feedId: outcome.value.feedId, ...links(outcome.value.feedId) }, 200, NO_STORE);
  });

  app.delete('/api/feeds/:feedId', async (c) => {
    const access = writeAccess(c);
    if (access.response) return access.response;
    const outcome = await store.deleteFeed(access.feedId, access.tokenHash);
    if (!outcome.ok) return refusal(c, access.client, outcome.reason);
    return c.body(null, 204, NO_STORE);
  });

  return app;
}
