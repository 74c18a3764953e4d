/**
 * Opens the database, builds the app and listens: what `main.ts` and the CLI's `serve` share.
 * Returns a handle whose `close()` shuts down gracefully: stop accepting, let in-flight requests
 * finish (up to a deadline), then close the database.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { FeedCache } from './feed-cache';
import { createFeedFastPath } from './feed-response';
import type { ServerEnv } from './env';
import { redact } from './logger';
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

/**
 * One embedded database, one process: PGlite has no lock of its own, and two processes writing
 * one data directory would corrupt it. A lock file next to it holds the owner's pid; a lock left
 * by a process that no longer exists (killed) is taken over.
 */
function lockDataDir(dataDir: string, pid: number): () => void {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== pid && isAlive(owner)) {
        throw new StartError(
          `${dataDir} is in use by another Ironstride server (pid ${owner}); stop it or choose another --data directory`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new StartError(`cannot lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Opens the store the environment names: PostgreSQL when `databaseUrl` is set, else embedded. */
export async function openStore(
  env: ServerEnv,
  logger: Logger,
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
    const dataDir = resolve(env.dataDir);
    release = lockDataDir(dataDir, process.pid);
    try {
      mkdirSync(dataDir, { recursive: true });
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

export async function startServer(env: ServerEnv, logger: Logger): Promise<RunningServer> {
  const { store, database, release } = await openStore(env, logger);
  // The app needs the public URL, which defaults to the bound port (unknown before listening
  // when the port is 0), so requests are handed to it through this indirection.
  const ready: { app?: ReturnType<typeof createApp> } = {};
  const cache = new FeedCache(store, { maxBytes: env.cacheBytes });
  const fastPath = createFeedFastPath(cache, logger);
  const honoListener = getRequestListener(
    (request, bindings) =>
      ready.app ? ready.app.fetch(request, bindings) : new Response(null, { status: 503 }),
    { hostname: env.host },
  );
  // Cached feed GETs are answered before Hono (see feed-response.ts); everything else is Hono's.
  const server = createServer((req, res) => {
    if (!fastPath(req, res)) void honoListener(req, res);
  });
  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(env.port, env.host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
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
    config: {
      publicUrl,
      extensionIds: env.extensionIds,
      trustProxyHops: env.trustProxyHops,
      limits: env.limits,
      cacheBytes: env.cacheBytes,
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
      await store.close();
      release();
    })();
    return closing;
  };
  return { url, publicUrl, database, close };
}
