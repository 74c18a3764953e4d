/**
 * The feed server as the runner runs it (`npm run cli -- serve`: `startServer`, real HTTP on
 * 127.0.0.1, an embedded database in a fresh temp dir), for the extension's unit and e2e tests,
 * and a second reader for what it serves (ical.js itself, not the project's reader).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ICAL from 'ical.js';
import { parseEnv } from '../../../src/server/env';
import { silentLogger } from '../../../src/server/logger';
import { startServer } from '../../../src/server/start';
import type { RunningServer } from '../../../src/server/start';

export interface TestFeedServer extends RunningServer {
  dataDir: string;
  port: number;
  /** Closes the server and deletes its data. */
  dispose(): Promise<void>;
}

export interface StartFeedServerOptions {
  /** Default: any free port. */
  port?: number;
  /** Default: a fresh temp dir (reuse one to restart a server with its feeds). */
  dataDir?: string;
  /** Extension ids CORS allows (`IRONSTRIDE_EXTENSION_IDS`); default: any extension. */
  extensionIds?: string[];
}

/** A feed server on 127.0.0.1 with the limits loosened for tests that create many feeds. */
export async function startFeedServer(
  options: StartFeedServerOptions = {},
): Promise<TestFeedServer> {
  const dataDir =
    options.dataDir ?? join(mkdtempSync(join(tmpdir(), 'ironstride-feed-server-')), 'data');
  const parsed = parseEnv({
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    IRONSTRIDE_DATA_DIR: dataDir,
    IRONSTRIDE_EXTENSION_IDS: (options.extensionIds ?? []).join(','),
    IRONSTRIDE_CREATE_BURST: '1000',
    IRONSTRIDE_WRITE_BURST: '1000',
    LOG_LEVEL: 'silent',
    IRONSTRIDE_SHUTDOWN_SECONDS: '1',
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const server = await startServer(parsed.env, silentLogger);
  return {
    ...server,
    dataDir,
    port: Number(new URL(server.url).port),
    async dispose() {
      await server.close();
      if (!options.dataDir) rmSync(dirname(dataDir), { recursive: true, force: true });
    },
  };
}

export interface IcalJsEvent {
  uid: string;
  summary: string;
  start: number;
  end: number;
  sequence: number;
  description: string;
}

/** A calendar's events as ical.js reads them, its VTIMEZONEs registered so times are real instants. */
export function readWithIcalJs(ics: string): { name: string | null; events: IcalJsEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      description: event.description,
    };
  });
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  return { name: typeof name === 'string' ? name : null, events };
}
