import { describe, expect, it } from 'vitest';
import { isNotModified } from '../../src/server/conditional-get';
import { parseEnv } from '../../src/server/env';
import { FeedCache } from '../../src/server/feed-cache';
import {
  assignSequences,
  MAX_REMEMBERED_REMOVED,
  sessionDescription,
} from '../../src/server/feed-render';
import type { SequenceState } from '../../src/server/feed-render';
import { createErrorThrottle, redact } from '../../src/server/logger';
import { nextVersionTimes } from '../../src/server/store/feed-store';
import type { FeedChange, FeedStore, RenderedFeed } from '../../src/server/store/feed-store';
import { captureLogger, makeClock, makeSession } from './helpers';

describe('assignSequences', () => {
  const s = (id: string, start = 0, title = 't') => ({
    id,
    start,
    end: start + 1,
    title,
    description: '',
  });

  it('keeps unchanged sessions, raises changed ones, starts new ones at 0', () => {
    const v1 = assignSequences({}, [s('a'), s('b')], 'UTC', 1);
    const v2 = assignSequences(v1, [s('a'), s('b', 5), s('c')], 'UTC', 2);
    expect([v2.a?.s, v2.b?.s, v2.c?.s]).toEqual([0, 1, 0]);
  });

  it('remembers removed sessions, but only the most recent ones', () => {
    let state: SequenceState = {};
    const many = Array.from({ length: MAX_REMEMBERED_REMOVED + 50 }, (_, i) => s(`old${i}`));
    state = assignSequences(state, many, 'UTC', 1);
    state = assignSequences(state, [s('x')], 'UTC', 2);
    expect(Object.keys(state)).toHaveLength(MAX_REMEMBERED_REMOVED + 1);
    expect(state.old0?.gone).toBe(2);
  });
});

describe('sessionDescription', () => {
  it('uses the plan description when there is one', () => {
    expect(sessionDescription({ ...makeSession(1), description: 'as planned' } as never)).toBe(
      'as planned',
    );
  });

  it('writes exercises and reasons when a client sent no description', () => {
    const text = sessionDescription({ ...makeSession(1), description: '' } as never);
    expect(text).toBe(
      '1. Goblet squat — 3 × 6–8, rest 90 s — Chest up\n\nWhy this slot:\n- Tuesday: same day as your intervals, 9 h after\n\nPlanned by Ironstride — strength that fits your running.',
    );
  });
});

describe('isNotModified', () => {
  const current = {
    etag: '"abc"',
    lastModified: Date.UTC(2027, 2, 1, 12),
    lastModifiedShared: false,
  };
  it.each([
    ['"abc"', undefined, true],
    ['W/"abc"', undefined, true],
    ['"x", "abc"', undefined, true],
    ['*', undefined, true],
    ['"x"', 'Mon, 01 Mar 2027 12:00:00 GMT', false],
    [undefined, 'Mon, 01 Mar 2027 12:00:00 GMT', true],
    [undefined, 'Mon, 01 Mar 2027 11:59:59 GMT', false],
    [undefined, 'not a date', false],
    [undefined, undefined, false],
  ])('If-None-Match %s, If-Modified-Since %s → %s', (inm, ims, expected) => {
    expect(isNotModified(inm, ims, current)).toBe(expected);
  });

  it('does not answer 304 to the exact second a version shares with the one before', () => {
    const shared = { ...current, lastModifiedShared: true };
    expect(isNotModified(undefined, 'Mon, 01 Mar 2027 12:00:00 GMT', shared)).toBe(false);
    expect(isNotModified(undefined, 'Mon, 01 Mar 2027 12:00:01 GMT', shared)).toBe(true);
    expect(isNotModified('"abc"', 'Mon, 01 Mar 2027 12:00:00 GMT', shared)).toBe(true);
  });
});

describe('nextVersionTimes', () => {
  it('uses the current second, never a later one, and flags a shared second', () => {
    const t = Date.UTC(2027, 2, 1, 12);
    expect(nextVersionTimes(t + 400, undefined)).toEqual({
      lastModified: t,
      lastModifiedShared: false,
    });
    expect(nextVersionTimes(t + 900, t)).toEqual({ lastModified: t, lastModifiedShared: true });
    expect(nextVersionTimes(t + 1000, t)).toEqual({
      lastModified: t + 1000,
      lastModifiedShared: false,
    });
    // Another instance's clock ran ahead: never before the version it replaces.
    expect(nextVersionTimes(t, t + 5000)).toEqual({
      lastModified: t + 5000,
      lastModifiedShared: true,
    });
  });
});

