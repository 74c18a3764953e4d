/**
 * The server over real HTTP against clients that misbehave or are unlucky: a keep-alive client
 * whose request is answered before its body was read (401, 404, 400, 429, 413) can send its next
 * request; headers and bodies have deadlines; one client's connections are capped.
 */
import { Agent, request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/server/env';
import { silentLogger } from '../../src/server/logger';
import { startServer } from '../../src/server/start';
import type { RunningServer } from '../../src/server/start';
import { JSON_TYPE } from './helpers';

let server: RunningServer;
let port: number;
let feed: { feedId: string; writeToken: string };

beforeAll(async () => {
  const parsed = parseEnv({
    PORT: '0',
    IRONSTRIDE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'ironstride-ka-')), 'data'),
    IRONSTRIDE_HEADERS_TIMEOUT_SECONDS: '1',
    IRONSTRIDE_BODY_TIMEOUT_SECONDS: '1',
    IRONSTRIDE_MAX_CONNECTIONS_PER_CLIENT: '6',
    IRONSTRIDE_WRITE_BURST: '3',
    IRONSTRIDE_WRITE_PER_MINUTE: '0',
    IRONSTRIDE_AUTH_FAILURE_BURST: '1000',
    // Each test names its own client in X-Forwarded-For, so budgets don't carry over.
    IRONSTRIDE_TRUST_PROXY: '1',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  server = await startServer(parsed.env, silentLogger);
  port = Number(new URL(server.url).port);
  const created = await fetch(`${server.url}/api/feeds`, { method: 'POST', headers: JSON_TYPE });
  feed = (await created.json()) as typeof feed;
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  socket: Socket;
}

/** One request on `agent`; resolves with the answer and the socket it came on. */
function send(
  agent: Agent,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          socket: req.socket!,
        }),
      );
    });
    // Writing a big body the server has already answered may fail once it closes: the answer
    // is what the test is about.
    req.on('error', reject);
    if (body) req.end(body);
    else req.end();
  });
}

/** About the size the issue saw break keep-alive (≥ 190 KB unread). */
const BODY = Buffer.from(JSON.stringify({ padding: 'x'.repeat(200 * 1024) }));

describe('keep-alive after an early reply', () => {
  let clients = 0;

  it.each([
    ['401 without a token', () => ({ path: `/api/feeds/${feed.feedId}`, headers: {} }), 401],
    [
      '401 with a wrong token',
      () => ({ path: `/api/feeds/${feed.feedId}`, headers: { Authorization: 'Bearer wrong' } }),
      401,
    ],
    [
      '404 for a malformed id',
      () => ({ path: '/api/feeds/not-an-id', headers: { Authorization: 'Bearer x' } }),
      404,
    ],
    [
      '404 for an unknown id',
      () => ({
        path: '/api/feeds/AAAAAAAAAAAAAAAAAAAAAAAA',
        headers: { Authorization: 'Bearer x' },
      }),
      404,
    ],
    [
      '400 for a body that is not a feed',
      () => ({
        path: `/api/feeds/${feed.feedId}`,
        headers: { Authorization: `Bearer ${feed.writeToken}` },
      }),
      400,
    ],
  ])('%s: the next request on the same connection succeeds', async (_label, target, status) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const { path, headers } = target();
      clients += 1;
      const first = await send(
        agent,
        'PUT',
        path,
        { ...headers, 'X-Forwarded-For': `192.0.2.${clients}` },
        BODY,
      );
      expect(first.status).toBe(status);
      expect(first.headers.connection).toBe('keep-alive');
      const next = await send(agent, 'GET', '/healthz');
      expect(next.status).toBe(200);
      // The same connection, drained and reused.
      expect(next.socket).toBe(first.socket);
    } finally {
      agent.destroy();
    }
  });

  it('429: the next request on the same connection succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const headers = {
        Authorization: `Bearer ${feed.writeToken}`,
        'X-Forwarded-For': '192.0.2.29',
      };
      let answer: Answer | undefined;
      // The write budget is 3 per client and never refills: the 4th write at the latest is 429.
      for (let i = 0; i < 5 && answer?.status !== 429; i++) {
        answer = await send(agent, 'PUT', `/api/feeds/${feed.feedId}`, headers, BODY);
      }
      expect(answer?.status).toBe(429);
      expect(answer?.headers['retry-after']).toBeDefined();
      const next = await send(agent, 'GET', '/healthz');
      expect(next.status).toBe(200);
      expect(next.socket).toBe(answer!.socket);
    } finally {
      agent.destroy();
    }
  });

  it('413 for a body over the limit: closes cleanly, and the next request succeeds', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const huge = Buffer.alloc(5 * 1024 * 1024, 0x20);
      const first = await send(
        agent,
        'PUT',
        `/api/feeds/${feed.feedId}`,
        { Authorization: 'Bearer whatever', 'Content-Type': 'application/json' },
        huge,
      );
      expect(first.status).toBe(413);
      expect(first.headers.connection).toBe('close');
      expect(JSON.parse(first.body).error).toMatchObject({
        code: 'body-too-large',
        maxBytes: 4 * 1024 * 1024,
      });
      const next = await send(agent, 'GET', '/healthz');
      expect(next.status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});

/** A raw connection, to send exactly (and only) what a test wants. */
function open(): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

describe('deadlines and caps', () => {
  it('closes a connection whose headers do not arrive in time', async () => {
    const conn = await open();
    conn.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const started = Date.now();
    // Trickle a header line now and then, never finishing: the deadline counts from the start.
    const trickle = setInterval(() => conn.socket.write('X-Slow: 1\r\n'), 200);
    await conn.closed;
    clearInterval(trickle);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(conn.received()).toMatch(/^(HTTP\/1\.1 408|$)/);
  });

  it('answers 408 and closes when a body does not arrive in time', async () => {
    const conn = await open();
    conn.socket.write(
      `PUT /api/feeds/${feed.feedId} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${feed.writeToken}\r\n` +
        'X-Forwarded-For: 192.0.2.40\r\n' +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":',
    );
    await conn.closed;
    expect(conn.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses a client more connections than the cap, and serves it again once it closes some', async () => {
    const conns = await Promise.all(Array.from({ length: 6 }, () => open()));
    const extra = await open();
    await extra.closed;
    expect(extra.received()).toMatch(/^HTTP\/1\.1 503/);
    for (const c of conns) c.socket.destroy();
    await Promise.all(conns.map((c) => c.closed));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
