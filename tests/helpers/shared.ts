import { resolve } from 'node:path';

/** The shared fixtures folder (`../shared` next to the repository). */
export const SHARED_DIR = resolve(__dirname, '../../../shared');

/** A path inside `../shared/fixtures`. */
export function fixturePath(...parts: string[]): string {
  return resolve(SHARED_DIR, 'fixtures', ...parts);
}
