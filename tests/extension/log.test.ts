/**
 * The training log in the background (SPEC §6b): a session that has ended is logged from the
 * popup (checked with the core schema, one entry per session, for 14 days), shown in the cached
 * view in the runner's unit, exported and imported as the JSON `plan --log` reads, and summed up
 * for the History page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { LogEntry, TrainingLog } from '../../src/core/log';
import { parseTrainingLog } from '../../src/core/log';
import { DAY_MS, HOUR_MS } from '../../src/core/time';
import { createBackgroundService } from '../../src/extension/background-service';
import { logItem, planItem, viewItem } from '../../src/extension/storage';
import type { PopupView, SessionItem } from '../../src/extension/view';
import { NOW, PREFS, TWO_HARD_DAYS } from './runner-fixture';

function setup() {
  const clock = { now: NOW };
  let n = 0;
  const handlers = createBackgroundService({
    now: () => clock.now,
    fetch: () => Promise.reject(new Error('no network in this test')),
    browserTimeZone: () => 'Europe/London',
    setBadge: async () => {},
    newId: () => `src-${++n}`,
  }).handlers;
  return { handlers, clock };
}

const sessionsOf = (view: PopupView): SessionItem[] =>
  view.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.filter((i): i is SessionItem => i.type === 'session')),
  );

/** The runner of the extension tests, this week planned and accepted, seen after the first session. */
async function afterFirstSession(prefs = PREFS) {
  const { handlers, clock } = setup();
  await handlers.savePrefs(prefs);
  await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
  await handlers.planWeek({ weekStart: '2027-05-03' });
  await handlers.acceptWeek({ weekStart: '2027-05-03' });
  const { sessions } = await planItem.getValue();
  const first = sessions[0]!;
  clock.now = first.end + HOUR_MS;
  const view = await handlers.getView({});
  const card = sessionsOf(view).find((s) => s.id === first.id)!;
  return { handlers, clock, first, card, view };
}

