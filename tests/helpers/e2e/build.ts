/**
 * The two things the e2e tests and the popup bench need before a browser starts: Debian's
 * Chromium, and the extension built into `.output/chrome-mv3` — plus, for the Google tests, a
 * second copy built with the `WXT_GOOGLE_*` overrides pointing at the local fakes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILT_EXTENSION_DIR,
  CHROMIUM_PATH,
  GOOGLE_BUILD_OUT_DIR,
  GOOGLE_BUILT_EXTENSION_DIR,
  ROOT,
} from './paths';

/** Fails with the one fix when the browser is missing: the suite must not skip silently. */
export function assertChromium(path = CHROMIUM_PATH): void {
  if (!existsSync(path)) {
    throw new Error(
      `The e2e tests drive Chromium at ${path}, which is missing. Install Debian's package with ` +
        '`apt-get install chromium` (or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
}

export function isBuilt(dir = BUILT_EXTENSION_DIR): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

export interface BuildExtensionOptions {
  /** Reuse `.output/chrome-mv3` when it exists (the bench; CI with `IRONSTRIDE_E2E_SKIP_BUILD=1`). */
  reuse?: boolean;
}

/** The `WXT_GOOGLE_*` variables, all empty: the plain build must not pick any up from a `.env`. */
const NO_GOOGLE = {
  WXT_GOOGLE_CLIENT_ID: '',
  WXT_GOOGLE_WEB_CLIENT_ID: '',
  WXT_GOOGLE_API_ROOT: '',
  WXT_GOOGLE_AUTH_URL: '',
  WXT_GOOGLE_REVOKE_URL: '',
  WXT_GOOGLE_AUTH_FLOW: '',
};

function wxtBuild(env: Record<string, string>, dir: string): void {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    // Vitest sets NODE_ENV=test, and Vite bundles what NODE_ENV says: React's development build,
    // twice the size and slower. Test and measure what a runner installs.
    env: { ...process.env, NODE_ENV: 'production', ...env },
  });
  if (result.status !== 0 || !isBuilt(dir)) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(
      `\`npx wxt build\` failed (exit ${result.status ?? result.signal}):\n${output}`,
      {
        cause: result.error,
      },
    );
  }
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
  wxtBuild(NO_GOOGLE, BUILT_EXTENSION_DIR);
}

/** What the Google-enabled copy is built with: the fakes' addresses, known once they listen. */
export interface GoogleBuildEnv {
  clientId: string;
  apiRoot: string;
  authUrl: string;
  revokeUrl: string;
}

/**
 * Builds the Google-enabled copy into `.output/e2e-google/chrome-mv3` (about two seconds):
 * launchWebAuthFlow forced (`WXT_GOOGLE_AUTH_FLOW=web`; getAuthToken needs a real Google
 * account), every Google address pointing at the local fakes. Returns the directory.
 */
export function buildGoogleExtension(env: GoogleBuildEnv): string {
  wxtBuild(
    {
      ...NO_GOOGLE,
      IRONSTRIDE_OUT_DIR: GOOGLE_BUILD_OUT_DIR,
      WXT_GOOGLE_CLIENT_ID: env.clientId,
      WXT_GOOGLE_API_ROOT: env.apiRoot,
      WXT_GOOGLE_AUTH_URL: env.authUrl,
      WXT_GOOGLE_REVOKE_URL: env.revokeUrl,
      WXT_GOOGLE_AUTH_FLOW: 'web',
    },
    GOOGLE_BUILT_EXTENSION_DIR,
  );
  return GOOGLE_BUILT_EXTENSION_DIR;
}
