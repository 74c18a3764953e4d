import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { googleEventIdForSession } from '../../../src/calendar/google/event-id';
import { createLedger, emptyLedgerData } from '../../../src/calendar/google/ledger';
import type { WriteLedgerData } from '../../../src/calendar/google/ledger';
import { createFetchCalendarApi } from '../../../src/calendar/google/fetch-api';
import { writeSessions } from '../../../src/calendar/google/write-sessions';
import type {
  DesiredSession,
  WriteSessionsResult,
} from '../../../src/calendar/google/write-sessions';
import { startFakeGoogleCalendar } from '../../fakes/google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from '../../fakes/google-calendar-api';
import { apiFor, instantRetry, makeSession, TRANSPORTS } from './helpers';
import type { TransportName } from './helpers';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const MARCH = { start: Date.UTC(2027, 2, 1), end: Date.UTC(2027, 2, 8) };
const week = [makeSession('s20270301-1', 2), makeSession('s20270301-2', 4, 18)];

function write(
  sessions: readonly DesiredSession[],
  data: WriteLedgerData,
  options: { transport?: TransportName; calendarId?: string; withdrawIn?: typeof MARCH } = {},
): Promise<WriteSessionsResult> {
  return writeSessions({
    api: apiFor(fake, options.transport ?? 'fetch'),
    calendarId: options.calendarId ?? 'primary',
    sessions,
    ledger: createLedger(data),
    withdrawIn: options.withdrawIn ?? MARCH,
    retry: instantRetry(),
  });
}

const statuses = (result: WriteSessionsResult) =>
  result.results.map((r) => [r.sessionId, r.status]);

function ironstrideEvents(
  calendarId = fake.primaryCalendarId,
  includeDeleted = false,
): FakeEvent[] {
  return fake
    .storedEvents(calendarId, { includeDeleted })
    .filter((e) => e.extendedProperties?.private?.ironstride === '1');
}

