/**
 * What the Firefox e2e tests need before a browser starts: Debian's firefox-esr, and the
 * extension built into `.output/firefox-mv2` (as the Chromium harness builds `.output/chrome-mv3`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/paths';
import { FIREFOX_BUILD_DIR, FIREFOX_PATH } from './paths';

/** Fails with the one fix when the browser is missing: the suite must not skip silently. */
export function assertFirefox(path = FIREFOX_PATH): void {
  if (!existsSync(path)) {
    throw new Error(
      `The Firefox e2e tests drive Firefox at ${path}, which is missing. Install Debian's package ` +
        'with `apt-get install firefox-esr` (or set FIREFOX_PATH to another Firefox binary).',
    );
  }
}

export function isFirefoxBuilt(dir = FIREFOX_BUILD_DIR): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

/**
 * Runs `wxt build -b firefox` once, so `npm test` works on a fresh clone. CI builds (and zips) in
 * an earlier step and sets `IRONSTRIDE_E2E_SKIP_BUILD=1` to test exactly that build.
 */
export function buildFirefoxExtension(reuse = process.env.IRONSTRIDE_E2E_SKIP_BUILD === '1'): void {
  if (reuse && isFirefoxBuilt()) return;
  if (reuse) {
    throw new Error(
      `IRONSTRIDE_E2E_SKIP_BUILD=1 but ${FIREFOX_BUILD_DIR} holds no build: run \`npm run build:firefox\` first`,
    );
  }
  const result = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      // Vitest sets NODE_ENV=test; test what a runner installs (React's production build).
      NODE_ENV: 'production',
      // The plain build: no Google, whatever a `.env` says.
      WXT_GOOGLE_CLIENT_ID: '',
      WXT_GOOGLE_WEB_CLIENT_ID: '',
      WXT_GOOGLE_API_ROOT: '',
      WXT_GOOGLE_AUTH_URL: '',
      WXT_GOOGLE_REVOKE_URL: '',
      WXT_GOOGLE_AUTH_FLOW: '',
      IRONSTRIDE_OUT_DIR: '',
    },
  });
  if (result.status !== 0 || !isFirefoxBuilt()) {
    throw new Error(
      `\`npx wxt build -b firefox\` failed (exit ${result.status ?? result.signal}):\n` +
        `${result.stdout ?? ''}${result.stderr ?? ''}`.trim(),
      { cause: result.error },
    );
  }
}
