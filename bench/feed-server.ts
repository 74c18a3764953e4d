/**
 * The feed server under load on loopback, against nginx (one worker) serving the same bytes as a
 * static file: the practical limit of this machine, measured in the same run, so the ratios mean
 * something anywhere. GET 200 and conditional GET 304 of a 100-event feed, with Debian's `wrk`.
 * Also the render of one version (ical-generator), which must happen once per version, never
 * per request. Prints; never asserts. Without wrk or nginx it says so and skips the load part.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../src/server/build';
import { renderFeedVersion } from '../src/server/feed-render';
import { benchFeedServerAbuse } from './feed-server-abuse';

const JSON_TYPE = { 'Content-Type': 'application/json' } as const;
import { measure, median, ms } from './measure';

const EVENTS = 100;
const WRK_ARGS = ['-t2', '-c50', '-d2s'];
const WARMUP_ARGS = ['-t2', '-c50', '-d1s'];
/** Alternating rounds per status: loopback throughput on a shared 2-core machine drifts by ±30 % between runs. */
const ROUNDS_PER_STATUS = 5;
/** Goals of the feed server against nginx (issue: bare Hono measured 0.99× and 0.79× here). */
const GOALS = { 200: 0.9, 304: 0.75 } as const;

function findTool(name: string, fallbacks: string[]): string | undefined {
  for (const path of fallbacks) if (existsSync(path)) return path;
  const which = spawnSync('which', [name], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

function feedBody(now: number) {
  const day = 86_400_000;
  const sessions = Array.from({ length: EVENTS }, (_, i) => {
    const start = new Date(Math.floor(now / day) * day + (i + 1) * day + 17.5 * 3_600_000);
    return {
      id: `bench-${i}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 40 * 60_000).toISOString(),
      title: `Strength · lower body + core (40 min) #${i}`,
      load: 'moderate' as const,
      reasons: ['Tuesday: same day as your intervals, 9 h after'],
      exercises: [],
      description:
        'Warm-up (about 6 min): 5 min easy cardio; leg swings\n\n' +
        '1. Goblet squat — 3 × 6–8, rest 90 s — Chest up, sit between your heels\n' +
        '2. Romanian deadlift — 3 × 8, rest 90 s — Hinge at the hips, soft knees\n' +
        '3. Split squat — 2 × 8 each side, rest 60 s — Front knee tracks over the toes\n' +
        '4. Side plank — 2 × 30 s each side, rest 45 s — Hips high\n\n' +
        'Why this slot:\n- Tuesday: same day as your intervals, 9 h after\n\n' +
        'Planned by Ironstride — strength that fits your running.',
    };
  });
  return { name: 'Strength · Ironstride', timezone: 'Europe/London', sessions };
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** The built server (`npm run build:server`), under plain node, as production runs it. */
async function startFeedServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const root = resolve(import.meta.dirname, '..');
  const port = await freePort();
  const entry = await buildServer();
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      IRONSTRIDE_DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Like nginx's access_log off: request logging is not what is measured.
      LOG_LEVEL: 'warn',
      IRONSTRIDE_WRITE_BURST: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  // An embedded database created on a busy 2-core machine can take a while.
  await waitForHttp(`${url}/healthz`, 120_000);
  return { url, child };
}

async function startNginx(
  nginx: string,
  dir: string,
  bytes: Buffer,
): Promise<{ url: string; child: ChildProcess }> {
  const www = join(dir, 'www');
  mkdirSync(www, { recursive: true });
  writeFileSync(join(www, 'feed.ics'), bytes, { mode: 0o644 });
  // Run as root, nginx's worker drops to an unprivileged user, who must be able to read the file.
  chmodSync(dir, 0o755);
  chmodSync(www, 0o755);
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  types { text/calendar ics; }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/calendar;
  server {
    listen 127.0.0.1:${port};
    location / { root ${www}; }
  }
}
`,
  );
  const child = spawn(nginx, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/feed.ics`;
  await waitForHttp(url);
  return { url, child };
}

function runWrk(
  wrk: string,
  url: string,
  headers: string[],
  args = WRK_ARGS,
): { rps: number; bad: number } {
  const result = spawnSync(wrk, [...args, ...headers.flatMap((h) => ['-H', h]), url], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(result.stdout)?.[1] ?? NaN);
  const bad = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(result.stdout)?.[1] ?? 0);
  return { rps, bad };
}

