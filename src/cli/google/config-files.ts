/**
 * Where the CLI keeps its Google files — `$XDG_CONFIG_HOME/ironstride` (default
 * `~/.config/ironstride`) — and how: the directory 0700, each file 0600, written to a
 * temporary file and renamed, so a crash never leaves half a token or half a ledger.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { CliIo } from '../io';

/** The CLI's config directory, respecting `XDG_CONFIG_HOME` (XDG Base Directory spec). */
export function configDir(env: CliIo['env']): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'ironstride');
}

export function tokenFilePath(env: CliIo['env']): string {
  return join(configDir(env), 'google-token.json');
}

/** The write ledger lives next to the token it was written with. */
export function ledgerFilePath(env: CliIo['env']): string {
  return join(configDir(env), 'google-ledger.json');
}

/** Reads and parses a JSON file; `undefined` when it does not exist. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

let counter = 0;

/** Writes `value` as JSON, readable by the owner only (dir 0700, file 0600), atomically. */
export async function writePrivateJsonFile(path: string, value: unknown): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode does not apply to a directory that already exists.
  await chmod(dir, 0o700);
  const temp = `${path}.${process.pid}.${counter++}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, path);
}
