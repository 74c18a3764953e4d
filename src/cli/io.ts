/** Everything the CLI takes from the process, injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /**
   * Stdin as it arrives, for commands that must not hold all of it (`classify`); when absent,
   * they fall back to `readStdin`.
   */
  stdinStream?: () => AsyncIterable<Uint8Array | string>;
  /** Epoch ms; the CLI is the only layer that reads the clock. */
  now: () => number;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof globalThis.fetch;
  /** The machine's IANA zone, the last fallback for the runner's zone. */
  systemTimeZone: string;
  /** Resolves relative paths. */
  cwd: string;
}
