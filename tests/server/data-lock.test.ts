/**
 * The data directory lock (src/server/data-lock.ts): held by a heartbeat, not a pid, so it holds
 * across PID namespaces (two containers sharing a volume, each server PID 1 of its own).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/server/data-lock';

const root = resolve(__dirname, '../..');
const tempDir = () => join(mkdtempSync(join(tmpdir(), 'ironstride-lock-')), 'data');

describe('lockDataDir', () => {
  it('refuses while the holder beats, and takes over a lock nobody touches', async () => {
    const dir = tempDir();
    const held = await lockDataDir(dir, { heartbeatMs: 50, staleMs: 300 });
    await expect(lockDataDir(dir, { heartbeatMs: 50, staleMs: 300 })).rejects.toThrow(
      DataDirLockedError,
    );
    held.release();
    const again = await lockDataDir(dir, { heartbeatMs: 50, staleMs: 300 });
    again.release();
  });

  it('takes over the lock of a server that died without releasing it', async () => {
    const dir = tempDir();
    // A crashed server's lock, last touched a minute ago (and a live pid, which proves nothing).
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ instance: 'dead', pid: 1, host: 'elsewhere', since: '2027-01-01' }),
    );
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${dir}.lock`, old, old);
    const lock = await lockDataDir(dir, { heartbeatMs: 50, staleMs: 300 });
    expect(readFileSync(`${dir}.lock`, 'utf8')).not.toContain('dead');
    lock.release();
  });

  it('tells the holder when another process took its lock over', async () => {
    const dir = tempDir();
    let lost = false;
    const lock = await lockDataDir(dir, { heartbeatMs: 50, onLost: () => (lost = true) });
    writeFileSync(`${dir}.lock`, JSON.stringify({ instance: 'intruder' }));
    for (let i = 0; i < 100 && !lost; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lost).toBe(true);
    lock.release();
    // Releasing a lock that is not ours any more leaves the new owner's file alone.
    expect(readFileSync(`${dir}.lock`, 'utf8')).toContain('intruder');
  });
});

/** `unshare -pf --mount-proc` needs root (or user namespaces) and util-linux. */
function unshareProblem(): string | undefined {
  const probe = spawnSync('unshare', ['-pf', '--mount-proc', 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  if (probe.status !== 0) return `unshare -pf --mount-proc fails here: ${probe.stderr.trim()}`;
  return undefined;
}

const problem = unshareProblem();
if (problem) console.warn(`[skipped] two servers in separate PID namespaces: ${problem}`);

describe.skipIf(problem !== undefined)('two servers in separate PID namespaces', () => {
  function startInNamespace(dataDir: string) {
    const child = spawn(
      'unshare',
      // --kill-child: the server dies with unshare, so stopping unshare stops it.
      [
        '-pf',
        '--mount-proc',
        '--kill-child=SIGTERM',
        process.execPath,
        '--import',
        'tsx',
        'src/server/main.ts',
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          PORT: '0',
          LOG_LEVEL: 'info',
          IRONSTRIDE_DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const listening = new Promise<string>((done) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        output += `${line}\n`;
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg === 'listening' && entry.url) done(entry.url);
      });
    });
    return { child, exited, listening, output: () => output };
  }

  it('lets only the first open the data directory; the second names it and exits', async () => {
    const dataDir = tempDir();
    const first = startInNamespace(dataDir);
    try {
      const url = await Promise.race([
        first.listening,
        first.exited.then((code) => {
          throw new Error(`first server exited (${code}): ${first.output()}`);
        }),
      ]);
      // Both are PID 1 of their own namespace: a pid in the lock would look like the reader's own.
      const lock = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number };
      expect(lock.pid).toBe(1);
      const second = startInNamespace(dataDir);
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(`${dataDir} is in use by another Ironstride server`);
      // The first one still serves.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      // unshare blocks SIGTERM while it waits for its child; SIGKILL it, and --kill-child
      // passes SIGTERM on to the server.
      first.child.kill('SIGKILL');
      await first.exited;
    }
  }, 180_000);
});
