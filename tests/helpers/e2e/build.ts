/**
 * The two things the e2e tests and the popup bench need before a browser starts: Debian's
 * Chromium, and the extension built into `.output/chrome-mv3`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_EXTENSION_DIR, CHROMIUM_PATH, ROOT } from './paths';

/** Fails with the one fix when the browser is missing: the suite must not skip silently. */
export function assertChromium(path = CHROMIUM_PATH): void {
  if (!existsSync(path)) {
    throw new Error(
      `The e2e tests drive Chromium at ${path}, which is missing. Install Debian's package with ` +
        '`apt-get install chromium` (or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
}

export function isBuilt(): boolean {
  return existsSync(join(BUILT_EXTENSION_DIR, 'manifest.json'));
}

export interface BuildExtensionOptions {
  /** Reuse `.output/chrome-mv3` when it exists (the bench; CI with `IRONSTRIDE_E2E_SKIP_BUILD=1`). */
  reuse?: boolean;
}

/**
 * Runs `wxt build` once, so `npm test` works on a fresh clone. CI builds in an earlier step and
 * sets `IRONSTRIDE_E2E_SKIP_BUILD=1` to test exactly that build.
 */
export function buildExtension({
  reuse = process.env.IRONSTRIDE_E2E_SKIP_BUILD === '1',
}: BuildExtensionOptions = {}): void {
  if (reuse && isBuilt()) return;
  if (reuse && process.env.IRONSTRIDE_E2E_SKIP_BUILD === '1') {
    throw new Error(
      `IRONSTRIDE_E2E_SKIP_BUILD=1 but ${BUILT_EXTENSION_DIR} holds no build: run \`npx wxt build\` first`,
    );
  }
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    // Vitest sets NODE_ENV=test, and Vite bundles what NODE_ENV says: React's development build,
    // twice the size and slower. Test and measure what a runner installs.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0 || !isBuilt()) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(
      `\`npx wxt build\` failed (exit ${result.status ?? result.signal}):\n${output}`,
      {
        cause: result.error,
      },
    );
  }
}
