/**
 * The worker thread behind `renderer.ts`: prepares feed versions off the event loop. One message
 * in (`{id, input}`), one out (`{id, result}` or `{id, error}`).
 */
import { parentPort } from 'node:worker_threads';
import { prepareFeedVersion } from './feed-version';
import type { PrepareInput } from './feed-version';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs only as a worker thread');

port.on('message', (message: { id: number; input: PrepareInput }) => {
  try {
    port.postMessage({ id: message.id, result: prepareFeedVersion(message.input) });
  } catch (error) {
    port.postMessage({
      id: message.id,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }
});
