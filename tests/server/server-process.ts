/**
 * The feed server as a real process (`node --import tsx src/server/main.ts`), for the tests that
 * kill it: start, wait for its "listening" log line, stop with a signal.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(__dirname, '../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
  output(): string;
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'info',
      // Limits are not what these tests are about.
      IRONSTRIDE_CREATE_BURST: '100000',
      IRONSTRIDE_WRITE_BURST: '100000',
      IRONSTRIDE_WRITE_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      // Not left running (holding its data directory) after the test gave up on it.
      child.kill('SIGKILL');
      fail(new Error(`server did not start in 90 s:\n${output}`));
    }, 90_000);
    lines.on('line', (line) => {
      output += `${line}\n`;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) {
        clearTimeout(timer);
        done(entry.url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: async (signal) => {
      child.kill(signal);
      return exited;
    },
    output: () => output,
  };
}