describe('createErrorThrottle', () => {
  it('logs the first error of an interval and the count of the rest', () => {
    const { logger, lines } = captureLogger();
    const clock = makeClock();
    const throttle = createErrorThrottle(logger, clock, 10_000);
    for (let i = 0; i < 500; i++) throttle.error('request failed', { route: '/feeds/:file' });
    expect(lines).toHaveLength(1);
    clock.advance(10_000);
    throttle.error('request failed', { route: '/feeds/:file' });
    expect(lines.map((l) => JSON.parse(l) as { msg: string; count?: number })).toMatchObject([
      { msg: 'request failed' },
      { msg: 'more requests failed', count: 499 },
      { msg: 'request failed' },
    ]);
  });
});

describe('parseEnv', () => {
  it('has defaults for everything', () => {
    const parsed = parseEnv({});
    expect(parsed.ok && parsed.env).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: './.ironstride/data',
      databaseUrl: undefined,
      publicUrl: undefined,
      extensionIds: [],
      trustProxyHops: 0,
      logLevel: 'info',
    });
  });

  it('reads every setting', () => {
    const parsed = parseEnv({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      IRONSTRIDE_PUBLIC_URL: 'https://feeds.example.com/',
      IRONSTRIDE_EXTENSION_IDS: 'abc, def',
      IRONSTRIDE_TRUST_PROXY: '1',
      IRONSTRIDE_CREATE_BURST: '3',
      LOG_LEVEL: 'warn',
    });
    expect(parsed.ok && parsed.env).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u:p@db:5432/x',
      publicUrl: 'https://feeds.example.com',
      extensionIds: ['abc', 'def'],
      trustProxyHops: 1,
      limits: { create: { burst: 3, perMinute: 1 } },
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected a whole number'],
    [{ PORT: '70000' }, 'PORT:'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected a postgres:// or postgresql:// URL'],
    [{ IRONSTRIDE_PUBLIC_URL: 'ftp://x' }, 'IRONSTRIDE_PUBLIC_URL: expected an http(s) URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected one of debug, info, warn, error, silent'],
  ])('refuses %j with a message naming the variable', (source, message) => {
    const parsed = parseEnv(source);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('redact', () => {
  it('masks URL credentials and anything shaped like a feed id or token', () => {
    expect(redact('postgres://me:secret@db/x id=AAAAAAAAAAAAAAAAAAAAAAAA ok')).toBe(
      'postgres://***@db/x id=*** ok',
    );
  });
});

describe('FeedCache', () => {
  /** A store whose reads resolve when the test says, and whose changes the test announces. */
  function fakeStore() {
    const listeners: ((c: FeedChange) => void)[] = [];
    const pending: ((feed: RenderedFeed | undefined) => void)[] = [];
    let reads = 0;
    const store: {
      live: boolean;
      subscribe: (l: (c: FeedChange) => void) => () => void;
      getRendered: () => Promise<RenderedFeed | undefined>;
    } = {
      live: true,
      subscribe: (l: (c: FeedChange) => void) => {
        listeners.push(l);
        return () => {};
      },
      getRendered: () => {
        reads += 1;
        return new Promise<RenderedFeed | undefined>((resolve) => pending.push(resolve));
      },
    };
    return {
      store: store as unknown as FeedStore & { live: boolean },
      change: (c: FeedChange) => listeners.forEach((l) => l(c)),
      resolveNext: (feed: RenderedFeed | undefined) => pending.shift()!(feed),
      reads: () => reads,
    };
  }
  const feed = (feedKey: number, version: number, size = 10): RenderedFeed => ({
    feedKey,
    version,
    body: Buffer.from('x'.repeat(size)),
    etag: `"${feedKey}-${version}"`,
    lastModified: 0,
    lastModifiedShared: false,
  });

  it('does not cache a read that a change overtook', async () => {
    const fake = fakeStore();
    const cache = new FeedCache(fake.store, { maxBytes: 1000 });
    const loading = cache.load('id');
    fake.change({ kind: 'feed', feedKey: 1 });
    fake.resolveNext(feed(1, 1));
    expect((await loading)?.version).toBe(1);
    expect(cache.peek('id')).toBeUndefined();
  });

  it('starts a fresh read for callers arriving after a change', async () => {
    const fake = fakeStore();
    const cache = new FeedCache(fake.store, { maxBytes: 1000 });
    const first = cache.load('id');
    const joined = cache.load('id');
    fake.change({ kind: 'feed', feedKey: 1 });
    const after = cache.load('id');
    expect(fake.reads()).toBe(2);
    fake.resolveNext(feed(1, 1));
    fake.resolveNext(feed(1, 2));
    expect([(await first)?.version, (await joined)?.version, (await after)?.version]).toEqual([
      1, 1, 2,
    ]);
    expect(cache.peek('id')?.version).toBe(2);
  });

  it('caches nothing while the store may be missing notifications', async () => {
    const fake = fakeStore();
    fake.store.live = false;
    const cache = new FeedCache(fake.store, { maxBytes: 1000 });
    const loading = cache.load('id');
    fake.resolveNext(feed(1, 1));
    await loading;
    expect(cache.peek('id')).toBeUndefined();
  });

  it('drops a feed on its change, and everything on a reset', async () => {
    const fake = fakeStore();
    const cache = new FeedCache(fake.store, { maxBytes: 1000 });
    for (const [id, key] of [
      ['a', 1],
      ['b', 2],
    ] as const) {
      const loading = cache.load(id);
      fake.resolveNext(feed(key, 1));
      await loading;
    }
    fake.change({ kind: 'feed', feedKey: 1 });
    expect([cache.peek('a'), cache.peek('b')?.feedKey]).toEqual([undefined, 2]);
    fake.change({ kind: 'all' });
    expect(cache.peek('b')).toBeUndefined();
  });

  it('serves the copy it had when the store fails after notifications were lost', async () => {
    const fake = fakeStore();
    const served: unknown[] = [];
    const cache = new FeedCache(fake.store, {
      maxBytes: 1000,
      onStaleServed: (e) => served.push(e),
    });
    const first = cache.load('a');
    fake.resolveNext(feed(1, 1));
    await first;
    fake.change({ kind: 'all' });
    expect(cache.peek('a')).toBeUndefined();
    const failing = fake.store.getRendered;
    fake.store.getRendered = () => Promise.reject(new Error('database down'));
    expect((await cache.load('a'))?.version).toBe(1);
    expect(served).toHaveLength(1);
    // No copy of another feed: the error is the answer.
    await expect(cache.load('b')).rejects.toThrow('database down');
    // Once the store answers again, the fresh version replaces the copy.
    fake.store.getRendered = failing;
    const fresh = cache.load('a');
    fake.resolveNext(feed(1, 2));
    expect((await fresh)?.version).toBe(2);
    expect(cache.peek('a')?.version).toBe(2);
  });

  it('remembers ids the store does not know, for a while', async () => {
    const fake = fakeStore();
    const clock = makeClock();
    const cache = new FeedCache(fake.store, { maxBytes: 1000, clock, missingTtlMs: 5_000 });
    const loading = cache.load('nope');
    fake.resolveNext(undefined);
    expect(await loading).toBeUndefined();
    expect(cache.isMissing('nope')).toBe(true);
    expect(cache.isMissing('other')).toBe(false);
    clock.advance(5_000);
    expect(cache.isMissing('nope')).toBe(false);
  });

  it('evicts the least recently used feeds beyond its byte budget', async () => {
    const fake = fakeStore();
    const cache = new FeedCache(fake.store, { maxBytes: 25 });
    for (const [id, key] of [
      ['a', 1],
      ['b', 2],
    ] as const) {
      const loading = cache.load(id);
      fake.resolveNext(feed(key, 1));
      await loading;
    }
    cache.peek('a');
    const loading = cache.load('c');
    fake.resolveNext(feed(3, 1));
    await loading;
    expect([cache.peek('a')?.feedKey, cache.peek('b'), cache.peek('c')?.feedKey]).toEqual([
      1,
      undefined,
      3,
    ]);
  });
});
