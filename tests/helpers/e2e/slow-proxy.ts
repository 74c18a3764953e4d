/**
 * A pass-through proxy in front of the fake Google Calendar API, so a test can make Google's
 * writes slow (to stop the service worker while one is in flight) without touching the fake.
 * The Google-enabled build's API root points here; CORS preflights and everything else pass
 * through unchanged.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowProxy {
  /** `http://127.0.0.1:PORT/`, the API root to build with. */
  readonly rootUrl: string;
  /** Holds every POST/PATCH/PUT/DELETE this long before passing it on (0: no delay). */
  setWriteDelay(ms: number): void;
  /** Writes that reached the proxy so far (delayed or not). */
  writes(): number;
  close(): Promise<void>;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export async function startSlowProxy(target: string): Promise<SlowProxy> {
  const upstream = new URL(target);
  let delay = 0;
  let writes = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const forward = () => {
      const out = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      req.pipe(out);
    };
    if (req.method && WRITES.has(req.method)) {
      writes += 1;
      if (delay > 0) {
        // Paused until forwarded: the body waits in the socket meanwhile.
        req.pause();
        const timer = setTimeout(() => {
          timers.delete(timer);
          req.resume();
          forward();
        }, delay);
        timers.add(timer);
        return;
      }
    }
    forward();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    setWriteDelay: (ms) => {
      delay = ms;
    },
    writes: () => writes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
