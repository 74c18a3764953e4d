/**
 * A calendar feed on 127.0.0.1 (random port) whose calendar a test can change while the
 * extension reads it, the way a coach moves a run in TrainingPeaks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IcsServer {
  /** The feed's address, `http://127.0.0.1:<port>/coach.ics`. */
  feedUrl: string;
  /** The calendar every later request gets. */
  setCalendar(text: string): void;
  /** Requests for the feed so far. */
  requests(): number;
  close(): Promise<void>;
}

export const FEED_PATH = '/coach.ics';

export async function startIcsServer(initial: string): Promise<IcsServer> {
  let calendar = initial;
  let requests = 0;
  const server = createServer((request, response) => {
    if (request.url !== FEED_PATH) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    requests += 1;
    response.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(calendar);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    feedUrl: `http://127.0.0.1:${port}${FEED_PATH}`,
    setCalendar: (text) => {
      calendar = text;
    },
    requests: () => requests,
    close: () =>
      new Promise<void>((closed, failed) => {
        server.closeAllConnections();
        server.close((error) => (error ? failed(error) : closed()));
      }),
  };
}
