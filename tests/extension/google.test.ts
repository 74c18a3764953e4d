import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEDICATED_CALENDAR_DESCRIPTION,
  DEDICATED_CALENDAR_SUMMARY,
  googleEventIdForSession,
  isIronstrideEvent,
} from '../../src/calendar/google';
import {
  googleTokenItem,
  googleWriteItem,
  loadGoogleAccount,
  loadGoogleLedger,
  loadWriteJob,
} from '../../src/extension/google/storage';
import { planItem, sourcesItem, viewItem } from '../../src/extension/storage';
import type { PopupView, SessionItem } from '../../src/extension/view';
import { DEFAULT_FAULT_KINDS, startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from '../fakes/google-calendar-api';
import {
  fakeIdentity,
  networkFor,
  PREFS,
  revoked,
  setupGoogle,
  TWO_HARD_DAYS,
  TWO_HARD_DAYS_WITH_FRIDAY_HILLS,
} from './google-setup';

let fake: FakeGoogleCalendar;

beforeAll(async () => {
  fake = await startFakeGoogleCalendar({ tokens: ['token-1'] });
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fakeBrowser.reset();
  fake.reset();
  fake.setTokens(['token-1']);
  revoked.length = 0;
});

const THIS_WEEK = '2027-05-03';
const NEXT_WEEK = '2027-05-10';

const sessionsOf = (view: PopupView): SessionItem[] =>
  view.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.filter((i): i is SessionItem => i.type === 'session')),
  );

/** A runner with the two-hard-days calendar (an uploaded file), connected to Google. */
async function connectedRunner(setup: ReturnType<typeof setupGoogle>) {
  const { handlers } = setup;
  await handlers.savePrefs(PREFS);
  await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
  await handlers.connectGoogle({});
}

/** Plans this week and next and accepts every suggestion. */
async function acceptTwoWeeks(setup: ReturnType<typeof setupGoogle>): Promise<PopupView> {
  const { handlers } = setup;
  for (const week of [THIS_WEEK, NEXT_WEEK]) {
    await handlers.planWeek({ weekStart: week });
    await handlers.acceptWeek({ weekStart: week });
  }
  return (await viewItem.getValue())!;
}

async function write(setup: ReturnType<typeof setupGoogle>): Promise<void> {
  await setup.handlers.addToCalendar({});
  await setup.service.runGoogleWrites();
}

function dedicatedCalendarId(): string {
  const entry = fake.calendarList().find((c) => c.summary === DEDICATED_CALENDAR_SUMMARY);
  if (!entry?.id) throw new Error('no dedicated calendar in the fake');
  return entry.id;
}

/** Live events Ironstride wrote, by session id. */
function liveSessions(calendarId: string): Map<string, FakeEvent[]> {
  const out = new Map<string, FakeEvent[]>();
  for (const event of fake.storedEvents(calendarId)) {
    if (!isIronstrideEvent(event)) continue;
    const id = event.extendedProperties?.private?.ironstrideSession ?? '';
    out.set(id, [...(out.get(id) ?? []), event]);
  }
  return out;
}

async function acceptedIds(): Promise<string[]> {
  return (await planItem.getValue()).sessions
    .filter((s) => s.status === 'accepted')
    .map((s) => s.id);
}

