/**
 * Runs tasks one at a time. The service worker may get several messages at once (the popup's
 * refresh and a click), and each one reads, changes and writes the same storage items.
 */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export function createSerialQueue(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
