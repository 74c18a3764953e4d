import { describe, expect, it } from 'vitest';
import {
  encodeBase32Hex,
  googleEventIdForSession,
  isValidGoogleEventId,
} from '../../../src/calendar/google/event-id';

describe('encodeBase32Hex', () => {
  // RFC 4648 §10 test vectors, base32hex, lowercase and without padding.
  it.each([
    ['', ''],
    ['f', 'co'],
    ['fo', 'cpng'],
    ['foo', 'cpnmu'],
    ['foob', 'cpnmuog'],
    ['fooba', 'cpnmuoj1'],
    ['foobar', 'cpnmuoj1e8'],
  ])('encodes %j as %j', (input, expected) => {
    expect(encodeBase32Hex(new TextEncoder().encode(input))).toBe(expected);
  });
});

describe('googleEventIdForSession', () => {
  it('gives the same 32-character base32hex id every time', async () => {
    const a = await googleEventIdForSession('s20270301-1');
    const b = await googleEventIdForSession('s20270301-1');
    expect(a).toBe(b);
    expect(a).toMatch(/^[a-v0-9]{32}$/);
    expect(isValidGoogleEventId(a)).toBe(true);
  });

  it('pins the id so the CLI and the extension agree across releases', async () => {
    // Changing this breaks every calendar already written to: it must never change.
    expect(await googleEventIdForSession('s20270301-1')).toBe('hj7nc7cks94guis17m17lbrlco1vd28h');
  });

  it('gives different sessions different ids', async () => {
    const ids = await Promise.all(
      Array.from({ length: 200 }, (_, i) => googleEventIdForSession(`s20270301-${i}`)),
    );
    expect(new Set(ids).size).toBe(200);
  });

  it('refuses an empty session id', async () => {
    await expect(googleEventIdForSession('')).rejects.toThrow(/must not be empty/);
  });
});

describe('isValidGoogleEventId', () => {
  it.each([
    ['abcde', true],
    ['0123456789abcdefghijklmnopqrstuv', true],
    ['abcd', false],
    ['abcdw', false],
    ['ABCDE', false],
    ['abc-de', false],
    ['a'.repeat(1024), true],
    ['a'.repeat(1025), false],
  ])('%s → %s', (id, valid) => {
    expect(isValidGoogleEventId(id)).toBe(valid);
  });
});
