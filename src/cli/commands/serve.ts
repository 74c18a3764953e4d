import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR, parseEnv } from '../../server/env';
import { createJsonLogger, redact } from '../../server/logger';
import { startServer, StartError } from '../../server/start';
import { CliError } from '../errors';
import type { CliIo } from '../io';

export interface ServeFlags {
  port?: string;
  host?: string;
  data?: string;
}

/** Resolves when the process is asked to stop (SIGTERM or SIGINT). */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      done(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}

/**
 * `serve`: the feed server (SPEC §9) in the foreground until SIGTERM/SIGINT. Flags win over the
 * environment (PORT, HOST, IRONSTRIDE_DATA_DIR); DATABASE_URL switches to PostgreSQL.
 */
export async function runServe(
  flags: ServeFlags,
  io: CliIo,
  untilStopped: () => Promise<unknown> = waitForSignal,
): Promise<number> {
  if (flags.port !== undefined && !/^\d{1,5}$/.test(flags.port)) {
    throw new CliError(`--port expects a number from 0 to 65535, got "${flags.port}"`, 2);
  }
  const dataDir = flags.data ?? io.env.IRONSTRIDE_DATA_DIR ?? DEFAULT_DATA_DIR;
  const parsed = parseEnv({
    ...io.env,
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
    IRONSTRIDE_DATA_DIR: resolve(io.cwd, dataDir),
  });
  if (!parsed.ok) throw new CliError(parsed.message.replace(/\bPORT\b/, '--port / PORT'), 2);
  const env = parsed.env;
  const logger = createJsonLogger(env.logLevel, io.stderr);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(env, logger);
  } catch (error) {
    if (error instanceof StartError) throw new CliError(error.message, 1, { cause: error });
    throw new CliError(`cannot start the feed server: ${redact((error as Error).message)}`, 1, {
      cause: error,
    });
  }
  const database = env.databaseUrl
    ? 'PostgreSQL from DATABASE_URL'
    : `embedded database in ${dataDir}`;
  io.stdout(`Ironstride feed server on ${running.url} (${database})\n`);
  if (running.publicUrl !== running.url)
    io.stdout(`Subscribe links start with ${running.publicUrl}\n`);
  await untilStopped();
  io.stdout('Stopping: finishing requests in flight…\n');
  await running.close();
  return 0;
}
