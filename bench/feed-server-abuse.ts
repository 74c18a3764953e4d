/**
 * The feed server under the loads issue 16 measured, printed (never asserted):
 * - the longest event-loop stall while a 1000-session season is stored (perf_hooks'
 *   monitorEventLoopDelay plus a 5 ms timer-drift probe, in the server's own process), against
 *   the same PUT prepared on the event loop, as the server did before;
 * - GET req/s at 50 connections alone, and under a flood of wrong-token PUTs (222 KB bodies to
 *   random well-formed ids, from 8 connections), and their ratio;
 * - idle RSS of the built server on the embedded database (first start, restart) and on
 *   PostgreSQL (DATABASE_URL, when set).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { formatInstant } from '../src/core/time';
import { buildServer } from '../src/server/build';
import { parseEnv } from '../src/server/env';
import { silentLogger } from '../src/server/logger';
import { startServer } from '../src/server/start';
import { median } from './measure';

const ROOT = resolve(import.meta.dirname, '..');
const JSON_TYPE = { 'Content-Type': 'application/json' } as const;

/** The committed 1000-session fixture, its dates moved so that they centre on `now`. */
function seasonBody(now: number): string {
  const fixture = JSON.parse(
    readFileSync(join(ROOT, 'tests/fixtures/feed/season-1000.json'), 'utf8'),
  ) as {
    timezone: string;
    sessions: { start: string; end: string; alternatives: { start: string; end: string }[] }[];
  };
  // The fixture centres on 2027-03-01; whole weeks keep weekdays and times.
  const week = 7 * 86_400_000;
  const by = Math.round((now - Date.UTC(2027, 2, 1, 12)) / week) * week;
  const move = (iso: string) => formatInstant(Date.parse(iso) + by, fixture.timezone);
  for (const s of fixture.sessions) {
    s.start = move(s.start);
    s.end = move(s.end);
    for (const a of s.alternatives) {
      a.start = move(a.start);
      a.end = move(a.end);
    }
  }
  return JSON.stringify(fixture);
}

interface Stall {
  /** Longest event-loop delay seen by the histogram, ms. */
  histogramMaxMs: number;
  /** Longest lateness of a 5 ms interval timer, ms. */
  driftMaxMs: number;
  putMs: number;
  status: number;
}

/** Stores the season on an in-process server and watches this process's event loop meanwhile. */
async function stallWhileStoring(renderInline: boolean, body: string, dir: string): Promise<Stall> {
  const parsed = parseEnv({
    PORT: '0',
    IRONSTRIDE_DATA_DIR: join(dir, renderInline ? 'inline' : 'worker'),
    LOG_LEVEL: 'silent',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const server = await startServer(parsed.env, silentLogger, renderInline ? { renderInline } : {});
  try {
    const created = (await (
      await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
    ).json()) as { feedId: string; writeToken: string };
    const file = join(dir, 'season.json');
    writeFileSync(file, body);
    const put = (done: (status: number) => void) => {
      // curl sends it: the client's own work stays out of the loop being measured.
      const curl = spawn('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-X',
        'PUT',
        '-H',
        `Authorization: Bearer ${created.writeToken}`,
        '-H',
        'Content-Type: application/json',
        '--data-binary',
        `@${file}`,
        `${server.url}/api/feeds/${created.feedId}`,
      ]);
      let out = '';
      curl.stdout.on('data', (c: Buffer) => (out += c.toString()));
      curl.on('exit', () => done(Number(out)));
    };
    // Warm-up: the worker starts, the code paths compile.
    await new Promise<number>((r) => put(r));
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    let driftMax = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      driftMax = Math.max(driftMax, now - last - 5);
      last = now;
    }, 5);
    // Watched from just after curl is spawned: spawn() blocks this thread for tens of ms on a
    // busy machine (client work, not the server's), and the server can't run meanwhile anyway.
    const started = performance.now();
    const sent = new Promise<number>((r) => put(r));
    histogram.enable();
    last = performance.now();
    const status = await sent;
    const putMs = performance.now() - started;
    histogram.disable();
    clearInterval(probe);
    return { histogramMaxMs: histogram.max / 1e6, driftMaxMs: driftMax, putMs, status };
  } finally {
    await server.close();
  }
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

