/**
 * Deterministic Google event ids for Ironstride's sessions (SPEC §7): the same session always
 * gets the same id, from the CLI and from the extension, so a repeated or retried insert meets
 * `409 duplicate` instead of creating a second event.
 *
 * Google accepts caller-chosen ids made of base32hex characters (RFC 2938 §3.1.2: lowercase
 * `a-v` and `0-9`), 5–1024 long, unique per calendar
 * (https://developers.google.com/calendar/api/v3/reference/events/insert, `id`).
 * Session ids (`s20270301-1`) contain `-`, so the id is a hash: SHA-256 via Web Crypto, which
 * Node 20 and every browser provide, over a fixed prefix and the session id.
 */

/** Changing this prefix would orphan every event already written: never change it. */
const EVENT_ID_PREFIX = 'ironstride/google-event/v1:';
/** 160 bits: 32 base32hex characters. */
const EVENT_ID_BYTES = 20;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const EVENT_ID_RE = /^[a-v0-9]{5,1024}$/;

/** Whether Google would accept `id` as a caller-chosen event id. */
export function isValidGoogleEventId(id: string): boolean {
  return EVENT_ID_RE.test(id);
}

/** RFC 4648 §7 base32hex, lowercase, without padding. */
export function encodeBase32Hex(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32HEX[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The Google event id of an Ironstride session: 32 base32hex characters.
 *
 * @example await googleEventIdForSession('s20270301-1') // always the same 32 characters
 */
export async function googleEventIdForSession(sessionId: string): Promise<string> {
  if (!sessionId)
    throw new RangeError(`Session id must not be empty, got ${JSON.stringify(sessionId)}`);
  const data = new TextEncoder().encode(EVENT_ID_PREFIX + sessionId);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', data));
  return encodeBase32Hex(digest.subarray(0, EVENT_ID_BYTES));
}
