import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR, parseEnv } from '../../server/env';
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

interface Listening {
  type: 'listening';
  url: string;
  publicUrl: string;
}

/**
 * `serve`: the feed server (SPEC §9) in the foreground until SIGTERM/SIGINT. Flags win over the
 * environment (PORT, HOST, IRONSTRIDE_DATA_DIR); DATABASE_URL switches to PostgreSQL.
 *
 * The server runs as its own process from the built JavaScript (`.output/server/main.js`, built
 * here first when missing or older than its sources), under plain node: the CLI itself runs
 * through tsx, and a server started in this process would carry the TypeScript loader.
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
  const serverEnv = {
    ...io.env,
    ...(flags.port !== undefined ? { PORT: flags.port } : {}),
    ...(flags.host !== undefined ? { HOST: flags.host } : {}),
    IRONSTRIDE_DATA_DIR: resolve(io.cwd, dataDir),
  };
  // Checked here too, so a bad flag is one line from the CLI rather than from the server.
  const parsed = parseEnv(serverEnv);
  if (!parsed.ok) throw new CliError(parsed.message.replace(/\bPORT\b/, '--port / PORT'), 2);

  const { ensureServerBuilt } = await import('../../server/build');
  let entry: string;
  try {
    entry = await ensureServerBuilt();
  } catch (error) {
    throw new CliError((error as Error).message, 1, { cause: error });
  }
  const child = spawn(process.execPath, [entry], {
    cwd: io.cwd,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  // The server's JSON log lines go where this command's diagnostics go.
  child.stdout?.on('data', (chunk: Buffer) => io.stderr(chunk.toString()));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number>((done) => child.once('exit', (code) => done(code ?? 1)));
  const started = await Promise.race([
    new Promise<Listening>((done) =>
      child.on('message', (message: Listening) => {
        if (message?.type === 'listening') done(message);
      }),
    ),
    exited.then(() => undefined),
  ]);
  if (!started) {
    const reason = errors.trim().replace(/^ironstride feed server: /, '');
    throw new CliError(reason || 'the feed server stopped before it listened', 1);
  }
  const database = parsed.env.databaseUrl
    ? 'PostgreSQL from DATABASE_URL'
    : `embedded database in ${dataDir}`;
  io.stdout(`Ironstride feed server on ${started.url} (${database})\n`);
  if (started.publicUrl !== started.url)
    io.stdout(`Subscribe links start with ${started.publicUrl}\n`);
  const stoppedFirst = await Promise.race([
    untilStopped().then(() => true),
    exited.then(() => false),
  ]);
  if (!stoppedFirst) {
    io.stderr(errors);
    return 1;
  }
  io.stdout('Stopping: finishing requests in flight…\n');
  child.kill('SIGTERM');
  return (await exited) === 0 ? 0 : 1;
}
