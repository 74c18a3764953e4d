/** Timing shared by the bench suites: medians over rounds after a warm-up, plus memory growth. */

export const ROUNDS = 7;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export interface Measured {
  medianMs: number;
  /** Largest rss / heapUsed growth seen across a round, in bytes. */
  rssDelta: number;
  heapDelta: number;
  /** Sum of what the rounds returned: printed so the work cannot be optimised away. */
  sink: number;
}

/**
 * Runs `round` `rounds` times after one warm-up. Memory is sampled before and right after each
 * round (the work is synchronous, so nothing can sample in between; with `--expose-gc` the heap
 * is collected before each round, which makes the deltas sharper).
 */
export function measure(round: () => number, rounds = ROUNDS): Measured {
  let sink = round();
  const times: number[] = [];
  let rssDelta = 0;
  let heapDelta = 0;
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let r = 0; r < rounds; r += 1) {
    gc?.();
    const before = process.memoryUsage();
    const start = performance.now();
    sink += round();
    times.push(performance.now() - start);
    const after = process.memoryUsage();
    rssDelta = Math.max(rssDelta, after.rss - before.rss);
    heapDelta = Math.max(heapDelta, after.heapUsed - before.heapUsed);
  }
  return { medianMs: median(times), rssDelta, heapDelta, sink };
}

export const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
export const ms = (value: number): string =>
  `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
