/**
 * Downloads a calendar feed (ICS URL) with the limits a feed reader needs: a timeout, a size
 * cap, and `webcal://` understood as HTTPS. Shared by the CLI and the extension's background,
 * so `fetch` is injected.
 */

/** Thrown when a feed cannot be downloaded; the message names the URL and what went wrong. */
export class FetchCalendarError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FetchCalendarError';
  }
}

export interface FetchCalendarOptions {
  fetch?: typeof globalThis.fetch;
  /** Give up after this long. */
  timeoutMs?: number;
  /** Refuse feeds larger than this (bytes). */
  maxBytes?: number;
  /** Sent as If-None-Match to skip unchanged feeds. */
  etag?: string;
}

export interface FetchCalendarResult {
  /** `null` when the server answered 304 Not Modified. */
  bytes: Uint8Array | null;
  etag?: string;
  url: string;
}

export const DEFAULT_MAX_CALENDAR_BYTES = 20 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;

/**
 * Normalises a feed address: `webcal://` and `webcals://` are HTTPS (Apple's convention that
 * every calendar app follows); anything but http(s) is refused.
 *
 * @throws {FetchCalendarError} for an unparseable URL or another scheme.
 */
export function normalizeFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (error) {
    throw new FetchCalendarError(`Not a URL: ${JSON.stringify(input)}`, { cause: error });
  }
  if (url.protocol === 'webcal:' || url.protocol === 'webcals:') {
    url = new URL(`https:${url.href.slice(url.protocol.length)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FetchCalendarError(
      `Unsupported calendar URL scheme "${url.protocol}" in ${JSON.stringify(input)}: use https://, http:// or webcal://`,
    );
  }
  return url.href;
}

/** Fetches a calendar feed's bytes, bounded in time and size. */
export async function fetchCalendar(
  input: string,
  options: FetchCalendarOptions = {},
): Promise<FetchCalendarResult> {
  const url = normalizeFeedUrl(input);
  const doFetch = options.fetch ?? globalThis.fetch;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_CALENDAR_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (options.etag) headers['if-none-match'] = options.etag;
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    } catch (error) {
      const why = controller.signal.aborted ? 'timed out' : describe(error);
      throw new FetchCalendarError(`Could not download ${url}: ${why}`, { cause: error });
    }
    if (response.status === 304) return { bytes: null, etag: options.etag, url };
    if (!response.ok) {
      throw new FetchCalendarError(
        `Could not download ${url}: the server answered ${response.status} ${response.statusText}`.trim(),
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw tooLarge(url, maxBytes);
    const bytes = await readBounded(response, maxBytes, url, controller);
    return { bytes, etag: response.headers.get('etag') ?? undefined, url };
  } finally {
    clearTimeout(timer);
  }
}

async function readBounded(
  response: Response,
  maxBytes: number,
  url: string,
  controller: AbortController,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FetchCalendarError) throw error;
    const why = controller.signal.aborted ? 'timed out' : describe(error);
    throw new FetchCalendarError(`Could not download ${url}: ${why}`, { cause: error });
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(url: string, maxBytes: number): FetchCalendarError {
  return new FetchCalendarError(
    `Calendar at ${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; refusing to read it`,
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message) return `${error.message} (${cause.message})`;
    return error.message;
  }
  return String(error);
}
