/**
 * A real server process killed with SIGKILL while PUTs stream in, restarted on the same data:
 * every feed must be one whole version (all sessions carry that version's marker), at least the
 * last one acknowledged and at most the last one sent. Then SIGTERM must let a PUT in flight
 * finish before the process exits.
 */
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWithIcalJs } from './feed-api-contract';
import { createPgSchema, describePostgres, JSON_TYPE } from './helpers';
import { startServerProcess } from './server-process';
import type { ServerProcess } from './server-process';

/** Version v of a feed: 1 + v % 7 sessions, every title and description marked with v. */
function versionBody(v: number) {
  const base = Date.now() + 86_400_000;
  const sessions = Array.from({ length: 1 + (v % 7) }, (_, i) => {
    const start = new Date(base + i * 86_400_000);
    return {
      id: `s${i}`,
      start: start.toISOString(),
      end: new Date(start.getTime() + 40 * 60_000).toISOString(),
      title: `v${v} session ${i}`,
      load: 'moderate',
      description: `version ${v}`,
    };
  });
  return { name: `Feed at v${v}`, timezone: 'Europe/Paris', sessions };
}

interface Feed {
  feedId: string;
  writeToken: string;
  acked: number;
  sent: number;
}

/** Which version a served feed is, checking that it is one whole version. */
function versionOf(ics: string): number {
  const events = parseWithIcalJs(ics);
  if (events.length === 0) return 0;
  const markers = new Set(events.map((e) => e.summary.split(' ')[0]));
  expect(markers.size).toBe(1);
  const v = Number([...markers][0]!.slice(1));
  expect(events).toHaveLength(1 + (v % 7));
  expect(new Set(events.map((e) => e.description))).toEqual(new Set([`version ${v}`]));
  return v;
}

async function putVersion(
  url: string,
  feed: Feed,
  v: number,
  body = versionBody(v),
): Promise<Response> {
  return fetch(`${url}/api/feeds/${feed.feedId}`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${feed.writeToken}`,
      'Content-Type': 'application/json',
      Connection: 'close',
    },
    body: JSON.stringify(body),
  });
}

/**
 * Sends half of a PUT on a connection the server has certainly accepted (a GET went over it
 * first), sends SIGTERM, then the rest: the request is in flight when shutdown starts.
 */
async function putAcrossSigterm(server: ServerProcess, feed: Feed, body: unknown) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  await new Promise<void>((done, fail) => {
    http
      .get(`${server.url}/healthz`, { agent }, (res) => res.resume().on('end', done))
      .on('error', fail);
  });
  const bytes = Buffer.from(JSON.stringify(body));
  const req = http.request(`${server.url}/api/feeds/${feed.feedId}`, {
    method: 'PUT',
    agent,
    headers: {
      Authorization: `Bearer ${feed.writeToken}`,
      'Content-Type': 'application/json',
      'Content-Length': bytes.length,
    },
  });
  const status = new Promise<number>((done, fail) => {
    req.on('response', (res) => res.resume().on('end', () => done(res.statusCode ?? 0)));
    req.on('error', fail);
  });
  const half = Math.floor(bytes.length / 2);
  req.write(bytes.subarray(0, half));
  await new Promise((r) => setTimeout(r, 100));
  const exit = server.stop('SIGTERM');
  await new Promise((r) => setTimeout(r, 100));
  req.end(bytes.subarray(half));
  const result = { status: await status, exit };
  agent.destroy();
  return result;
}

function describeCrash(label: string, env: () => Record<string, string>) {
  it(`${label}: after SIGKILL mid-write, every feed is a whole earlier or later version`, async () => {
    const first = await startServerProcess(env());
    const feeds: Feed[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await (
        await fetch(`${first.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
      ).json();
      feeds.push({ ...created, acked: 0, sent: 0 });
    }
    let running = true;
    const writers = feeds.map(async (feed) => {
      while (running) {
        const v = feed.sent + 1;
        feed.sent = v;
        try {
          const res = await putVersion(first.url, feed, v);
          if (res.status === 200) feed.acked = v;
          else throw new Error(`PUT answered ${res.status}: ${await res.text()}`);
        } catch (error) {
          if (running) throw error;
          return;
        }
      }
    });
    // Kill once every feed has some acknowledged versions and writes are certainly in flight.
    const deadline = Date.now() + 15_000;
    while (feeds.some((f) => f.acked < 5) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(feeds.every((f) => f.acked >= 5)).toBe(true);
    const killed = first.stop('SIGKILL');
    running = false;
    expect(await killed).toBeNull();
    await Promise.all(writers);

    const second = await startServerProcess(env());
    try {
      for (const feed of feeds) {
        const res = await fetch(`${second.url}/feeds/${feed.feedId}.ics`);
        expect(res.status).toBe(200);
        const v = versionOf(await res.text());
        expect(v).toBeGreaterThanOrEqual(feed.acked);
        expect(v).toBeLessThanOrEqual(feed.sent);
      }

      // Graceful: SIGTERM while a large PUT is being handled; it completes, then the process exits 0.
      const feed = feeds[0]!;
      const big = versionBody(1000);
      big.sessions = Array.from({ length: 1000 }, (_, i) => ({
        ...big.sessions[0]!,
        id: `b${i}`,
        title: `v1000 session ${i}`,
      }));
      const { status, exit } = await putAcrossSigterm(second, feed, big);
      expect(status).toBe(200);
      expect(await exit).toBe(0);
    } finally {
      if (second.child.exitCode === null) await second.stop('SIGKILL');
    }

    const third = await startServerProcess(env());
    try {
      const ics = await (await fetch(`${third.url}/feeds/${feeds[0]!.feedId}.ics`)).text();
      expect(parseWithIcalJs(ics)).toHaveLength(1000);
    } finally {
      await third.stop('SIGTERM');
    }
  }, 180_000);
}

describe('crash safety (embedded store)', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'ironstride-crash-')), 'data');
  describeCrash('embedded', () => ({ IRONSTRIDE_DATA_DIR: dataDir }));
});

describePostgres('crash safety (PostgreSQL)', () => {
  let url = '';
  let drop = async () => {};
  beforeAll(async () => {
    const schema = await createPgSchema('crash');
    url = schema.url;
    drop = schema.drop;
  });
  afterAll(async () => {
    await drop();
  });
  describeCrash('PostgreSQL', () => ({ DATABASE_URL: url }));
});
