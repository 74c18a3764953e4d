import { resolve } from 'node:path';

/**
 * The test fixtures folder. The workout titles, the calendars from the wild (with their
 * SOURCES.md and licence notes) and the planning scenarios live in the repository, so a clone
 * with no sibling folders passes the test suite.
 */
export const FIXTURES_DIR = resolve(__dirname, '../fixtures');

/** A path inside `tests/fixtures`. */
export function fixturePath(...parts: string[]): string {
  return resolve(FIXTURES_DIR, ...parts);
}
