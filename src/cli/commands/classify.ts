import { classifyEvent } from '../../core/classify';
import { CliError } from '../errors';
import type { CliIo } from '../io';

/**
 * Longest input line `classify` accepts, in bytes. A title and description are a few hundred
 * bytes; one 50 MB line once took 14 s and 1.96 GB, so a line this long is refused rather than
 * held.
 */
export const MAX_CLASSIFY_LINE_BYTES = 64 * 1024;

const NEWLINE = 0x0a;

interface Line {
  /** 1-based, counting blank lines too, as an editor would. */
  number: number;
  text: string;
}

/**
 * The lines of a byte stream as they arrive, a batch for each chunk read (the lines it
 * completed), each line decoded as UTF-8 on its own (a chunk may end inside a character),
 * `\r\n` or `\n` ended. Throws a `CliError` naming the line as soon as one grows past
 * `maxBytes`, without reading the rest of it.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Line[]> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let number = 0;
  const tooLong = (): CliError =>
    new CliError(
      `line ${number + 1} of stdin is longer than ${maxBytes.toLocaleString('en-US')} bytes: ` +
        'classify reads one "title<TAB>description" per line',
      1,
    );
  const finish = (tail: Uint8Array): Line => {
    const bytes =
      pending.length === 0 ? tail : concat([...pending, tail], pendingBytes + tail.length);
    pending = [];
    pendingBytes = 0;
    number++;
    let text = decoder.decode(bytes);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { number, text };
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const lines: Line[] = [];
    let from = 0;
    for (;;) {
      const newline = bytes.indexOf(NEWLINE, from);
      const end = newline === -1 ? bytes.length : newline;
      if (pendingBytes + (end - from) > maxBytes) {
        // The lines this chunk completed are still answered.
        if (lines.length > 0) yield lines;
        throw tooLong();
      }
      if (newline === -1) break;
      lines.push(finish(bytes.subarray(from, newline)));
      from = newline + 1;
    }
    if (from < bytes.length) {
      // Copied: the stream may reuse the chunk's buffer.
      pending.push(bytes.slice(from));
      pendingBytes += bytes.length - from;
    }
    if (lines.length > 0) yield lines;
  }
  if (pendingBytes > 0) yield [finish(new Uint8Array(0))];
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function* whole(read: () => Promise<string>): AsyncGenerator<string> {
  yield await read();
}

/**
 * `classify`: one `title<TAB>description` per stdin line → one JSON object per line, in order,
 * written as the input arrives. Blank lines are skipped; further tab-separated columns (labels
 * in a TSV) are ignored. A line longer than 64 KB stops the command with an error naming it
 * (the lines before it have been answered).
 */
export async function runClassify(io: CliIo): Promise<number> {
  const chunks = io.stdinStream ? io.stdinStream() : whole(io.readStdin);
  for await (const lines of readLines(chunks, MAX_CLASSIFY_LINE_BYTES)) {
    const out: string[] = [];
    for (const { text } of lines) {
      if (text.trim() === '') continue;
      const [title = '', description = ''] = text.split('\t');
      const c = classifyEvent({ title, description });
      out.push(
        JSON.stringify({
          activity: c.activity,
          kind: c.kind,
          intensity: c.intensity,
          key: c.key,
          confidence: c.confidence,
          reasons: c.reasons,
          ...(c.accessory ? { accessory: true } : {}),
        }),
      );
    }
    if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
  }
  return 0;
}