describe('Google sign-in', () => {
  it('connects with launchWebAuthFlow, asking only for the read and own-calendar scopes', async () => {
    const setup = setupGoogle({ fake });
    const settings = await setup.handlers.connectGoogle({});

    const flow = setup.identity.flows[0]!;
    expect(flow.interactive).toBe(true);
    expect(flow.query.get('response_type')).toBe('token');
    expect(flow.query.get('redirect_uri')).toBe('https://test-extension-id.chromiumapp.org/');
    expect(flow.query.get('scope')!.split(' ')).toEqual([
      'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
      'https://www.googleapis.com/auth/calendar.events.readonly',
      'https://www.googleapis.com/auth/calendar.app.created',
    ]);
    expect(settings).toMatchObject({
      available: true,
      connected: true,
      account: 'runner@example.com',
      missingScopes: [],
    });
    expect(settings.calendars.map((c) => c.name)).toEqual(['runner@example.com']);
    // The token lives in storage.session only.
    expect((await googleTokenItem.getValue())?.accessToken).toBe('token-1');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('token-1');
  });

  it('renews a refused token silently once, then asks the runner to reconnect', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);

    // Google starts refusing the token; a silent renewal (prompt=none) gets a new one.
    fake.setTokens(['token-2']);
    setup.identity.silentToken = 'token-2';
    await write(setup);
    const silent = setup.identity.flows.filter((f) => !f.interactive);
    expect(silent).toHaveLength(1);
    expect(silent[0]!.query.get('prompt')).toBe('none');
    expect((await loadWriteJob())?.state).toBe('done');

    // Now the renewal fails too (consent withdrawn): the write stops and the popup says reconnect.
    fake.setTokens(['token-3']);
    setup.identity.silentToken = '';
    await setup.handlers.skipSession({ sessionId: (await acceptedIds())[0]! });
    await write(setup);
    expect((await loadWriteJob())?.state).toBe('needs-auth');
    expect((await loadGoogleAccount()).reconnect).toMatch(/sign in again/);
    const view = (await viewItem.getValue())!;
    expect(view.google).toMatchObject({ state: 'reconnect', status: { tone: 'error' } });
    expect(view.google?.status?.text).toMatch(/sign in again/);

    // Reconnecting carries the stopped write on.
    setup.identity.interactiveToken = 'token-3';
    await setup.handlers.connectGoogle({});
    await setup.service.runGoogleWrites();
    expect((await loadWriteJob())?.state).toBe('done');
    expect((await loadGoogleAccount()).reconnect).toBeUndefined();
    expect([...liveSessions(dedicatedCalendarId()).keys()].sort()).toEqual(
      (await acceptedIds()).sort(),
    );
  });

  it('revokes the token on sign-out and forgets Google’s data, but keeps the write ledger', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    const training = fake.addCalendar({ summary: 'Training', timeZone: 'Europe/London' });
    await setup.handlers.setGoogleCalendarRole({
      calendarId: training,
      name: 'Training',
      role: 'training',
    });
    await acceptTwoWeeks(setup);
    await write(setup);
    const ledger = await loadGoogleLedger();
    expect(ledger.dedicatedCalendarId).toBe(dedicatedCalendarId());

    const settings = await setup.handlers.disconnectGoogle({});

    expect(revoked).toEqual(['token-1']);
    expect(settings).toMatchObject({ connected: false, calendars: [] });
    expect(await googleTokenItem.getValue()).toBeNull();
    expect(await googleWriteItem.getValue()).toBeNull();
    expect((await sourcesItem.getValue()).map((s) => s.kind)).toEqual(['file']);
    expect(await loadGoogleLedger()).toEqual(ledger);
    expect((await viewItem.getValue())?.google?.state).toBe('off');
  });

  it('says plainly when the build has no OAuth client', async () => {
    const setup = setupGoogle({ fake, env: { WXT_GOOGLE_API_ROOT: fake.rootUrl } });
    const settings = await setup.handlers.getGoogle({});
    expect(settings).toMatchObject({ available: false, connected: false });
    expect(settings.unavailableReason).toMatch(
      /built without a Google OAuth client id \(WXT_GOOGLE_CLIENT_ID\)/,
    );
    await expect(setup.handlers.connectGoogle({})).rejects.toThrow(/can't connect to Google/);
    expect((await setup.handlers.getView({})).google?.state).toBe('unavailable');
  });
});

