/**
 * Deterministically mangled copies of every ics-wild file (truncated, bytes flipped, lines
 * dropped, lines duplicated) read to a partial result or one IcsError, never another exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IcsError, readIcs, type ReadIcsResult } from '../../../src/calendar/ics';
import { seededRandom } from '../../helpers/generate-calendar';
import { sharedFixture } from './make-ics';

const DIR = sharedFixture('ics-wild');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.ics'))
  .sort();
const RANGE = { start: Date.UTC(2020, 0, 1), end: Date.UTC(2021, 0, 1) };

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, Math.min(i + 1, bytes.length)));
      start = i + 1;
    }
  }
  return lines;
}

function joinLines(lines: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const line of lines) {
    out.set(line, at);
    at += line.length;
  }
  return out;
}

/** The mangled variants of one file, the same on every run. */
function mangle(bytes: Uint8Array, seed: number): [string, Uint8Array][] {
  const random = seededRandom(seed);
  const lines = splitLines(bytes);
  const variants: [string, Uint8Array][] = [];
  for (const fraction of [0.13, 0.5, 0.87]) {
    variants.push([
      `truncated at ${fraction * 100}%`,
      bytes.subarray(0, Math.floor(bytes.length * fraction)),
    ]);
  }
  for (const flips of [8, 64]) {
    const copy = bytes.slice();
    for (let i = 0; i < flips; i++)
      copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    variants.push([`${flips} bytes flipped`, copy]);
  }
  variants.push(['10% of lines dropped', joinLines(lines.filter(() => random() >= 0.1))]);
  variants.push([
    '5% of lines duplicated',
    joinLines(lines.flatMap((l) => (random() < 0.05 ? [l, l] : [l]))),
  ]);
  const isEnd = (l: Uint8Array): boolean =>
    l[0] === 0x45 && l[1] === 0x4e && l[2] === 0x44 && l[3] === 0x3a; // "END:"
  variants.push([
    '30% of END lines dropped',
    joinLines(lines.filter((l) => !isEnd(l) || random() >= 0.3)),
  ]);
  const swapped = [...lines];
  for (let i = 0; i + 1 < swapped.length; i++) {
    if (random() < 0.05)
      [swapped[i], swapped[i + 1]] = [swapped[i + 1] as Uint8Array, swapped[i] as Uint8Array];
  }
  variants.push(['5% of lines swapped with the next', joinLines(swapped)]);
  return variants;
}

function checkResult(result: ReadIcsResult): void {
  expect(result.read).toBeGreaterThanOrEqual(0);
  for (const event of result.events) {
    expect(
      Number.isFinite(event.start) && Number.isFinite(event.end) && event.start <= event.end,
    ).toBe(true);
    expect(event.start < RANGE.end && event.end >= RANGE.start).toBe(true);
  }
  expect(new Set(result.events.map((e) => e.id)).size).toBe(result.events.length);
  for (const skipped of result.skipped) expect(skipped.reason).toMatch(/\S/);
}

describe('readIcs', () => {
  describe('mangled ics-wild files', () => {
    it.each(FILES.map((file, i) => [file, i] as const))(
      'reads every mangled copy of %s or rejects it as a whole',
      (file, i) => {
        const bytes = new Uint8Array(readFileSync(`${DIR}/${file}`));

        for (const [what, input] of mangle(bytes, 1000 + i)) {
          let result: ReadIcsResult | undefined;
          try {
            result = readIcs(input, { timezone: 'Europe/London', range: RANGE });
          } catch (error) {
            // Only "this is not a calendar at all" may escape, e.g. when truncation left no BEGIN.
            expect(error, `${file}, ${what}`).toBeInstanceOf(IcsError);
          }
          if (result) checkResult(result);
        }
      },
    );
  });
});
