/**
 * Feed addresses and the host permission each one needs. The options page asks for access to
 * one site at a time (`optional_host_permissions`), so these turn what the runner typed into the
 * address the background fetches and the match pattern the browser grants.
 */

/** What {@link parseFeedUrl} made of the runner's input. */
export type ParseFeedUrlResult =
  | {
      ok: true;
      /** The address to fetch: `webcal://` becomes `https://`, everything else is kept. */
      url: string;
      /** The site as the permission prompt names it (`calendar.example.com`). */
      host: string;
      /** The match pattern to request, e.g. `https://calendar.example.com/*`. */
      pattern: string;
    }
  | { ok: false; message: string };

const FEED_SCHEMES = /^(https?|webcals?):\/\//i;

/**
 * Checks a typed feed address before anything is requested.
 *
 * Accepts `https://`, `http://` and `webcal://` (the scheme calendar apps use for subscriptions;
 * it is plain HTTPS underneath, so it is fetched as `https://`).
 *
 * @example parseFeedUrl('webcal://cal.example.com/a.ics')
 *   // { ok: true, url: 'https://cal.example.com/a.ics', host: 'cal.example.com', pattern: 'https://cal.example.com/*' }
 */
export function parseFeedUrl(input: string): ParseFeedUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter the address of the calendar feed.' };
  const scheme = FEED_SCHEMES.exec(trimmed);
  if (!scheme) {
    return {
      ok: false,
      message: 'The address should start with https://, http:// or webcal://.',
    };
  }
  // Parse webcal as https: the URL parser treats webcal as an opaque scheme and would neither
  // lower-case nor punycode its host, which the browser's match patterns compare against.
  const asHttp = /^webcals?:/i.test(trimmed) ? trimmed.replace(/^webcals?:/i, 'https:') : trimmed;
  if (!URL.canParse(asHttp)) return { ok: false, message: 'That is not a web address.' };
  const url = new URL(asHttp);
  if (!url.hostname) return { ok: false, message: 'The address has no site name.' };
  return { ok: true, url: url.href, host: url.hostname, pattern: patternOf(url) };
}

function patternOf(url: URL): string {
  // Chrome and Firefox match patterns have no port: `scheme://host/*` covers every port.
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The host permission pattern that lets the extension fetch `url`.
 *
 * @example originPatternFor('http://127.0.0.1:8080/x.ics') // 'http://127.0.0.1/*'
 * @throws {TypeError} when `url` is not an http(s) or webcal address.
 */
export function originPatternFor(url: string): string {
  const parsed = parseFeedUrl(url);
  if (!parsed.ok) throw new TypeError(`Not a feed address: ${JSON.stringify(url)}`);
  return parsed.pattern;
}

/**
 * The patterns to give back after a feed is removed: its own, unless another feed still reads
 * from the same site.
 */
export function patternsToRelease(
  removed: { kind: string; url?: string },
  remaining: readonly { kind: string; url?: string }[],
): string[] {
  if (removed.kind !== 'url' || !removed.url) return [];
  const removedResult = parseFeedUrl(removed.url);
  if (!removedResult.ok) return [];
  const stillUsed = remaining.some((source) => {
    if (source.kind !== 'url' || !source.url) return false;
    const result = parseFeedUrl(source.url);
    return result.ok && result.pattern === removedResult.pattern;
  });
  return stillUsed ? [] : [removedResult.pattern];
}
