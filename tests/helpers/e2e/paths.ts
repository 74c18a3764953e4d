/** Where the e2e harness finds the build, the browser and the sample runner, and where PNGs go. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** What `wxt build` writes for Chrome (MV3). */
export const BUILT_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');

/** Where the Google-enabled e2e copy is built (`IRONSTRIDE_OUT_DIR`), apart from the plain one. */
export const GOOGLE_BUILD_OUT_DIR = join(ROOT, '.output/e2e-google');
export const GOOGLE_BUILT_EXTENSION_DIR = join(GOOGLE_BUILD_OUT_DIR, 'chrome-mv3');

/** Screenshots for review; `artifacts/` is git-ignored. */
export const ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e');

/** Debian's `chromium` package; `CHROMIUM_PATH` points elsewhere (Playwright never downloads one here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SAMPLE_CALENDAR = join(ROOT, 'src/cli/sample/sample-calendar.ics');
export const SAMPLE_PREFS = join(ROOT, 'src/cli/sample/sample-prefs.json');
