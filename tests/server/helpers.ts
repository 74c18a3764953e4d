/**
 * Shared by the feed server tests: deterministic sessions and bodies, a fixed clock, stores on
 * the embedded database or on PostgreSQL (one private schema per test file, so files can run in
 * parallel on one database), and the rule for when the PostgreSQL suites may be skipped.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { AppConfig } from '../../src/server/app';
import { createJsonLogger } from '../../src/server/logger';
import type { Logger } from '../../src/server/logger';
import { openFeedStore } from '../../src/server/store/feed-store';
import type { FeedStore, FeedStoreOptions } from '../../src/server/store/feed-store';
import { openEmbeddedSql, openPostgresSql } from '../../src/server/store/sql';

/** 2027-03-01 12:00 UTC, a Monday. */
export const NOW = Date.UTC(2027, 2, 1, 12);

export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function makeClock(start = NOW): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (ms) => (now += ms);
  clock.set = (ms) => (now = ms);
  return clock;
}

export interface SessionJson {
  id: string;
  start: string;
  end: string;
  title: string;
  load: 'heavy' | 'moderate' | 'light';
  reasons: string[];
  exercises: {
    name: string;
    sets: number;
    reps?: number | string;
    seconds?: number;
    restSeconds: number;
    cue: string;
  }[];
  description: string;
}

/** Session `i` as `plan --format json` prints it: day i after 2027-03-02, 17:30–18:10 London. */
export function makeSession(i: number, overrides: Partial<SessionJson> = {}): SessionJson {
  const day = new Date(Date.UTC(2027, 2, 2 + i, 17, 30));
  const start = day.toISOString().replace('.000Z', '+00:00');
  const end = new Date(day.getTime() + 40 * 60_000).toISOString().replace('.000Z', '+00:00');
  return {
    id: `s2027-${String(i).padStart(4, '0')}`,
    start,
    end,
    title: `Strength · session ${i}`,
    load: 'moderate',
    reasons: ['Tuesday: same day as your intervals, 9 h after'],
    exercises: [{ name: 'Goblet squat', sets: 3, reps: '6-8', restSeconds: 90, cue: 'Chest up' }],
    description: `1. Goblet squat — 3 × 6–8, rest 90 s — Chest up\n\nPlanned by Ironstride — session ${i}.`,
    ...overrides,
  };
}

export function makeBody(
  sessions: SessionJson[],
  overrides: { name?: string; timezone?: string } = {},
) {
  return { name: 'Strength · Ironstride', timezone: 'Europe/London', sessions, ...overrides };
}

export const TEST_CONFIG: AppConfig = {
  publicUrl: 'https://feeds.example.test',
  extensionIds: [],
  trustProxyHops: 0,
  limits: {
    create: { burst: 1000, perMinute: 1000 },
    write: { burst: 1000, perMinute: 1000 },
    authFailures: { burst: 1000, perMinute: 1000 },
  },
  cacheBytes: 16 * 1024 * 1024,
  bodyTimeoutMs: 30_000,
};

/** A logger that keeps every line, to check what reaches the logs. */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createJsonLogger('debug', (line) => lines.push(line)), lines };
}

export function makeApp(
  store: FeedStore,
  options: { clock?: () => number; config?: Partial<AppConfig>; logger?: Logger } = {},
) {
  return createApp({
    store,
    clock: options.clock ?? makeClock(),
    config: { ...TEST_CONFIG, ...options.config },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

export type TestApp = ReturnType<typeof makeApp>;

/** What creating a feed must send (browsers can't send it cross-site without a preflight). */
export const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

/** Creates a feed through the API. */
export async function createFeed(
  app: TestApp,
): Promise<{ feedId: string; writeToken: string; subscribeUrl: string; webcalUrl: string }> {
  const res = await app.request('/api/feeds', { method: 'POST', headers: JSON_TYPE });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return res.json();
}

export function put(app: TestApp, feedId: string, token: string | undefined, body: unknown) {
  return app.request(`/api/feeds/${feedId}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// --- stores --------------------------------------------------------------------------------

export type StoreKind = 'embedded' | 'postgres';

export const DATABASE_URL = process.env.DATABASE_URL;

/**
 * `describe` for suites that need PostgreSQL. Without DATABASE_URL they are skipped locally
 * (with a note), but in CI (CI set) the suite fails: CI must prove both stores work.
 */
export function describePostgres(name: string, fn: () => void): void {
  if (DATABASE_URL) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      it('runs against PostgreSQL in CI', () => {
        throw new Error(
          'DATABASE_URL is not set, but CI must run the PostgreSQL tests (.ci/run starts PostgreSQL and sets it)',
        );
      });
    });
    return;
  }
  console.warn(
    `[skipped] ${name}: set DATABASE_URL (e.g. postgres://ironstride:ironstride@127.0.0.1:5432/ironstride_test) to run it`,
  );
  describe.skip(name, fn);
}

/** A private schema on the test database; the URL selects it through `search_path`. */
export async function createPgSchema(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const schema = `ironstride_t_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface TestStores {
  /** A new store on the same database (a second server instance, for PostgreSQL). */
  open(options?: FeedStoreOptions): Promise<FeedStore>;
  /** Empties the feeds table between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stores for one test file. Embedded: one in-memory PGlite shared by every store (one process
 * owns an embedded database). PostgreSQL: a private schema, one pool per store.
 */
export async function openTestStores(kind: StoreKind, label: string): Promise<TestStores> {
  const opened: FeedStore[] = [];
  if (kind === 'embedded') {
    const sql = await openEmbeddedSql(undefined);
    const shared = { ...sql, close: async () => {} };
    return {
      async open(options) {
        const store = await openFeedStore(shared, options);
        opened.push(store);
        return store;
      },
      reset: async () => void (await sql.query('TRUNCATE ironstride_feeds')),
      close: () => sql.close(),
    };
  }
  const schema = await createPgSchema(label);
  return {
    async open(options) {
      const store = await openFeedStore(
        openPostgresSql({ connectionString: schema.url, max: 4 }),
        options,
      );
      opened.push(store);
      return store;
    },
    async reset() {
      const sql = openPostgresSql({ connectionString: schema.url, max: 1 });
      await sql.query('TRUNCATE ironstride_feeds');
      await sql.close();
    },
    async close() {
      await Promise.all(opened.map((s) => s.close()));
      await schema.drop();
    },
  };
}
