/**
 * The calendar echo (issue 13 item 4): once a session is logged, its Google event and its feed
 * entry carry the result line at the top of the description, written through the existing write
 * paths — the same Google event patched (never a second one), the feed's next publish.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readIcs } from '../../src/calendar/ics';
import { isIronstrideEvent } from '../../src/calendar/google';
import { DEDICATED_CALENDAR_SUMMARY } from '../../src/calendar/google';
import type { LogEntry } from '../../src/core/log';
import { HOUR_MS } from '../../src/core/time';
import { loadWriteJob } from '../../src/extension/google/storage';
import { planItem, viewItem } from '../../src/extension/storage';
import type { StoredSession } from '../../src/extension/storage';
import type { SessionItem } from '../../src/extension/view';
import { startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { startFeedServer } from '../helpers/e2e/feed-server';
import type { TestFeedServer } from '../helpers/e2e/feed-server';
import { setupFeed } from './feed-setup';
import { NOW, PREFS, setupGoogle, TWO_HARD_DAYS } from './google-setup';

const THIS_WEEK = '2027-05-03';

let fake: FakeGoogleCalendar;
let server: TestFeedServer;

beforeAll(async () => {
  fake = await startFakeGoogleCalendar({ tokens: ['token-1'] });
  server = await startFeedServer();
  // An embedded database starts in seconds, far more when other suites start theirs too.
}, 180_000);

afterAll(async () => {
  await fake?.close();
  await server?.dispose();
});

beforeEach(() => {
  fakeBrowser.reset();
  fake.reset();
  fake.setTokens(['token-1']);
});

/** Done at RPE 7, every goblet squat set 8 × 20 kg. */
function doneEntry(session: StoredSession, date: string): LogEntry {
  return {
    sessionId: session.id,
    date,
    status: 'done',
    rpe: 7,
    exercises: [{ name: 'Goblet squat', sets: [8, 8, 8].map((reps) => ({ reps, kg: 20 })) }],
  };
}
const RESULT_LINE = 'Done · RPE 7 · goblet squat 3 × 8 @ 20 kg';

function ironstrideEvents(calendarId: string): FakeEvent[] {
  return fake.storedEvents(calendarId).filter((e) => isIronstrideEvent(e));
}

function sessionOf(event: FakeEvent): string {
  return event.extendedProperties?.private?.ironstrideSession ?? '';
}

/** A runner connected to Google with this week planned and accepted, on a clock a test moves. */
async function acceptedWeekWithGoogle() {
  const clock = { now: NOW };
  const { handlers, service } = setupGoogle({ fake, overrides: { now: () => clock.now } });
  await handlers.savePrefs(PREFS);
  await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
  await handlers.connectGoogle({});
  await handlers.planWeek({ weekStart: THIS_WEEK });
  await handlers.acceptWeek({ weekStart: THIS_WEEK });
  return { clock, handlers, service };
}

describe('calendar echo in Google', () => {
  it('patches the logged session’s own event with the result line, never a second event', async () => {
    const { clock, handlers, service } = await acceptedWeekWithGoogle();
    await handlers.addToCalendar({});
    await service.runGoogleWrites();
    const calendarId = fake
      .calendarList()
      .find((c) => c.summary === DEDICATED_CALENDAR_SUMMARY)!.id!;
    const before = ironstrideEvents(calendarId);
    const first = (await planItem.getValue()).sessions[0]!;
    const eventBefore = before.find((e) => sessionOf(e) === first.id)!;
    expect(eventBefore.description).not.toContain('Done ·');

    clock.now = first.end + HOUR_MS;
    await handlers.logSession({ sessionId: first.id, entry: doneEntry(first, '2027-05-04') });
    await service.runGoogleWrites();

    const after = ironstrideEvents(calendarId);
    expect(after.map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());
    const event = after.find((e) => sessionOf(e) === first.id)!;
    expect(event.id).toBe(eventBefore.id);
    expect(event.description!.split('\n')[0]).toBe(RESULT_LINE);
    expect(event.description).toContain(first.description);
    expect((await loadWriteJob())?.results[first.id]?.status).toBe('updated');
    // Untouched sessions are not rewritten, and the popup says Google is up to date.
    for (const other of after.filter((e) => sessionOf(e) !== first.id))
      expect(other.description).not.toContain('Done ·');
    const card = (await viewItem.getValue())!.weeks
      .flatMap((w) => w.days.flatMap((d) => d.items))
      .find((i): i is SessionItem => i.type === 'session' && i.id === first.id)!;
    expect(card.google?.text).not.toMatch(/Changed since/);
  });

  it('writes nothing for a runner who never added sessions to Google', async () => {
    const { clock, handlers, service } = await acceptedWeekWithGoogle();
    const first = (await planItem.getValue()).sessions[0]!;
    clock.now = first.end + HOUR_MS;

    await handlers.logSession({ sessionId: first.id, entry: doneEntry(first, '2027-05-04') });
    await service.runGoogleWrites();

    expect(await loadWriteJob()).toBeNull();
    expect(fake.calendarList().some((c) => c.summary === DEDICATED_CALENDAR_SUMMARY)).toBe(false);
  });
});

describe('calendar echo in the feed', () => {
  it('the next publish carries the result line in the logged session’s entry', async () => {
    const clock = { now: NOW };
    const setup = setupFeed({ now: () => clock.now });
    const { handlers } = setup;
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
    await handlers.planWeek({ weekStart: THIS_WEEK });
    await handlers.acceptWeek({ weekStart: THIS_WEEK });
    const settings = await handlers.createFeed({ serverUrl: server.url });
    await setup.settle();
    const first = (await planItem.getValue()).sessions[0]!;
    const puts = () => setup.network.requests.filter((r) => r.startsWith('PUT')).length;
    const putsBefore = puts();

    clock.now = first.end + HOUR_MS;
    await handlers.logSession({ sessionId: first.id, entry: doneEntry(first, '2027-05-04') });
    await setup.settle();

    expect(puts()).toBe(putsBefore + 1);
    const text = await (await fetch(settings.feed!.subscribeUrl)).text();
    const events = readIcs(text, {
      timezone: 'Europe/London',
      range: { start: NOW - 30 * 86_400_000, end: NOW + 60 * 86_400_000 },
    }).events;
    const logged = events.find((e) => e.ironstrideSessionId === first.id)!;
    expect(logged.description.split('\n')[0]).toBe(RESULT_LINE);
    for (const other of events.filter((e) => e.ironstrideSessionId !== first.id))
      expect(other.description).not.toContain('Done ·');
  });
});
