/**
 * Google Calendar in the built extension: a copy built with the `WXT_GOOGLE_*` overrides pointing
 * at the local fakes (Calendar API behind a proxy that can slow writes down, OAuth's implicit
 * grant), loaded into Chromium with the optional `identity` permission granted at install (a
 * prompt headless Chromium cannot show). launchWebAuthFlow runs for real: the fake's authorize
 * page redirects straight to https://<id>.chromiumapp.org/#access_token=….
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEDICATED_CALENDAR_SUMMARY,
  googleEventIdForSession,
  isIronstrideEvent,
} from '../../src/calendar/google';
import { addDays, dateInZone, startOfWeek } from '../../src/core/time';
import type { GoogleWriteJob } from '../../src/extension/google/storage';
import { startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { startFakeGoogleWebAuth } from '../fakes/google-oauth-web';
import type { FakeGoogleWebAuth } from '../fakes/google-oauth-web';
import { buildGoogleExtension } from '../helpers/e2e/build';
import { RUNNER_ZONE, nextWeekStart, samplePrefs } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { launchExtension } from '../helpers/e2e/extension';
import type { ExtensionHarness } from '../helpers/e2e/extension';
import { day, nextWeekDays, planNextWeek, sessionsOf, storedSessions } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';
import { startSlowProxy } from '../helpers/e2e/slow-proxy';
import type { SlowProxy } from '../helpers/e2e/slow-proxy';

const TOKEN = 'e2e-access-token';

let fake: FakeGoogleCalendar;
let proxy: SlowProxy;
let oauth: FakeGoogleWebAuth;
let ext: ExtensionHarness;
let coach: string;
let work: string;
const [, tue, , thu] = nextWeekDays();

beforeAll(async () => {
  fake = await startFakeGoogleCalendar({ tokens: [TOKEN] });
  proxy = await startSlowProxy(fake.rootUrl);
  oauth = await startFakeGoogleWebAuth({ token: () => TOKEN });
  const dir = buildGoogleExtension({
    clientId: oauth.clientId,
    apiRoot: proxy.rootUrl,
    authUrl: oauth.authorizeUrl,
    revokeUrl: oauth.revokeUrl,
  });
  ext = await launchExtension({ buildDir: dir, grantedPermissions: ['identity'] });
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await proxy?.close();
  await oauth?.close();
  await fake?.close();
});

/**
 * The sample runner's week in Google: a coach's calendar of weekly runs and a work calendar,
 * both repeating from three weeks ago, so next week always looks the same.
 */
function seedGoogle(): void {
  fake.reset();
  fake.setTokens([TOKEN]);
  const monday = addDays(startOfWeek(dateInZone(Date.now(), RUNNER_ZONE), 1), -21);
  const weekly = (
    calendarId: string,
    offset: number,
    start: string,
    end: string,
    summary: string,
    byDay?: string,
  ) =>
    fake.seedEvent(calendarId, {
      summary,
      start: { dateTime: `${addDays(monday, offset)}T${start}:00`, timeZone: RUNNER_ZONE },
      end: { dateTime: `${addDays(monday, offset)}T${end}:00`, timeZone: RUNNER_ZONE },
      recurrence: [`RRULE:FREQ=WEEKLY${byDay ? `;BYDAY=${byDay}` : ''}`],
    });
  coach = fake.addCalendar({ summary: 'Coach plan', timeZone: RUNNER_ZONE });
  weekly(coach, 1, '06:30', '07:30', 'Track: 6 x 800m @ 5K pace');
  weekly(coach, 2, '07:00', '07:45', 'Easy run 45 min');
  weekly(coach, 3, '06:30', '07:30', 'Tempo: 3 x 10 min @ threshold');
  weekly(coach, 4, '07:00', '07:30', 'Recovery jog 30 min');
  weekly(coach, 6, '08:00', '10:00', 'Long run 14 mi');
  work = fake.addCalendar({ summary: 'Work', timeZone: RUNNER_ZONE });
  weekly(work, 0, '09:00', '17:30', 'Work', 'MO,TU,WE,TH,FR');
}

beforeEach(async () => {
  seedGoogle();
  proxy.setWriteDelay(0);
  oauth.reset();
  await ext.resetStorage();
  const saved = await ext.send('savePrefs', samplePrefs());
  if (!saved.ok)
    throw new Error(`The sample preferences were refused: ${JSON.stringify(saved.issues)}`);
  ext.pageErrors.length = 0;
});

afterEach(async () => {
  await ext.closePages();
  expect(ext.pageErrors).toEqual([]);
});

function dedicatedCalendarId(): string {
  const id = fake.calendarList().find((c) => c.summary === DEDICATED_CALENDAR_SUMMARY)?.id;
  if (!id) throw new Error('Ironstride has no calendar in the fake yet');
  return id;
}

