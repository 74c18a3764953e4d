import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readIcs } from '../../src/calendar/ics';
import { ensureSyncAlarm, SYNC_ALARM } from '../../src/extension/alarms';
import { createBackgroundService } from '../../src/extension/background-service';
import type { BackgroundDeps } from '../../src/extension/background-service';
import { registerHandlers, sendMessage } from '../../src/extension/messaging';
import { eventsItem, planItem, sourcesItem, viewItem } from '../../src/extension/storage';
import type { PopupView, SessionItem } from '../../src/extension/view';
import { NOW, PREFS, TWO_HARD_DAYS, TWO_HARD_DAYS_WITH_FRIDAY_HILLS } from './runner-fixture';

const FEED = 'https://coach.example/plan.ics';

/** The network boundary: feeds served from memory, everything else refused. */
function fakeFetch(feeds: Map<string, string>): typeof globalThis.fetch {
  return async (input) => {
    const url = String(input);
    const body = feeds.get(url);
    if (body === undefined)
      return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/calendar' } });
  };
}

function setup(overrides: Partial<BackgroundDeps> = {}) {
  const feeds = new Map<string, string>();
  const badges: { text: string; title: string }[] = [];
  let n = 0;
  const service = createBackgroundService({
    now: () => NOW,
    fetch: fakeFetch(feeds),
    browserTimeZone: () => 'Europe/London',
    setBadge: async (b) => void badges.push(b),
    newId: () => `src-${++n}`,
    ...overrides,
  });
  return { service, handlers: service.handlers, feeds, badges };
}

const sessionsOf = (view: PopupView): SessionItem[] =>
  view.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.filter((i): i is SessionItem => i.type === 'session')),
  );
