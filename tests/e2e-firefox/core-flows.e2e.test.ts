/**
 * The core flows of the Chromium e2e suite, in Debian's firefox-esr with the Firefox build
 * (`.output/firefox-mv2`): the runner uploads the sample calendar in Options, plans next week in
 * the popup, accepts a session and downloads the .ics. Errors on any of the add-on's pages (an
 * uncaught exception, a CSP refusal such as zod's eval probe) fail the test that caused them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IRONSTRIDE_SESSION_PROPERTY, readIcs } from '../../src/calendar/ics';
import { dateInZone, formatDayLabel } from '../../src/core/time';
import type { CalendarSource, StoredSession } from '../../src/extension/storage';
import type { PopupView, SessionItem } from '../../src/extension/view';
import {
  RUNNER_ZONE,
  countEvents,
  nextWeekStart,
  samplePrefs,
  weeklySampleCalendar,
} from '../helpers/e2e/calendar';
import { findByRole, press, waitForRole, waitForStatus } from '../helpers/e2e-firefox/dom';
import { launchFirefoxExtension } from '../helpers/e2e-firefox/firefox';
import type { FirefoxExtension } from '../helpers/e2e-firefox/firefox';
import { screenshot } from '../helpers/e2e-firefox/screenshot';

/** The bundled sample runner's week, without its yearly races (see weeklySampleCalendar). */
const CALENDAR = weeklySampleCalendar();
const EVENTS = countEvents(CALENDAR);
const FILE_NAME = 'sample-calendar.ics';

