/**
 * Feed ids and write tokens. A feed id is the only secret guarding a feed's content (SPEC §7: at
 * least 128 random bits); a write token guards changes and is stored only as its SHA-256, which
 * is enough for 256 random bits (no password stretching needed: nothing to brute-force).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 18 random bytes = 144 bits, 24 base64url characters (no padding). */
const FEED_ID_BYTES = 18;
/** 32 random bytes = 256 bits, 43 base64url characters. */
const TOKEN_BYTES = 32;

/** What a feed id looks like; anything else is answered 404 without touching the database. */
export const FEED_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newFeedId(random: (size: number) => Buffer = randomBytes): string {
  return random(FEED_ID_BYTES).toString('base64url');
}

export function newWriteToken(random: (size: number) => Buffer = randomBytes): string {
  return random(TOKEN_BYTES).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Constant-time comparison of two SHA-256 digests (both always 32 bytes). */
export function tokenHashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
