/**
 * Screenshots of the options page in the built extension, light and dark, for review.
 *
 *   npx wxt build && npx tsx tests/e2e/options-screens.ts
 *
 * Loads .output/chrome-mv3 into Debian's Chromium (headless, through the e2e harness in
 * tests/helpers/e2e), seeds one feed and the sample runner's preferences through the service
 * worker, uploads two .ics files through the page, syncs, and writes PNGs to artifacts/. "Add
 * feed" runs with the permission prompt stubbed, to show the denied and failed states; the
 * granted flow is tests/e2e/options.e2e.test.ts.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension } from '../helpers/e2e/extension';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'artifacts');

/** A small "busy only" calendar: weekday meetings and a weekly family evening. */
const WORK_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Ironstride//options screenshots//EN',
  'BEGIN:VEVENT',
  'UID:standup@screens.test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/London:20260105T091500',
  'DTEND;TZID=Europe/London:20260105T093000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  'SUMMARY:Team stand-up',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:choir@screens.test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Europe/London:20260107T190000',
  'DTEND;TZID=Europe/London:20260107T210000',
  'RRULE:FREQ=WEEKLY',
  'SUMMARY:Choir',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:broken@screens.test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART:not-a-date',
  'SUMMARY:Mangled export',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** The extension APIs the callbacks below use; they run inside Chromium, where `chrome` exists. */
interface ExtensionGlobals {
  chrome: {
    storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
    runtime: { sendMessage: (...args: unknown[]) => Promise<unknown> };
    permissions: { request: (permissions: { origins: string[] }) => Promise<boolean> };
  };
  /** Set by the permission stub below: what the page asked for, and the answer to give. */
  ironstrideAsked?: string[][];
  ironstrideGrant?: boolean;
}

function nextYearDate(monthDay: string): string {
  return `${new Date().getUTCFullYear() + 1}-${monthDay}`;
}

async function seedStorage(context: BrowserContext): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const prefs = {
    ...(JSON.parse(readFileSync(join(root, 'src/cli/sample/sample-prefs.json'), 'utf8')) as object),
    races: [
      { date: nextYearDate('04-26'), name: 'Spring marathon', priority: 'A' },
      { date: nextYearDate('03-08'), name: 'Half-marathon tune-up', priority: 'B' },
    ],
  };
  const sources = [
    {
      id: 'screens-club-feed',
      kind: 'url',
      url: 'https://club-calendar.ironstride.invalid/sessions.ics',
      name: 'Running club sessions',
      role: 'training',
      addedAt: Date.now(),
    },
  ];
  // WXT storage items keep their schema version under "<key>$"; without it they would migrate.
  await worker.evaluate(
    async (items) => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      await chrome.storage.local.set(items);
    },
    { sources, sources$: { v: 2 }, prefs, prefs$: { v: 1 } },
  );
}

async function waitForStatus(page: Page, text: RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

const VIEWPORT = { width: 1000, height: 1400 };

/**
 * One PNG of the page. A full-page shot first grows the viewport to the page's height: the save
 * bar is sticky to the viewport's bottom and would otherwise be drawn mid-page.
 */
async function shoot(
  page: Page,
  name: string,
  scheme: 'light' | 'dark',
  fullPage = true,
): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  // Park the pointer so no button is drawn hovered.
  await page.mouse.move(0, 0);
  const path = join(outDir, `${name}-${scheme}.png`);
  if (fullPage) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({
      width: VIEWPORT.width,
      height: Math.max(height, VIEWPORT.height),
    });
  }
  await page.screenshot({ path, fullPage });
  await page.setViewportSize(VIEWPORT);
  console.log(path);
}

