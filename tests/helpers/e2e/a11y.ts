/**
 * axe-core on a page of the built extension, in light and dark: the rules of WCAG 2.0, 2.1 and
 * 2.2 at levels A and AA plus axe's best practices. A serious or critical violation fails the
 * test; the others are returned for the caller to look at, and printed with
 * IRONSTRIDE_A11Y_REPORT=1.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import type { Scheme } from './screenshot';

/** What is checked: every WCAG A/AA rule up to 2.2 (target size is 2.2 AA), and best practices. */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
  'best-practice',
];

const BLOCKING = new Set(['serious', 'critical']);

export interface A11yCheckOptions {
  /** Default: both. */
  schemes?: Scheme[];
  /** Only this part of the page (a CSS selector), e.g. one section of the options page. */
  include?: string;
}

export interface A11yReport {
  scheme: Scheme;
  /** Every violation axe found, blocking or not. */
  violations: Result[];
}

/** One line per element: where it is and what axe says is wrong with it. */
export function formatViolations(violations: readonly Result[], heading = ''): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) =>
            `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`,
        )
        .join('\n');
      return `${heading}${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n${nodes}`;
    })
    .join('\n');
}

/** Waits for transitions the colour change started (a button's background), so axe reads settled colours. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Runs axe once per scheme; leaves the page without an emulated scheme (light, as headless starts). */
export async function checkA11y(page: Page, options: A11yCheckOptions = {}): Promise<A11yReport[]> {
  const reports: A11yReport[] = [];
  try {
    for (const scheme of options.schemes ?? ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      // Legacy mode runs axe in the page itself. The default mode finishes every run in a new
      // blank tab, which only matters for cross-origin frames (the extension's pages have none).
      let builder = new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true);
      if (options.include) builder = builder.include(options.include);
      const results: AxeResults = await builder.analyze();
      reports.push({ scheme, violations: results.violations });
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
  return reports;
}

/**
 * Fails with every serious and critical violation, in light and in dark, named with `context`
 * ("popup: a week with suggestions"). Returns the reports, lesser violations included.
 */
export async function expectNoSeriousViolations(
  page: Page,
  context: string,
  options: A11yCheckOptions = {},
): Promise<A11yReport[]> {
  const reports = await checkA11y(page, options);
  if (process.env.IRONSTRIDE_A11Y_REPORT === '1') {
    for (const { scheme, violations } of reports)
      if (violations.length > 0)
        console.log(formatViolations(violations, `${context} [${scheme}] `));
  }
  const blocking = reports.flatMap(({ scheme, violations }) =>
    violations.filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => ({ scheme, violation: v })),
  );
  if (blocking.length > 0) {
    const text = blocking
      .map(({ scheme, violation }) => formatViolations([violation], `[${scheme}] `))
      .join('\n');
    throw new Error(`axe: serious or critical violations in ${context}:\n${text}`);
  }
  return reports;
}
