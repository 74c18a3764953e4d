/**
 * Bytes → text for `.ics` input.
 *
 * RFC 5545 §3.1.4 says the default charset is UTF-8, but real exports still carry
 * windows-1252 bytes (ical.net's "CSV To iCal Convertor" fixture writes a bare 0x92 for ’) or a
 * few mangled sequences inside otherwise UTF-8 text (the bloc.jp fixture). So the bytes are
 * measured first: valid UTF-8 is decoded as such, mostly-UTF-8 is decoded with U+FFFD for the
 * broken sequences, and anything else is read as windows-1252, which is what browsers do with
 * an undeclared legacy page (WHATWG Encoding: "latin1" is windows-1252).
 */

const BOM = 0xfeff;

/**
 * windows-1252 code points for bytes 0x80–0x9F (WHATWG Encoding index). The five holes (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control with the same value, as the WHATWG decoder does.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** How UTF-8-like a byte sequence is: well-formed multi-byte sequences vs. bytes that break it. */
export interface Utf8Census {
  multiByte: number;
  invalid: number;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (overlongs and surrogates count as invalid). */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  let multiByte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      multiByte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid };
}

/** Decodes windows-1252 by table, so it works without full ICU (service worker, small-icu Node). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i] ?? 0;
      units[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b;
    }
    chunks.push(String.fromCharCode(...units.subarray(0, end - start)));
  }
  return chunks.join('');
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Text of an `.ics` input, without a byte-order mark.
 *
 * A UTF-8 BOM, or more well-formed multi-byte sequences than broken bytes, means UTF-8 (broken
 * sequences become U+FFFD); otherwise the bytes are windows-1252.
 */
export function decodeIcs(input: string | Uint8Array): string {
  if (typeof input === 'string') return stripBom(input);
  const census = utf8Census(input);
  if (census.invalid === 0 || hasUtf8Bom(input) || census.multiByte > census.invalid) {
    // TextDecoder drops a leading BOM itself (ignoreBOM defaults to false).
    return new TextDecoder('utf-8').decode(input);
  }
  return decodeWindows1252(input);
}

/** Drops a leading U+FEFF, and the "ï»¿" a BOM turns into when UTF-8 was decoded as Latin-1. */
export function stripBom(text: string): string {
  if (text.charCodeAt(0) === BOM) return text.slice(1);
  if (text.startsWith('\u00ef\u00bb\u00bf')) return text.slice(3);
  return text;
}
