/**
 * What the feed server does at the socket level, before and after Hono: a cap on connections per
 * client, and keeping a connection usable (or closing it cleanly) after a reply sent before the
 * request's body was read.
 *
 * Early replies (401, 404, 429, 400, 413): a body within the size limit is read and discarded
 * after the reply (Node's own `_dump`, bounded by the request timeout), so a keep-alive client's
 * next request on the connection works. A body over the limit is answered 413 with
 * `Connection: close`, and the server goes on reading and discarding for a moment before it
 * closes ("lingering close", as nginx does): closing with unread data makes the kernel send a
 * reset, which can destroy the 413 before the client has read it. A chunked body (no declared
 * length) can't be known to fit, so any reply to it closes the connection.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

export interface ConnectionCap {
  /** Open connections per client address right now. */
  count(address: string): number;
}

/**
 * Refuses a client's connection beyond `max` open ones with a 503 (`max` 0: no cap). Behind a
 * proxy every connection comes from the proxy: set the cap for the proxy, or 0.
 */
export function capConnectionsPerClient(server: Server, max: number): ConnectionCap {
  const open = new Map<string, number>();
  if (max > 0) {
    server.on('connection', (socket: Socket) => {
      const address = socket.remoteAddress ?? 'unknown';
      const count = (open.get(address) ?? 0) + 1;
      open.set(address, count);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left <= 0) open.delete(address);
        else open.set(address, left);
      });
      if (count > max) {
        socket.end(
          'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 10\r\n' +
            'Content-Type: text/plain\r\nContent-Length: 33\r\n\r\nToo many connections from client\n',
        );
        socket.destroySoon();
      }
    });
  }
  return { count: (address) => open.get(address) ?? 0 };
}

export interface EarlyReplyOptions {
  maxBodyBytes: number;
  /** How long to read and discard an oversized body after its 413 before closing. */
  lingerMs?: number;
}

/**
 * Called for every request before it is handled. Returns true when it answered the request
 * itself (a declared body over the limit); otherwise it has set `Connection: close` where the
 * body could not be drained, and the request goes on to the app.
 */
export function handleEarlyReplies(
  req: IncomingMessage,
  res: ServerResponse,
  options: EarlyReplyOptions,
  tooLargeBody: string,
): boolean {
  if (BODYLESS.has(req.method ?? 'GET') && req.headers['content-length'] === undefined) {
    return false;
  }
  if (req.headers['transfer-encoding'] !== undefined) {
    res.setHeader('Connection', 'close');
    return false;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (!(declared > options.maxBodyBytes)) return false;
  const body = Buffer.from(tooLargeBody, 'utf8');
  res.writeHead(413, {
    'Content-Type': 'application/json',
    'Content-Length': String(body.byteLength),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  // The whole reply goes out now; ending the response (which closes the socket) waits until
  // the client stopped sending, or the linger ran out.
  res.write(body);
  let discarded = 0;
  const finish = () => {
    clearTimeout(timer);
    req.off('data', discard);
    if (!res.writableEnded) res.end();
  };
  const discard = (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > options.maxBodyBytes) finish();
  };
  const timer = setTimeout(finish, options.lingerMs ?? 2_000);
  req.on('data', discard);
  req.once('end', finish);
  req.once('error', finish);
  return true;
}
