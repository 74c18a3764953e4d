/**
 * The embedded database runs on a worker thread. When that worker stops (a crash, an
 * out-of-memory kill of the thread), nothing may be lost silently: a write it held fails with an
 * error that says so, what was committed is still there on the next worker, and a write answered
 * 200 is stored. An in-memory database can't come back, so it fails every later call instead of
 * pretending to be empty.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openFeedStore } from '../../src/server/store/feed-store';
import type { FeedChange, FeedStore } from '../../src/server/store/feed-store';
import { openEmbeddedSql } from '../../src/server/store/sql';
import type { SqlClient } from '../../src/server/store/sql';
import { createFeed, makeApp, makeBody, makeSession, put } from './helpers';

const newDataDir = () => join(mkdtempSync(join(tmpdir(), 'ironstride-worker-')), 'data');

/** Stops the worker the way a crash would, and waits until the client has seen it go. */
const crash = (worker: Worker | undefined) => worker?.terminate();

describe('embedded database worker', { timeout: 120_000 }, () => {
  const toClose: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const c of toClose.splice(0).reverse()) await c.close().catch(() => {});
  });

  async function open(dataDir: string | undefined) {
    const workers: Worker[] = [];
    const sql = await openEmbeddedSql(dataDir, { onWorker: (w) => workers.push(w) });
    toClose.push(sql);
    return { sql, workers };
  }

  it('fails a transaction whose worker stopped, keeps what was committed, and starts again', async () => {
    const { sql, workers } = await open(newDataDir());
    await sql.query('CREATE TABLE t (n integer)');
    await sql.query('INSERT INTO t VALUES (1)');

    const write = sql.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (2)');
      await crash(workers.at(-1));
      await tx.query('INSERT INTO t VALUES (3)');
    });
    await expect(write).rejects.toThrow(/stopped .*a write in progress may not have been saved/);

    // The next call starts a new worker on the same directory: 1 was committed, 2 and 3 never.
    const { rows } = await sql.query<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1]);
    expect(workers).toHaveLength(2);
    await sql.transaction(async (tx) => tx.query('INSERT INTO t VALUES (4)'));
    const after = await sql.query<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(after.rows.map((r) => r.n)).toEqual([1, 4]);
  });

  it('a statement of a transaction never runs on the next worker', async () => {
    const { sql, workers } = await open(newDataDir());
    await sql.query('CREATE TABLE t (n integer)');
    let statementAfterCrash: unknown;
    await expect(
      sql.transaction(async (tx) => {
        await crash(workers.at(-1));
        // Without a transaction around it, this would commit on its own on a new worker.
        statementAfterCrash = await tx.query('INSERT INTO t VALUES (1)').catch((e: unknown) => e);
        throw statementAfterCrash;
      }),
    ).rejects.toThrow(/stopped/);
    expect(statementAfterCrash).toBeInstanceOf(Error);
    expect((await sql.query('SELECT n FROM t')).rows).toEqual([]);
  });

  it('answers a PUT whose write was cut off with 500, keeps the version before, and takes the retry', async () => {
    const workers: Worker[] = [];
    const real = await openEmbeddedSql(newDataDir(), { onWorker: (w) => workers.push(w) });
    let crashOnUpdate = false;
    // The real client, with the worker stopped just as the feed's row is about to be updated.
    const sql: SqlClient = {
      ...real,
      transaction: (fn) =>
        real.transaction((tx) =>
          fn({
            query: async (text, params) => {
              if (crashOnUpdate && text.trimStart().startsWith('UPDATE ironstride_feeds')) {
                crashOnUpdate = false;
                await crash(workers.at(-1));
              }
              return tx.query(text, params);
            },
          }),
        ),
    };
    const store = await openFeedStore(sql);
    toClose.push(store);
    const changes: FeedChange[] = [];
    store.subscribe((change) => changes.push(change));
    const app = makeApp(store);
    const { feedId, writeToken } = await createFeed(app);
    expect((await put(app, feedId, writeToken, makeBody([makeSession(1)]))).status).toBe(200);
    const before = await (await app.request(`/feeds/${feedId}.ics`)).text();

    crashOnUpdate = true;
    const cut = await put(app, feedId, writeToken, makeBody([makeSession(1), makeSession(2)]));
    expect(cut.status).toBe(500);
    // Cached copies can't be trusted after a lost worker (its commit may have gone unheard).
    expect(changes).toContainEqual({ kind: 'all' });
    expect(await (await app.request(`/feeds/${feedId}.ics`)).text()).toBe(before);
    expect(store.live).toBe(true);

    const retried = await put(app, feedId, writeToken, makeBody([makeSession(1), makeSession(2)]));
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as { version: number }).version).toBe(2);
    const feed = await (await app.request(`/feeds/${feedId}.ics`)).text();
    expect(feed).toContain('s2027-0002');
  });

  it('a write answered while the worker stops is either reported failed or stored, never lost', async () => {
    const { sql, workers } = await open(newDataDir());
    const store: FeedStore = await openFeedStore(sql);
    const app = makeApp(store);
    const { feedId, writeToken } = await createFeed(app);
    for (let round = 0; round < 3; round++) {
      const body = makeBody([makeSession(round + 1)]);
      const [response] = await Promise.all([
        put(app, feedId, writeToken, body),
        crash(workers.at(-1)),
      ]);
      const feed = await (await app.request(`/feeds/${feedId}.ics`)).text();
      if (response.status === 200)
        expect(feed).toContain(`s2027-${String(round + 1).padStart(4, '0')}`);
      else expect(response.status).toBe(500);
    }
  });

  it('an in-memory database lost with its worker fails every later call instead of coming back empty', async () => {
    const { sql, workers } = await open(undefined);
    await sql.query('CREATE TABLE t (n integer)');
    await crash(workers.at(-1));
    await expect(sql.query('SELECT n FROM t')).rejects.toThrow(
      /in-memory embedded database was lost/,
    );
    expect(workers).toHaveLength(1);
  });

  it('reports an error the database raised with its SQLSTATE', async () => {
    const { sql } = await open(undefined);
    await expect(sql.query('SELECT * FROM missing_table')).rejects.toMatchObject({
      code: '42P01',
      message: expect.stringMatching(/missing_table/),
    });
  });

  it('refuses calls once closed', async () => {
    const { sql } = await open(undefined);
    await sql.close();
    await expect(sql.query('SELECT 1')).rejects.toThrow(/closed/);
  });
});
