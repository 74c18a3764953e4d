import { runCli } from '../../src/cli/run-cli';
import type { CliIo } from '../../src/cli/io';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with a fixed clock and zone, capturing its output. */
export async function runCliForTest(
  argv: string[],
  overrides: Partial<CliIo> & { stdin?: string } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const { stdin = '', ...io } = overrides;
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => stdin,
    now: () => Date.UTC(2027, 2, 3, 12),
    env: {},
    fetch: () => Promise.reject(new Error('tests never touch the internet')),
    systemTimeZone: 'UTC',
    cwd: process.cwd(),
    ...io,
  });
  return { code, stdout, stderr };
}
