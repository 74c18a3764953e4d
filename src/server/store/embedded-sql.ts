/**
 * Embedded PostgreSQL (PGlite) behind the same `SqlClient` as a real server, run on a worker
 * thread (`embedded-sql-worker.mjs`). PGlite executes every statement synchronously on the thread
 * that calls it: on the event loop, storing a season stalled every other request by 65–140 ms
 * under load (its JavaScript bytea encoding ~50 ms, the WebAssembly work 10–50 ms, and the
 * garbage collections after both). Here the loop only posts messages.
 *
 * PGlite is one session, so this client keeps PGlite's own rule: one statement or one whole
 * transaction at a time. A worker that stops fails what it held with an error that says so (a
 * write is reported, never silently dropped); with a data directory, the next call starts a new
 * worker on it (PostgreSQL recovers what was committed), and listeners hear `onLost`, then
 * `onRestored`. An in-memory database dies with its worker: every later call fails.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NotificationHandlers, SqlClient, SqlQueryable } from './sql';

/**
 * PostgreSQL's default shared_buffers (128 MB) is sized for a database server; a feed server's
 * working set is a few rows of gzipped feeds. Measured idle RSS after a restart: 366 MB with the
 * default, 245 MB with 16 MB.
 */
const EMBEDDED_CONF = 'shared_buffers=16MB';

/** After a worker failed to start, calls fail fast for this long before another try. */
const RESTART_BACKOFF_MS = 1_000;

/** What the worker (`embedded-sql-worker.mjs`) is started with. */
interface EmbeddedWorkerData {
  mode: 'init' | 'serve';
  /** In memory when undefined. */
  dataDir: string | undefined;
  postgresqlconf: string;
}

type EmbeddedRequest =
  | { id: number; text: string; params: readonly unknown[] }
  | { id: number; listen: string }
  | { id: number; close: true };

type EmbeddedReply =
  | { ready: true }
  | { id: number; rows: unknown[] }
  | { id: number; error: { name: string; message: string; code?: string } }
  | { notify: string; payload: string };

/** The worker: bundled beside `main.js` (`npm run build:server`), or the source file as is. */
function spawnEmbeddedWorker(data: EmbeddedWorkerData): Worker {
  const here = import.meta.url;
  const file = here.endsWith('.ts') ? './embedded-sql-worker.mjs' : './embedded-sql-worker.js';
  return new Worker(new URL(file, here), { workerData: data });
}

/** Runs the worker in 'init' mode to completion: creates a data directory. */
async function initializeDataDir(dataDir: string): Promise<void> {
  const worker = spawnEmbeddedWorker({ mode: 'init', dataDir, postgresqlconf: EMBEDDED_CONF });
  let failure: unknown;
  worker.once('error', (error) => (failure = error));
  const code = await new Promise<number>((resolve) => worker.once('exit', resolve));
  if (failure !== undefined || code !== 0) {
    throw new Error(
      `creating the embedded database in ${dataDir} failed (${failure instanceof Error ? failure.message : `exit code ${code}`})`,
      { cause: failure },
    );
  }
}

export interface EmbeddedSqlOptions {
  /** Each worker started, as it starts: tests stop one the way a crash would. */
  onWorker?: (worker: Worker) => void;
}

/** An error the database raised, rebuilt on this side (with its SQLSTATE as `code`). */
class EmbeddedDatabaseError extends Error {
  code?: string;
  constructor(name: string, message: string, code: string | undefined) {
    super(message);
    this.name = name;
    if (code !== undefined) this.code = code;
  }
}

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
}

/** One worker and what it was asked. */
interface Connection {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<void>;
  /** Set once the worker stopped: everything asked of it after fails with this. */
  dead?: Error;
  closing: boolean;
}