const dayOf = (view: PopupView, id: string) =>
  view.weeks
    .flatMap((w) => w.days)
    .find((d) => d.items.some((i) => i.type === 'session' && i.id === id))?.date;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background service', () => {
  it('shows the empty state before any calendar is added', async () => {
    const { handlers } = setup();
    const view = await handlers.getView({ refresh: true });
    expect(view.status).toBe('empty');
    expect(view.weeks.map((w) => w.start)).toEqual(['2027-05-03', '2027-05-10']);
    expect(await viewItem.getValue()).toEqual(view);
  });

  it('adds a feed, shows its runs, plans the week and exports the accepted session', async () => {
    const { handlers, feeds } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    const summary = await handlers.addSource({
      kind: 'url',
      url: 'webcal://coach.example/plan.ics',
    });
    expect(summary).toMatchObject({
      kind: 'url',
      url: FEED,
      name: 'coach.example',
      read: 7,
      skipped: 0,
    });

    const view = await handlers.getView({});
    const runs = view.weeks[0]!.days.flatMap((d) => d.items.filter((i) => i.type === 'run'));
    expect(runs.map((r) => r.type === 'run' && [r.title, r.intensity])).toEqual([
      ['Easy 4 mi', 'easy'],
      ['Intervals 6 x 1000m', 'hard'],
      ['Easy 4 mi', 'easy'],
      ['Tempo 4 mi', 'hard'],
      ['Easy 3 mi', 'easy'],
      ['Long run 15 mi', 'moderate'],
    ]);
    expect(sessionsOf(view)).toEqual([]);

    const planned = await handlers.planWeek({ weekStart: '2027-05-05' });
    const sessions = sessionsOf(planned);
    expect(sessions.map((s) => [dayOf(planned, s.id), s.status])).toEqual([
      ['2027-05-04', 'suggested'],
      ['2027-05-06', 'suggested'],
    ]);
    expect(planned.weeks[0]!.planned).toBe(true);
    expect(sessions[0]!.exercises.length).toBeGreaterThanOrEqual(4);
    expect(sessions[0]!.reasons[0]).toMatch(/same day as your intervals/);

    const accepted = await handlers.acceptSession({ sessionId: sessions[0]!.id });
    expect(accepted.acceptedCount).toBe(1);
    const file = await handlers.exportIcs({});
    expect(file.count).toBe(1);
    expect(file.filename).toBe('ironstride-strength-2027-05-03.ics');
    const back = readIcs(file.text, {
      timezone: 'Europe/London',
      range: { start: NOW - 7 * 86_400_000, end: NOW + 7 * 86_400_000 },
    });
    expect(back.events.map((e) => e.ironstrideSessionId)).toEqual([sessions[0]!.id]);
    expect(back.events[0]!.description).toContain(sessions[0]!.exercises[0]!.name);
  });

  it('never suggests a session in the past', async () => {
    // Thursday 6 May, 20:00 in London: Monday to Wednesday and most of Thursday are gone.
    const now = Date.UTC(2027, 4, 6, 19, 0);
    const { handlers, feeds } = setup({ now: () => now });
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: FEED });
    const planned = await handlers.planWeek({ weekStart: '2027-05-03' });
    const sessions = (await planItem.getValue()).sessions;
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.start).toBeGreaterThanOrEqual(now);
    for (const s of sessions)
      for (const a of s.alternatives) expect(a.start).toBeGreaterThanOrEqual(now);
    expect(planned.weeks[0]!.unplaced.join(' ')).toMatch(/Tue — already past/);
  });

  it('keeps decisions when the popup closes: state lives in storage', async () => {
    const { handlers, feeds } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: FEED });
    const planned = await handlers.planWeek({ weekStart: '2027-05-03' });
    const [first, second] = sessionsOf(planned);
    await handlers.acceptSession({ sessionId: first!.id });
    await handlers.skipSession({ sessionId: second!.id });
    // A new service instance is a restarted service worker.
    const restarted = setup();
    const view = await restarted.handlers.getView({});
    expect(sessionsOf(view).map((s) => s.status)).toEqual(['accepted', 'skipped']);
    await restarted.handlers.resetSession({ sessionId: second!.id });
    expect((await planItem.getValue()).sessions.map((s) => s.status)).toEqual([
      'accepted',
      'suggested',
    ]);
  });

  it('moves a session to one of its alternatives and keeps the others legal', async () => {
    const { handlers, feeds } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: FEED });
    const planned = await handlers.planWeek({ weekStart: '2027-05-03' });
    const thursday = sessionsOf(planned)[1]!;
    expect(thursday.alternatives.length).toBeGreaterThan(0);
    const moved = await handlers.moveSession({ sessionId: thursday.id, alternative: 0 });
    const after = sessionsOf(moved).find((s) => s.id === thursday.id)!;
    expect(`${dayOf(moved, after.id)}, ${after.time}`).not.toBe(
      `${dayOf(planned, thursday.id)}, ${thursday.time}`,
    );
    expect(after.reasons).toContain('moved here by you');
    await expect(handlers.moveSession({ sessionId: thursday.id, alternative: 9 })).rejects.toThrow(
      /no longer offered/,
    );
  });

  it('re-plans when the runner re-tags an easy run as a tempo run', async () => {
    const { handlers, feeds } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: FEED });
    const planned = await handlers.planWeek({ weekStart: '2027-05-03' });
    expect(sessionsOf(planned).map((s) => dayOf(planned, s.id))).toEqual([
      '2027-05-04',
      '2027-05-06',
    ]);
    const wednesday = planned.weeks[0]!.days[2]!.items.find((i) => i.type === 'run')!;
    if (wednesday.type !== 'run') throw new Error('expected a run');
    const view = await handlers.retagEvent({
      eventId: wednesday.eventId,
      uid: wednesday.uid,
      series: false,
      retag: 'tempo',
    });
    const run = view.weeks[0]!.days[2]!.items.find((i) => i.type === 'run');
    expect(run).toMatchObject({ kind: 'tempo', intensity: 'hard', retagged: true });
    // Tuesday is now the day before a key run: no session there any more.
    expect(sessionsOf(view).map((s) => dayOf(view, s.id))).not.toContain('2027-05-04');
    const reset = await handlers.retagEvent({
      eventId: wednesday.eventId,
      uid: wednesday.uid,
      series: false,
      retag: null,
    });
    expect(reset.weeks[0]!.days[2]!.items.find((i) => i.type === 'run')).toMatchObject({
      kind: 'easy',
      retagged: false,
    });
  });

  it('flags an accepted session a moved run made illegal, and re-plans with the fewest moves', async () => {
    const { handlers, feeds, badges, service } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'url', url: FEED });
    const planned = await handlers.planWeek({ weekStart: '2027-05-03' });
    await handlers.acceptWeek({ weekStart: '2027-05-03' });
    const [tuesday, thursday] = sessionsOf(planned);

    // The coach adds hill repeats on Friday: Thursday's session is now the day before a key run.
    feeds.set(FEED, TWO_HARD_DAYS_WITH_FRIDAY_HILLS);
    await service.syncAll();
    const flagged = (await viewItem.getValue())!;
    expect(flagged.conflicts.map((c) => c.sessionId)).toEqual([thursday!.id]);
    expect(flagged.conflicts[0]!.message).toMatch(/day before Friday's hill session/);
    expect(badges.at(-1)).toMatchObject({ text: '!' });

    const fixed = await handlers.replan({});
    expect(fixed.conflicts).toEqual([]);
    expect(badges.at(-1)).toMatchObject({ text: '' });
    const after = sessionsOf(fixed);
    expect(after.find((s) => s.id === tuesday!.id)).toMatchObject({
      time: tuesday!.time,
      status: 'accepted',
      moved: false,
    });
    // Friday itself is now a hard day with room after the hills: hard days hard.
    const moved = after.find((s) => s.id === thursday!.id)!;
    expect(moved).toMatchObject({ status: 'accepted', moved: true });
    expect(dayOf(fixed, moved.id)).toBe('2027-05-07');
    expect(after).toHaveLength(2);
  });

  it('keeps the last good events and reports the error when a feed fails', async () => {
    const { handlers, feeds, service } = setup();
    feeds.set(FEED, TWO_HARD_DAYS);
    await handlers.addSource({ kind: 'url', url: FEED });
    feeds.delete(FEED);
    await service.syncAll();
    const [summary] = (await handlers.getSettings({})).sources;
    expect(summary).toMatchObject({ read: 7, error: expect.stringMatching(/answered 404/) });
    expect((await eventsItem.getValue())['src-1']!.events.length).toBeGreaterThan(0);
    expect((await viewItem.getValue())!.sourceErrors).toEqual([
      { id: 'src-1', name: 'coach.example', error: expect.stringMatching(/404/) },
    ]);
  });

  it('refuses a source that is not a calendar, naming it', async () => {
    const { handlers } = setup();
    await expect(
      handlers.addSource({ kind: 'file', name: 'notes.ics', text: '<html>nope</html>' }),
    ).rejects.toThrow(/Could not add notes\.ics: not a calendar/);
    await expect(
      handlers.addSource({ kind: 'url', url: 'ftp://example.com/x.ics' }),
    ).rejects.toThrow(/Unsupported calendar URL scheme/);
    expect(await sourcesItem.getValue()).toEqual([]);
  });

  it('treats a busy-only calendar as busy time, never as runs', async () => {
    const { handlers } = setup();
    await handlers.savePrefs(PREFS);
    const added = await handlers.addSource({
      kind: 'file',
      name: 'work.ics',
      text: TWO_HARD_DAYS,
      role: 'busy',
    });
    expect(added.role).toBe('busy');
    const view = await handlers.getView({});
    const types = new Set(
      view.weeks.flatMap((w) => w.days.flatMap((d) => d.items.map((i) => i.type))),
    );
    expect(types).toEqual(new Set(['busy']));
  });

  it('marks events that do not block time as free', async () => {
    const { handlers } = setup();
    await handlers.savePrefs(PREFS);
    const lunch = [
      'BEGIN:VEVENT',
      'UID:lunch@test',
      'DTSTART;TZID=Europe/London:20270504T123000',
      'DTEND;TZID=Europe/London:20270504T133000',
      'SUMMARY:Long lunch with the team',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ].join('\r\n');
    await handlers.addSource({
      kind: 'file',
      name: 'life.ics',
      text: TWO_HARD_DAYS.replace('END:VCALENDAR', `${lunch}\r\nEND:VCALENDAR`),
    });
    const view = await handlers.getView({});
    const items = view.weeks[0]!.days[1]!.items.filter((i) => i.type === 'busy');
    expect(items.map((i) => i.type === 'busy' && [i.title, i.free])).toEqual([
      ['Work', false],
      ['Long lunch with the team', true],
    ]);
  });

  it('validates preferences and names the bad field', async () => {
    const { handlers } = setup();
    const result = await handlers.savePrefs({
      sessionMinutes: 5,
      availability: { mon: [['06:00', '25:00']] },
    });
    expect(result).toEqual({
      ok: false,
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'sessionMinutes' }),
        expect.objectContaining({ path: 'availability.mon[0][1]' }),
      ]),
    });
    expect(await handlers.savePrefs({ sessionMinutes: 45 })).toEqual({ ok: true });
    expect((await handlers.getSettings({})).prefs).toEqual({ sessionMinutes: 45 });
  });
});

