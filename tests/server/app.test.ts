import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedOrigin } from '../../src/server/app';
import type { FeedStore } from '../../src/server/store/feed-store';
import {
  captureLogger,
  createFeed,
  makeApp,
  makeBody,
  makeClock,
  makeSession,
  openTestStores,
  put,
} from './helpers';
import type { TestStores } from './helpers';

let stores: TestStores;
let store: FeedStore;
beforeAll(async () => {
  stores = await openTestStores('embedded', 'app');
  store = await stores.open();
});
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
      const res = await app.request('/api/feeds', { method: 'POST', headers: { Origin: origin } });
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
      config: {
        limits: { create: { burst: 2, perMinute: 1 }, write: { burst: 100, perMinute: 100 } },
      },
    });
    const create = (address: string) =>
      app.request('/api/feeds', { method: 'POST' }, fromAddress(address));
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
    const limits = { create: { burst: 1, perMinute: 0 }, write: { burst: 100, perMinute: 100 } };
    const direct = makeApp(store, { config: { limits } });
    const viaProxy = makeApp(store, { config: { limits, trustProxyHops: 1 } });
    const create = (app: typeof direct, forwarded: string) =>
      app.request(
        '/api/feeds',
        { method: 'POST', headers: { 'X-Forwarded-For': forwarded } },
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

  it('limits writes per client and feed', async () => {
    const app = makeApp(store, {
      config: {
        limits: { create: { burst: 100, perMinute: 100 }, write: { burst: 2, perMinute: 1 } },
      },
    });
    const { feedId, writeToken } = await createFeed(app);
    const body = JSON.stringify(makeBody([makeSession(1)]));
    const send = (address: string) =>
      app.request(
        `/api/feeds/${feedId}`,
        { method: 'PUT', headers: { Authorization: `Bearer ${writeToken}` }, body },
        fromAddress(address),
      );
    expect((await send('192.0.2.1')).status).toBe(200);
    expect((await send('192.0.2.1')).status).toBe(200);
    expect((await send('192.0.2.1')).status).toBe(429);
    // Someone else hammering the feed's URL does not use up its owner's writes.
    expect((await send('192.0.2.99')).status).toBe(200);
  });
});

describe('errors', () => {
  it('hides internals in 5xx bodies and logs a redacted message with the route template', async () => {
    const { logger, lines } = captureLogger();
    const secret =
      'connect to postgres://admin:hunter2@10.0.0.5/feeds failed near tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const failing = withStore({
      replaceFeed: () => Promise.reject(new Error(secret)),
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
