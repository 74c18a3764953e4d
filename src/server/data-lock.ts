/**
 * One server per embedded data directory. PGlite has no lock of its own, and two processes
 * writing one directory lose writes (issue: two containers sharing a volume both opened it).
 *
 * A process id can't tell: each container's server may be PID 1 of its own namespace, and a
 * stale-looking PID can be alive elsewhere. So the lock file `<dir>.lock` names a random instance
 * id, and its owner proves it is alive by touching the file every second from a worker thread
 * (which keeps beating while the event loop is busy, e.g. while PGlite starts). Another server
 * finding the lock watches it: a lock that stays untouched for `staleMs` is taken over, one that
 * moves means a live owner, and the newcomer refuses. The owner checks the file at every beat and
 * hears at once if it was taken over (a process frozen past `staleMs`): it must stop writing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataLock {
  readonly lockFile: string;
  release(): void;
}

export interface LockOptions {
  /** How often the owner touches the lock. */
  heartbeatMs?: number;
  /** A lock untouched this long is abandoned. */
  staleMs?: number;
  /** Called once if another process took the lock over: stop using the directory. */
  onLost?: () => void;
}

interface LockOwner {
  instance: string;
  pid: number;
  host: string;
  since: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readOwner(lockFile: string): { owner?: LockOwner; mtimeMs: number } | undefined {
  try {
    const mtimeMs = statSync(lockFile).mtimeMs;
    try {
      return { owner: JSON.parse(readFileSync(lockFile, 'utf8')) as LockOwner, mtimeMs };
    } catch {
      // Being written, or written by an older server (a bare pid): judged by its age alone.
      return { mtimeMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const describeOwner = (owner: LockOwner | undefined) =>
  owner ? `pid ${owner.pid} on ${owner.host}, running since ${owner.since}` : 'an unknown process';

/** The heartbeat, as a worker thread of plain JavaScript (no loader needed). */
const HEARTBEAT = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, utimesSync } = require('node:fs');
const { lockFile, instance, heartbeatMs } = workerData;
setInterval(() => {
  let text = '';
  try { text = readFileSync(lockFile, 'utf8'); } catch {}
  if (!text.includes(instance)) { parentPort.postMessage('lost'); process.exit(0); }
  const now = new Date();
  try { utimesSync(lockFile, now, now); } catch {}
}, heartbeatMs);
`;

/**
 * Takes the lock for `dataDir` (an absolute path), waiting up to `staleMs` to tell a crashed
 * owner from a live one. Throws {@link DataDirLockedError} naming the directory when another
 * server holds it.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataLock> {
  const { heartbeatMs = 1_000, staleMs = 5_000, onLost = () => {} } = options;
  const lockFile = `${dataDir}.lock`;
  const me: LockOwner = {
    instance: randomBytes(16).toString('hex'),
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(lockFile, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o644 });
      return holdLock(lockFile, me, heartbeatMs, onLost);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = readOwner(lockFile);
    if (!seen) continue;
    const age = Date.now() - seen.mtimeMs;
    if (age < staleMs) {
      // Touched lately: wait until it would be stale, and see whether its owner touched it again.
      await sleep(staleMs - age + heartbeatMs);
      const again = readOwner(lockFile);
      if (!again) continue;
      if (again.mtimeMs !== seen.mtimeMs || again.owner?.instance !== seen.owner?.instance) {
        throw new DataDirLockedError(
          `${dataDir} is in use by another Ironstride server (${describeOwner(again.owner)}); ` +
            'stop it, or start this one with another --data directory',
        );
      }
    }
    // Abandoned: move it aside (atomic), and make sure what was moved is what was judged stale.
    const aside = `${lockFile}.stale-${me.instance}`;
    try {
      renameSync(lockFile, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readOwner(aside);
    if (moved?.owner?.instance !== seen.owner?.instance) {
      // Another newcomer's fresh lock was moved: give it back and look again.
      try {
        renameSync(aside, lockFile);
      } catch {
        rmSync(aside, { force: true });
      }
      continue;
    }
    rmSync(aside, { force: true });
  }
  throw new DataDirLockedError(`cannot lock ${dataDir}: its lock file keeps changing hands`);
}

function holdLock(
  lockFile: string,
  me: LockOwner,
  heartbeatMs: number,
  onLost: () => void,
): DataLock {
  const heartbeat = new Worker(HEARTBEAT, {
    eval: true,
    workerData: { lockFile, instance: me.instance, heartbeatMs },
  });
  heartbeat.unref();
  let released = false;
  heartbeat.on('message', () => {
    if (!released) onLost();
  });
  heartbeat.on('error', () => {});
  return {
    lockFile,
    release() {
      if (released) return;
      released = true;
      void heartbeat.terminate();
      try {
        if (readFileSync(lockFile, 'utf8').includes(me.instance)) rmSync(lockFile, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}
