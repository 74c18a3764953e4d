import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/server/env';
import { silentLogger } from '../../src/server/logger';
import { openStore } from '../../src/server/start';
import { describeFeedApi } from './feed-api-contract';
import { createFeed, makeApp, makeBody, makeSession, put } from './helpers';

describeFeedApi('embedded');

describe('embedded store on disk', () => {
  const envFor = (dataDir: string) => {
    const parsed = parseEnv({ IRONSTRIDE_DATA_DIR: dataDir });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.env;
  };

  it('keeps feeds across a restart on the same data directory', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ironstride-data-')), 'data');
    const first = await openStore(envFor(dataDir), silentLogger);
    const app = makeApp(first.store);
    const { feedId, writeToken } = await createFeed(app);
    await put(app, feedId, writeToken, makeBody([makeSession(1)]));
    const before = await (await app.request(`/feeds/${feedId}.ics`)).text();
    await first.store.close();
    first.release();

    const second = await openStore(envFor(dataDir), silentLogger);
    const reopened = makeApp(second.store);
    expect(await (await reopened.request(`/feeds/${feedId}.ics`)).text()).toBe(before);
    await second.store.close();
    second.release();
  });

  it('refuses a data directory another live server holds', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ironstride-data-')), 'data');
    const first = await openStore(envFor(dataDir), silentLogger);
    try {
      // This process holds it, so pretend to be another process by writing a live foreign pid:
      // the parent's (vitest's) pid is alive and not ours.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(`${dataDir}.lock`, String(process.ppid));
      await expect(openStore(envFor(dataDir), silentLogger)).rejects.toThrow(
        /is in use by another Ironstride server/,
      );
    } finally {
      await first.store.close();
      first.release();
    }
  });
});