describe('messaging', () => {
  it('carries results and errors between pages and the background', async () => {
    const { handlers } = setup();
    const stop = registerHandlers(handlers);
    try {
      expect((await sendMessage('getView', {})).status).toBe('empty');
      await expect(sendMessage('acceptSession', { sessionId: 'nope' })).rejects.toThrow(
        /No session "nope"/,
      );
    } finally {
      stop();
    }
  });
});

describe('storage migrations', () => {
  it('turns the prototype’s list of feed URLs into sources', async () => {
    await fakeBrowser.storage.local.set({ 'local:sources': undefined });
    await fakeBrowser.storage.local.set({
      sources: ['https://coach.example/plan.ics', 42],
      sources$: { v: 1 },
    });
    await sourcesItem.migrate();
    expect(await sourcesItem.getValue()).toEqual([
      {
        id: 'src-migrated-1',
        kind: 'url',
        url: 'https://coach.example/plan.ics',
        name: 'coach.example',
        role: 'training',
        addedAt: 0,
      },
    ]);
  });
});

describe('storage migrations, when the version marker is lost', () => {
  it('keeps sources that are already in the current shape', async () => {
    const source = {
      id: 'src-1',
      kind: 'url',
      url: 'https://coach.example/plan.ics',
      name: 'Coach',
      role: 'training',
      addedAt: 5,
    };
    await fakeBrowser.storage.local.set({ sources: [source] });
    await sourcesItem.migrate();
    expect(await sourcesItem.getValue()).toEqual([source]);
  });
});

describe('ensureSyncAlarm', () => {
  it('creates the hourly alarm once', async () => {
    await ensureSyncAlarm(fakeBrowser.alarms);
    await ensureSyncAlarm(fakeBrowser.alarms);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => [a.name, a.periodInMinutes])).toEqual([[SYNC_ALARM, 60]]);
  });
});
