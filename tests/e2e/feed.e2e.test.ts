/**
 * The subscribable feed in the built extension, against a real feed server (`startServer`, as
 * `npm run cli -- serve` runs it) on 127.0.0.1 with an embedded database in a temp dir.
 *
 * The copy of the extension is installed with NO host permissions (`grantedHosts: []`; the
 * harness grants `http://127.0.0.1/*` by default): the server's CORS answer for extension
 * origins is what lets the service worker read its answers, which the test checks, and a server
 * whose CORS names another extension is unreachable to it. The runner's calendar is an uploaded
 * .ics, so nothing else needs a host either.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readIcs, sessionUid } from '../../src/calendar/ics';
import { formatPrescription } from '../../src/core/exercises';
import { startOfDayInstant } from '../../src/core/time';
import type { PopupView } from '../../src/extension/view';
import {
  RUNNER_ZONE,
  nextWeekStart,
  samplePrefs,
  weeklySampleCalendar,
} from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { launchExtension } from '../helpers/e2e/extension';
import type { Chrome, ExtensionHarness } from '../helpers/e2e/extension';
import { readWithIcalJs, startFeedServer } from '../helpers/e2e/feed-server';
import type { TestFeedServer } from '../helpers/e2e/feed-server';
import { planNextWeek, storedSessions } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

let ext: ExtensionHarness;
let server: TestFeedServer;
/** The first server: its data dir, deleted at the end, outlives the restarts. */
let first: TestFeedServer;

beforeAll(async () => {
  [first, ext] = await Promise.all([startFeedServer(), launchExtension({ grantedHosts: [] })]);
  server = first;
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await first?.dispose();
});

/**
 * Stops the server and starts it again on the same port and data (its feeds kept), with other
 * settings: a quarter of a second, where a server with a fresh database takes two.
 */
async function restartServer(options: { extensionIds?: string[] } = {}): Promise<void> {
  await server.close();
  server = await startFeedServer({ port: server.port, dataDir: server.dataDir, ...options });
}

beforeEach(async () => {
  await ext.resetStorage();
  const saved = await ext.send('savePrefs', samplePrefs());
  if (!saved.ok)
    throw new Error(`The sample preferences were refused: ${JSON.stringify(saved.issues)}`);
  await ext.send('addSource', { kind: 'file', name: 'plan.ics', text: weeklySampleCalendar() });
  ext.pageErrors.length = 0;
});

afterEach(async () => {
  await ext.closePages();
  expect(ext.pageErrors).toEqual([]);
});

