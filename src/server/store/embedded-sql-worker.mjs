/**
 * The worker thread that owns the embedded database (`embedded-sql.ts`, which also defines the
 * messages): PGlite runs PostgreSQL compiled to WebAssembly synchronously on whichever thread
 * calls it, so here it stalls nobody. Plain JavaScript, so that running from source (tests, tsx)
 * starts it without a TypeScript loader, which cost 2–3 s per worker on a busy machine.
 *
 * `workerData.mode` 'init' creates the data directory and exits (initdb grows WebAssembly memory
 * that never shrinks; it goes with this thread). 'serve' opens it, says `{ready}`, then answers
 * one message at a time: `{id, text, params}` → `{id, rows}` or `{id, error}`; `{id, listen}`
 * subscribes and forwards `{notify, payload}`; `{id, close}` closes the database and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const BYTEA = 17;

/**
 * PGlite's own bytea codec builds an array of one two-letter string per byte (and parses with one
 * `parseInt` per byte): ~50 ms and a burst of garbage for a season's ~150 KB of gzip. Buffer's
 * hex codec is native. PostgreSQL's default `bytea_output` is this hex form.
 */
const byteaCodec = {
  serializers: {
    [BYTEA]: (/** @type {unknown} */ value) => {
      if (!(value instanceof Uint8Array)) throw new TypeError('a bytea parameter must be bytes');
      return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    },
  },
  parsers: {
    [BYTEA]: (/** @type {string} */ text) => {
      // Its own ArrayBuffer (not Buffer's shared pool), so posting it copies only these bytes.
      const bytes = new Uint8Array((text.length - 2) / 2);
      Buffer.from(bytes.buffer).write(text.slice(2), 'hex');
      return bytes;
    },
  },
};

const port = parentPort;
if (!port) throw new Error('embedded-sql-worker runs only as a worker thread');
/** @type {{ mode: 'init' | 'serve', dataDir: string | undefined, postgresqlconf: string }} */
const { mode, dataDir, postgresqlconf } = workerData;

const db = await PGlite.create({
  ...(dataDir === undefined ? {} : { dataDir }),
  postgresqlconf,
  ...byteaCodec,
});

/** An error as data (a message can't carry an Error's own fields), with PostgreSQL's SQLSTATE. */
function errorOf(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = /** @type {{ code?: unknown }} */ (error).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

if (mode === 'init') {
  await db.close();
  port.close();
} else {
  // One at a time, in order: PGlite is one session, and the client relies on the order.
  let queue = Promise.resolve();
  port.on('message', (request) => {
    queue = queue.then(async () => {
      try {
        if (request.close) {
          await db.close();
          port.postMessage({ id: request.id, rows: [] });
          port.close();
        } else if (request.listen !== undefined) {
          await db.listen(request.listen, (payload) =>
            port.postMessage({ notify: request.listen, payload }),
          );
          port.postMessage({ id: request.id, rows: [] });
        } else {
          const result = await db.query(request.text, request.params);
          port.postMessage({ id: request.id, rows: result.rows });
        }
      } catch (error) {
        port.postMessage({ id: request.id, error: errorOf(error) });
      }
    });
  });
  port.postMessage({ ready: true });
}
