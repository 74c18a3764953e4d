/**
 * Screenshots of the toolbar popup in the built extension, light and dark, for review.
 *
 *   npx wxt build && npx tsx tests/e2e/popup-screens.ts
 *
 * Loads .output/chrome-mv3 into Debian's Chromium (headless, through the e2e harness in
 * tests/helpers/e2e) at the popup's size (400 × 600).
 * Most scenes render tests/fixtures/popup-view.ts: the fixture is seeded as the cached view and
 * the page's `chrome.runtime.sendMessage` is replaced before the popup's scripts run, so the real
 * background (which would re-sync an empty profile and replace the view) never answers. The last
 * scene uses the real background with the bundled sample calendar. PNGs go to artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { PopupView } from '../../src/extension/view';
import { emptyPopupViewFixture, popupViewFixture } from '../fixtures/popup-view';
import { launchExtension } from '../helpers/e2e/extension';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'artifacts');
const viewport = { width: 400, height: 600 };

/** The extension APIs the callbacks below use; they run inside Chromium, where `chrome` exists. */
interface ExtensionGlobals {
  chrome: {
    storage: {
      local: {
        get(key: string): Promise<Record<string, unknown>>;
        set(items: Record<string, unknown>): Promise<void>;
        clear(): Promise<void>;
      };
    };
    runtime: { sendMessage: (message: unknown) => Promise<unknown> };
  };
}

/** How the fake background answers: the cached view, never, or "not listening". */
type FakeMode = 'fixture' | 'hang' | 'fail';

/** WXT keeps `local:view` under the key "view" and its schema version under "view$". */
async function seedView(worker: Worker, view: PopupView | null): Promise<void> {
  await worker.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    await chrome.storage.local.clear();
    if (value) await chrome.storage.local.set({ view: value, view$: { v: 1 } });
  }, view);
}

/**
 * Replaces the popup's messaging before it loads. `fixture`: getView answers the cached view,
 * accept/skip/reset change the session's status, and any other action stays in progress (to
 * show its spinner). The other modes never answer, or fail as Chrome does with no listener.
 */
async function fakeBackground(page: Page, mode: FakeMode): Promise<void> {
  // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`; the page has none.
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.addInitScript((fake: FakeMode) => {
    const { chrome } = globalThis as unknown as ExtensionGlobals;
    type Message = { ironstride?: number; type?: string; data?: { sessionId?: string } };
    type Session = { type: string; id?: string; status?: string };
    type View = {
      generatedAt: number;
      acceptedCount: number;
      weeks: { days: { items: Session[] }[] }[];
    };
    const original = chrome.runtime.sendMessage.bind(chrome.runtime);
    const statuses: Record<string, string> = {
      acceptSession: 'accepted',
      skipSession: 'skipped',
      resetSession: 'suggested',
    };
    const reply = (message: unknown): Promise<unknown> => {
      const m = message as Message;
      if (m.ironstride !== 1) return original(message);
      if (fake === 'hang') return new Promise(() => undefined);
      if (fake === 'fail')
        return Promise.reject(
          new Error('Could not establish connection. Receiving end does not exist.'),
        );
      return chrome.storage.local.get('view').then(async ({ view }) => {
        const current = view as View;
        if (m.type === 'getView') return { ok: true, result: current };
        const status = m.type ? statuses[m.type] : undefined;
        if (!status) return new Promise(() => undefined);
        await new Promise((done) => setTimeout(done, 300));
        const next = structuredClone(current);
        next.generatedAt += 1;
        for (const session of next.weeks.flatMap((w) => w.days.flatMap((d) => d.items))) {
          if (session.type === 'session' && session.id === m.data?.sessionId)
            session.status = status;
        }
        next.acceptedCount = next.weeks
          .flatMap((w) => w.days.flatMap((d) => d.items))
          .filter((s) => s.type === 'session' && s.status === 'accepted').length;
        await chrome.storage.local.set({ view: next });
        return { ok: true, result: next };
      });
    };
    chrome.runtime.sendMessage = reply;
  }, mode);
}

async function openPopup(
  context: BrowserContext,
  id: string,
  mode: FakeMode | 'real',
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (error) => console.error(`page error (${mode}):`, error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`console (${mode}):`, message.text());
  });
  if (mode !== 'real') await fakeBackground(page, mode);
  await page.goto(`chrome-extension://${id}/popup.html`);
  return page;
}

async function shoot(
  page: Page,
  name: string,
  schemes: ('light' | 'dark')[] = ['light', 'dark'],
): Promise<void> {
  for (const scheme of schemes) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const path = join(outDir, `${name}-${scheme}.png`);
    await page.screenshot({ path, animations: 'disabled' });
    console.log(path);
  }
}

