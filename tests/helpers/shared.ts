import { resolve } from 'node:path';

/**
 * The shared fixtures folder: `../shared` next to the repository, or `IRONSTRIDE_SHARED` when a
 * checkout lives elsewhere.
 */
export const SHARED_DIR = process.env.IRONSTRIDE_SHARED
  ? resolve(process.env.IRONSTRIDE_SHARED)
  : resolve(__dirname, '../../../shared');

/** A path inside the shared `fixtures` folder. */
export function fixturePath(...parts: string[]): string {
  return resolve(SHARED_DIR, 'fixtures', ...parts);
}
