/**
 * The feed server as a process: built (`npm run build:server`) and run with plain node as
 * `node .output/server/main.js` (or from source: `node --import tsx src/server/main.ts`).
 * Settings come from the environment (see `env.ts`); SIGTERM/SIGINT shut it down gracefully.
 * The only file that exits.
 */
import { parseEnv } from './env';
import { createJsonLogger, redact } from './logger';
import { startServer, StartError } from './start';

const parsed = parseEnv(process.env);
if (!parsed.ok) {
  process.stderr.write(`ironstride feed server: ${parsed.message}\n`);
  process.exit(2);
}
const env = parsed.env;
const logger = createJsonLogger(env.logLevel, (line) => process.stdout.write(line));

let running: Awaited<ReturnType<typeof startServer>>;
try {
  running = await startServer(env, logger);
} catch (error) {
  // A StartError is the server's own sentence (a directory, a port): shown as written, since
  // masking id-like runs would hide the very path it names. Anything else may quote a secret.
  const message =
    error instanceof StartError
      ? error.message
      : redact(error instanceof Error ? error.message : String(error));
  process.stderr.write(`ironstride feed server: ${message}\n`);
  process.exit(1);
}
const listening = { url: running.url, publicUrl: running.publicUrl, database: running.database };
logger.info('listening', listening);
// Started by the CLI's `serve` (with an IPC channel): it waits for this, whatever the log level.
process.send?.({ type: 'listening', ...listening });

let stopping = false;
const shutdown = (signal: NodeJS.Signals) => {
  if (stopping) {
    // A second signal: the operator wants out now.
    process.exit(1);
  }
  stopping = true;
  logger.info('shutting down', { signal });
  running.close().then(
    () => {
      logger.info('stopped');
      process.exit(0);
    },
    (error: unknown) => {
      logger.error('shutdown failed', { error: redact(String(error)) });
      process.exit(1);
    },
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