/** The whole week at once, for review: the popup's 600 px cap lifted and the page grown to fit. */
async function shootTall(page: Page, name: string): Promise<void> {
  const style = await page.addStyleTag({ content: '.popup { max-height: none !important; }' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await shoot(page, name);
  await style.evaluate((element) => (element as HTMLStyleElement).remove());
  await page.setViewportSize(viewport);
}

async function popupStartTime(page: Page): Promise<number | undefined> {
  return page.evaluate(() => performance.getEntriesByName('ironstride:first-render')[0]?.startTime);
}

async function fixtureScenes(context: BrowserContext, worker: Worker, id: string): Promise<void> {
  await seedView(worker, popupViewFixture);
  const page = await openPopup(context, id, 'fixture');
  await page.getByRole('tab', { name: /This week/ }).waitFor();
  console.log(
    `first render at ${(await popupStartTime(page))?.toFixed(1)} ms after navigation start`,
  );
  await shoot(page, 'popup-this-week');
  for (const notice of await page.locator('details.notice').all())
    await notice.locator('summary').click();
  await page.getByRole('button', { name: /^Show earlier days/ }).click();
  await shootTall(page, 'popup-this-week-full');

  await page.getByRole('tab', { name: /Next week/ }).click();
  await shoot(page, 'popup-next-week');
  await shootTall(page, 'popup-next-week-full');

  // Details of the suggested session, scrolled to the top of the list.
  const card = page.locator('[data-session-id="ses-2027-05-13"]');
  await card.getByRole('button', { name: /^Details of/ }).click();
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shoot(page, 'popup-session-details');

  // Other times, then a move that stays in progress: the spinner and the other buttons held.
  await card.getByRole('button', { name: /^Details of/ }).click();
  await card.getByRole('button', { name: /^Another time/ }).click();
  await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shoot(page, 'popup-another-time', ['light']);

  // Accept through the fake background: status, the footer count and the announcement change.
  await card.getByRole('button', { name: /^Another time/ }).click();
  await card.getByRole('button', { name: /^Accept / }).click();
  await card.getByText('Accepted', { exact: true }).waitFor();
  const announced = await page.locator('[aria-live="polite"]').textContent();
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  console.log(`after accept: announced "${announced?.trim()}", focus on "${focused}"`);
  await card.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shoot(page, 'popup-accepted', ['light']);

  // "This is actually a …" on a run.
  await page.getByRole('tab', { name: /This week/ }).click();
  const run = page.locator('[data-event-id="ev-7"]');
  await run.getByRole('button', { name: 'Change type of Tempo: 3 x 10 min @ threshold' }).click();
  await run.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shoot(page, 'popup-retag');
  await page.keyboard.press('Escape');

  // A plan request still running: Re-plan week busy, everything else held.
  await page.getByRole('button', { name: /^Re-plan this week/ }).click();
  await page.locator('.popup-scroll').evaluate((element) => element.scrollTo(0, 0));
  await shoot(page, 'popup-planning', ['light']);
  await page.close();
}

async function stateScenes(context: BrowserContext, worker: Worker, id: string): Promise<void> {
  await seedView(worker, emptyPopupViewFixture);
  const empty = await openPopup(context, id, 'fixture');
  await empty
    .getByRole('heading', { name: 'Add a calendar in Settings to see your week' })
    .waitFor();
  await shoot(empty, 'popup-empty');
  await empty.close();

  await seedView(worker, null);
  const loading = await openPopup(context, id, 'hang');
  await loading.getByText('Loading your week…').waitFor();
  await shoot(loading, 'popup-loading');
  await loading.close();

  const failed = await openPopup(context, id, 'fail');
  await failed.getByRole('alert').waitFor();
  await shoot(failed, 'popup-error');
  await failed.close();
}

/** The real background, reading the bundled sample runner's calendar: what a runner sees this week and next. */
async function realScenes(context: BrowserContext, worker: Worker, id: string): Promise<void> {
  const text = readFileSync(join(root, 'src/cli/sample/sample-calendar.ics'), 'utf8');
  const prefs = JSON.parse(
    readFileSync(join(root, 'src/cli/sample/sample-prefs.json'), 'utf8'),
  ) as object;
  const sources = [
    {
      id: 'screens-sample',
      kind: 'file',
      name: 'Coach plan',
      role: 'training',
      addedAt: Date.now(),
      text,
    },
  ];
  await worker.evaluate(
    async (items) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    },
    { sources, sources$: { v: 2 }, prefs, prefs$: { v: 1 } },
  );
  const page = await openPopup(context, id, 'real');
  await page.getByRole('tab', { name: /This week/ }).waitFor({ timeout: 30_000 });
  // Next week: this week's remaining days may hold no legal slot (no session is ever suggested
  // in the past, and on a Saturday only the day before the long run and the long run are left).
  await page.getByRole('tab', { name: /Next week/ }).click();
  const plan = page.getByRole('button', { name: /^(Re-)?[Pp]lan next week/ });
  await plan.click();
  await page
    .locator('[aria-live="polite"]')
    .filter({ hasText: /planned/ })
    .waitFor({ timeout: 30_000 });
  await shoot(page, 'popup-real');
  await shootTall(page, 'popup-real-full');

  // Accept one suggestion and download the .ics the background writes for it.
  await page
    .getByRole('button', { name: /^Accept Strength/ })
    .first()
    .click();
  await page.locator('[aria-live="polite"]').filter({ hasText: 'Session accepted' }).waitFor();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .ics (1 accepted)' }).click();
  const file = await downloading;
  const path = join(outDir, file.suggestedFilename());
  await file.saveAs(path);
  const events = (readFileSync(path, 'utf8').match(/BEGIN:VEVENT/g) ?? []).length;
  console.log(`downloaded ${path}: ${events} event(s)`);
  await page.close();
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const ext = await launchExtension();
  try {
    const worker = await ext.serviceWorker();
    await fixtureScenes(ext.context, worker, ext.id);
    await stateScenes(ext.context, worker, ext.id);
    await realScenes(ext.context, worker, ext.id);
  } finally {
    await ext.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
