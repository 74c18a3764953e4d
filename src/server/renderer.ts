/**
 * Where PUT bodies become feed versions: on a worker thread in the running server, so the event
 * loop keeps answering GETs while a 1000-session season is parsed and rendered (issue: 0.3–2 s
 * stalls); in-process for tests that call the app directly.
 */
import { Worker } from 'node:worker_threads';
import { prepareFeedVersion } from './feed-version';
import type { PrepareInput, PrepareResult } from './feed-version';

export interface FeedRenderer {
  prepare(input: PrepareInput): Promise<PrepareResult>;
  close(): Promise<void>;
}

/** Runs on the calling thread: for tests and tools, never for the listening server. */
export const inlineRenderer: FeedRenderer = {
  prepare: async (input) => prepareFeedVersion(input),
  close: async () => {},
};

interface Job {
  id: number;
  input: PrepareInput;
  resolve: (result: PrepareResult) => void;
  reject: (error: Error) => void;
}

/**
 * The worker for this module's location. Built (`npm run build:server`), it is the bundled
 * `render-worker.js` beside this file. From source (tsx, vitest) it is `render-worker.ts`,
 * loaded through tsx's loader, which a worker thread does not inherit.
 */
function spawnRenderWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./render-worker.js', here));
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./render-worker.ts', here).href)}); })`;
  return new Worker(boot, { eval: true });
}

/**
 * One worker thread, jobs queued in order: a second thread would only compete with the event
 * loop for this machine's two cores, and writes are rate-limited anyway. A worker that dies is
 * replaced; the job it held fails (the client gets a 500 and retries).
 */
export function createWorkerRenderer(spawn: () => Worker = spawnRenderWorker): FeedRenderer {
  let worker: Worker | undefined;
  let current: Job | undefined;
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const start = (): Worker => {
    const w = spawn();
    w.unref();
    w.on('message', (message: { id: number; result?: PrepareResult; error?: string }) => {
      const job = current;
      if (!job || job.id !== message.id) return;
      current = undefined;
      if (message.result) job.resolve(message.result);
      else job.reject(new Error(`feed render failed: ${message.error ?? 'unknown error'}`));
      pump();
    });
    const fail = (error: Error) => {
      if (worker === w) worker = undefined;
      const job = current;
      current = undefined;
      job?.reject(new Error('the render worker stopped', { cause: error }));
      pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return w;
  };

  const pump = () => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    worker ??= start();
    current = job;
    worker.postMessage({ id: job.id, input: job.input });
  };

  return {
    prepare(input) {
      if (closed) return Promise.reject(new Error('the renderer is closed'));
      return new Promise<PrepareResult>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the renderer is closed'));
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
