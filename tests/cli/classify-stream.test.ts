import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_CLASSIFY_LINE_BYTES, readLines } from '../../src/cli/commands/classify';
import { runCliForTest } from '../helpers/cli';

const encoder = new TextEncoder();

/** Stdin as a list of chunks, recording how many the command pulled. */
function chunked(chunks: readonly (string | Uint8Array)[]) {
  const stream = {
    pulled: 0,
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) {
        stream.pulled++;
        yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      }
    },
  };
  return stream;
}

async function allLines(chunks: readonly (string | Uint8Array)[], max = 100) {
  const out: string[] = [];
  for await (const batch of readLines(chunked(chunks), max)) {
    out.push(...batch.map((l) => `${l.number}:${l.text}`));
  }
  return out;
}

describe('readLines', () => {
  it('splits lines across chunks, CRLF and LF alike, with their numbers', async () => {
    expect(await allLines(['a\tb\r\nc', 'd\n\nef', 'g'])).toEqual([
      '1:a\tb',
      '2:cd',
      '3:',
      '4:efg',
    ]);
  });

  it('decodes a character split between two chunks', async () => {
    const bytes = encoder.encode('Café crème\n');
    const cut = 4; // inside the two bytes of "é"

    expect(await allLines([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['1:Café crème']);
  });

  it('refuses a line one byte over the limit, and accepts one at it', async () => {
    await expect(allLines([`${'x'.repeat(100)}\n`])).resolves.toEqual([`1:${'x'.repeat(100)}`]);
    await expect(allLines(['ok\n', 'x'.repeat(60), 'x'.repeat(41)])).rejects.toThrow(
      'line 2 of stdin is longer than 100 bytes',
    );
  });
});

describe('cli classify', () => {
  it('answers the lines before an over-long one, names it, and stops reading', async () => {
    const stdin = chunked([
      'Easy run 40 min\t\nTempo 20 min\t\n',
      'x'.repeat(40_000),
      'x'.repeat(40_000),
      'x'.repeat(40_000),
      '\nnever read\t\n',
    ]);

    const run = await runCliForTest(['classify'], { stdinStream: () => stdin });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ironstride: line 3 of stdin is longer than ${MAX_CLASSIFY_LINE_BYTES.toLocaleString('en-US')} bytes: classify reads one "title<TAB>description" per line\n`,
    );
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).kind),
    ).toEqual(['easy', 'tempo']);
    // 80,000 bytes of the line are more than 64 KB: the third chunk of it is never pulled.
    expect(stdin.pulled).toBe(3);
  });

  it('classifies a stream split in the middle of lines like the whole text', async () => {
    const text = 'Track: 6 x 800m @ 5K pace\t\r\nSprint planning\t\n\nLong run 16 mi\tsteady\n';
    const chunks = [text.slice(0, 10), text.slice(10, 31), text.slice(31)];

    const streamed = await runCliForTest(['classify'], { stdinStream: () => chunked(chunks) });
    const whole = await runCliForTest(['classify'], { stdin: text });

    expect(streamed.code).toBe(0);
    expect(streamed.stdout).toBe(whole.stdout);
    expect(streamed.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('refuses a 1 MB line on real stdin with one line on stderr', async () => {
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, 'classify'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // The child may close stdin before all of it is written: that is the point.
    child.stdin.on('error', () => {});
    child.stdin.write('Hill repeats 8 x 60s\t\n');
    child.stdin.end(`${'y'.repeat(1_000_000)}\n`);

    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(code).toBe(1);
    expect(stderr).toMatch(/^ironstride: line 2 of stdin is longer than 65,536 bytes/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout.trim())).toMatchObject({ kind: 'hills' });
  });
});
