import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedClient } from '../../src/extension/feed/client';
import type { FeedBody } from '../../src/extension/feed/client';
import { isInsecureRemote, parseServerUrl } from '../../src/extension/feed/server-url';
import type { FeedConnection } from '../../src/extension/feed/storage';
import { startFeedServer } from '../helpers/e2e/feed-server';
import type { TestFeedServer } from '../helpers/e2e/feed-server';

let server: TestFeedServer;
/** Answers like a web server that is not a feed server; `/slow` never answers. */
let other: Server;
let otherUrl: string;

beforeAll(async () => {
  server = await startFeedServer();
  other = createServer((req, res) => {
    if (req.url === '/api/feeds' && req.method === 'POST') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Welcome to nginx!</html>');
      return;
    }
    if (req.url?.startsWith('/slow')) return;
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html>Not Found</html>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);

afterAll(async () => {
  other?.closeAllConnections();
  await new Promise((resolve) => other?.close(resolve));
  await server?.dispose();
});

const client = createFeedClient({ fetch: (input, init) => fetch(input, init), timeoutMs: 5_000 });

async function newFeed(): Promise<FeedConnection> {
  const created = await client.create(server.url);
  if (!created.ok) throw new Error(created.error.message);
  return { serverUrl: server.url, ...created.value, createdAt: 0 };
}

const session = (i: number) => ({
  id: `s20270504-${i}`,
  start: '2027-05-04T17:30:00+01:00',
  end: '2027-05-04T18:10:00+01:00',
  title: 'Strength · lower body + core (40 min)',
  load: 'moderate',
  reasons: [],
  exercises: [],
  description: 'Goblet squat — 3 × 6–8, rest 90 s',
});

describe('parseServerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['  http://127.0.0.1:8787/ ', 'http://127.0.0.1:8787'],
    ['https://Feeds.Example.com', 'https://feeds.example.com'],
    ['https://feeds.example.com:443/', 'https://feeds.example.com'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %j as %s', (input, url) => {
    expect(parseServerUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /Enter the feed server’s address/],
    ['127.0.0.1:8787', /Start the address with http:\/\/ or https:\/\//],
    ['feeds.example.com', /Start the address with http:\/\/ or https:\/\//],
    ['ftp://feeds.example.com', /over http:\/\/ or https:\/\//],
    ['webcal://feeds.example.com/feeds/abc.ics', /That is a subscribe link/],
    [
      'http://127.0.0.1:8787/api/feeds',
      /without a path such as \/api\/feeds.*: http:\/\/127\.0\.0\.1:8787$/,
    ],
    ['https://feeds.example.com/feeds/abc.ics', /without a path/],
    ['https://feeds.example.com/?x=1', /without a path/],
    ['https://feeds.example.com/#top', /without a path/],
    ['https://me:secret@feeds.example.com', /user name and password/],
    ['http://', /not a web address/],
  ])('refuses %j, saying why', (input, message) => {
    const result = parseServerUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});

describe('isInsecureRemote', () => {
  it.each([
    ['http://127.0.0.1:8787', false],
    ['http://localhost:8787', false],
    ['http://[::1]:8787', false],
    ['https://feeds.example.com', false],
    ['http://feeds.example.com', true],
    ['http://192.168.1.20:8787', true],
  ])('%s → %s', (url, insecure) => {
    expect(isInsecureRemote(url)).toBe(insecure);
  });
});

describe('createFeedClient against the feed server', () => {
  it('creates a feed with both links and a key', async () => {
    const created = await client.create(server.url);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.subscribeUrl).toBe(`${server.url}/feeds/${created.value.feedId}.ics`);
    expect(created.value.webcalUrl).toBe(created.value.subscribeUrl.replace('http:', 'webcal:'));
    expect(created.value.writeToken.length).toBeGreaterThanOrEqual(22);
  });

  it('sends the key only in the Authorization header', async () => {
    const feed = await newFeed();
    const seen: { url: string; body: string; authorization: string | null }[] = [];
    const watching = createFeedClient({
      fetch: async (input, init) => {
        seen.push({
          url: String(input),
          body: String(init?.body ?? ''),
          authorization: new Headers(init?.headers).get('authorization'),
        });
        return fetch(input, init);
      },
    });
    const body: FeedBody = {
      name: 'Strength · Ironstride',
      timezone: 'Europe/London',
      sessions: [session(1)],
    };
    expect(await watching.publish(feed, body)).toMatchObject({ ok: true, value: { sessions: 1 } });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toBe(`Bearer ${feed.writeToken}`);
    expect(seen[0]!.url).not.toContain(feed.writeToken);
    expect(seen[0]!.body).not.toContain(feed.writeToken);
  });

  it('passes on the server’s reason for a refused body (400), naming the field', async () => {
    const feed = await newFeed();
    const result = await client.publish(feed, {
      name: 'Strength · Ironstride',
      timezone: 'Mars/Olympus',
      sessions: [],
    });
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'refused',
        status: 400,
        message: expect.stringMatching(
          /^The feed server refused to publish the sessions: timezone: not a time zone/,
        ),
      },
    });
  });

  it('passes on the server’s reason for too many sessions (413)', async () => {
    const feed = await newFeed();
    const sessions = Array.from({ length: 1001 }, (_, i) => session(i));
    const result = await client.publish(feed, {
      name: 'Strength · Ironstride',
      timezone: 'Europe/London',
      sessions,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'refused',
        status: 413,
        message: expect.stringMatching(/at most 1000 sessions; this body has 1001/),
      },
    });
  });

  it('learns the server’s byte limit from a 413 for a body over it', async () => {
    const feed = await newFeed();
    const sessions = Array.from({ length: 40 }, (_, i) => ({
      ...session(i),
      description: 'x'.repeat(9_000),
      reasons: Array.from({ length: 12 }, () => 'r'.repeat(480)),
    }));
    const body = JSON.stringify({
      name: 'Strength · Ironstride',
      timezone: 'Europe/London',
      sessions,
    });
    const padded = body.replace(
      '"sessions"',
      `"padding":"${'p'.repeat(4 * 1024 * 1024)}","sessions"`,
    );
    const result = await client.publish(feed, padded);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'refused', status: 413, maxBytes: 4 * 1024 * 1024 },
    });
  });

  it('tells a feed that is gone (404) from a refused key (401)', async () => {
    const feed = await newFeed();
    expect(await client.remove(feed)).toEqual({ ok: true, value: null });
    expect(await client.rotate(feed)).toMatchObject({
      ok: false,
      error: { kind: 'not-found', status: 404 },
    });
    const other = await newFeed();
    expect(await client.rotate({ ...other, writeToken: feed.writeToken })).toMatchObject({
      ok: false,
      error: {
        kind: 'unauthorized',
        status: 401,
        message: 'This browser’s feed key was refused — create a new feed in Settings.',
      },
    });
  });

  it('says when an address answers but is not a feed server', async () => {
    expect(await client.create(otherUrl)).toEqual({
      ok: false,
      error: {
        kind: 'unexpected',
        message: `${otherUrl} answered, but not as an Ironstride feed server does. Check the address.`,
      },
    });
    const feed: FeedConnection = { ...(await newFeed()), serverUrl: otherUrl };
    expect(await client.rotate(feed)).toMatchObject({
      ok: false,
      error: {
        kind: 'unexpected',
        status: 404,
        message: expect.stringContaining('doesn’t look like an Ironstride feed server'),
      },
    });
  });

  it('gives up on a server that does not answer, saying how long it waited', async () => {
    const impatient = createFeedClient({
      fetch: (input, init) => fetch(input, init),
      timeoutMs: 200,
    });
    const feed: FeedConnection = { ...(await newFeed()), serverUrl: `${otherUrl}/slow` };
    expect(await impatient.remove(feed)).toEqual({
      ok: false,
      error: {
        kind: 'timeout',
        message: `The feed server at ${otherUrl}/slow didn’t answer within 0.2 s.`,
      },
    });
  });
});
