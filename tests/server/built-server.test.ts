/**
 * The server as production runs it: bundled (`npm run build:server`) and started with plain
 * `node`, no TypeScript loader; the render worker is the bundled one too.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/build';
import { JSON_TYPE, makeBody, makeSession } from './helpers';

describe('the built server', () => {
  it('runs under plain node and renders through its bundled worker', async () => {
    const entry = await buildServer();
    const bundle = readFileSync(entry, 'utf8');
    expect(bundle).not.toMatch(/from ["']tsx/);
    const child = spawn(process.execPath, [entry], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        LOG_LEVEL: 'info',
        IRONSTRIDE_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'ironstride-built-')), 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((done) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.msg === 'listening' && entry.url) done(entry.url);
        });
      });
      const created = (await (
        await fetch(`${url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
      ).json()) as { feedId: string; writeToken: string; subscribeUrl: string };
      // Dated around now: the server's clock is the real one here.
      const now = Date.now();
      const sessions = [1, 2].map((i) => {
        const start = new Date(now + i * 86_400_000);
        return makeSession(i, {
          start: start.toISOString(),
          end: new Date(start.getTime() + 40 * 60_000).toISOString(),
        });
      });
      const put = await fetch(`${url}/api/feeds/${created.feedId}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${created.writeToken}` },
        body: JSON.stringify(makeBody(sessions)),
      });
      expect(put.status).toBe(200);
      const ics = await (await fetch(created.subscribeUrl)).text();
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
