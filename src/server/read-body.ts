/**
 * Reads a request body with a byte limit and a deadline: the server reads a body only once the
 * request's headers have been authenticated, and never more of it than it would accept, nor for
 * longer than a client may take (a body trickled for minutes holds a connection and its memory).
 */

export type ReadBodyResult =
  { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'timeout' };

export interface ReadBodyOptions {
  maxBytes: number;
  timeoutMs: number;
}

/**
 * Reads `request`'s body. On a refusal the stream is left unread rather than cancelled:
 * cancelling a Node request destroys its socket, and the client would get a reset instead of
 * the 413 or 408 (the server closes the connection after that answer instead).
 */
export async function readBody(
  request: Request,
  options: ReadBodyOptions,
): Promise<ReadBodyResult> {
  const stream = request.body;
  if (!stream) return { ok: true, bytes: new Uint8Array(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  // The body goes to the render worker: in shared memory, posting it copies nothing. With its
  // length declared, each chunk is copied in as it arrives, rather than 3 MB at once at the end
  // in one turn of the event loop (issue 16: the longest stall while storing a season).
  const declared = Number(request.headers.get('content-length') ?? NaN);
  let shared =
    Number.isSafeInteger(declared) && declared >= 0 && declared <= options.maxBytes
      ? new Uint8Array(new SharedArrayBuffer(declared))
      : undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const stop = <T>(result: T): T => {
    try {
      reader.releaseLock();
    } catch {
      // A read still pending keeps the lock on older stream implementations; nothing to do.
    }
    return result;
  };
  try {
    for (;;) {
      const read = reader.read();
      read.catch(() => {});
      const next = await Promise.race([read, deadline]);
      if (next === 'timeout') return stop({ ok: false, reason: 'timeout' });
      if (next.done) break;
      const at = size;
      size += next.value.byteLength;
      if (size > options.maxBytes) return stop({ ok: false, reason: 'too-large' });
      if (shared && size <= shared.byteLength) {
        shared.set(next.value, at);
        continue;
      }
      // More than declared (only a Request built in-process can do that): gather it instead.
      if (shared) chunks.push(shared.slice(0, at));
      shared = undefined;
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  if (shared) return { ok: true, bytes: shared.subarray(0, size) };
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