/** Next week's days as the popup labels them, Monday first. */
const [, tue, , thu] = Array.from({ length: 7 }, (_, i) => {
  const date = new Date(`${nextWeekStart()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + i);
  return formatDayLabel(date.toISOString().slice(0, 10));
});

let ext: FirefoxExtension;
let files: string;

beforeAll(async () => {
  ext = await launchFirefoxExtension();
  files = mkdtempSync(join(tmpdir(), 'ironstride-firefox-uploads-'));
  writeFileSync(join(files, FILE_NAME), CALENDAR);
});

afterAll(async () => {
  await ext?.close();
  if (files) rmSync(files, { recursive: true, force: true });
});

beforeEach(async () => {
  await ext.resetStorage();
  await ext.clearErrors();
});

afterEach(async () => {
  await ext.closePages();
  expect(await ext.errors()).toEqual([]);
});

/** The sample runner with the sample calendar, set up through the options page's own messages. */
async function seedRunner(): Promise<void> {
  const saved = await ext.send('savePrefs', samplePrefs());
  if (!saved.ok) throw new Error(`Sample preferences refused: ${JSON.stringify(saved.issues)}`);
  await ext.send('addSource', { kind: 'file', name: FILE_NAME, text: CALENDAR });
}

/** Selects Next week and presses Plan; resolves once the plan is announced. */
async function planNextWeek(page: Page): Promise<void> {
  await press(page, { role: 'tab', name: /^Next week/ });
  await press(page, { role: 'button', name: /^Plan next week/ });
  await waitForStatus(page, /^Next week planned/);
}

/** The reasons listed on the session card of a day. */
async function reasonsOn(page: Page, day: string): Promise<string[]> {
  const card = await waitForRole(page, {
    role: 'article',
    within: { heading: day, closest: 'li' },
  });
  const reasons = await card.$$eval('[aria-label="Why this slot"] > li', (items) =>
    items.map((item) => (item.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
  await card.dispose();
  return reasons;
}

async function storedSessions(): Promise<StoredSession[]> {
  return (await ext.stored<{ sessions: StoredSession[] }>('plan'))?.sessions ?? [];
}

describe('Ironstride in Firefox', () => {
  it('installs under its fixed add-on id and adds the sample calendar uploaded in Options', async () => {
    expect(ext.id).toBe('ironstride@ironstride.app');
    const page = await ext.openOptions();
    const upload = { heading: 'Upload an .ics file', closest: 'form' };

    const input = (await waitForRole(page, {
      role: 'file',
      name: 'Calendar file',
      within: upload,
    })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(files, FILE_NAME));
    await press(page, { role: 'button', name: 'Add file', within: upload });

    expect(await waitForStatus(page, /^Added/)).toBe(
      `Added “${FILE_NAME}”: ${EVENTS} events read, 0 skipped.`,
    );
    expect(await ext.stored<CalendarSource[]>('sources')).toMatchObject([
      { kind: 'file', name: FILE_NAME, text: CALENDAR, role: 'training' },
    ]);
    await screenshot(ext, page, 'options-calendars', { fullPage: true });
  });

  it('plans next week on the hard-run days, with reasons, and the runner accepts a session', async () => {
    await seedRunner();
    const page = await ext.openPopup();
    await planNextWeek(page);

    // Hard days hard: Tuesday after the intervals, Thursday after the tempo run, each explained.
    expect((await reasonsOn(page, tue!))[0]).toMatch(/^Tuesday: same day as your intervals/);
    expect((await reasonsOn(page, thu!))[0]).toMatch(/^Thursday: same day as your tempo run/);
    expect(
      await findByRole(page, { role: 'button', name: /^Accept all 2 suggestions/ }),
    ).not.toBeNull();
    await screenshot(ext, page, 'popup-next-week-planned');

    await press(page, {
      role: 'button',
      name: /^Accept Strength/,
      within: { heading: tue!, closest: 'li' },
    });
    await waitForStatus(page, 'Session accepted');
    const sessions = await storedSessions();
    expect(sessions.map((s) => s.status).sort()).toEqual(['accepted', 'suggested']);
    expect(
      await findByRole(page, { role: 'button', name: 'Download .ics (1 accepted)' }),
    ).not.toBeNull();
    await screenshot(ext, page, 'popup-session-accepted', { schemes: ['light'] });
  });

  it('downloads an .ics with exactly the accepted session, its times, exercises and marker', async () => {
    await seedRunner();
    const page = await ext.openPopup();
    await planNextWeek(page);
    await press(page, {
      role: 'button',
      name: /^Accept Strength/,
      within: { heading: tue!, closest: 'li' },
    });
    await waitForStatus(page, 'Session accepted');

    const now = Date.now();
    await press(page, { role: 'button', name: 'Download .ics (1 accepted)' });
    const text = await ext.waitForDownload(
      `ironstride-strength-${dateInZone(now, RUNNER_ZONE)}.ics`,
    );

    const accepted = (await storedSessions()).filter((s) => s.status === 'accepted');
    expect(accepted).toHaveLength(1);
    const read = readIcs(text, {
      timezone: RUNNER_ZONE,
      range: { start: now - 86_400_000, end: now + 21 * 86_400_000 },
    });
    expect(read.skipped).toEqual([]);
    expect(read.events.map((e) => [e.ironstrideSessionId, e.start, e.end, e.title])).toEqual(
      accepted.map((s) => [s.id, s.start, s.end, s.title]),
    );
    expect(text).toContain(`${IRONSTRIDE_SESSION_PROPERTY}:${accepted[0]!.id}`);
    // Every exercise the runner saw in Details, one line each: "Goblet squat — 3 × 8–10, rest 90 s — cue".
    const view = await ext.stored<PopupView>('view');
    const shown = view?.weeks
      .flatMap((w) => w.days.flatMap((d) => d.items))
      .find((item): item is SessionItem => item.type === 'session' && item.id === accepted[0]!.id);
    expect(shown?.exercises.length).toBeGreaterThanOrEqual(4);
    const description = read.events[0]!.description;
    for (const e of shown!.exercises)
      expect(description).toContain(`${e.name} — ${e.dose}, rest ${e.rest} — ${e.cue}`);
  });
});
