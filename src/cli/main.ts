import { runCli } from './run-cli';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  stdinStream: () => process.stdin,
  now: () => Date.now(),
  env: process.env,
  fetch: globalThis.fetch,
  systemTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  cwd: process.cwd(),
});
process.exitCode = code;