/** Ironstride's live events in its calendar, by session id. */
function writtenSessions(): Map<string, FakeEvent[]> {
  const out = new Map<string, FakeEvent[]>();
  for (const event of fake.storedEvents(dedicatedCalendarId())) {
    if (!isIronstrideEvent(event)) continue;
    const id = event.extendedProperties?.private?.ironstrideSession ?? '';
    out.set(id, [...(out.get(id) ?? []), event]);
  }
  return out;
}

async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeout = 20_000,
): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Connected, both calendars picked, next week planned and accepted: its sessions' ids, in day order. */
async function connectAndAcceptNextWeek(): Promise<string[]> {
  await ext.send('connectGoogle', {});
  await ext.send('setGoogleCalendarRole', {
    calendarId: coach,
    name: 'Coach plan',
    role: 'training',
  });
  await ext.send('setGoogleCalendarRole', { calendarId: work, name: 'Work', role: 'busy' });
  await ext.send('planWeek', { weekStart: nextWeekStart() });
  const view = await ext.send('acceptWeek', { weekStart: nextWeekStart() });
  const accepted = sessionsOf(view)
    .filter((s) => s.status === 'accepted')
    .map((s) => s.id);
  expect(accepted).toHaveLength(2);
  return accepted;
}

describe('Google Calendar', () => {
  it('connects, reads the picked calendars, and writes the accepted sessions once', async () => {
    const options = await ext.openOptions();
    const section = options.locator('#google');
    const connect = section.getByRole('button', { name: 'Connect Google' });
    await connect.waitFor();
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(options, 'options-google-connect', { schemes: ['light'] });
    await connect.click();
    expect(await waitForStatus(options, /^Connected to Google/)).toBe(
      'Connected to Google as runner@example.com.',
    );
    expect(oauth.authorizations).toEqual([
      {
        clientId: oauth.clientId,
        redirectUri: `https://${ext.id}.chromiumapp.org/`,
        scopes: [
          'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
          'https://www.googleapis.com/auth/calendar.events.readonly',
          'https://www.googleapis.com/auth/calendar.app.created',
        ],
      },
    ]);

    await section.getByLabel('Coach plan').selectOption('training');
    await waitForStatus(options, /“Coach plan” is read as your training plan: \d+ events\./);
    await section.getByLabel('Work').selectOption('busy');
    await waitForStatus(options, /“Work” is read as busy time/);
    const calendars = options.getByRole('region', { name: 'Calendars' });
    expect(await calendars.getByText('Google Calendar', { exact: true }).count()).toBe(2);
    await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(options, 'options-google');

    const popup = await ext.openPopup();
    await planNextWeek(popup);
    expect(await day(popup, tue!.label).getByText('Track: 6 x 800m @ 5K pace').count()).toBe(1);
    await popup.getByRole('button', { name: /^Accept all 2 suggestions/ }).click();
    await waitForStatus(popup, 'All suggestions for next week accepted');
    await popup.getByRole('button', { name: 'Add to calendar' }).click();
    await waitForStatus(popup, `${DEDICATED_CALENDAR_SUMMARY}: 2 added.`);

    const stored = await storedSessions(ext);
    const written = writtenSessions();
    expect([...written.keys()].sort()).toEqual([...stored.keys()].sort());
    for (const [id, session] of stored) {
      const [event] = written.get(id)!;
      expect(written.get(id)).toHaveLength(1);
      expect(event!.id).toBe(await googleEventIdForSession(id));
      expect(event!.summary).toBe(session.title);
      expect(event!.description).toBe(session.description);
      for (const exercise of session.content.exercises)
        expect(event!.description).toContain(exercise.name);
      expect(Date.parse(event!.start!.dateTime!)).toBe(session.start);
    }
    for (const label of [tue!.label, thu!.label]) {
      expect(await day(popup, label).locator('[data-google-status]').innerText()).toBe(
        'In Google Calendar',
      );
    }
    await popup.locator('.google-bar').scrollIntoViewIfNeeded();
    await screenshot(popup, 'popup-google-written');

    // Again: nothing changes in Google.
    const before = JSON.stringify(
      fake.storedEvents(dedicatedCalendarId(), { includeDeleted: true }),
    );
    const requests = fake.requests.length;
    await popup.getByRole('button', { name: 'Add to calendar' }).click();
    await waitForStatus(popup, `${DEDICATED_CALENDAR_SUMMARY} was already up to date.`);
    expect(JSON.stringify(fake.storedEvents(dedicatedCalendarId(), { includeDeleted: true }))).toBe(
      before,
    );
    expect(fake.requests.slice(requests).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('finishes a write after the service worker is stopped in the middle of it', async () => {
    const accepted = await connectAndAcceptNextWeek();

    // Every write takes 1.5 s: stop the worker once the first session is in Google.
    proxy.setWriteDelay(1500);
    await ext.send('addToCalendar', {});
    await waitFor('the first session in Google', () =>
      fake.calendarList().length === 4 && writtenSessions().size >= 1 ? true : undefined,
    );
    const interrupted = (await ext.stored<GoogleWriteJob>('googleWrite'))!;
    expect(interrupted).toMatchObject({ state: 'running', attempts: 1 });
    expect(Object.keys(interrupted.results).length).toBeLessThan(2);
    await ext.stopServiceWorker();
    proxy.setWriteDelay(0);

    // A new worker starts (Chromium starts one at once while DevTools is attached; opening the
    // popup would wake it otherwise) and its start resumes the job.
    const popup = await ext.openPopup();
    await popup.getByRole('tab', { name: /^Next week/ }).click();
    await waitForStatus(popup, `${DEDICATED_CALENDAR_SUMMARY}: 2 added.`);
    const job = (await ext.stored<GoogleWriteJob>('googleWrite'))!;
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
    const written = writtenSessions();
    expect([...written.keys()].sort()).toEqual([...accepted].sort());
    for (const events of written.values()) expect(events).toHaveLength(1);
    expect(
      fake.calendarList().filter((c) => c.summary === DEDICATED_CALENDAR_SUMMARY),
    ).toHaveLength(1);
  });

  it('shows what happened to each session, and asks to reconnect when Google refuses', async () => {
    const [tuesdayId, thursdayId] = await connectAndAcceptNextWeek();
    await ext.send('addToCalendar', {});
    await waitFor('the first write', async () =>
      (await ext.stored<GoogleWriteJob>('googleWrite'))?.state === 'done' ? true : undefined,
    );
    // In Google Calendar the runner deletes Tuesday's session; in the popup, Thursday's moves.
    fake.deleteEventAsUser(dedicatedCalendarId(), await googleEventIdForSession(tuesdayId!));
    await ext.send('moveSession', { sessionId: thursdayId!, alternative: 0 });

    const popup = await ext.openPopup();
    await popup.getByRole('tab', { name: /^Next week/ }).click();
    await popup.getByRole('button', { name: 'Add to calendar' }).click();
    await waitForStatus(
      popup,
      `${DEDICATED_CALENDAR_SUMMARY}: 1 updated, 1 skipped (you deleted it in Google).`,
    );
    const tuesday = popup.locator(`[data-session-id="${tuesdayId}"]`);
    expect(await tuesday.locator('[data-google-status]').innerText()).toBe(
      'You deleted this in Google — skipped',
    );
    // The chip comes with the view the write's result re-renders: wait for it, as a runner would.
    await tuesday.getByText('Skipped', { exact: true }).waitFor({ state: 'visible' });
    const thursday = popup.locator(`[data-session-id="${thursdayId}"]`);
    expect(await thursday.locator('[data-google-status]').innerText()).toBe(
      'Updated in Google Calendar',
    );
    expect([...writtenSessions().keys()]).toEqual([thursdayId]);
    await day(popup, tue!.label).evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(popup, 'popup-google-results');

    // Google stops taking the token, and refuses a silent renewal.
    fake.setTokens([]);
    oauth.refuse('interaction_required');
    await popup.getByRole('button', { name: 'Add to calendar' }).click();
    const banner = popup.getByRole('region', { name: 'Google needs you to sign in again' });
    await banner.waitFor();
    expect(await thursday.locator('[data-google-status]').innerText()).toBe(
      'Not written: reconnect Google in Settings',
    );
    await popup.evaluate(() => document.querySelector('.popup-scroll')?.scrollTo(0, 0));
    await screenshot(popup, 'popup-google-reconnect');

    // Reconnecting in Settings carries the stopped write on.
    fake.setTokens([TOKEN]);
    oauth.refuse(null);
    await banner.getByRole('button', { name: 'Reconnect Google' }).click();
    // Settings opens (or comes to the front, showing the refusal as it happens).
    const options = await waitFor('the options page', () =>
      ext.context.pages().find((p) => p.url() === ext.url('options.html')),
    );
    await options.locator('#google').getByRole('button', { name: 'Reconnect Google' }).click();
    await waitForStatus(options, /^Connected to Google/);
    await popup.bringToFront();
    await waitForStatus(popup, `${DEDICATED_CALENDAR_SUMMARY} was already up to date.`);
    expect(await banner.count()).toBe(0);
  });

  it('revokes the token when the runner disconnects', async () => {
    await ext.send('connectGoogle', {});
    const options = await ext.openOptions();
    const section = options.locator('#google');
    await section.getByRole('button', { name: 'Disconnect Google' }).click();
    await waitForStatus(options, /^Google disconnected/);
    expect(oauth.revocations).toEqual([TOKEN]);
    expect(await section.getByRole('button', { name: 'Connect Google' }).isVisible()).toBe(true);
  });
});
