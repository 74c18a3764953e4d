/**
 * Opens the database, builds the app and listens: what `main.ts` and the CLI's `serve` share.
 * Returns a handle whose `close()` shuts down gracefully: stop accepting, let in-flight requests
 * finish (up to a deadline), then close the database.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { DataDirLockedError, lockDataDir } from './data-lock';
import { getRequestListener } from '@hono/node-server';
import { createApp, TOO_LARGE_MESSAGE } from './app';
import { MAX_BODY_BYTES } from './feed-body';
import { FeedCache } from './feed-cache';
import { createFeedFastPath } from './feed-response';
import type { ServerEnv } from './env';
import { capConnectionsPerClient, handleEarlyReplies } from './http-guard';
import { createErrorThrottle, redact } from './logger';
import { createWorkerRenderer, inlineRenderer } from './renderer';
import type { Logger } from './logger';
import { openFeedStore } from './store/feed-store';
import type { FeedStore } from './store/feed-store';
import { openEmbeddedSql, openPostgresSql } from './store/sql';
import type { SqlClient } from './store/sql';

export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** Base of the links it hands out. */
  publicUrl: string;
  /** "embedded database in <dir>" or "PostgreSQL". */
  database: string;
  close(): Promise<void>;
}

export class StartError extends Error {
  override name = 'StartError';
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Opens the store the environment names: PostgreSQL when `databaseUrl` is set, else embedded. */
/**
 * The data directory's real path: through a symlink to the directory it names (so the lock is
 * the same for every path to it), created when missing.
 */
function resolveDataDir(dataDir: string): string {
  const absolute = resolve(dataDir);
  try {
    if (!existsSync(absolute)) mkdirSync(absolute, { recursive: true });
    return realpathSync(absolute);
  } catch (error) {
    throw new StartError(
      `cannot use ${dataDir} as the data directory: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` +
        ' (a symlink must point to an existing directory)',
      { cause: error },
    );
  }
}

export async function openStore(
  env: ServerEnv,
  logger: Logger,
  onLockLost: () => void = () => {},
): Promise<{ store: FeedStore; database: string; release: () => void }> {
  let sql: SqlClient;
  let database: string;
  let release = () => {};
  if (env.databaseUrl) {
    sql = openPostgresSql({
      connectionString: env.databaseUrl,
      onError: (message, error) => logger.warn(message, { error: redact(String(error)) }),
    });
    database = 'PostgreSQL';
  } else {
    const dataDir = resolveDataDir(env.dataDir);
    mkdirSync(dirname(dataDir), { recursive: true });
    try {
      const lock = await lockDataDir(dataDir, {
        onLost: () => {
          logger.error('another server took over the data directory; stopping', {
            dir: env.dataDir,
          });
          onLockLost();
        },
      });
      release = () => lock.release();
    } catch (error) {
      if (error instanceof DataDirLockedError) throw new StartError(error.message);
      throw error;
    }
    try {
      sql = await openEmbeddedSql(dataDir);
    } catch (error) {
      release();
      throw error;
    }
    database = `embedded database in ${env.dataDir}`;
  }
  try {
    const store = await openFeedStore(sql, { refreshMinutes: env.refreshMinutes });
    return { store, database, release };
  } catch (error) {
    await sql.close().catch(() => {});
    release();
    throw error;
  }
}

export interface StartOptions {
  /**
   * Prepare PUT bodies on the event loop instead of the worker thread: only for the bench,
   * which measures what that costs the loop.
   */
  renderInline?: boolean;
}

export async function startServer(
  env: ServerEnv,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  // Losing the lock means another server writes the directory now: stop serving from it at once.
  const lost = { close: () => {} };
  const { store, database, release } = await openStore(env, logger, () => lost.close());
  // The app needs the public URL, which defaults to the bound port (unknown before listening
  // when the port is 0), so requests are handed to it through this indirection.
  const ready: { app?: ReturnType<typeof createApp> } = {};
  const failures = createErrorThrottle(logger);
  const cache = new FeedCache(store, {
    maxBytes: env.cacheBytes,
    onStaleServed: (error) =>
      failures.error('database unavailable; served a stale copy of a feed', {
        error: redact(String(error)),
      }),
  });
  const renderer = options.renderInline ? inlineRenderer : createWorkerRenderer();
  const fastPath = createFeedFastPath(cache, logger);
  const honoListener = getRequestListener(
    (request, bindings) =>
      ready.app ? ready.app.fetch(request, bindings) : new Response(null, { status: 503 }),
    // Hono's own clean-up destroys a connection 500 ms after a reply that left its body unread;
    // http-guard.ts decides instead (drain within the limit, or close after a 413).
    { hostname: env.host, autoCleanupIncoming: false },
  );
  const tooLarge = JSON.stringify({
    error: { code: 'body-too-large', message: TOO_LARGE_MESSAGE, maxBytes: MAX_BODY_BYTES },
  });
  // Cached feed GETs are answered before Hono (see feed-response.ts); everything else is Hono's.
  const server = createServer(
    {
      headersTimeout: env.headersTimeoutMs,
      // Node's whole-request deadline backs up the app's body deadline (read-body.ts).
      requestTimeout: env.headersTimeoutMs + env.bodyTimeoutMs,
      keepAliveTimeout: env.keepAliveTimeoutMs,
      // Deadlines are checked this often (Node's default, 30 s, would blur a 10 s deadline).
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      if (fastPath(req, res)) return;
      if (handleEarlyReplies(req, res, { maxBodyBytes: MAX_BODY_BYTES }, tooLarge)) return;
      void honoListener(req, res);
    },
  );
  capConnectionsPerClient(server, env.maxConnectionsPerClient);
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(env.port, env.host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    await renderer.close();
    await store.close().catch(() => {});
    release();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new StartError(
        `port ${env.port} on ${env.host} is already in use; pick another with --port`,
      );
    if (code === 'EACCES')
      throw new StartError(`not allowed to listen on port ${env.port}; use a port above 1023`);
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${hostForUrl(env.host)}:${port}`;
  const publicUrl = env.publicUrl ?? url;
  ready.app = createApp({
    store,
    logger,
    cache,
    renderer,
    config: {
      publicUrl,
      extensionIds: env.extensionIds,
      trustProxyHops: env.trustProxyHops,
      limits: env.limits,
      cacheBytes: env.cacheBytes,
      bodyTimeoutMs: env.bodyTimeoutMs,
    },
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((done) => {
        const deadline = setTimeout(() => server.closeAllConnections(), env.shutdownTimeoutMs);
        // Keep-alive connections idle between requests would hold close() open.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearTimeout(deadline);
          clearInterval(sweep);
          done();
        });
        server.closeIdleConnections();
      });
      await renderer.close();
      await store.close();
      release();
    })();
    return closing;
  };
  lost.close = () => void close();
  return { url, publicUrl, database, close };
}