async function startBuilt(
  entry: string,
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  // The server says where it listens over IPC, whatever its log level.
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((done, fail) => {
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type === 'listening' && message.url) done(message.url);
    });
    child.once('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
  return { url, child };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

async function idleRss(entry: string, env: Record<string, string>): Promise<number> {
  const server = await startBuilt(entry, env);
  try {
    // Idle: a create and a GET, then quiet for 3 s.
    const created = (await (
      await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
    ).json()) as { subscribeUrl: string };
    await fetch(created.subscribeUrl);
    await new Promise((r) => setTimeout(r, 3_000));
    return rssOf(server.child.pid!);
  } finally {
    await stop(server.child);
  }
}

/**
 * The flood the issue measured: wrong-token PUTs of 222 KB to random well-formed ids, 56 a
 * second, over up to 8 keep-alive connections, until stopped. (Unpaced, one more process on a
 * 2-core machine measures how the cores are shared rather than the server.)
 */
const FLOOD_PER_SECOND = 56;

function flood(url: string): { stop: () => Promise<number> } {
  const script = `
    const http = require('node:http');
    const crypto = require('node:crypto');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const body = Buffer.alloc(222 * 1024, 0x20);
    const target = new URL(${JSON.stringify(url)});
    let sent = 0, running = true;
    process.on('SIGTERM', () => { running = false; process.stdout.write(String(sent)); process.exit(0); });
    function one() {
      if (!running) return;
      const id = crypto.randomBytes(18).toString('base64url');
      const req = http.request({ host: target.hostname, port: target.port, method: 'PUT',
        path: '/api/feeds/' + id, agent,
        headers: { Authorization: 'Bearer ' + crypto.randomBytes(32).toString('base64url'),
                   'Content-Type': 'application/json', 'Content-Length': body.length } },
        (res) => { res.resume(); res.on('end', () => { sent++; inFlight--; }); });
      req.on('error', () => { inFlight--; });
      req.end(body);
    }
    let inFlight = 0;
    const start = () => { if (inFlight < 8) { inFlight++; one(); } };
    setInterval(start, 1000 / ${FLOOD_PER_SECOND});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return {
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done(Number(out) || 0));
        child.kill('SIGTERM');
      }),
  };
}

function wrkRps(wrk: string, url: string, seconds = 3): number {
  const result = spawnSync(wrk, ['-t2', '-c50', `-d${seconds}s`, url], { encoding: 'utf8' });
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1] ?? NaN);
}

const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

/** Only the stall figure (for profiling it). */
export async function benchStallOnly(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ironstride-stall-'));
  try {
    const result = await stallWhileStoring(false, seasonBody(Date.now()), dir);
    console.log(JSON.stringify(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFeedServerAbuse(wrk: string | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ironstride-abuse-'));
  try {
    const body = seasonBody(Date.now());
    const worker = await stallWhileStoring(false, body, dir);
    const inline = await stallWhileStoring(true, body, dir);
    console.log(
      `store a 1000-session season (${mb(Buffer.byteLength(body))}, PUT ${worker.status}): longest event-loop stall ` +
        `${Math.round(Math.max(worker.histogramMaxMs, worker.driftMaxMs))} ms (histogram ${Math.round(worker.histogramMaxMs)}, ` +
        `timer drift ${Math.round(worker.driftMaxMs)}; goal ≤ 100 ms), PUT took ${Math.round(worker.putMs)} ms; ` +
        `prepared on the event loop instead (as before): ${Math.round(Math.max(inline.histogramMaxMs, inline.driftMaxMs))} ms`,
    );

    const entry = await buildServer();
    if (wrk) {
      const server = await startBuilt(entry, { IRONSTRIDE_DATA_DIR: join(dir, 'flood') });
      try {
        const created = (await (
          await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
        ).json()) as { subscribeUrl: string };
        wrkRps(wrk, created.subscribeUrl, 1);
        const alone: number[] = [];
        const flooded: number[] = [];
        let puts = 0;
        for (let round = 0; round < 3; round++) {
          alone.push(wrkRps(wrk, created.subscribeUrl));
          const attacker = flood(server.url);
          await new Promise((r) => setTimeout(r, 300));
          flooded.push(wrkRps(wrk, created.subscribeUrl));
          puts += await attacker.stop();
        }
        const ratios = flooded.map((f, i) => f / alone[i]!);
        console.log(
          `GET at 50 connections: alone ${Math.round(median(alone))} req/s, under a wrong-token PUT flood ` +
            `(222 KB bodies to random ids at ${FLOOD_PER_SECOND}/s as the issue measured; ${Math.round(puts / 9)} PUTs/s answered) ` +
            `${Math.round(median(flooded))} req/s → ${median(ratios).toFixed(2)}× ` +
            `(rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≥ 0.8×)`,
        );
      } finally {
        await stop(server.child);
      }
    } else {
      console.log('skipped GET under a PUT flood: wrk is not installed');
    }

    const embeddedDir = join(dir, 'idle');
    const first = await idleRss(entry, { IRONSTRIDE_DATA_DIR: embeddedDir });
    const restart = await idleRss(entry, { IRONSTRIDE_DATA_DIR: embeddedDir });
    let postgres = 'skipped (DATABASE_URL not set)';
    if (process.env.DATABASE_URL) {
      postgres = mb(await idleRss(entry, { DATABASE_URL: process.env.DATABASE_URL }));
    }
    console.log(
      `idle RSS of the built server (node ${join('.output/server/main.js')}): embedded database ` +
        `${mb(first)} after its first start, ${mb(restart)} after a restart; PostgreSQL ${postgres}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
