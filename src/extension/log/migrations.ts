/**
 * How the training log changes shape without losing a runner's history: one upgrade step per
 * version, used both by the storage item (WXT runs `migrations[n]` for each version above the
 * stored one, wxt-dev/wxt docs/storage.md) and by Options' import (a file exported by an older
 * Ironstride). The document's `version` (SPEC §6b) and the storage item's version move together.
 *
 * Today the log is at version 1 and there is no step. The first change of shape adds
 * `2: (v1) => v2` to {@link LOG_UPGRADES}, bumps {@link LOG_VERSION} (and so `logItem`'s version)
 * and the schema's `version` literal; tests/extension/log-storage.test.ts shows a step running.
 *
 * No zod here: `storage.ts`, which the popup loads before its first paint, imports this module.
 */

/** The log's version: SPEC §6b's `"version"` and the storage item's. */
export const LOG_VERSION = 1;

/** Turns a document of version n − 1 into version n (its `version` field included). */
export type LogUpgrade = (previous: unknown) => unknown;

/** Step n takes version n − 1 to version n. */
export const LOG_UPGRADES: Readonly<Record<number, LogUpgrade>> = {};

/** Thrown for a log this Ironstride cannot read at all: its message says what to do. */
export class LogVersionError extends Error {
  readonly path = 'version';
  constructor(message: string) {
    super(message);
    this.name = 'LogVersionError';
  }
}

function versionOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('version' in raw)) return undefined;
  return typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : undefined;
}

/**
 * Brings a log document up to `current`, one step at a time. A document without a readable
 * version is returned as it is, for the schema to name what is wrong with it.
 *
 * @throws {LogVersionError} for a version newer than `current` (written by a newer Ironstride),
 *   or one no step leads on from.
 */
export function upgradeLog(
  raw: unknown,
  upgrades: Readonly<Record<number, LogUpgrade>> = LOG_UPGRADES,
  current: number = LOG_VERSION,
): unknown {
  const from = versionOf(raw);
  if (from === undefined) return raw;
  if (from > current) {
    throw new LogVersionError(
      `This log is version ${from}, newer than this Ironstride reads (version ${current}): update Ironstride, then import it again`,
    );
  }
  let doc = raw;
  for (let version = from + 1; version <= current; version += 1) {
    const step = upgrades[version];
    if (!step) throw new LogVersionError(`No way to read a version ${version - 1} log`);
    doc = step(doc);
  }
  return doc;
}

/** The storage item's `migrations`, made of the same steps. */
export function logStorageMigrations(
  upgrades: Readonly<Record<number, LogUpgrade>> = LOG_UPGRADES,
): Record<number, (value: unknown) => unknown> {
  return Object.fromEntries(Object.entries(upgrades).map(([version, step]) => [version, step]));
}
