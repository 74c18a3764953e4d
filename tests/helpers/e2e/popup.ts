/** The popup as a runner meets it: a seeded runner, their weeks, days and session cards. */
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { DateString } from '../../../src/core/time';
import { formatDayLabel } from '../../../src/core/time';
import type { StoredSession } from '../../../src/extension/storage';
import type { PopupView, SessionItem } from '../../../src/extension/view';
import { nextWeekStart, samplePrefs, weeklySampleCalendar } from './calendar';
import { waitForStatus } from './dom';
import { launchExtension } from './extension';
import type { ExtensionHarness, LaunchExtensionOptions } from './extension';
import { startIcsServer } from './ics-server';
import type { IcsServer } from './ics-server';

/**
 * A runner with the sample preferences and one feed, set up through the real background (the
 * options page's own messages): storage starts empty, so tests never depend on one another.
 */
export async function seedRunner(ext: ExtensionHarness, feedUrl: string): Promise<void> {
  await ext.resetStorage();
  const saved = await ext.send('savePrefs', samplePrefs());
  if (!saved.ok)
    throw new Error(`The sample preferences were refused: ${JSON.stringify(saved.issues)}`);
  await ext.send('addSource', { kind: 'url', url: feedUrl });
}

/** The harness a popup suite shares: one browser with the extension and one feed of the sample week. */
export interface PopupSuite {
  ext: ExtensionHarness;
  server: IcsServer;
}

/**
 * Registers the hooks every popup suite needs: the extension and a feed for the whole file, a
 * freshly seeded runner before each test, and no page errors after it. Fields are set in
 * `beforeAll`, so read them inside tests.
 */
export function popupSuite(launch: LaunchExtensionOptions = {}): PopupSuite {
  const suite = {} as PopupSuite;
  beforeAll(async () => {
    suite.server = await startIcsServer(weeklySampleCalendar());
    suite.ext = await launchExtension(launch);
  });
  afterAll(async () => {
    await suite.ext?.close();
    await suite.server?.close();
  });
  beforeEach(async () => {
    suite.server.setCalendar(weeklySampleCalendar());
    await seedRunner(suite.ext, suite.server.feedUrl);
    suite.ext.pageErrors.length = 0;
  });
  afterEach(async () => {
    await suite.ext.closePages();
    expect(suite.ext.pageErrors).toEqual([]);
  });
  return suite;
}

/** The days of next week as the popup labels them, Monday first ("Tue 24 Nov"). */
export function nextWeekDays(now = Date.now()): { date: DateString; label: string }[] {
  const monday = nextWeekStart(now);
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(`${monday}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + i);
    const iso = date.toISOString().slice(0, 10);
    return { date: iso, label: formatDayLabel(iso) };
  });
}

/** One day of the week on screen, found by its heading. */
export function day(page: Page, label: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: label }) });
}

/** A calendar event's row, found by its "Change type of …" button. */
export function eventRow(scope: Page | Locator, title: string): Locator {
  // `has` is matched inside each list item, so it must not start from `scope` again.
  const page = 'page' in scope ? scope.page() : scope;
  return scope
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Change type of ${title}`, exact: true }) });
}

/** Selects the "Next week" tab and presses Plan week; resolves once the plan is announced. */
export async function planNextWeek(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^Next week/ }).click();
  await page.getByRole('button', { name: /^Plan next week/ }).click();
  await waitForStatus(page, /^Next week planned/);
}

/** Sessions of a view, in day order. */
export function sessionsOf(view: PopupView): SessionItem[] {
  return view.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.filter((i): i is SessionItem => i.type === 'session')),
  );
}

/** The sessions the background keeps (`local:plan`), by id. */
export async function storedSessions(ext: ExtensionHarness): Promise<Map<string, StoredSession>> {
  const plan = await ext.stored<{ sessions: StoredSession[] }>('plan');
  return new Map((plan?.sessions ?? []).map((s) => [s.id, s]));
}