const fmt = (rps: number) => `${Math.round(rps).toLocaleString('en-US')} req/s`;

/** Prints render time per version and the 200/304 throughput of the feed server against nginx. */
export async function benchFeedServer(): Promise<void> {
  const now = Date.now();
  const body = feedBody(now);
  const render = measure(
    () =>
      renderFeedVersion(body, { version: 1, previous: {}, stamp: now, refreshMinutes: 60 }).ics
        .length,
  );
  console.log(
    `render one version of ${EVENTS} events (once per PUT, on the render worker): ${ms(render.medianMs)} (median of 7)`,
  );

  const wrk = findTool('wrk', ['/usr/bin/wrk']);
  const nginx = findTool('nginx', ['/usr/sbin/nginx']);
  await benchFeedServerAbuse(wrk);
  if (!wrk || !nginx) {
    console.log(
      `skipped the load test: ${!wrk ? 'wrk' : 'nginx'} is not installed (Debian: apt-get install wrk nginx-light)`,
    );
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'ironstride-bench-'));
  const children: ChildProcess[] = [];
  try {
    const server = await startFeedServer(join(dir, 'data'));
    children.push(server.child);
    const created = (await (
      await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
    ).json()) as {
      feedId: string;
      writeToken: string;
    };
    const put = await fetch(`${server.url}/api/feeds/${created.feedId}`, {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${created.writeToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (put.status !== 200) throw new Error(`PUT failed: ${put.status} ${await put.text()}`);
    const feedUrl = `${server.url}/feeds/${created.feedId}.ics`;
    const first = await fetch(feedUrl);
    const bytes = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag')!;

    const web = await startNginx(nginx, dir, bytes);
    children.push(web.child);
    const nginxEtag = (await fetch(web.url)).headers.get('etag')!;
    for (const [url, tag] of [
      [feedUrl, etag],
      [web.url, nginxEtag],
    ] as const) {
      const check = await fetch(url, { headers: { 'If-None-Match': tag } });
      if (check.status !== 304) throw new Error(`expected 304 from ${url}, got ${check.status}`);
    }
    console.log(
      `feed: ${bytes.length} bytes; wrk ${WRK_ARGS.join(' ')} × ${ROUNDS_PER_STATUS} alternating rounds on loopback; ` +
        'nginx: 1 worker, access_log off; the server logs at warn (no request lines)',
    );

    runWrk(wrk, web.url, [], WARMUP_ARGS);
    runWrk(wrk, feedUrl, [], WARMUP_ARGS);
    for (const status of [200, 304] as const) {
      const nginxHeaders = status === 304 ? [`If-None-Match: ${nginxEtag}`] : [];
      const ourHeaders = status === 304 ? [`If-None-Match: ${etag}`] : [];
      const theirs: number[] = [];
      const ours: number[] = [];
      let bad = 0;
      for (let round = 0; round < ROUNDS_PER_STATUS; round++) {
        const reference = runWrk(wrk, web.url, nginxHeaders);
        const measured = runWrk(wrk, feedUrl, ourHeaders);
        theirs.push(reference.rps);
        ours.push(measured.rps);
        bad += reference.bad + measured.bad;
      }
      const ratios = ours.map((r, i) => r / theirs[i]!);
      console.log(
        `GET ${status}: ironstride ${fmt(median(ours))}, nginx ${fmt(median(theirs))} → ${median(ratios).toFixed(2)}× nginx ` +
          `(median of rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}; goal ≥ ${GOALS[status]}×)` +
          (bad > 0 ? `; ${bad} responses were not 2xx/3xx` : ''),
      );
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
