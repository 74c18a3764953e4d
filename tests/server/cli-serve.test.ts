import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runServe } from '../../src/cli/commands/serve';
import { runCliForTest } from '../helpers/cli';
import { JSON_TYPE } from './helpers';

describe('cli serve', () => {
  it('starts the feed server, prints where, and stops when asked', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ironstride-serve-'));
    let out = '';
    let stop = () => {};
    const stopped = new Promise<void>((done) => (stop = done));
    const exit = runServe(
      { port: '0', data: 'feeds-data' },
      {
        stdout: (t) => (out += t),
        stderr: () => {},
        readStdin: async () => '',
        now: () => Date.now(),
        env: { LOG_LEVEL: 'silent' },
        fetch: globalThis.fetch,
        systemTimeZone: 'UTC',
        cwd,
      },
      () => stopped,
    );
    // Builds the server when its bundle is stale, then starts an embedded database: slow on a busy machine.
    const deadline = Date.now() + 90_000;
    while (!out.includes('\n') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const match =
      /^Ironstride feed server on (http:\/\/127\.0\.0\.1:\d+) \(embedded database in feeds-data\)\n/.exec(
        out,
      );
    expect(match, out).not.toBeNull();
    const url = match![1]!;
    const created = await (
      await fetch(`${url}/api/feeds`, { method: 'POST', headers: JSON_TYPE })
    ).json();
    expect(created.subscribeUrl).toBe(`${url}/feeds/${created.feedId}.ics`);
    expect((await fetch(created.subscribeUrl)).status).toBe(200);
    stop();
    expect(await exit).toBe(0);
  }, 120_000);

  it('refuses a port that is not a number, on one line', async () => {
    const run = await runCliForTest(['serve', '--port', 'eighty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ironstride: --port expects a number from 0 to 65535, got "eighty"\n');
  });

  it('lists serve in the usage text', async () => {
    const run = await runCliForTest(['--help']);
    expect(run.stdout).toContain('serve   [--port 8787] [--host 127.0.0.1] [--data DIR]');
  });
});
