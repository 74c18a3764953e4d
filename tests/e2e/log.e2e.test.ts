/**
 * The training log as a runner meets it (SPEC §6b, issue 13), in the built extension: with the
 * clock moved past a session, log it with its sets from the popup, see the next week's target
 * weights change, export the log from Options, start over from empty storage, import it, and see
 * the targets again; History with data and empty. Screenshots go to artifacts/e2e.
 *
 * The clock: the background reads `Date.now()` at every call (entrypoints/background), so moving
 * the service worker's `Date.now` moves the extension's "now"; pages get the same offset before
 * they load. Chromium may restart an idle worker, so the clock is set again before each step
 * that depends on it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TrainingLog } from '../../src/core/log';
import type { HistoryView } from '../../src/extension/log/history-view';
import type { StoredSession } from '../../src/extension/storage';
import type { PopupView } from '../../src/extension/view';
import type { ExtensionHarness } from '../helpers/e2e/extension';
import { waitForStatus } from '../helpers/e2e/dom';
import { planNextWeek, popupSuite, seedRunner, sessionsOf } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

const suite = popupSuite();
const HOUR_MS = 3_600_000;

/** Moves the background's clock to `at` (it keeps running from there). */
async function setClock(ext: ExtensionHarness, at: number): Promise<void> {
  const worker = await ext.serviceWorker();
  await worker.evaluate((target) => {
    const g = globalThis as unknown as { realNow?: () => number };
    g.realNow ??= Date.now.bind(Date);
    const real = g.realNow;
    const offset = target - real();
    Date.now = () => real() + offset;
  }, at);
}

/** Opens an extension page whose `Date.now` reads the same moved clock. */
async function openAt(ext: ExtensionHarness, path: string, at: number, popup = false) {
  const beforeLoad = (page: Page) =>
    page.addInitScript((offset: number) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + offset;
    }, at - Date.now());
  return popup ? ext.openPopup({ beforeLoad }) : ext.openPage(path, { beforeLoad });
}

/** The main lift's target in the next week's sessions, as the popup view has it. */
function nextWeekTargets(view: PopupView, lift: string): (string | undefined)[] {
  const next = view.weeks[1];
  if (!next) return [];
  return sessionsOf({ ...view, weeks: [next] }).flatMap((s) =>
    s.exercises.filter((e) => e.name === lift).map((e) => e.target),
  );
}

