/** Where the Firefox e2e harness finds the browser and the build, and where its PNGs go. */
import { join } from 'node:path';
import { ROOT } from '../e2e/paths';

/** Debian's `firefox-esr` (`FIREFOX_PATH` points elsewhere; nothing is ever downloaded). */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** What `wxt build -b firefox` writes (MV2, WXT's default for Firefox). */
export const FIREFOX_BUILD_DIR = join(ROOT, '.output/firefox-mv2');

/** Screenshots for review; `artifacts/` is git-ignored. */
export const FIREFOX_ARTIFACTS_DIR = join(ROOT, 'artifacts/e2e-firefox');
