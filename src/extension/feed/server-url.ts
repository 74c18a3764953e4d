/** The feed server's address as the runner types it in Options, checked before anything is sent. */

/** Where `npm run cli -- serve` listens by default (README, "Feed server"). */
export const DEFAULT_FEED_SERVER = 'http://127.0.0.1:8787';

export type ParseServerUrlResult = { ok: true; url: string } | { ok: false; message: string };

const EXAMPLE = 'such as http://127.0.0.1:8787 or https://feeds.example.com';

/**
 * The server's origin (`http://127.0.0.1:8787`, no trailing slash) from what the runner typed:
 * http(s) only, without a path, query, fragment or credentials — the API lives at the root, and
 * a pasted subscribe link or API path is a mistake worth naming.
 */
export function parseServerUrl(input: string): ParseServerUrlResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: `Enter the feed server’s address, ${EXAMPLE}.` };
  if (/^webcal:/i.test(text)) {
    return {
      ok: false,
      message: `That is a subscribe link; enter the server’s own address, ${EXAMPLE}.`,
    };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return { ok: false, message: `Start the address with http:// or https://, ${EXAMPLE}.` };
  }
  if (!URL.canParse(text)) return { ok: false, message: `That is not a web address; ${EXAMPLE}.` };
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `The feed server is reached over http:// or https://, ${EXAMPLE}.`,
    };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return {
      ok: false,
      message: `Enter only the server’s address, without a path such as /api/feeds or /feeds/…ics: ${url.origin}`,
    };
  }
  return { ok: true, url: url.origin };
}

/**
 * Plain http to another machine: the feed key travels readable with every publish. Loopback
 * (the runner's own `npm run cli -- serve`) never leaves the machine.
 */
export function isInsecureRemote(serverUrl: string): boolean {
  if (!URL.canParse(serverUrl)) return false;
  const url = new URL(serverUrl);
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return !(
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '::1'
  );
}