/** What `curl <subscribe link>` gets. */
async function curl(url: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

/** Next week's events in a feed, as the project's reader finds them. */
function readNextWeek(text: string) {
  const start = startOfDayInstant(nextWeekStart(), RUNNER_ZONE);
  return readIcs(text, {
    timezone: RUNNER_ZONE,
    range: { start: start - 7 * 86_400_000, end: start + 14 * 86_400_000 },
  }).events;
}

/** The subscribe link this browser stored. */
async function storedLink(): Promise<string> {
  const feed = await ext.stored<{ subscribeUrl: string }>('feed');
  if (!feed) throw new Error('no feed stored');
  return feed.subscribeUrl;
}

/** In the popup: plan next week and accept both suggestions. */
async function planAndAcceptNextWeek(popup: Page) {
  await planNextWeek(popup);
  await popup.getByRole('button', { name: /^Accept all 2 suggestions/ }).click();
  await waitForStatus(popup, 'All suggestions for next week accepted');
}

/** What the popup last read out about an action (its screen-reader-only live region). */
function announced(popup: Page): Promise<string> {
  return popup.locator('.sr-only[role="status"]').innerText();
}

const PUBLISHED = /^Published 2 sessions · feed updated \d\d:\d\d$/;

describe('subscribable feed', () => {
  it('is created in Options, its links copied, published from the popup, and curl gets every accepted session', async () => {
    // CORS, not a host permission, is what lets the extension talk to the server.
    const worker = await ext.serviceWorker();
    const granted = await worker.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return chrome.permissions.getAll();
    });
    expect(granted.origins ?? []).toEqual([]);

    // The real clipboard (the page has no permission to read it back): each write is noted too.
    const options = await ext.openOptions({
      beforeLoad: (page) =>
        page.addInitScript(() => {
          const clipboard = navigator.clipboard;
          const write = clipboard.writeText.bind(clipboard);
          const copied: string[] = [];
          Object.assign(globalThis, { copied });
          clipboard.writeText = async (text) => {
            await write(text);
            copied.push(text);
          };
        }),
    });
    const copied = () =>
      options.evaluate(() => (globalThis as unknown as { copied: string[] }).copied);
    const section = options.locator('#feed');
    const serverField = section.getByLabel('Feed server');
    expect(await serverField.inputValue()).toBe('http://127.0.0.1:8787');
    await screenshot(options, 'options-feed-create', { element: section });
    // An address without its scheme is refused at the field, before anything is sent.
    await serverField.fill('127.0.0.1:8787');
    await section.getByRole('button', { name: 'Create feed' }).click();
    await section.getByText(/^Start the address with http:\/\/ or https:\/\//).waitFor();
    expect(await serverField.getAttribute('aria-invalid')).toBe('true');
    await serverField.fill(server.url);
    await section.getByRole('button', { name: 'Create feed' }).click();
    await waitForStatus(options, /^Feed created/);

    const link = await storedLink();
    expect(link).toMatch(new RegExp(`^${server.url}/feeds/[A-Za-z0-9_-]{22,}\\.ics$`));
    const webcal = link.replace(/^http:/, 'webcal:');
    const webcalField = section.getByLabel('Subscribe link (webcal://)');
    const httpField = section.getByLabel('Subscribe link (http://)');
    expect(await webcalField.inputValue()).toBe(webcal);
    expect(await httpField.inputValue()).toBe(link);
    // The feed key is kept in the background; the page shows its last characters only.
    const key = (await ext.stored<{ writeToken: string }>('feed'))!.writeToken;
    expect(await section.innerText()).toContain(`…${key.slice(-4)}`);
    expect(await options.content()).not.toContain(key);

    await section.getByRole('button', { name: 'Copy Subscribe link (webcal://)' }).click();
    await section.getByText('✓ Copied').waitFor();
    expect(await copied()).toEqual([webcal]);
    await section.getByRole('button', { name: 'Copy Subscribe link (http://)' }).click();
    await expect.poll(copied).toEqual([webcal, link]);

    const popup = await ext.openPopup();
    await planAndAcceptNextWeek(popup);
    const line = popup.locator('#feed-status');
    // The feed follows the plan by itself once the changes settle; Publish sends it again now.
    await expect.poll(() => line.innerText(), { timeout: 15_000 }).toMatch(PUBLISHED);
    await popup.getByRole('button', { name: 'Publish', exact: true }).click();
    // The popup reads out the answer to the click (its own live region, apart from the bar's).
    await expect.poll(() => announced(popup), { timeout: 15_000 }).toMatch(PUBLISHED);
    expect(await line.innerText()).toMatch(PUBLISHED);
    await popup.getByRole('button', { name: 'Publish', exact: true }).waitFor();
    await screenshot(popup, 'popup-publish-bar');
    // Options, still open, follows the publish the background made.
    await section.getByText(PUBLISHED).waitFor();
    // A page in the background renders only when brought to the front (Chromium throttles it).
    await options.bringToFront();
    await screenshot(options, 'options-feed', { element: section });

    const fetched = await curl(link);
    expect(fetched.status).toBe(200);
    expect(fetched.type).toBe('text/calendar; charset=utf-8');
    const accepted = [...(await storedSessions(ext)).values()]
      .filter((s) => s.status === 'accepted')
      .sort((a, b) => a.start - b.start);
    expect(accepted).toHaveLength(2);
    const events = readNextWeek(fetched.text);
    expect(events.map((e) => e.ironstrideSessionId)).toEqual(accepted.map((s) => s.id));
    for (const [i, session] of accepted.entries()) {
      const event = events[i]!;
      expect(event).toMatchObject({
        uid: sessionUid(session.id),
        title: session.title,
        start: session.start,
        end: session.end,
      });
      for (const exercise of session.content.exercises) {
        expect(event.description).toContain(formatPrescription(exercise));
      }
    }
    const icalJs = readWithIcalJs(fetched.text);
    expect(icalJs.name).toBe('Strength · Ironstride');
    expect(icalJs.events.map((e) => [e.uid, e.start, e.end])).toEqual(
      accepted.map((s) => [sessionUid(s.id), s.start, s.end]),
    );
  });

  it('publishes 120 accepted sessions from the extension, and the feed has every one', async () => {
    await ext.send('createFeed', { serverUrl: server.url });
    const popup = await ext.openPopup();
    await planAndAcceptNextWeek(popup);
    // A season's worth: the two accepted sessions, and the same on each of the 59 days before.
    const worker = await ext.serviceWorker();
    const seeded = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const { plan } = (await chrome.storage.local.get('plan')) as {
        plan: { sessions: { id: string; status: string; start: number; end: number }[] };
      };
      const accepted = plan.sessions.filter((s) => s.status === 'accepted');
      const copies = accepted.flatMap((s) =>
        Array.from({ length: 59 }, (_, k) => ({
          ...s,
          id: `${s.id}-d${k + 1}`,
          start: s.start - (k + 1) * 86_400_000,
          end: s.end - (k + 1) * 86_400_000,
        })),
      );
      await chrome.storage.local.set({
        plan: { ...plan, sessions: [...plan.sessions, ...copies] },
      });
      return accepted.length + copies.length;
    });
    expect(seeded).toBe(120);
    await popup.getByRole('button', { name: 'Publish', exact: true }).click();
    const line = popup.locator('#feed-status');
    await expect
      .poll(() => line.innerText(), { timeout: 30_000 })
      .toMatch(/^Published 120 sessions · feed updated \d\d:\d\d$/);
    const fetched = await curl(await storedLink());
    expect(fetched.status).toBe(200);
    const stored = [...(await storedSessions(ext)).values()].filter((s) => s.status === 'accepted');
    const icalJs = readWithIcalJs(fetched.text);
    expect(icalJs.events).toHaveLength(120);
    expect(icalJs.events.map((e) => e.uid).sort()).toEqual(
      stored.map((s) => sessionUid(s.id)).sort(),
    );
  });

  it('offers the link selected for Ctrl+C when the clipboard refuses', async () => {
    await ext.send('createFeed', { serverUrl: server.url });
    const options = await ext.openOptions({
      beforeLoad: (page) =>
        page.addInitScript(() => {
          navigator.clipboard.writeText = () =>
            Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
        }),
    });
    const section = options.locator('#feed');
    await section.getByRole('button', { name: 'Copy Subscribe link (webcal://)' }).click();
    await section.getByText('Couldn’t copy here: the link is selected').waitFor();
    const field = section.getByLabel('Subscribe link (webcal://)');
    const selected = await field.evaluate((input: HTMLInputElement) => [
      input === document.activeElement,
      input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    ]);
    expect(selected).toEqual([true, await field.inputValue()]);
  });

  it('says plainly when the server is down, keeps the plan, and Publish sends it once the server is back', async () => {
    await ext.send('createFeed', { serverUrl: server.url });
    await server.close();
    try {
      const popup = await ext.openPopup();
      await planAndAcceptNextWeek(popup);
      const line = popup.locator('#feed-status');
      await expect
        .poll(() => line.innerText(), { timeout: 15_000 })
        .toBe(
          `Not published: Couldn’t reach the feed server at ${server.url}. It must be running there (npm run cli -- serve) and allow this extension. Ironstride tries again within the hour.`,
        );
      await screenshot(popup, 'popup-publish-bar-unreachable');
      const view = (await ext.stored<PopupView>('view'))!;
      expect(view.acceptedCount).toBe(2);

      await restartServer();
      await popup.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect.poll(() => announced(popup), { timeout: 15_000 }).toMatch(PUBLISHED);
      expect(await line.innerText()).toMatch(PUBLISHED);
      expect(readNextWeek((await curl(await storedLink())).text)).toHaveLength(2);
    } finally {
      // Running again for the next test, whatever happened here (closing twice is harmless).
      if (!(await curl(`${server.url}/healthz`).catch(() => undefined))) await restartServer();
    }
  });

  it('rotates the link and deletes the feed from Options', async () => {
    await ext.send('createFeed', { serverUrl: server.url });
    const first = await storedLink();
    const options = await ext.openOptions();
    const section = options.locator('#feed');
    const webcalField = section.getByLabel('Subscribe link (webcal://)');
    await webcalField.waitFor();

    await section.getByRole('button', { name: 'Rotate link' }).click();
    const rotate = section.getByRole('group', { name: 'Rotate the link?' });
    expect(await rotate.innerText()).toMatch(/must subscribe again with the new link/);
    await rotate.getByRole('button', { name: 'Yes, new link' }).click();
    await waitForStatus(options, /^The feed has a new link/);
    const second = await storedLink();
    expect(second).not.toBe(first);
    expect(await webcalField.inputValue()).toBe(second.replace(/^http:/, 'webcal:'));
    expect((await curl(first)).status).toBe(404);
    expect((await curl(second)).status).toBe(200);

    await section.getByRole('button', { name: 'Delete feed' }).click();
    await section
      .getByRole('group', { name: 'Delete the feed?' })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await waitForStatus(options, /^Feed deleted/);
    expect((await curl(second)).status).toBe(404);
    expect(await ext.stored('feed')).toBeUndefined();
    expect(await section.getByLabel('Feed server').inputValue()).toBe(server.url);
    expect((await ext.stored<PopupView>('view'))?.feed).toBeUndefined();
  });

  it('cannot reach a server whose CORS admits another extension: no host permission stands in', async () => {
    await restartServer({ extensionIds: ['abcdefghijklmnopabcdefghijklmnop'] });
    try {
      const options = await ext.openOptions();
      const section = options.locator('#feed');
      await section.getByLabel('Feed server').fill(server.url);
      await section.getByRole('button', { name: 'Create feed' }).click();
      expect(await waitForStatus(options, /^Could not create the feed/)).toBe(
        `Could not create the feed: Couldn’t reach the feed server at ${server.url}. It must be running there (npm run cli -- serve) and allow this extension.`,
      );
      expect(await ext.stored('feed')).toBeUndefined();
      // The same server admitting any extension: the same click works.
      await restartServer();
      await section.getByRole('button', { name: 'Create feed' }).click();
      await waitForStatus(options, /^Feed created/);
    } finally {
      await restartServer();
    }
  });
});