/** Each section on its own, at full resolution, for a closer look. */
async function shootSections(page: Page, name: string, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.mouse.move(0, 0);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(height, VIEWPORT.height) });
  const sections = page.locator('main > section.card');
  for (let i = 0; i < (await sections.count()); i++) {
    const path = join(outDir, `${name}-section-${i + 1}-${scheme}.png`);
    await sections.nth(i).screenshot({ path });
    console.log(path);
  }
  await page.setViewportSize(VIEWPORT);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'ironstride-options-'));
  const files = join(profile, 'uploads');
  mkdirSync(files);
  const planFile = join(files, 'Coach plan (spring marathon).ics');
  writeFileSync(planFile, readFileSync(join(root, 'src/cli/sample/sample-calendar.ics')));
  const workFile = join(files, 'Work calendar.ics');
  writeFileSync(workFile, WORK_ICS);

  const ext = await launchExtension();
  const { context } = ext;
  try {
    const { id } = ext;
    await seedStorage(context);
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.getByRole('heading', { name: 'Ironstride settings' }).waitFor();
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();

    // Upload the coach's plan (training) and a work calendar (busy only) through the page.
    const upload = page.locator('form', {
      has: page.getByRole('heading', { name: 'Upload an .ics file' }),
    });
    await upload.getByLabel('Calendar file').setInputFiles(planFile);
    await upload.getByRole('button', { name: 'Add file' }).click();
    await waitForStatus(page, /^Added “Coach plan/);
    await upload.getByLabel('Calendar file').setInputFiles(workFile);
    await upload.getByLabel('Use it as').selectOption('busy');
    await upload.getByRole('button', { name: 'Add file' }).click();
    await waitForStatus(page, /^Added “Work calendar/);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await waitForStatus(page, /^Read \d+ calendars/);
    await page.getByRole('heading', { name: 'Running club sessions' }).waitFor();

    await shoot(page, 'options', 'light');
    await shoot(page, 'options', 'dark');
    await shootSections(page, 'options', 'light');
    await shootSections(page, 'options', 'dark');

    // Remove asks first.
    const clubRow = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Running club sessions' }) });
    await clubRow.getByRole('button', { name: 'Remove' }).click();
    await page.emulateMedia({ colorScheme: 'light' });
    await clubRow.screenshot({ path: join(outDir, 'options-remove-confirm-light.png') });
    await clubRow.getByRole('button', { name: 'Keep it' }).click();

    // A form with mistakes: the summary takes focus and each input says what is wrong.
    await page.getByLabel('Session length').fill('5');
    await page.getByLabel('Monday, window 2, until').fill('17:00');
    await page.getByRole('button', { name: '+ Add race' }).click();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.locator('.error-summary:focus').waitFor();
    await shoot(page, 'options-errors', 'light');
    await shoot(page, 'options-errors', 'dark');
    await shootSections(page, 'options-errors', 'light');

    // Fixed and saved: the confirmation is announced and the unsaved-changes marker goes.
    await page.getByRole('button', { name: 'Undo changes' }).click();
    await page.getByLabel('Kettlebell').uncheck();
    await page.getByLabel('Kettlebell').check();
    await page.getByLabel('Barbell and plates').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await waitForStatus(page, /^Saved/);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.locator('.save-bar').screenshot({ path: join(outDir, 'options-saved-light.png') });

    // Adding a feed, with the permission prompt stubbed (headless Chromium cannot show it).
    const feeds = await context.newPage();
    await feeds.setViewportSize(VIEWPORT);
    await feeds.addInitScript(() => {
      const globals = globalThis as unknown as ExtensionGlobals;
      globals.ironstrideAsked = [];
      globals.chrome.permissions.request = ({ origins }) => {
        globals.ironstrideAsked?.push(origins);
        return Promise.resolve(globals.ironstrideGrant ?? false);
      };
    });
    await feeds.goto(`chrome-extension://${id}/options.html`);
    const addFeed = feeds.locator('form', {
      has: feeds.getByRole('heading', { name: 'Add a calendar feed' }),
    });
    await addFeed.getByLabel('Feed address').fill('club-calendar.example/feed.ics');
    await addFeed.getByRole('button', { name: 'Add feed' }).click();
    await addFeed.getByText('should start with').waitFor();
    await feeds.emulateMedia({ colorScheme: 'light' });
    await addFeed.screenshot({ path: join(outDir, 'options-add-feed-invalid-light.png') });
    await addFeed
      .getByLabel('Feed address')
      .fill('webcal://Club-Calendar.ironstride.invalid:8443/feed.ics');
    await addFeed.getByRole('button', { name: 'Add feed' }).click();
    await waitForStatus(feeds, /needs your OK/);
    await addFeed.screenshot({ path: join(outDir, 'options-add-feed-denied-light.png') });
    await feeds.evaluate(() => {
      (globalThis as unknown as ExtensionGlobals).ironstrideGrant = true;
    });
    await addFeed.getByRole('button', { name: 'Add feed' }).click();
    await waitForStatus(feeds, /^Could not/);
    await feeds.emulateMedia({ colorScheme: 'dark' });
    await addFeed.screenshot({ path: join(outDir, 'options-add-feed-failed-dark.png') });
    const asked = await feeds.evaluate(
      () => (globalThis as unknown as ExtensionGlobals).ironstrideAsked,
    );
    console.log('host permissions asked for:', JSON.stringify(asked));

    // The background not answering: defaults, a clear message and a retry.
    const offline = await context.newPage();
    await offline.setViewportSize(VIEWPORT);
    await offline.addInitScript(() => {
      const { chrome } = globalThis as unknown as ExtensionGlobals;
      chrome.runtime.sendMessage = () =>
        Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
    await offline.goto(`chrome-extension://${id}/options.html`);
    await offline.getByRole('alert').filter({ hasText: 'Couldn’t load your settings' }).waitFor();
    await shoot(offline, 'options-load-failed', 'light', false);
    await shoot(offline, 'options-load-failed', 'dark', false);
  } finally {
    await ext.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