function entryFor(card: SessionItem, overrides: Partial<LogEntry> = {}): LogEntry {
  const log = card.log!;
  return {
    sessionId: card.id,
    date: log.date,
    status: 'done',
    rpe: 7,
    exercises: log.exercises.map((e) => ({
      name: e.name,
      sets: e.sets.map((s) => (e.weighted ? { reps: s.reps, kg: 20 } : { reps: s.reps })),
    })),
    ...overrides,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('logSession', () => {
  it('asks about an accepted session only once it has ended, pre-filled from the prescription', async () => {
    const { handlers, first, card, view } = await afterFirstSession();

    const later = sessionsOf(view).filter((s) => s.id !== first.id);
    expect(later.every((s) => s.log === undefined)).toBe(true);
    expect(card.log).toMatchObject({ date: '2027-05-04', unit: 'kg', editable: true });
    expect(card.log!.logged).toBeUndefined();
    // Every working set of every exercise counted in reps, at the bottom of its range.
    const squat = card.log!.exercises.find((e) => e.name === 'Goblet squat')!;
    expect(squat).toMatchObject({ weighted: true, perSide: false });
    expect(squat.sets.length).toBe(
      first.content.exercises.find((p) => p.name === 'Goblet squat')!.sets,
    );
    expect(squat.sets.every((s) => s.reps === 6 && s.weight === undefined)).toBe(true);
    await expect(handlers.logSession({ sessionId: later[0]!.id, entry: null })).rejects.toThrow(
      /not ended yet/,
    );
  });

  it('stores one entry per session, replaces it when edited, and forgets it on null', async () => {
    const { handlers, card } = await afterFirstSession();

    const logged = await handlers.logSession({ sessionId: card.id, entry: entryFor(card) });
    const shown = sessionsOf(logged).find((s) => s.id === card.id)!.log!;
    expect(shown.logged).toMatchObject({ status: 'done', rpe: 7, withSets: true });
    expect(shown.logged!.summary).toMatch(/^Done · RPE 7 · .*Goblet squat 3 × 6 @ 20 kg/);
    expect(shown.exercises.find((e) => e.name === 'Goblet squat')!.sets[0]).toEqual({
      reps: 6,
      weight: 20,
    });
    // The popup renders from the cache: it holds the same.
    expect(sessionsOf((await viewItem.getValue())!).find((s) => s.id === card.id)!.log).toEqual(
      shown,
    );

    await handlers.logSession({
      sessionId: card.id,
      entry: { sessionId: card.id, date: card.log!.date, status: 'partly', rpe: 9 },
    });
    expect((await logItem.getValue()).entries).toEqual([
      { sessionId: card.id, date: '2027-05-04', status: 'partly', rpe: 9 },
    ]);

    const cleared = await handlers.logSession({ sessionId: card.id, entry: null });
    expect((await logItem.getValue()).entries).toEqual([]);
    expect(sessionsOf(cleared).find((s) => s.id === card.id)!.log!.logged).toBeUndefined();
  });

  it('shows and pre-fills weights in pounds for a runner on lb, and keeps kilograms', async () => {
    const { handlers, card } = await afterFirstSession({ ...PREFS, weightUnit: 'lb' });
    const entry = entryFor(card);
    // 45 lb as the popup converts it (toKilograms).
    for (const e of entry.exercises!) for (const s of e.sets) if (s.kg) s.kg = 20.41;

    const view = await handlers.logSession({ sessionId: card.id, entry });

    const log = sessionsOf(view).find((s) => s.id === card.id)!.log!;
    expect(log.unit).toBe('lb');
    expect(log.logged!.summary).toContain('Goblet squat 3 × 6 @ 45 lb');
    expect(log.exercises.find((e) => e.name === 'Goblet squat')!.sets[0]!.weight).toBe(45);
    const stored = (await logItem.getValue()).entries[0]!;
    expect(stored.exercises!.find((e) => e.name === 'Goblet squat')!.sets[0]!.kg).toBe(20.41);
  });

  it('pre-fills the next session of the same exercises with last time’s weight', async () => {
    const { handlers, clock, card } = await afterFirstSession();
    await handlers.logSession({ sessionId: card.id, entry: entryFor(card) });
    await handlers.planWeek({ weekStart: '2027-05-10' });
    await handlers.acceptWeek({ weekStart: '2027-05-10' });
    const { sessions } = await planItem.getValue();
    const again = sessions.find(
      (s) => s.start > clock.now && s.content.exercises.some((p) => p.name === 'Goblet squat'),
    )!;
    clock.now = again.end + HOUR_MS;

    const view = await handlers.getView({});

    const log = sessionsOf(view).find((s) => s.id === again.id)!.log!;
    const squat = log.exercises.find((e) => e.name === 'Goblet squat')!;
    expect(squat.sets.length).toBe(
      again.content.exercises.find((p) => p.name === 'Goblet squat')!.sets,
    );
    expect(squat.sets.every((set) => set.reps === 6 && set.weight === 20)).toBe(true);
  });

  it('moves next week’s targets once a session is logged, accepted sessions included', async () => {
    const { handlers, card } = await afterFirstSession();
    await handlers.planWeek({ weekStart: '2027-05-10' });
    const squatTargets = (view: PopupView) =>
      view.weeks[1]!.days.flatMap((d) =>
        d.items.flatMap((i) =>
          i.type === 'session'
            ? i.exercises.filter((e) => e.name === 'Goblet squat').map((e) => e.target)
            : [],
        ),
      );
    const before = await handlers.acceptWeek({ weekStart: '2027-05-10' });
    expect(squatTargets(before).length).toBeGreaterThan(0);
    expect(squatTargets(before).every((t) => t === undefined)).toBe(true);

    // Every set at the top of 6–8 at RPE 7 earns a step up, but next week is the block's deload:
    // the same weight, now named (SPEC §6: targets from the log included).
    const top = entryFor(card);
    top.exercises = top.exercises!.map((e) => ({
      ...e,
      sets: e.sets.map((s) => ({ ...s, reps: 8 })),
    }));
    const after = await handlers.logSession({ sessionId: card.id, entry: top });

    const targets = squatTargets(after);
    expect(targets.length).toBe(squatTargets(before).length);
    expect(targets.every((t) => t === '20 kg')).toBe(true);
    const stored = (await planItem.getValue()).sessions.filter(
      (s) => s.weekStart === '2027-05-10' && s.status === 'accepted',
    );
    const kg = stored.flatMap((s) =>
      s.content.exercises.filter((p) => p.name === 'Goblet squat').map((p) => p.kg),
    );
    expect(kg.length).toBeGreaterThan(0);
    expect(kg.every((w) => w === 20)).toBe(true);
    // What is written to a calendar says it too.
    expect(stored.some((s) => /Goblet squat.*20 kg/.test(s.description))).toBe(true);
  });

  it('lists last week’s sessions as earlier ones, editable for 14 days after they end', async () => {
    const { handlers, clock, first } = await afterFirstSession();
    clock.now = first.end + 8 * DAY_MS;

    const view = await handlers.getView({});
    expect(view.weeks[0]!.start).toBe('2027-05-10');
    expect(view.earlier!.map((s) => s.id)).toEqual(
      (await planItem.getValue()).sessions.filter((s) => s.end < clock.now).map((s) => s.id),
    );
    const earlier = view.earlier![0]!;
    expect(earlier).toMatchObject({ id: first.id, day: 'Tue 4 May' });
    expect(earlier.log.editableUntil).toBe('Tue 18 May');

    clock.now = first.end + 14 * DAY_MS + 1;
    await expect(handlers.logSession({ sessionId: first.id, entry: null })).rejects.toThrow(
      /for 14 days/,
    );
    expect((await handlers.getView({})).earlier!.some((s) => s.id === first.id)).toBe(false);
  });

  it('refuses an entry for another session or day, and a session that was not accepted', async () => {
    const { handlers, card } = await afterFirstSession();

    await expect(
      handlers.logSession({ sessionId: card.id, entry: entryFor(card, { date: '2027-05-05' }) }),
    ).rejects.toThrow(/on 2027-05-04 was expected/);
    await handlers.skipSession({ sessionId: card.id });
    await expect(
      handlers.logSession({ sessionId: card.id, entry: entryFor(card) }),
    ).rejects.toThrow(/Only an accepted session/);
    expect((await logItem.getValue()).entries).toEqual([]);
  });
});

describe('exportLog and importLog', () => {
  async function loggedRunner() {
    const ctx = await afterFirstSession();
    await ctx.handlers.logSession({ sessionId: ctx.card.id, entry: entryFor(ctx.card) });
    return ctx;
  }

  it('exports the log as the JSON `plan --log` reads', async () => {
    const { handlers, card } = await loggedRunner();

    const file = await handlers.exportLog({});

    expect(file.filename).toBe('ironstride-log-2027-05-04.json');
    expect(file.count).toBe(1);
    const parsed = parseTrainingLog(JSON.parse(file.text));
    expect(parsed).toEqual(await logItem.getValue());
    expect(parsed.entries[0]!.sessionId).toBe(card.id);
  });

  it('imports an exported log into an empty store, and the popup shows it again', async () => {
    const { handlers, card } = await loggedRunner();
    const { text } = await handlers.exportLog({});
    await logItem.setValue({ version: 1, entries: [] });

    const result = await handlers.importLog({ text });

    expect(result).toEqual({ imported: 1, added: 1, replaced: 0, total: 1 });
    const cached = (await viewItem.getValue())!;
    expect(sessionsOf(cached).find((s) => s.id === card.id)!.log!.logged!.status).toBe('done');
  });

  it('merges: a file’s entry replaces the same session’s, others stay', async () => {
    const { handlers, card } = await loggedRunner();
    const other: LogEntry = { sessionId: 'cli-1', date: '2027-04-27', status: 'skipped' };
    const file: TrainingLog = {
      version: 1,
      entries: [other, { sessionId: card.id, date: '2027-05-04', status: 'partly', rpe: 8 }],
    };

    const result = await handlers.importLog({ text: JSON.stringify(file) });

    expect(result).toEqual({ imported: 2, added: 1, replaced: 1, total: 2 });
    expect((await logItem.getValue()).entries).toEqual(file.entries);
  });

  it.each([
    [
      'a weight typed as text',
      {
        version: 1,
        entries: [
          { sessionId: 'a', date: '2027-04-27', status: 'done' },
          {
            sessionId: 'b',
            date: '2027-04-29',
            status: 'done',
            exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: '20' }] }],
          },
        ],
      },
      /Nothing imported\. Invalid training log \(entry 2\): entries\[1\]\.exercises\[0\]\.sets\[0\]\.kg/,
    ],
    [
      'an unknown key',
      { version: 1, entries: [{ sessionId: 'a', date: '2027-04-27', status: 'done', mood: 'ok' }] },
      /entries\[0\].*mood/,
    ],
    [
      'a newer version',
      { version: 2, entries: [] },
      /version 2, newer than this Ironstride reads \(version 1\): update Ironstride/,
    ],
  ])('refuses %s, naming it, and changes nothing', async (_name, file, message) => {
    const { handlers } = await loggedRunner();
    const before = await logItem.getValue();

    await expect(handlers.importLog({ text: JSON.stringify(file) })).rejects.toThrow(message);

    expect(await logItem.getValue()).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    const { handlers } = setup();
    await expect(handlers.importLog({ text: 'BEGIN:VCALENDAR' })).rejects.toThrow(
      /not a training log: it is not JSON/,
    );
    expect((await logItem.getValue()).entries).toEqual([]);
  });
});

