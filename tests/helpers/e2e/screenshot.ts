/** PNGs of a page for a person to review, in light and dark, into artifacts/e2e (git-ignored). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';

export type Scheme = 'light' | 'dark';

export interface ScreenshotOptions {
  schemes?: Scheme[];
  /** The whole page, not only the viewport. */
  fullPage?: boolean;
  /** Only this element (one section of a page), scrolled into view. */
  element?: Locator;
}

/**
 * Writes `<name>-<scheme>.png` for each scheme and returns the paths; leaves the page in light.
 * A full-page shot grows the viewport to the page first: sticky bars (the options page's save
 * bar) would otherwise be drawn in the middle of the page.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: ScreenshotOptions = {},
): Promise<string[]> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const paths: string[] = [];
  const viewport = page.viewportSize();
  // Park the pointer so no button is drawn hovered.
  await page.mouse.move(0, 0);
  for (const scheme of options.schemes ?? ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    if (options.fullPage && viewport) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({
        width: viewport.width,
        height: Math.max(height, viewport.height),
      });
    }
    const path = join(ARTIFACTS_DIR, `${name}-${scheme}.png`);
    if (options.element) await options.element.screenshot({ path, animations: 'disabled' });
    else
      await page.screenshot({ path, fullPage: options.fullPage ?? false, animations: 'disabled' });
    paths.push(path);
  }
  if (viewport) await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: 'light' });
  return paths;
}
