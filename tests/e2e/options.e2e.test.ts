import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PreferencesInput } from '../../src/core/prefs';
import type { CalendarSource } from '../../src/extension/storage';
import { countEvents, samplePrefs, weeklySampleCalendar } from '../helpers/e2e/calendar';
import { accessibleDescription, waitForStatus } from '../helpers/e2e/dom';
import { launchExtension } from '../helpers/e2e/extension';
import type { ExtensionHarness } from '../helpers/e2e/extension';
import { startIcsServer } from '../helpers/e2e/ics-server';
import type { IcsServer } from '../helpers/e2e/ics-server';
import { screenshot } from '../helpers/e2e/screenshot';

const CALENDAR = weeklySampleCalendar();
const EVENTS = countEvents(CALENDAR);

let ext: ExtensionHarness;
let server: IcsServer;
let files: string;

beforeAll(async () => {
  server = await startIcsServer(CALENDAR);
  ext = await launchExtension();
  files = mkdtempSync(join(tmpdir(), 'ironstride-uploads-'));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

beforeEach(async () => {
  await ext.resetStorage();
  server.setCalendar(CALENDAR);
  ext.pageErrors.length = 0;
});

afterEach(async () => {
  await ext.closePages();
  expect(ext.pageErrors).toEqual([]);
});

describe('options page', () => {
  it('adds a feed from 127.0.0.1 through the real permission request and says how many events it read', async () => {
    const page = await ext.openOptions();
    const form = page.getByRole('form', { name: 'Add a calendar feed' });
    const before = server.requests();

    await form.getByLabel('Feed address').fill(server.feedUrl);
    await form.getByRole('button', { name: 'Add feed' }).click();

    const host = new URL(server.feedUrl).host;
    expect(await waitForStatus(page, /^Added/)).toBe(
      `Added “${host}”: ${EVENTS} events read, 0 skipped.`,
    );
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: host }) });
    expect(await row.getByText(`${EVENTS} events read, 0 skipped`).isVisible()).toBe(true);
    expect(await form.getByLabel('Feed address').inputValue()).toBe('');
    expect(server.requests()).toBeGreaterThan(before);
    const sources = await ext.stored<CalendarSource[]>('sources');
    expect(sources).toMatchObject([{ kind: 'url', url: server.feedUrl, role: 'training' }]);

    // A second calendar, uploaded, so the page shows both kinds for review.
    const upload = page.getByRole('form', { name: 'Upload an .ics file' });
    const file = join(files, 'Work calendar.ics');
    writeFileSync(file, CALENDAR);
    await upload.getByLabel('Calendar file').setInputFiles(file);
    await upload.getByLabel('Use it as').selectOption('busy');
    await upload.getByRole('button', { name: 'Add file' }).click();
    await waitForStatus(page, /^Added “Work calendar/);
    await screenshot(page, 'options-calendars', { fullPage: true });
    await page.close();
  });

  it('uploads an .ics file and keeps its text in the browser', async () => {
    const page = await ext.openOptions();
    const upload = page.getByRole('form', { name: 'Upload an .ics file' });
    const file = join(files, 'Coach plan.ics');
    writeFileSync(file, CALENDAR);

    await upload.getByLabel('Calendar file').setInputFiles(file);
    await upload.getByRole('button', { name: 'Add file' }).click();

    expect(await waitForStatus(page, /^Added/)).toBe(
      `Added “Coach plan.ics”: ${EVENTS} events read, 0 skipped.`,
    );
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Coach plan.ics' }) });
    expect(await row.getByText('Uploaded file').isVisible()).toBe(true);
    const sources = await ext.stored<CalendarSource[]>('sources');
    expect(sources).toMatchObject([{ kind: 'file', name: 'Coach plan.ics', text: CALENDAR }]);
    await page.close();
  });

  it('saves a changed session length, and the page shows it after a reload', async () => {
    await ext.send('savePrefs', samplePrefs());
    const page = await ext.openOptions();
    const length = page.getByLabel('Session length');
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();
    expect(await length.inputValue()).toBe('40');

    await length.fill('50');
    expect(await page.getByText('Unsaved changes').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save preferences' }).click();

    await waitForStatus(page, 'Saved. The next plan uses these preferences.');
    expect((await ext.stored<PreferencesInput>('prefs'))?.sessionMinutes).toBe(50);
    await page.reload();
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();
    expect(await page.getByLabel('Session length').inputValue()).toBe('50');
    await page.close();
  });

  it('shows the error next to an invalid value, and saves nothing', async () => {
    await ext.send('savePrefs', samplePrefs());
    const page = await ext.openOptions();
    const length = page.getByLabel('Session length');
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();

    await length.fill('5');
    await page.getByRole('button', { name: 'Save preferences' }).click();

    const message = 'Enter whole minutes from 15 to 120, or leave it empty for 40.';
    await page.getByRole('group', { name: 'One thing to fix before saving' }).waitFor();
    expect(await page.getByRole('link', { name: `Session length: ${message}` }).isVisible()).toBe(
      true,
    );
    expect(await length.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibleDescription(length)).toContain(message);
    expect((await ext.stored<PreferencesInput>('prefs'))?.sessionMinutes).toBe(40);
    await length.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'options-field-error');
    await page.close();
  });

  it('says plainly that a build without an OAuth client cannot connect to Google', async () => {
    const page = await ext.openOptions();
    const section = page.locator('#google');
    await section.getByText('This copy of Ironstride can’t connect to Google.').waitFor();
    expect(await section.getByRole('button', { name: 'Connect Google' }).count()).toBe(0);
    expect(await section.innerText()).toContain('WXT_GOOGLE_CLIENT_ID=… npm run build');
    expect(await section.innerText()).toContain('README, “Google Calendar in the extension”');
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'options-google-unavailable');
    await page.close();
  });
});