describe('getHistory', () => {
  it('sums the last 12 weeks: planned and done per week, phases, and main lifts in the runner’s unit', async () => {
    const { handlers, card } = await afterFirstSession({ ...PREFS, weightUnit: 'lb' });
    const entry = entryFor(card);
    for (const e of entry.exercises!) for (const s of e.sets) if (s.kg) s.kg = 20.41;
    await handlers.logSession({ sessionId: card.id, entry });
    await handlers.importLog({
      text: JSON.stringify({
        version: 1,
        entries: [
          {
            sessionId: 'old-1',
            date: '2027-04-27',
            status: 'done',
            rpe: 8,
            exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: 18.14 }] }],
          },
          { sessionId: 'old-2', date: '2027-04-29', status: 'skipped' },
          // Older than 12 weeks: not shown.
          { sessionId: 'old-3', date: '2027-01-05', status: 'done' },
        ],
      }),
    });

    const history = await handlers.getHistory({});

    expect(history.unit).toBe('lb');
    expect(history.weeks.map((w) => w.start)).toHaveLength(12);
    expect(history.weeks[0]!.start).toBe('2027-02-15');
    expect(history.range).toBe('15 Feb – 9 May');
    const [lastWeek, thisWeek] = history.weeks.slice(-2);
    expect(lastWeek).toMatchObject({ planned: 0, done: 1, skipped: 1, current: false });
    expect(thisWeek).toMatchObject({ planned: 2, done: 1, partly: 0, current: true });
    expect(history.weeks.every((w) => w.phase === 'base' && w.phaseLabel === 'Base')).toBe(true);
    expect(history.logged).toBe(3);
    const squat = history.lifts.find((l) => l.name === 'Goblet squat')!;
    expect(squat.points).toEqual([
      { date: '2027-04-27', label: 'Tue 27 Apr', weight: 40, sets: '1 × 8' },
      { date: '2027-05-04', label: 'Tue 4 May', weight: 45, sets: '3 × 6' },
    ]);
    // Only main lifts (SPEC §6): no calf raise or plank here.
    expect(
      history.lifts.every((l) =>
        ['Goblet squat', 'Romanian deadlift', 'Back squat', 'Deadlift', 'Front squat'].includes(
          l.name,
        ),
      ),
    ).toBe(true);
  });
});