describe('training log', () => {
  it('logs a session with its sets, moves next week’s targets, and survives export, a clear and import', async () => {
    const { ext } = suite;
    // Next week planned and accepted, as a runner does on a Sunday.
    let page = await ext.openPopup();
    await planNextWeek(page);
    await page.getByRole('button', { name: /^Accept all/ }).click();
    await waitForStatus(page, /accepted$/);
    // The footer's three buttons fit the popup's 400 px: Settings is not cut off by History.
    const settings = await page.getByRole('button', { name: 'Settings' }).boundingBox();
    expect(settings!.x + settings!.width).toBeLessThanOrEqual(400);
    await page.close();
    const plan = await ext.stored<{ sessions: StoredSession[] }>('plan');
    const session = plan!.sessions.find(
      (s) => s.status === 'accepted' && s.content.exercises.some((p) => p.doseClass === 'main'),
    )!;
    const lift = session.content.exercises.find((p) => p.doseClass === 'main')!;
    const top = Number(String(lift.reps).split('-').at(-1));

    // An hour after that session; the week after it is planned, with no target yet.
    const at = session.end + HOUR_MS;
    await setClock(ext, at);
    page = await openAt(ext, 'popup.html', at, true);
    await planNextWeek(page);
    const before = (await ext.stored<PopupView>('view'))!;
    expect(nextWeekTargets(before, lift.name).length).toBeGreaterThan(0);
    expect(nextWeekTargets(before, lift.name).every((t) => t === undefined)).toBe(true);

    // The card asks how it went; "Add sets" shows each set pre-filled from the prescription.
    await page.getByRole('tab', { name: /^This week/ }).click();
    const form = page.locator(`[data-log-session="${session.id}"]`);
    await form.scrollIntoViewIfNeeded();
    expect(await form.getByRole('heading', { name: 'How did it go?' }).isVisible()).toBe(true);
    await form.getByRole('button', { name: /^Add the sets of / }).click();
    const sets = form.getByRole('group', { name: lift.name });
    const reps = sets.getByRole('textbox', { name: /reps$/ });
    expect(await reps.count()).toBe(lift.sets);
    for (let i = 0; i < lift.sets; i += 1) {
      await reps.nth(i).fill(String(top));
      await sets
        .getByRole('textbox', { name: `${lift.name}, set ${i + 1}, weight in kg` })
        .fill('20');
    }
    await form.getByLabel('Effort (RPE)').selectOption('7');
    await sets.scrollIntoViewIfNeeded();
    await screenshot(page, 'popup-log-form');
    await form.getByRole('button', { name: 'Done', exact: true }).click();
    await waitForStatus(page, /^Logged .* as done, with \d+ exercises?$/);
    // Focus stays on the card: its Change button, for a keyboard runner.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe('Change');
    expect(await form.getByRole('heading', { name: 'Logged' }).isVisible()).toBe(true);
    await form.scrollIntoViewIfNeeded();
    await screenshot(page, 'popup-logged');

    const after = (await ext.stored<PopupView>('view'))!;
    const targets = nextWeekTargets(after, lift.name);
    expect(targets.every((t) => t !== undefined && /^\d+(\.\d+)? kg$/.test(t))).toBe(true);
    await page.getByRole('tab', { name: /^Next week/ }).click();
    await page
      .getByRole('button', { name: /^Details of Strength/ })
      .first()
      .click();
    const target = page.getByText(/^Target: \d/).first();
    await target.scrollIntoViewIfNeeded();
    expect(await target.textContent()).toBe(`Target: ${targets[0]}`);
    await screenshot(page, 'popup-next-week-target');
    await page.close();

    // History with data.
    const history = await openAt(ext, 'history.html', at);
    await history.getByRole('img', { name: /^Sessions planned and done per week/ }).waitFor();
    expect(
      await history.getByRole('img', { name: new RegExp(`^${lift.name}: load over time`) }).count(),
    ).toBe(1);
    await history.getByText('Show as table').first().click();
    await screenshot(history, 'history-data', { fullPage: true });
    await history.close();

    // Export from Options.
    const options = await openAt(ext, 'options.html', at);
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export log (JSON)' }).click();
    const file = (await (await downloading).path())!;
    const exported = JSON.parse(readFileSync(file, 'utf8')) as TrainingLog;
    expect(exported.version).toBe(1);
    expect(exported.entries).toHaveLength(1);
    expect(exported.entries[0]).toMatchObject({ sessionId: session.id, status: 'done', rpe: 7 });
    await waitForStatus(options, /^Exported 1 entry/);
    await options.close();

    // Storage cleared: a fresh install with the same calendar, History empty.
    await seedRunner(ext, suite.server.feedUrl);
    await setClock(ext, at);
    expect(await ext.stored('log')).toBeUndefined();
    const empty = await openAt(ext, 'history.html', at);
    await empty.getByRole('heading', { name: 'Nothing logged yet' }).waitFor();
    await screenshot(empty, 'history-empty', { fullPage: true });
    await empty.close();

    // A bad file changes nothing and names the field; the exported one brings the log back.
    const importer = await openAt(ext, 'options.html', at);
    const input = importer.getByLabel('Import a log file');
    const bad = JSON.stringify({
      ...exported,
      entries: [{ ...exported.entries[0], rpe: 'hard' }],
    });
    await input.setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bad),
    });
    await waitForStatus(importer, /^Nothing imported\. .*entries\[0\]\.rpe/);
    expect(await ext.stored('log')).toBeUndefined();
    await input.setInputFiles(file);
    await waitForStatus(importer, /^Imported 1 entry/);
    await screenshot(importer, 'options-log', {
      element: importer
        .locator('section')
        .filter({ has: importer.getByRole('heading', { name: 'Training log' }) }),
    });
    await importer.close();

    // The same week planned again follows the imported log: the same targets.
    await setClock(ext, at);
    page = await openAt(ext, 'popup.html', at, true);
    await planNextWeek(page);
    const again = (await ext.stored<PopupView>('view'))!;
    expect(nextWeekTargets(again, lift.name)).toEqual(targets);
    const back = await openAt(ext, 'history.html', at);
    const view = await ext.send('getHistory', {});
    expect((view as HistoryView).logged).toBe(1);
    await back.getByRole('img', { name: new RegExp(`^${lift.name}: load over time`) }).waitFor();
    await back.close();
  });
});
