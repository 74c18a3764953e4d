/**
 * The one SQL surface the feed store needs, over two drivers: embedded PGlite (PostgreSQL in
 * WASM, files under a data directory, on a worker thread: embedded-sql.ts) and node-postgres for
 * a real server. The store writes one dialect (PostgreSQL 15+ features only: PGlite is newer,
 * Debian 12's server is 15).
 */
import pg from 'pg';

export interface SqlQueryable {
  query<R>(text: string, params?: readonly unknown[]): Promise<{ rows: R[] }>;
}

/** How the store hears about other writers' changes (PostgreSQL LISTEN/NOTIFY). */
export interface NotificationHandlers {
  onNotify: (payload: string) => void;
  /** Notifications may have been missed (connection lost): forget everything cached. */
  onLost: () => void;
  /** Listening again after a loss. */
  onRestored: () => void;
}

export interface SqlClient extends SqlQueryable {
  readonly kind: 'embedded' | 'postgres';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTEN on `channel`; resolves once listening. */
  listen(channel: string, handlers: NotificationHandlers): Promise<void>;
  close(): Promise<void>;
}

export { openEmbeddedSql } from './embedded-sql';

export interface PostgresOptions {
  connectionString: string;
  /** Pool size per instance. */
  max?: number;
  /** How often the LISTEN connection is checked, so a silently dead one is noticed. */
  heartbeatMs?: number;
  /** Reports a lost LISTEN connection or an idle pool client's error (never with credentials). */
  onError?: (message: string, error: unknown) => void;
}

const CONNECT_TIMEOUT_MS = 5_000;

/** A real PostgreSQL server: a pool for queries, one dedicated connection for LISTEN. */
export function openPostgresSql(options: PostgresOptions): SqlClient {
  const { connectionString, heartbeatMs = 10_000, onError = () => {} } = options;
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle client losing its connection emits on the pool; without a listener Node would crash.
  pool.on('error', (error) => onError('idle database connection failed', error));

  let closed = false;
  const listeners: { stop: () => Promise<void> }[] = [];

  return {
    kind: 'postgres',
    async query<R>(text: string, params: readonly unknown[] = []) {
      const result = await pool.query(text, [...params]);
      return { rows: result.rows as R[] };
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await fn({
          query: async <R>(text: string, params: readonly unknown[] = []) => ({
            rows: (await client.query(text, [...params])).rows as R[],
          }),
        });
        await client.query('COMMIT');
        return value;
      } catch (error) {
        // A connection that can't even roll back is destroyed rather than handed to the next caller.
        broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async listen(channel, handlers) {
      const listener = listenForever({
        connectionString,
        channel,
        handlers,
        heartbeatMs,
        onError,
        isClosed: () => closed,
      });
      listeners.push(listener);
      await listener.ready;
    },
    async close() {
      closed = true;
      await Promise.all(listeners.splice(0).map((l) => l.stop()));
      await pool.end();
    },
  };
}

interface ListenForeverOptions {
  connectionString: string;
  channel: string;
  handlers: NotificationHandlers;
  heartbeatMs: number;
  onError: (message: string, error: unknown) => void;
  isClosed: () => boolean;
}

/**
 * Keeps one connection LISTENing. When it fails (or a heartbeat query does not come back), the
 * store is told notifications may have been missed, and it reconnects with backoff; only once
 * LISTEN succeeds again is caching allowed again (`onRestored`).
 */
function listenForever(options: ListenForeverOptions): {
  ready: Promise<void>;
  stop: () => Promise<void>;
} {
  const { connectionString, channel, handlers, heartbeatMs, onError, isClosed } = options;
  let client: pg.Client | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = 100;
  let live = false;

  const drop = (dead: pg.Client) => {
    dead.removeAllListeners();
    dead.on('error', () => {});
    void dead.end().catch(() => {});
  };

  const lost = (failed: pg.Client, error: unknown) => {
    if (client !== failed) return;
    client = undefined;
    clearInterval(heartbeat);
    drop(failed);
    if (live) {
      live = false;
      handlers.onLost();
    }
    if (isClosed()) return;
    onError(
      'database notification connection lost; feeds are read from the database until it is back',
      error,
    );
    retry = setTimeout(() => {
      if (!isClosed()) void connect().catch(() => {});
    }, delay);
    retry.unref();
    delay = Math.min(delay * 2, 5_000);
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    client = next;
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, new Error('connection ended')));
    next.on('notification', (message) => handlers.onNotify(message.payload ?? ''));
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      lost(next, error);
      throw error;
    }
    if (client !== next) return;
    delay = 100;
    // Anything cached before this moment may have missed a notification.
    handlers.onRestored();
    live = true;
    heartbeat = setInterval(() => {
      const timer = setTimeout(
        () => lost(next, new Error('heartbeat timed out')),
        CONNECT_TIMEOUT_MS,
      );
      next.query('SELECT 1').then(
        () => clearTimeout(timer),
        (error: unknown) => {
          clearTimeout(timer);
          lost(next, error);
        },
      );
    }, heartbeatMs);
    heartbeat.unref();
  };

  return {
    ready: connect(),
    async stop() {
      clearTimeout(retry);
      clearInterval(heartbeat);
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => {});
        await current.end().catch(() => {});
      }
    },
  };
}
