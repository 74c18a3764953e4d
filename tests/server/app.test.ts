import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../src/server/app';
import type { FeedStore } from '../../src/server/store/feed-store';
import {
  captureLogger,
  createFeed,
  JSON_TYPE,
  makeApp,
  makeBody,
  makeClock,
  makeSession,
  openTestStores,
  put,
  TEST_CONFIG,
} from './helpers';
import type { TestStores } from './helpers';

let stores: TestStores;
let store: FeedStore;
beforeAll(async () => {
  stores = await openTestStores('embedded', 'app');
  store = await stores.open();
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await stores.close();
});

/** The store with some methods replaced. */
function withStore(overrides: Partial<FeedStore>): FeedStore {
  return Object.assign(Object.create(store) as FeedStore, overrides);
}

/** What @hono/node-server passes per request: the socket the request came on. */
const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe('CORS', () => {
  const preflight = (app: ReturnType<typeof makeApp>, origin: string) =>
    app.request('/api/feeds', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    });

  it('allows extension origins', async () => {
    const app = makeApp(store);
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://0b8b7c5e-2f6c-4c1e-9d5b-2a3c4d5e6f70',
    ]) {
      const res = await preflight(app, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
        'authorization',
      );
    }
  });

  it('refuses web origins', async () => {
    const app = makeApp(store);
    for (const origin of [
      'https://evil.example',
      'null',
      'chrome-extension://abc/../x',
      'http://localhost:3000',
    ]) {
      expect((await preflight(app, origin)).headers.get('access-control-allow-origin')).toBeNull();
      const res = await app.request('/api/feeds', {
        method: 'POST',
        headers: { Origin: origin, ...JSON_TYPE },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows only the listed extension ids when configured', async () => {
    const app = makeApp(store, { config: { extensionIds: ['abcdefghijklmnopabcdefghijklmnop'] } });
    expect(
      (await preflight(app, 'chrome-extension://abcdefghijklmnopabcdefghijklmnop')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(
      (await preflight(app, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it.each([
    ['chrome-extension://abc', [], true],
    ['moz-extension://abc', ['abc'], true],
    ['moz-extension://abc', ['xyz'], false],
    ['chrome-extension://abc.evil.example/x', [], false],
    ['https://abc', [], false],
  ])('isAllowedOrigin(%s, %j) is %s', (origin, ids, allowed) => {
    expect(isAllowedOrigin(origin, ids)).toBe(allowed);
  });
});

describe('rate limits', () => {
  it('limits feed creation per client address, with Retry-After', async () => {
    const clock = makeClock();
    const app = makeApp(store, {
      clock,
      config: { limits: { ...TEST_CONFIG.limits, create: { burst: 2, perMinute: 1 } } },
    });
    const create = (address: string) =>
      app.request('/api/feeds', { method: 'POST', headers: JSON_TYPE }, fromAddress(address));
    expect((await create('198.51.100.1')).status).toBe(201);
    expect((await create('198.51.100.1')).status).toBe(201);
    const refused = await create('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await refused.json()).error.code).toBe('rate-limited');
    // Another client is not affected; the first one gets a token back after a minute.
    expect((await create('198.51.100.2')).status).toBe(201);
    clock.advance(60_000);
    expect((await create('198.51.100.1')).status).toBe(201);
  });

  it('trusts X-Forwarded-For only when told how many proxies are in front', async () => {
    const limits = { ...TEST_CONFIG.limits, create: { burst: 1, perMinute: 0 } };
    const direct = makeApp(store, { config: { limits } });
    const viaProxy = makeApp(store, { config: { limits, trustProxyHops: 1 } });
    const create = (app: typeof direct, forwarded: string) =>
      app.request(
        '/api/feeds',
        { method: 'POST', headers: { 'X-Forwarded-For': forwarded, ...JSON_TYPE } },
        fromAddress('10.0.0.1'),
      );
    // Untrusted: the header is ignored, so a client can't dodge the limit by forging it.
    expect((await create(direct, '203.0.113.1')).status).toBe(201);
    expect((await create(direct, '203.0.113.2')).status).toBe(429);
    // Trusted (one proxy): the proxy's last entry is the client; earlier entries are forgeable.
    expect((await create(viaProxy, 'forged, 203.0.113.1')).status).toBe(201);
    expect((await create(viaProxy, 'other-forgery, 203.0.113.1')).status).toBe(429);
    expect((await create(viaProxy, '203.0.113.2')).status).toBe(201);
  });

  it('gives each client one write budget across all its feeds', async () => {
    const app = makeApp(store, {
      config: { limits: { ...TEST_CONFIG.limits, write: { burst: 2, perMinute: 1 } } },
    });
    const feeds = [await createFeed(app), await createFeed(app), await createFeed(app)];
    const body = JSON.stringify(makeBody([makeSession(1)]));
    const send = (feed: (typeof feeds)[number], address: string) =>
      app.request(
        `/api/feeds/${feed.feedId}`,
        { method: 'PUT', headers: { Authorization: `Bearer ${feed.writeToken}` }, body },
        fromAddress(address),
      );
    expect((await send(feeds[0]!, '192.0.2.1')).status).toBe(200);
    expect((await send(feeds[1]!, '192.0.2.1')).status).toBe(200);
    // A third feed is no fresh budget.
    expect((await send(feeds[2]!, '192.0.2.1')).status).toBe(429);
    // Another client is not affected.
    expect((await send(feeds[2]!, '192.0.2.99')).status).toBe(200);
  });

  it('limits failed authentications per client, then refuses before any lookup', async () => {
    let lookups = 0;
    const counting = withStore({
      authorize: (...args) => {
        lookups += 1;
        return store.authorize(...args);
      },
    });
    const app = makeApp(counting, {
      config: { limits: { ...TEST_CONFIG.limits, authFailures: { burst: 3, perMinute: 1 } } },
    });
    const { feedId, writeToken } = await createFeed(app);
    const wrong = (token: string, address = '192.0.2.7') =>
      app.request(
        `/api/feeds/${feedId}`,
        { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: '{}' },
        fromAddress(address),
      );
    for (let i = 0; i < 3; i++) expect((await wrong(`wrong-token-${i}`)).status).toBe(401);
    const before = lookups;
    const refused = await wrong('wrong-token-4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(lookups).toBe(before);
    // Even the right token waits: the client is the one throttled, not the token.
    expect((await wrong(writeToken)).status).toBe(429);
    expect((await wrong(writeToken, '192.0.2.8')).status).toBe(400);
  });
});

describe('authentication before the body', () => {
  /** A body that records whether anything read it. */
  function watchedBody() {
    const state = { pulled: false };
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          state.pulled = true;
          controller.enqueue(new TextEncoder().encode(JSON.stringify(makeBody([makeSession(1)]))));
          controller.close();
        },
      },
      // Nothing is pulled ahead of a reader.
      { highWaterMark: 0 },
    );
    return { stream, state };
  }

  it.each([
    ['a wrong token', 'Bearer not-the-token', 401],
    ['no token', undefined, 401],
  ])('answers %s without reading the body', async (_label, authorization, status) => {
    const app = makeApp(store);
    const { feedId } = await createFeed(app);
    const { stream, state } = watchedBody();
    const res = await app.request(`/api/feeds/${feedId}`, {
      method: 'PUT',
      headers: authorization ? { Authorization: authorization } : {},
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(status);
    expect(state.pulled).toBe(false);
  });

  it('answers an unknown feed 404 without reading the body', async () => {
    const app = makeApp(store);
    const { stream, state } = watchedBody();
    const res = await app.request('/api/feeds/AAAAAAAAAAAAAAAAAAAAAAAA', {
      method: 'PUT',
      headers: { Authorization: 'Bearer some-token' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(404);
    expect(state.pulled).toBe(false);
  });

  it('answers 413 from Content-Length alone, naming the limit', async () => {
    const app = makeApp(store);
    const { feedId, writeToken } = await createFeed(app);
    const res = await app.request(`/api/feeds/${feedId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${writeToken}`, 'Content-Length': String(5 * 2 ** 20) },
      body: '{}',
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({
      code: 'body-too-large',
      maxBytes: 4 * 1024 * 1024,
    });
  });
});

describe('POST /api/feeds from web pages', () => {
  it.each([
    ['text/plain (a "simple" cross-site request)', { 'Content-Type': 'text/plain' }, 415],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ['no Content-Type', {}, 415],
    ['JSON from a web origin', { ...JSON_TYPE, Origin: 'https://evil.example' }, 403],
    ['JSON from Origin: null', { ...JSON_TYPE, Origin: 'null' }, 403],
  ])('refuses %s', async (_label, headers, status) => {
    const res = await makeApp(store).request('/api/feeds', { method: 'POST', headers });
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(/application\/json|extension/);
  });

  it.each([
    ['curl (JSON, no Origin)', JSON_TYPE],
    ['curl with a charset', { 'Content-Type': 'application/json; charset=utf-8' }],
    [
      'the extension',
      { ...JSON_TYPE, Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    ],
  ])('creates for %s', async (_label, headers) => {
    const res = await makeApp(store).request('/api/feeds', { method: 'POST', headers });
    expect(res.status).toBe(201);
  });
});

describe('errors', () => {
  it('hides internals in 5xx bodies and logs a redacted message with the route template', async () => {
    const { logger, lines } = captureLogger();
    const secret =
      'connect to postgres://admin:hunter2@10.0.0.5/feeds failed near tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const failing = withStore({
      writeVersion: () => Promise.reject(new Error(secret)),
    });
    const app = makeApp(failing, { logger });
    const { feedId, writeToken } = await createFeed(app);
    const res = await put(app, feedId, writeToken, makeBody([makeSession(1)]));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'internal',
        message: 'The server could not complete this request. Try again later.',
      },
    });
    const log = lines.join('');
    expect(log).toContain('"route":"/api/feeds/:feedId"');
    for (const leak of ['hunter2', 'tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', feedId, writeToken])
      expect(log).not.toContain(leak);
  });

  it('answers /healthz with 503 when the database does not answer', async () => {
    const app = makeApp(withStore({ health: async () => false }));
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: 'unreachable' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await makeApp(store).request('/api/nothing');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not-found');
  });
});