describe('writeSessions', () => {
  it.each(TRANSPORTS)(
    'creates each session once with its deterministic id and marker (%s)',
    async (transport) => {
      const data = emptyLedgerData();
      const result = await write(week, data, { transport });

      expect(statuses(result)).toEqual([
        ['s20270301-1', 'created'],
        ['s20270301-2', 'created'],
      ]);
      const events = ironstrideEvents();
      expect(events).toHaveLength(2);
      const first = fake.storedEvent(
        fake.primaryCalendarId,
        await googleEventIdForSession('s20270301-1'),
      )!;
      expect(first).toMatchObject({
        summary: week[0]!.title,
        description: week[0]!.description,
        start: { dateTime: '2027-03-02T17:00:00+00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2027-03-02T17:40:00+00:00', timeZone: 'Europe/London' },
        transparency: 'opaque',
        reminders: { useDefault: true },
        extendedProperties: { private: { ironstride: '1', ironstrideSession: 's20270301-1' } },
      });
      expect(data.calendars.primary?.['s20270301-1']?.eventId).toBe(first.id);
    },
  );

  it('changes nothing when run again, not even the ledger', async () => {
    const data = emptyLedgerData();
    await write(week, data);
    const before = fake.storedEvents(fake.primaryCalendarId);
    const writesBefore = fake.requests.filter((r) => r.method !== 'GET').length;
    const ledgerWrites: unknown[] = [];

    const again = await writeSessions({
      api: apiFor(fake, 'fetch'),
      calendarId: 'primary',
      sessions: week,
      ledger: createLedger(data, async (d) => void ledgerWrites.push(d)),
      withdrawIn: MARCH,
      retry: instantRetry(),
    });

    expect(statuses(again).map(([, s]) => s)).toEqual(['unchanged', 'unchanged']);
    expect(fake.storedEvents(fake.primaryCalendarId)).toEqual(before);
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
    expect(ledgerWrites).toEqual([]);
  });

  it('patches a moved session in place instead of adding one', async () => {
    const data = emptyLedgerData();
    await write(week, data);
    const id = await googleEventIdForSession('s20270301-2');
    const sequenceBefore = fake.storedEvent(fake.primaryCalendarId, id)!.sequence!;

    const moved = [week[0]!, makeSession('s20270301-2', 5, 7)];
    const result = await write(moved, data);

    expect(statuses(result)).toEqual([
      ['s20270301-1', 'unchanged'],
      ['s20270301-2', 'updated'],
    ]);
    expect(ironstrideEvents()).toHaveLength(2);
    const event = fake.storedEvent(fake.primaryCalendarId, id)!;
    expect(event.start?.dateTime).toBe('2027-03-05T07:00:00+00:00');
    expect(event.sequence).toBe(sequenceBefore + 1);
  });

  it('deletes a withdrawn session inside the range and leaves one outside it alone', async () => {
    const data = emptyLedgerData();
    const nextWeek = makeSession('s20270308-1', 9);
    await write([...week, nextWeek], data, {
      withdrawIn: { start: MARCH.start, end: Date.UTC(2027, 2, 15) },
    });

    const result = await write([week[0]!], data);

    expect(statuses(result)).toEqual([
      ['s20270301-1', 'unchanged'],
      ['s20270301-2', 'deleted'],
    ]);
    const live = ironstrideEvents()
      .map((e) => e.extendedProperties?.private?.ironstrideSession)
      .sort();
    expect(live).toEqual(['s20270301-1', 's20270308-1']);
    expect(data.calendars.primary?.['s20270301-2']).toMatchObject({ deletedByUs: true });
  });

  it('withdraws nothing without a range', async () => {
    const data = emptyLedgerData();
    await write(week, data);

    const result = await writeSessions({
      api: apiFor(fake, 'fetch'),
      calendarId: 'primary',
      sessions: [],
      ledger: createLedger(data),
      retry: instantRetry(),
    });

    expect(result.results).toEqual([]);
    expect(ironstrideEvents()).toHaveLength(2);
  });

  it('restores a session it withdrew earlier when it comes back (the id stays reserved)', async () => {
    const data = emptyLedgerData();
    await write(week, data);
    await write([week[0]!], data);

    const result = await write(week, data);

    expect(statuses(result)).toEqual([
      ['s20270301-1', 'unchanged'],
      ['s20270301-2', 'restored'],
    ]);
    const restored = fake.storedEvent(
      fake.primaryCalendarId,
      await googleEventIdForSession('s20270301-2'),
    )!;
    expect(restored.status).toBe('confirmed');
    expect(data.calendars.primary?.['s20270301-2']?.deletedByUs).toBeUndefined();
  });

  it('never recreates a session the runner deleted, and says so', async () => {
    const data = emptyLedgerData();
    await write(week, data);
    const id = await googleEventIdForSession('s20270301-1');
    fake.deleteEventAsUser(fake.primaryCalendarId, id);

    const result = await write(week, data);
    const again = await write(week, data);

    expect(statuses(result)).toEqual([
      ['s20270301-1', 'skipped-deleted-by-you'],
      ['s20270301-2', 'unchanged'],
    ]);
    expect(statuses(again)[0]).toEqual(['s20270301-1', 'skipped-deleted-by-you']);
    expect(fake.storedEvent(fake.primaryCalendarId, id)!.status).toBe('cancelled');
    expect(data.calendars.primary?.['s20270301-1']?.skippedByRunner).toBe(true);
  });

  it("treats a deleted event it cannot list as the runner's deletion even with an empty ledger", async () => {
    const strippedFake = await startFakeGoogleCalendar({ stripDeletedEvents: true });
    try {
      const api = createFetchCalendarApi({
        getToken: async () => strippedFake.token,
        rootUrl: strippedFake.rootUrl,
      });
      const options = { api, calendarId: 'primary', retry: instantRetry(), withdrawIn: MARCH };
      await writeSessions({ ...options, sessions: week, ledger: createLedger(emptyLedgerData()) });
      strippedFake.deleteEventAsUser(
        strippedFake.primaryCalendarId,
        await googleEventIdForSession('s20270301-1'),
      );

      const result = await writeSessions({
        ...options,
        sessions: week,
        ledger: createLedger(emptyLedgerData()),
      });

      expect(statuses(result)).toEqual([
        ['s20270301-1', 'skipped-deleted-by-you'],
        ['s20270301-2', 'unchanged'],
      ]);
      const insertedAgain = strippedFake.requests.filter(
        (r) => r.method === 'POST' && r.status === 409,
      );
      expect(insertedAgain).toHaveLength(1);
    } finally {
      await strippedFake.close();
    }
  });

  it('never changes an event it did not create, even one holding its id', async () => {
    const foreign = fake.seedEvent('primary', {
      summary: 'Dentist',
      start: { dateTime: '2027-03-02T17:00:00Z' },
      end: { dateTime: '2027-03-02T18:00:00Z' },
    });
    const squatter = fake.seedEvent('primary', {
      id: await googleEventIdForSession('s20270301-2'),
      summary: 'Imported by another app',
      start: { dateTime: '2027-03-04T18:00:00Z' },
      end: { dateTime: '2027-03-04T19:00:00Z' },
    });
    const data = emptyLedgerData();

    const result = await write(week, data);
    await write([], data);

    expect(result.results[1]).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('did not create'),
    });
    expect(fake.storedEvent('primary', foreign.id!)).toEqual(foreign);
    expect(fake.storedEvent('primary', squatter.id!)).toEqual(squatter);
    const touched = fake.requests.filter(
      (r) => r.method !== 'GET' && (r.path.endsWith(foreign.id!) || r.path.endsWith(squatter.id!)),
    );
    expect(touched).toEqual([]);
  });

  it('reports an insert whose answer was lost as created, found again through 409', async () => {
    fake.failNext('commit-then-503', { method: 'POST' });
    const result = await write([week[0]!], emptyLedgerData());

    expect(statuses(result)).toEqual([['s20270301-1', 'created']]);
    expect(ironstrideEvents()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([
      503, 409,
    ]);
  });

  it('counts a delete whose answer was lost as done (410 on the retry)', async () => {
    const data = emptyLedgerData();
    await write(week, data);
    fake.failNext('commit-then-reset', { method: 'DELETE' });

    const result = await write([week[0]!], data);

    expect(statuses(result)[1]).toEqual(['s20270301-2', 'deleted']);
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([
      0, 410,
    ]);
  });

  it('reports a write that keeps failing, and goes on with the others', async () => {
    fake.failNext(['503', '503', '503', '503', '503', '503'], { method: 'POST' });
    const result = await write(week, emptyLedgerData());

    expect(result.results[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/kept failing to insert event \w+ in primary after 6 attempt/),
    });
    expect(result.results[1]?.status).toBe('created');
    expect(result.counts).toMatchObject({ failed: 1, created: 1 });
  });

  it('stops at a token Google refuses twice and reports every session as failed', async () => {
    const api = createFetchCalendarApi({ getToken: async () => 'revoked', rootUrl: fake.rootUrl });
    const result = await writeSessions({
      api,
      calendarId: 'primary',
      sessions: week,
      ledger: createLedger(emptyLedgerData()),
      retry: instantRetry(),
    });

    expect(result.authError).toMatch(/reconnect Google/);
    expect(result.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(fake.storedEvents('primary')).toEqual([]);
  });

  it('reports progress after each session', async () => {
    const seen: string[] = [];
    await writeSessions({
      api: apiFor(fake, 'fetch'),
      calendarId: 'primary',
      sessions: week,
      ledger: createLedger(emptyLedgerData()),
      retry: instantRetry(),
      onProgress: ({ done, total, result }) => seen.push(`${done}/${total} ${result.status}`),
    });
    expect(seen).toEqual(['1/2 created', '2/2 created']);
  });

  it('refuses the same session twice (a programmer error)', async () => {
    await expect(write([week[0]!, week[0]!], emptyLedgerData())).rejects.toThrow(/appears twice/);
  });

  it.each(TRANSPORTS)(
    'writes the same plan three times with 30 percent faults: each session exactly once (%s)',
    async (transport) => {
      const foreign = fake.seedEvent('primary', {
        summary: 'Team standup',
        description: 'Not Ironstride’s',
        start: { dateTime: '2027-03-03T09:00:00Z' },
        end: { dateTime: '2027-03-03T09:15:00Z' },
      });
      const sessions = Array.from({ length: 8 }, (_, i) =>
        makeSession(`s20270301-${i + 1}`, 1 + (i % 7), 6 + i),
      );
      const data = emptyLedgerData();
      fake.setFaults({
        rate: 0.3,
        seed: transport === 'fetch' ? 7 : 11,
        kinds: [
          '401',
          '403-rate',
          '403-user-rate',
          '429',
          '500',
          '503',
          'commit-then-503',
          'commit-then-reset',
        ],
      });
      // Make sure lost answers are among them, whatever the seed draws.
      fake.failNext(['commit-then-503', 'commit-then-reset'], { method: 'POST' });

      const runs: WriteSessionsResult[] = [];
      for (let i = 0; i < 3; i++) runs.push(await write(sessions, data, { transport }));

      fake.setFaults(null);
      expect(
        fake.requests.filter((r) => r.fault?.startsWith('commit-then') && r.committed).length,
      ).toBeGreaterThan(0);
      expect(fake.requests.filter((r) => r.fault !== undefined).length).toBeGreaterThan(2);
      for (const run of runs) expect(run.counts.failed).toBe(0);
      const events = ironstrideEvents(fake.primaryCalendarId, true);
      expect(events.map((e) => e.extendedProperties?.private?.ironstrideSession).sort()).toEqual(
        sessions.map((s) => s.id).sort(),
      );
      expect(events.every((e) => e.status === 'confirmed')).toBe(true);
      for (const s of sessions) {
        const event = events.find(
          (e) => e.extendedProperties?.private?.ironstrideSession === s.id,
        )!;
        expect(event.description).toBe(s.description);
      }
      expect(fake.storedEvent('primary', foreign.id!)).toEqual(foreign);
      expect(runs[2]!.results.every((r) => r.status === 'unchanged')).toBe(true);
    },
  );
});
