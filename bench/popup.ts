/**
 * How fast the toolbar popup paints the runner's week, in the built extension in Chromium: the
 * time from navigation start to the popup's first render (`ironstride:first-render`, marked
 * before paint) with a realistic cached view, against a 100 ms budget. The same tab also opens
 * a blank page of the extension's own origin (no script): its DOMContentLoaded is what any
 * extension page costs on this machine, so the ratio means something anywhere. The same again
 * with 12 weeks of training logs stored (issue 13: still within the budget), and the History
 * page's first render to its charts with those logs (printed, no budget yet). And the popup's
 * JavaScript, gzipped, against a 150 KB budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { assertChromium, buildExtension } from '../tests/helpers/e2e/build';
import { nextWeekStart, weeklySampleCalendar } from '../tests/helpers/e2e/calendar';
import { launchExtension, POPUP_VIEWPORT, TIME_ZONE } from '../tests/helpers/e2e/extension';
import type { ExtensionHarness } from '../tests/helpers/e2e/extension';
import { startIcsServer } from '../tests/helpers/e2e/ics-server';
import { BUILT_EXTENSION_DIR } from '../tests/helpers/e2e/paths';
import { seedRunner } from '../tests/helpers/e2e/popup';
import { median, ms } from './measure';
import { twelveWeeksOfLog } from './training-log';

const OPENS = 15;
const FIRST_RENDER_BUDGET_MS = 100;
const JS_BUDGET_BYTES = 150 * 1024;
const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>';

function p90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.9) - 1] ?? 0;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** The scripts popup.html loads: its module entry and every chunk it preloads. */
export function popupScripts(dir = BUILT_EXTENSION_DIR): string[] {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const tags = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b(?=[^>]*\brel="modulepreload")[^>]*\bhref="([^"]+)"/g),
  ];
  return [...new Set(tags.map((m) => m[1]!))].map((src) => join(dir, src.replace(/^\//, '')));
}

interface Opened {
  /** ms from navigation start. */
  firstRender?: number;
  domContentLoaded: number;
}

/** The mark each page sets once what the runner opened it for is on screen. */
const RENDER_MARKS: Record<string, string> = {
  'popup.html': 'ironstride:first-render',
  'history.html': 'ironstride:history-render',
};

/** Opens an extension page in a new tab at the popup's size, reads its timings, closes it. */
async function open(ext: ExtensionHarness, path: string, waitForRender: boolean): Promise<Opened> {
  const page = await ext.openPage(path, { viewport: POPUP_VIEWPORT });
  const mark = RENDER_MARKS[path] ?? 'ironstride:first-render';
  if (waitForRender) {
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark);
  }
  await page.waitForFunction(() => document.readyState === 'complete');
  const timings = await page.evaluate(
    (name) => ({
      firstRender: performance.getEntriesByName(name)[0]?.startTime,
      domContentLoaded: (
        performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      ).domContentLoadedEventEnd,
    }),
    mark,
  );
  await page.close();
  return timings;
}

/**
 * Opens `path` and the blank page in pairs, `OPENS` times after one warm-up of each, and prints
 * the first render against the blank page (and the budget, when there is one).
 */
async function measureOpens(
  ext: ExtensionHarness,
  path: string,
  label: string,
  budgetMs?: number,
): Promise<void> {
  // One of each first: the first open also compiles the bundle and warms the disk cache.
  await open(ext, path, true);
  await open(ext, BLANK_PAGE, false);
  const opened: Opened[] = [];
  const blank: Opened[] = [];
  for (let i = 0; i < OPENS; i += 1) {
    opened.push(await open(ext, path, true));
    blank.push(await open(ext, BLANK_PAGE, false));
  }
  const firstRender = opened.map((o) => o.firstRender ?? Number.NaN);
  const pageDcl = opened.map((o) => o.domContentLoaded);
  const blankDcl = blank.map((o) => o.domContentLoaded);
  const verdict =
    budgetMs === undefined
      ? ''
      : ` (budget ${ms(budgetMs)}: ${median(firstRender) <= budgetMs ? 'within' : 'OVER'})`;
  console.log(`${label}: median ${ms(median(firstRender))}, p90 ${ms(p90(firstRender))}${verdict}`);
  console.log(`${path} DOMContentLoaded: median ${ms(median(pageDcl))}, p90 ${ms(p90(pageDcl))}`);
  // Opened in pairs, so the difference per pair cancels what the machine was doing meanwhile.
  const extra = firstRender.map((t, i) => t - blankDcl[i]!);
  console.log(
    `reference, blank extension page DOMContentLoaded: median ${ms(median(blankDcl))}, p90 ${ms(p90(blankDcl))}; ` +
      `first render = ${(median(firstRender) / median(blankDcl)).toFixed(1)}× the blank page, ` +
      `+${ms(median(extra))} per pair (median)`,
  );
}

/** Prints first-render and bundle-size figures for the popup. Never asserts. */
export async function benchPopup(): Promise<void> {
  try {
    assertChromium();
  } catch (error) {
    console.log(`skipped: ${(error as Error).message}`);
    return;
  }
  // Built afresh (3 s) unless IRONSTRIDE_E2E_SKIP_BUILD=1: a stale or development build would skew both figures.
  buildExtension();

  const scripts = popupScripts();
  const raw = scripts.reduce((sum, file) => sum + readFileSync(file).length, 0);
  const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  console.log(
    `popup JS: ${kb(gzipped)} gzipped (${kb(raw)} raw, ${scripts.length} files), budget ${kb(JS_BUDGET_BYTES)}: ` +
      `${gzipped <= JS_BUDGET_BYTES ? 'within' : 'OVER'} (${((gzipped / JS_BUDGET_BYTES) * 100).toFixed(0)}%)`,
  );

  const server = await startIcsServer(weeklySampleCalendar());
  // The blank page lives only in the harness's copy of the build, never in the shipped one.
  const ext = await launchExtension({ extraFiles: { [BLANK_PAGE]: BLANK_HTML } });
  try {
    // A realistic cached view: the sample runner's two weeks, next week planned by the real background.
    await seedRunner(ext, server.feedUrl);
    const view = await ext.send('planWeek', { weekStart: nextWeekStart() });
    const items = view.weeks.reduce(
      (n, w) => n + w.days.reduce((m, d) => m + d.items.length, 0),
      0,
    );
    await ext.closePages();

    console.log(
      `cached view: ${view.weeks.length} weeks, ${items} items; ${OPENS} opens of each page after one warm-up`,
    );
    await measureOpens(ext, 'popup.html', 'popup first render', FIRST_RENDER_BUDGET_MS);

    // The same runner with 12 weeks of logs stored: planning reads them, the view is rebuilt.
    const log = twelveWeeksOfLog(Date.now(), TIME_ZONE);
    await ext.send('importLog', { text: JSON.stringify(log) });
    await ext.closePages();
    console.log(`with 12 weeks of logs stored (${log.entries.length} entries):`);
    await measureOpens(
      ext,
      'popup.html',
      'popup first render, 12 weeks of logs',
      FIRST_RENDER_BUDGET_MS,
    );
    // History asks the background for its weeks before it draws: measured to its charts.
    await measureOpens(
      ext,
      'history.html',
      'History first render (charts drawn), 12 weeks of logs',
    );
  } finally {
    await ext.close();
    await server.close();
  }
}