describe('Add to calendar', () => {
  it('writes the same plan three times through 30% faults, each session exactly once', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    const view = await acceptTwoWeeks(setup);
    const accepted = await acceptedIds();
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    fake.setFaults({ rate: 0.3, seed: 17, kinds: [...DEFAULT_FAULT_KINDS, 'commit-then-reset'] });
    // Besides the random ones, both lost answers for sure: the insert happens, the answer is lost.
    fake.failNext(['commit-then-503', 'commit-then-reset'], { method: 'POST', path: /\/events$/ });

    await write(setup);
    const calendarId = dedicatedCalendarId();
    const after = fake.storedEvents(calendarId, { includeDeleted: true });
    await write(setup);
    await write(setup);

    const faults = fake.requests.map((r) => r.fault).filter(Boolean);
    // Seed 17 also brings a 401 (silent renewal), rate limits and 5xx.
    expect(faults).toEqual(
      expect.arrayContaining([
        'commit-then-503',
        'commit-then-reset',
        '401',
        '403-rate',
        '429',
        '500',
      ]),
    );
    const live = liveSessions(calendarId);
    expect([...live.keys()].sort()).toEqual([...accepted].sort());
    for (const id of accepted) {
      expect(live.get(id)).toHaveLength(1);
      expect(live.get(id)![0]!.id).toBe(await googleEventIdForSession(id));
    }
    // The second and third writes changed nothing.
    expect(fake.storedEvents(calendarId, { includeDeleted: true })).toEqual(after);
    expect(
      fake.calendarList().filter((c) => c.summary === DEDICATED_CALENDAR_SUMMARY),
    ).toHaveLength(1);
    const job = (await loadWriteJob())!;
    expect(job.state).toBe('done');
    expect(new Set(Object.values(job.results).map((r) => r.status))).toEqual(
      new Set(['unchanged']),
    );
    // The full session text went to Google, as the CLI writes it.
    const first = (await planItem.getValue()).sessions.find((s) => s.id === accepted[0])!;
    expect(live.get(first.id)![0]!.description).toBe(first.description);
    const shown = sessionsOf((await viewItem.getValue())!);
    expect(shown.filter((s) => s.status === 'accepted').map((s) => s.google?.text)).toEqual(
      accepted.map(() => 'In Google Calendar'),
    );
    expect((await viewItem.getValue())?.google?.status?.text).toBe(
      `${DEDICATED_CALENDAR_SUMMARY} was already up to date.`,
    );
    expect(sessionsOf(view).length).toBe(accepted.length);
  });

  it('reports progress and the outcome per session in the popup view', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);
    const seen: string[] = [];
    const stop = viewItem.watch((view) => {
      const text = view?.google?.status?.text;
      if (text && seen.at(-1) !== text) seen.push(text);
    });

    const queued = await setup.handlers.addToCalendar({});
    expect(queued.google).toMatchObject({
      writing: true,
      status: { text: 'Writing to Google Calendar…' },
    });
    expect(sessionsOf(queued).map((s) => s.google?.text)).toContain('Waiting to be written…');
    await setup.service.runGoogleWrites();
    await vi.waitFor(() => expect(seen.at(-1)).toMatch(/: \d added\.$/));
    stop();

    const n = (await acceptedIds()).length;
    expect(seen).toContain(`Writing 2 of ${n}…`);
    expect(seen.at(-1)).toBe(`${DEDICATED_CALENDAR_SUMMARY}: ${n} added.`);
  });

  it('never touches an event Ironstride did not create, even in its own calendar', async () => {
    const calendarId = fake.addCalendar({
      summary: DEDICATED_CALENDAR_SUMMARY,
      description: DEDICATED_CALENDAR_DESCRIPTION,
      timeZone: 'Europe/London',
    });
    const foreign = fake.seedEvent(calendarId, {
      summary: 'Physio',
      start: { dateTime: '2027-05-04T18:00:00+01:00' },
      end: { dateTime: '2027-05-04T18:45:00+01:00' },
    });
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);

    await write(setup);
    // Withdraw every session: the foreign event sits in the planned weeks, and stays.
    for (const id of await acceptedIds()) await setup.handlers.skipSession({ sessionId: id });
    await write(setup);

    expect(fake.storedEvent(calendarId, foreign.id!)).toEqual(foreign);
    expect(liveSessions(calendarId).size).toBe(0);
    expect(fake.requests.filter((r) => r.path.endsWith(foreign.id!))).toEqual([]);
  });

  it('counts a session the runner deleted in Google as skipped and never recreates it', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);
    await write(setup);
    const [deletedId, ...others] = await acceptedIds();
    const calendarId = dedicatedCalendarId();
    const eventId = await googleEventIdForSession(deletedId!);
    fake.deleteEventAsUser(calendarId, eventId);

    await write(setup);
    await write(setup);

    const session = (await planItem.getValue()).sessions.find((s) => s.id === deletedId)!;
    expect(session).toMatchObject({ status: 'skipped', deletedInGoogle: true });
    expect(fake.storedEvent(calendarId, eventId)?.status).toBe('cancelled');
    expect([...liveSessions(calendarId).keys()].sort()).toEqual([...others].sort());
    expect(fake.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(eventId))).toEqual([]);
    const card = sessionsOf((await viewItem.getValue())!).find((s) => s.id === deletedId)!;
    expect(card).toMatchObject({
      status: 'skipped',
      google: { text: 'You deleted this in Google — skipped', tone: 'warn' },
    });
  });

  it('moves the same event when a session moves, and removes a withdrawn one', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    const view = await acceptTwoWeeks(setup);
    await write(setup);
    const calendarId = dedicatedCalendarId();
    const movable = sessionsOf(view).find((s) => s.alternatives.length > 0)!;
    const [withdrawn] = (await acceptedIds()).filter((id) => id !== movable.id);

    await setup.handlers.moveSession({ sessionId: movable.id, alternative: 0 });
    await setup.handlers.skipSession({ sessionId: withdrawn! });
    await write(setup);

    const moved = (await planItem.getValue()).sessions.find((s) => s.id === movable.id)!;
    const live = liveSessions(calendarId);
    expect(live.get(movable.id)).toHaveLength(1);
    const event = live.get(movable.id)![0]!;
    expect(event.id).toBe(await googleEventIdForSession(movable.id));
    expect(Date.parse(event.start!.dateTime!)).toBe(moved.start);
    expect(event.description).toBe(moved.description);
    expect(live.has(withdrawn!)).toBe(false);
    const job = (await loadWriteJob())!;
    expect(job.results[movable.id]?.status).toBe('updated');
    expect(job.results[withdrawn!]?.status).toBe('deleted');
    const cards = sessionsOf((await viewItem.getValue())!);
    expect(cards.find((s) => s.id === movable.id)?.google?.text).toBe('Updated in Google Calendar');
    expect(cards.find((s) => s.id === withdrawn)?.google?.text).toBe(
      'Removed from Google Calendar',
    );
  });

  it('patches the same event when a calendar change re-plans an accepted session', async () => {
    const setup = setupGoogle({ fake });
    const { handlers, feeds, service } = setup;
    const feed = 'https://coach.example/plan.ics';
    feeds.set(feed, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: feed });
    await handlers.connectGoogle({});
    await handlers.planWeek({ weekStart: THIS_WEEK });
    await handlers.acceptWeek({ weekStart: THIS_WEEK });
    await write(setup);
    const calendarId = dedicatedCalendarId();
    const before = liveSessions(calendarId);

    // The coach adds hill repeats on Friday: Thursday's session is now the day before a key run.
    feeds.set(feed, TWO_HARD_DAYS_WITH_FRIDAY_HILLS);
    await service.syncAll();
    const replanned = await handlers.replan({});
    const moved = (await planItem.getValue()).sessions.find((s) => s.moved)!;
    expect(moved).toMatchObject({ status: 'accepted' });
    expect(sessionsOf(replanned).find((s) => s.id === moved.id)?.google?.text).toBe(
      'Changed since — press Add to calendar to update Google',
    );
    await write(setup);

    const after = liveSessions(calendarId);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const [event] = after.get(moved.id)!;
    expect(after.get(moved.id)).toHaveLength(1);
    expect(event!.id).toBe(before.get(moved.id)![0]!.id);
    expect(Date.parse(event!.start!.dateTime!)).toBe(moved.start);
    expect((await loadWriteJob())?.results[moved.id]?.status).toBe('updated');
  });

  it('finishes a write the service worker was stopped in the middle of, on its next start', async () => {
    // The first worker's network dies after two writes (the calendar and one event): its third
    // request never comes back, as when Chrome stops a worker mid-request.
    let writes = 0;
    const network = networkFor(new Map());
    const dying: typeof globalThis.fetch = (input, init) => {
      if (String(input).startsWith(fake.rootUrl) && init?.method && init.method !== 'GET') {
        writes += 1;
        if (writes > 2) return new Promise<Response>(() => undefined);
      }
      return network(input, init);
    };
    const first = setupGoogle({ fake, fetch: dying });
    await connectedRunner(first);
    await acceptTwoWeeks(first);
    const accepted = await acceptedIds();
    await first.handlers.addToCalendar({});
    void first.service.runGoogleWrites();
    await vi.waitFor(() => expect(writes).toBe(3));
    const interrupted = (await loadWriteJob())!;
    expect(interrupted.state).toBe('running');
    expect(Object.keys(interrupted.results)).toHaveLength(1);

    // A new worker over the same storage: its start resumes the job.
    const second = setupGoogle({ fake });
    await second.service.runGoogleWrites();

    const job = (await loadWriteJob())!;
    expect(job.state).toBe('done');
    expect(job.attempts).toBe(2);
    expect(Object.keys(job.results).sort()).toEqual([...accepted].sort());
    expect(new Set(Object.values(job.results).map((r) => r.status))).toEqual(new Set(['created']));
    const live = liveSessions(dedicatedCalendarId());
    expect([...live.keys()].sort()).toEqual([...accepted].sort());
    for (const events of live.values()) expect(events).toHaveLength(1);
    expect(
      fake.calendarList().filter((c) => c.summary === DEDICATED_CALENDAR_SUMMARY),
    ).toHaveLength(1);
  });

  it('retries failed sessions on the hourly alarm, and says so meanwhile', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);
    // Google keeps failing the inserts for a while.
    fake.failNext(Array(12).fill('503'), { method: 'POST', path: /\/events$/ });
    await write(setup);
    expect((await loadWriteJob())?.state).toBe('retry');
    const failedCard = sessionsOf((await viewItem.getValue())!).find(
      (s) => s.google?.tone === 'error',
    );
    expect(failedCard?.google?.text).toMatch(/^Failed: .* \(will retry\)$/);
    expect((await viewItem.getValue())?.google?.status?.text).toMatch(
      /tries again within the hour/,
    );

    await setup.service.runGoogleWrites(); // a start: finished jobs wait for the alarm
    expect((await loadWriteJob())?.attempts).toBe(1);
    await setup.service.runGoogleWrites({ retry: true });
    expect(await loadWriteJob()).toMatchObject({ state: 'done', attempts: 2 });
    expect([...liveSessions(dedicatedCalendarId()).keys()].sort()).toEqual(
      (await acceptedIds()).sort(),
    );
  });
});