/** Embedded PostgreSQL: one process owns the data directory (in memory when it is undefined). */
export async function openEmbeddedSql(
  dataDir: string | undefined,
  options: EmbeddedSqlOptions = {},
): Promise<SqlClient> {
  if (dataDir !== undefined && !existsSync(join(dataDir, 'PG_VERSION'))) {
    await initializeDataDir(dataDir);
  }
  const where = dataDir === undefined ? 'in memory' : `in ${dataDir}`;
  // Every store on this client that listens, per channel (tests share one database).
  const channels = new Map<string, NotificationHandlers[]>();
  const everyListener = () => [...channels.values()].flat();
  let current: Connection | undefined;
  let started = 0;
  let lostForGood: Error | undefined;
  let failedStart: { at: number; error: Error } | undefined;
  let closed = false;
  let nextId = 1;

  const request = (
    conn: Connection,
    message: { text: string; params: readonly unknown[] } | { listen: string } | { close: true },
  ): Promise<unknown[]> => {
    if (conn.dead) return Promise.reject(conn.dead);
    const id = nextId++;
    return new Promise<unknown[]>((resolve, reject) => {
      conn.pending.set(id, { resolve, reject });
      // Keep the process alive while an answer is owed, not while the database idles.
      if (conn.pending.size === 1) conn.worker.ref();
      conn.worker.postMessage({ id, ...message } as EmbeddedRequest);
    });
  };

  const settle = (conn: Connection, id: number) => {
    const pending = conn.pending.get(id);
    conn.pending.delete(id);
    if (conn.pending.size === 0) conn.worker.unref();
    return pending;
  };

  const connect = (): Connection => {
    const worker = spawnEmbeddedWorker({ mode: 'serve', dataDir, postgresqlconf: EMBEDDED_CONF });
    started++;
    const restarted = started > 1;
    options.onWorker?.(worker);
    let becameReady = () => {};
    let failedBeforeReady: (error: Error) => void = () => {};
    let isReady = false;
    const conn: Connection = {
      worker,
      pending: new Map(),
      closing: false,
      ready: new Promise<void>((resolve, reject) => {
        becameReady = resolve;
        failedBeforeReady = reject;
      }),
    };
    worker.on('message', (reply: EmbeddedReply) => {
      if ('ready' in reply) {
        isReady = true;
        if (conn.pending.size === 0) worker.unref();
        becameReady();
      } else if ('notify' in reply) {
        for (const handlers of channels.get(reply.notify) ?? []) handlers.onNotify(reply.payload);
      } else if ('error' in reply) {
        const { name, message, code } = reply.error;
        settle(conn, reply.id)?.reject(new EmbeddedDatabaseError(name, message, code));
      } else {
        settle(conn, reply.id)?.resolve(reply.rows);
      }
    });
    let cause: unknown;
    worker.on('error', (error) => (cause = error));
    worker.on('exit', (code) => {
      if (current === conn) current = undefined;
      const reason = cause instanceof Error ? cause.message : `exit code ${code}`;
      conn.dead = conn.closing
        ? new Error('the embedded database is closed')
        : isReady
          ? new Error(
              `the embedded database ${where} stopped (${reason}) before answering; ` +
                'a write in progress may not have been saved: try it again',
              { cause },
            )
          : new Error(`the embedded database ${where} could not be opened: ${reason}`, { cause });
      for (const pending of conn.pending.values()) pending.reject(conn.dead);
      conn.pending.clear();
      if (!isReady) {
        failedStart = { at: Date.now(), error: conn.dead };
        failedBeforeReady(conn.dead);
        return;
      }
      if (conn.closing) return;
      if (dataDir === undefined) {
        lostForGood = new Error(
          `the in-memory embedded database was lost when its worker stopped (${reason})`,
          { cause },
        );
      }
      // A write may have committed without its notification: nothing cached can be trusted.
      for (const handlers of everyListener()) handlers.onLost();
    });
    conn.ready = conn.ready.then(async () => {
      for (const channel of channels.keys()) await request(conn, { listen: channel });
      if (restarted) for (const handlers of everyListener()) handlers.onRestored();
    });
    // Awaited by whoever asks next; an unobserved failure must not crash the process.
    conn.ready.catch(() => {});
    return conn;
  };

  const connection = async (): Promise<Connection> => {
    if (lostForGood) throw lostForGood;
    if (!current) {
      if (failedStart && Date.now() - failedStart.at < RESTART_BACKOFF_MS) throw failedStart.error;
      current = connect();
    }
    const conn = current;
    await conn.ready;
    return conn;
  };

  // PGlite's rule, kept across the thread boundary: a statement never lands inside another
  // caller's transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    if (closed) return Promise.reject(new Error('the embedded database is closed'));
    const run = tail.then(fn);
    tail = run.catch(() => {});
    return run;
  };

  const query = <R>(text: string, params: readonly unknown[] = []) =>
    exclusive(async () => ({
      rows: (await request(await connection(), { text, params })) as R[],
    }));

  // Opened now, so a database that cannot be opened fails the start, not the first request.
  await connection();

  return {
    kind: 'embedded',
    query,
    transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) =>
      exclusive(async () => {
        const conn = await connection();
        await request(conn, { text: 'BEGIN', params: [] });
        let open = true;
        // Bound to this worker: after a crash, a statement must fail, not run on the next
        // worker outside any transaction.
        const tx: SqlQueryable = {
          query: async <R>(text: string, params: readonly unknown[] = []) => {
            if (!open) throw new Error('the transaction is over');
            return { rows: (await request(conn, { text, params })) as R[] };
          },
        };
        try {
          const value = await fn(tx);
          await request(conn, { text: 'COMMIT', params: [] });
          return value;
        } catch (error) {
          if (!conn.dead) {
            // A session that can't roll back can't be trusted with the next statement.
            await request(conn, { text: 'ROLLBACK', params: [] }).catch(() =>
              conn.worker.terminate(),
            );
          }
          throw error;
        } finally {
          open = false;
        }
      }),
    listen: (channel, handlers) =>
      exclusive(async () => {
        const conn = await connection();
        if (!channels.has(channel)) await request(conn, { listen: channel });
        channels.set(channel, [...(channels.get(channel) ?? []), handlers]);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      await tail;
      const conn = current;
      current = undefined;
      if (!conn || conn.dead) return;
      conn.closing = true;
      await request(conn, { close: true }).catch(() => {});
      await conn.worker.terminate();
    },
  };
}
