import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
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

  it('refuses a data directory another live server holds, naming it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ironstride-data-')), 'data');
    const first = await openStore(envFor(dataDir), silentLogger);
    try {
      // The holder's heartbeat keeps its lock fresh: the newcomer waits, sees it move, refuses.
      await expect(openStore(envFor(dataDir), silentLogger)).rejects.toThrow(
        new RegExp(
          `${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another Ironstride server`,
        ),
      );
    } finally {
      await first.store.close();
      first.release();
    }
  }, 30_000);

  it('opens a data directory through a symlink', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ironstride-data-'));
    mkdirSync(join(parent, 'real'));
    symlinkSync(join(parent, 'real'), join(parent, 'link'));
    const opened = await openStore(envFor(join(parent, 'link')), silentLogger);
    try {
      const app = makeApp(opened.store);
      const { feedId } = await createFeed(app);
      expect((await app.request(`/feeds/${feedId}.ics`)).status).toBe(200);
      // One lock for every path to the directory.
      expect(existsSync(join(parent, 'real.lock'))).toBe(true);
    } finally {
      await opened.store.close();
      opened.release();
    }
  });

  it('names a symlink that points nowhere', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'ironstride-data-'));
    symlinkSync(join(parent, 'missing'), join(parent, 'dangling'));
    await expect(openStore(envFor(join(parent, 'dangling')), silentLogger)).rejects.toThrow(
      /cannot use .*dangling as the data directory/,
    );
  });
});