describe('Google calendars as sources', () => {
  function seedTraining(calendarId: string): void {
    const at = (date: string, time: string) => ({
      dateTime: `${date}T${time}:00`,
      timeZone: 'Europe/London',
    });
    const runs: [string, string, string, string][] = [
      ['2027-05-04', '06:30', '07:30', 'Intervals 6 x 1000m'],
      ['2027-05-05', '07:00', '07:40', 'Easy 4 mi'],
      ['2027-05-06', '06:30', '07:30', 'Tempo 4 mi'],
      ['2027-05-09', '08:00', '10:15', 'Long run 15 mi'],
    ];
    for (const [date, start, end, summary] of runs) {
      fake.seedEvent(calendarId, { summary, start: at(date, start), end: at(date, end) });
    }
  }

  it('reads training and busy calendars into the same plan as the ICS feeds', async () => {
    const setup = setupGoogle({ fake });
    const { handlers } = setup;
    await handlers.savePrefs(PREFS);
    const gym = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:sat-run@test',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Europe/London:20270508T080000',
      'DTEND;TZID=Europe/London:20270508T083000',
      'SUMMARY:Easy run 30 min',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await handlers.addSource({ kind: 'file', name: 'saturday.ics', text: gym });
    await handlers.connectGoogle({});
    const training = fake.addCalendar({ summary: 'Coach plan', timeZone: 'Europe/London' });
    seedTraining(training);
    const work = fake.addCalendar({ summary: 'Work', timeZone: 'Europe/London' });
    fake.seedEvent(work, {
      summary: 'Board meeting',
      start: { dateTime: '2027-05-04T17:00:00+01:00' },
      end: { dateTime: '2027-05-04T19:30:00+01:00' },
    });
    fake.seedEvent(work, {
      summary: 'Team run club', // a run in a busy calendar is only busy time
      start: { dateTime: '2027-05-07T12:00:00+01:00' },
      end: { dateTime: '2027-05-07T13:00:00+01:00' },
    });

    const listed = await handlers.getGoogle({});
    expect(listed.calendars.map((c) => c.name)).toEqual([
      'runner@example.com',
      'Coach plan',
      'Work',
    ]);
    await handlers.setGoogleCalendarRole({
      calendarId: training,
      name: 'Coach plan',
      role: 'training',
    });
    const sources = await handlers.setGoogleCalendarRole({
      calendarId: work,
      name: 'Work',
      role: 'busy',
    });
    expect(sources.map((s) => [s.kind, s.name, s.role, s.read])).toEqual([
      ['file', 'saturday.ics', 'training', 1],
      ['google', 'Coach plan', 'training', 4],
      ['google', 'Work', 'busy', 2],
    ]);

    const view = await handlers.planWeek({ weekStart: THIS_WEEK });
    const week = view.weeks[0]!;
    const item = (date: string, title: string) =>
      week.days.find((d) => d.date === date)!.items.find((i) => 'title' in i && i.title === title);
    expect(item('2027-05-04', 'Intervals 6 x 1000m')).toMatchObject({
      type: 'run',
      intensity: 'hard',
    });
    expect(item('2027-05-08', 'Easy run 30 min')).toMatchObject({ type: 'run', intensity: 'easy' });
    expect(item('2027-05-04', 'Board meeting')).toMatchObject({ type: 'busy' });
    expect(item('2027-05-07', 'Team run club')).toMatchObject({ type: 'busy' });
    // Tuesday, the intervals day, is busy 18:00–20:30 (+15 min buffer): the session avoids it.
    const tuesday = (await planItem.getValue()).sessions.find(
      (s) => s.start < Date.UTC(2027, 4, 5),
    )!;
    const busy = {
      start: Date.UTC(2027, 4, 4, 16, 0) - 15 * 60_000,
      end: Date.UTC(2027, 4, 4, 18, 30) + 15 * 60_000,
    };
    expect(tuesday.end <= busy.start || tuesday.start >= busy.end).toBe(true);

    // Later reads are incremental.
    const before = fake.requests.length;
    await handlers.syncNow({});
    const reads = fake.requests.slice(before).filter((r) => r.path.endsWith('/events'));
    expect(reads.map((r) => r.query.syncToken !== undefined)).toEqual([true, true]);

    // "Ignore" stops reading it.
    const after = await handlers.setGoogleCalendarRole({
      calendarId: work,
      name: 'Work',
      role: 'ignore',
    });
    expect(after.map((s) => s.name)).toEqual(['saturday.ics', 'Coach plan']);
  });

  it('counts its own events read back from Google as accepted sessions, not as the runner’s strength', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    await acceptTwoWeeks(setup);
    await write(setup);
    const calendarId = dedicatedCalendarId();

    await setup.handlers.setGoogleCalendarRole({
      calendarId,
      name: DEDICATED_CALENDAR_SUMMARY,
      role: 'training',
    });
    const view = await setup.handlers.getView({});

    const types = new Set(
      view.weeks.flatMap((w) => w.days.flatMap((d) => d.items.map((i) => i.type))),
    );
    expect(types.has('strength')).toBe(false);
    expect(view.weeks.map((w) => w.existing)).toEqual([0, 0]);
    expect(view.weeks.flatMap((w) => w.warnings)).toEqual([]);
    expect(
      sessionsOf(view)
        .map((s) => s.id)
        .sort(),
    ).toEqual((await acceptedIds()).sort());
  });

  it('falls back to a full sync when the stored sync state does not validate', async () => {
    const setup = setupGoogle({ fake });
    await connectedRunner(setup);
    const training = fake.addCalendar({ summary: 'Coach plan', timeZone: 'Europe/London' });
    seedTraining(training);
    await setup.handlers.setGoogleCalendarRole({
      calendarId: training,
      name: 'Coach plan',
      role: 'training',
    });
    const source = (await sourcesItem.getValue()).find((s) => s.kind === 'google')!;
    await fakeBrowser.storage.local.set({
      googleSync: { [source.id]: { version: 1, syncToken: 42 } },
    });

    const before = fake.requests.length;
    const [, summary] = await setup.handlers.syncNow({});

    expect(summary).toMatchObject({ name: 'Coach plan', read: 4 });
    expect(summary!.error).toBeUndefined();
    const read = fake.requests
      .slice(before)
      .find((r) => r.path === `calendars/${training}/events`)!;
    expect(read.query.syncToken).toBeUndefined();
  });
});

describe('reading with Google disconnected', () => {
  it('keeps the last events of a Google calendar and says to reconnect', async () => {
    const setup = setupGoogle({ fake, identity: fakeIdentity('token-1') });
    await setup.handlers.savePrefs(PREFS);
    await setup.handlers.connectGoogle({});
    const training = fake.addCalendar({ summary: 'Coach plan', timeZone: 'Europe/London' });
    fake.seedEvent(training, {
      summary: 'Tempo 4 mi',
      start: { dateTime: '2027-05-06T06:30:00+01:00' },
      end: { dateTime: '2027-05-06T07:30:00+01:00' },
    });
    await setup.handlers.setGoogleCalendarRole({
      calendarId: training,
      name: 'Coach plan',
      role: 'training',
    });
    fake.setTokens(['other']);
    setup.identity.silentToken = '';

    const [summary] = await setup.handlers.syncNow({});

    expect(summary).toMatchObject({
      read: 1,
      error: 'Google needs you to sign in again: reconnect Google in Settings',
    });
    expect((await loadGoogleAccount()).reconnect).toBeDefined();
    expect((await setup.handlers.getGoogle({})).reconnect).toBeDefined();
  });
});
