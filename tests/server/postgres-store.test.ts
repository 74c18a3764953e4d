import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/server/store/migrations';
import { openFeedStore } from '../../src/server/store/feed-store';
import type { FeedStore } from '../../src/server/store/feed-store';
import { openPostgresSql } from '../../src/server/store/sql';
import { describeFeedApi, parseWithIcalJs } from './feed-api-contract';
import {
  createFeed,
  createPgSchema,
  describePostgres,
  makeApp,
  makeBody,
  makeSession,
  openTestStores,
  put,
} from './helpers';
import type { TestApp, TestStores } from './helpers';

/** Polls until `done` holds; returns how long that took. Fails after `limitMs`. */
async function waitFor(check: () => Promise<boolean>, limitMs = 2_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
  return performance.now() - started;
}

describePostgres('PostgreSQL store', () => {
  describeFeedApi('postgres');

  describe('two instances on one database', () => {
    let stores: TestStores;
    let a: TestApp;
    let b: TestApp;
    let storeB: FeedStore;

    beforeAll(async () => {
      stores = await openTestStores('postgres', 'multi');
      a = makeApp(await stores.open());
      storeB = await stores.open();
      b = makeApp(storeB);
    });
    afterAll(async () => {
      await stores.close();
    });

    const etagOn = async (app: TestApp, feedId: string) =>
      (await app.request(`/feeds/${feedId}.ics`)).headers.get('etag');

    it('serves a PUT made through A from B right after, though B had the feed cached', async () => {
      const { feedId, writeToken } = await createFeed(a);
      await put(a, feedId, writeToken, makeBody([makeSession(1)]));
      const first = await etagOn(b, feedId);
      expect(first).toBeTruthy();

      const res = await put(a, feedId, writeToken, makeBody([makeSession(1), makeSession(2)]));
      const { etag } = await res.json();
      // NOTIFY reaches B within milliseconds of A's commit; GETs never wait for a TTL.
      const waited = await waitFor(async () => (await etagOn(b, feedId)) === etag, 1_000);
      expect(waited).toBeLessThan(1_000);
      for (let i = 0; i < 5; i++) expect(await etagOn(b, feedId)).toBe(etag);
      expect(parseWithIcalJs(await (await b.request(`/feeds/${feedId}.ics`)).text())).toHaveLength(
        2,
      );
    });

    it('makes a URL rotated through A answer 404 on B', async () => {
      const { feedId, writeToken } = await createFeed(a);
      expect((await b.request(`/feeds/${feedId}.ics`)).status).toBe(200);
      const rotated = await (
        await a.request(`/api/feeds/${feedId}/rotate`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${writeToken}` },
        })
      ).json();
      await waitFor(async () => (await b.request(`/feeds/${feedId}.ics`)).status === 404, 1_000);
      expect((await b.request(`/feeds/${rotated.feedId}.ics`)).status).toBe(200);
    });

    it('makes a feed deleted through A answer 404 on B', async () => {
      const { feedId, writeToken } = await createFeed(a);
      expect((await b.request(`/feeds/${feedId}.ics`)).status).toBe(200);
      await a.request(`/api/feeds/${feedId}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${writeToken}` },
      });
      await waitFor(async () => (await b.request(`/feeds/${feedId}.ics`)).status === 404, 1_000);
    });

    it('loses no write when both instances replace one feed at once', async () => {
      const { feedId, writeToken } = await createFeed(a);
      const bodies = Array.from({ length: 8 }, (_, v) =>
        makeBody([1, 2, 3].map((i) => makeSession(i, { title: `v${v} session ${i}` }))),
      );
      const results = await Promise.all(
        bodies.map((body, v) => put(v % 2 ? a : b, feedId, writeToken, body)),
      );
      const versions = await Promise.all(
        results.map(async (r) => (await r.json()).version as number),
      );
      expect(versions.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const titles = parseWithIcalJs(await (await a.request(`/feeds/${feedId}.ics`)).text()).map(
        (e) => e.summary,
      );
      const marker = titles[0]!.split(' ')[0];
      expect(titles).toEqual([1, 2, 3].map((i) => `${marker} session ${i}`));
    });

    it('stops caching while its notification connection is down, and resumes after', async () => {
      const { feedId, writeToken } = await createFeed(a);
      await etagOn(b, feedId);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      try {
        // The LISTEN connections of this suite's schema (its name is their application_name).
        const { rows } = await admin.query<{ application_name: string }>(
          "SELECT application_name FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND application_name LIKE 'ironstride_t_multi_%'",
        );
        expect(rows.length).toBeGreaterThan(0);
        await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND application_name LIKE 'ironstride_t_multi_%'",
        );
      } finally {
        await admin.end();
      }
      await waitFor(async () => !storeB.live, 2_000);
      const { etag } = await (await put(a, feedId, writeToken, makeBody([makeSession(3)]))).json();
      // Whether B is still reconnecting or back, it must not serve the old version.
      await waitFor(async () => (await etagOn(b, feedId)) === etag, 1_000);
      await waitFor(async () => storeB.live, 5_000);
      const { etag: next } = await (
        await put(a, feedId, writeToken, makeBody([makeSession(4)]))
      ).json();
      await waitFor(async () => (await etagOn(b, feedId)) === next, 1_000);
    });
  });

  describe('migrations', () => {
    it('run once when two instances start together on an empty database', async () => {
      const schema = await createPgSchema('migrate');
      try {
        const opened = await Promise.all(
          [0, 1, 2].map(() =>
            openFeedStore(openPostgresSql({ connectionString: schema.url, max: 2 })),
          ),
        );
        const sql = openPostgresSql({ connectionString: schema.url, max: 1 });
        const { rows } = await sql.query<{ version: number }>(
          'SELECT version FROM ironstride_migrations',
        );
        expect(rows.map((r) => r.version).sort()).toEqual(MIGRATIONS.map((m) => m.version));
        await sql.close();
        await Promise.all(opened.map((s) => s.close()));
      } finally {
        await schema.drop();
      }
    });

    it('refuse a database newer than the server', async () => {
      const schema = await createPgSchema('newer');
      try {
        const sql = openPostgresSql({ connectionString: schema.url, max: 1 });
        await (await openFeedStore(sql)).close();
        const again = openPostgresSql({ connectionString: schema.url, max: 1 });
        await again.query(
          "INSERT INTO ironstride_migrations (version, name) VALUES (99, 'future')",
        );
        await expect(openFeedStore(again)).rejects.toThrow(/newer than this server knows/);
        await again.close();
      } finally {
        await schema.drop();
      }
    });
  });
});
