/** PNGs of an extension page in Firefox for a person to review, light and dark (artifacts/e2e-firefox). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { FirefoxExtension, Scheme } from './firefox';
import { FIREFOX_ARTIFACTS_DIR } from './paths';

export interface ScreenshotOptions {
  schemes?: Scheme[];
  /** The whole page, not only the viewport. */
  fullPage?: boolean;
}

/**
 * Writes `<name>-<scheme>.png` for each scheme and returns the paths; leaves Firefox in light. A
 * full-page shot grows the viewport to the page first, so sticky bars stay at the bottom.
 */
export async function screenshot(
  ext: FirefoxExtension,
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string[]> {
  mkdirSync(FIREFOX_ARTIFACTS_DIR, { recursive: true });
  const viewport = page.viewport();
  const paths: string[] = [];
  for (const scheme of options.schemes ?? ['light', 'dark']) {
    await ext.setColorScheme(scheme);
    await page.waitForFunction(
      (dark) => matchMedia('(prefers-color-scheme: dark)').matches === dark,
      { timeout: 10_000 },
      scheme === 'dark',
    );
    if (options.fullPage && viewport) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewport({ ...viewport, height: Math.max(height, viewport.height) });
    }
    // Two frames: the new colours painted, the resized layout settled.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const path = join(FIREFOX_ARTIFACTS_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path: path as `${string}.png` });
    paths.push(path);
  }
  if (viewport) await page.setViewport(viewport);
  await ext.setColorScheme('light');
  return paths;
}
