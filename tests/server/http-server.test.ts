/**
 * The server as `main.ts` runs it (startServer, real HTTP on loopback): cached feeds are answered
 * by the Node-level fast path, misses and everything else by Hono; both must answer alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/server/env';
import { startServer } from '../../src/server/start';
import type { RunningServer } from '../../src/server/start';
import { captureLogger, JSON_TYPE, makeBody, makeSession } from './helpers';

let server: RunningServer;
const { logger, lines } = captureLogger();

beforeAll(async () => {
  const parsed = parseEnv({
    PORT: '0',
    IRONSTRIDE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'ironstride-http-')), 'data'),
  });
  if (!parsed.ok) throw new Error(parsed.message);
  server = await startServer(parsed.env, logger);
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function newFeedWithSessions() {
  const created = await (
    await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
  ).json();
  const put = await fetch(`${server.url}/api/feeds/${created.feedId}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${created.writeToken}` },
    body: JSON.stringify(makeBody([makeSession(1), makeSession(2)])),
  });
  expect(put.status).toBe(200);
  return created as { feedId: string; writeToken: string; subscribeUrl: string };
}

const withoutDate = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([k]) => k !== 'date'));

describe('startServer over HTTP', () => {
  it('answers a cached feed (fast path) exactly as Hono answered the first request', async () => {
    const { subscribeUrl } = await newFeedWithSessions();
    expect(subscribeUrl.startsWith(server.url)).toBe(true);
    const first = await fetch(subscribeUrl);
    const second = await fetch(subscribeUrl);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(withoutDate(second.headers)).toEqual(withoutDate(first.headers));
    expect(await second.text()).toBe(await first.text());
  });

  it('answers conditional GETs and HEAD from the fast path', async () => {
    const { subscribeUrl } = await newFeedWithSessions();
    const full = await fetch(subscribeUrl);
    const etag = full.headers.get('etag')!;
    const lastModified = full.headers.get('last-modified')!;
    const byEtag = await fetch(subscribeUrl, { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get('etag')).toBe(etag);
    // A second later than Last-Modified proves the copy current (the second itself may be
    // shared with the version before: created and replaced within it).
    const later = new Date(Date.parse(lastModified) + 1000).toUTCString();
    expect((await fetch(subscribeUrl, { headers: { 'If-Modified-Since': later } })).status).toBe(
      304,
    );
    expect((await fetch(subscribeUrl, { headers: { 'If-None-Match': '"old"' } })).status).toBe(200);
    const head = await fetch(subscribeUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'));
    expect(await head.text()).toBe('');
    // A query string is not the fast path's business; Hono serves the same feed.
    expect((await fetch(`${subscribeUrl}?x=1`)).headers.get('etag')).toBe(etag);
  });

  it('serves the new version right after a PUT, and 404 right after a rotation', async () => {
    const { feedId, writeToken, subscribeUrl } = await newFeedWithSessions();
    const before = (await fetch(subscribeUrl)).headers.get('etag');
    const put = await fetch(`${server.url}/api/feeds/${feedId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${writeToken}` },
      body: JSON.stringify(makeBody([makeSession(3)])),
    });
    const { etag } = await put.json();
    expect(etag).not.toBe(before);
    expect((await fetch(subscribeUrl)).headers.get('etag')).toBe(etag);
    await fetch(`${server.url}/api/feeds/${feedId}/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${writeToken}` },
    });
    expect((await fetch(subscribeUrl)).status).toBe(404);
  });

  it('logs both paths by route template only', async () => {
    const { feedId, writeToken } = await newFeedWithSessions();
    const text = lines.join('');
    expect(text).not.toContain(feedId);
    expect(text).not.toContain(writeToken);
    const fromFastPath = lines.filter(
      (l) => l.includes('"route":"/feeds/:file"') && l.includes('"status":304'),
    );
    expect(fromFastPath.length).toBeGreaterThan(0);
  });
});
