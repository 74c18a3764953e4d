import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  googleEventToCalendarEvent,
  readGoogleCalendar,
} from '../../../src/calendar/google/read-google';
import type { ReadGoogleCalendarOptions } from '../../../src/calendar/google/read-google';
import type { GoogleEvent } from '../../../src/calendar/google/api';
import { startFakeGoogleCalendar } from '../../fakes/google-calendar-api';
import type { FakeGoogleCalendar } from '../../fakes/google-calendar-api';
import { apiFor, instantRetry } from './helpers';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const RANGE = { start: Date.UTC(2027, 2, 1), end: Date.UTC(2027, 2, 8) };
const timed = (summary: string, start: string, end: string, extra = {}) => ({
  summary,
  start: { dateTime: start },
  end: { dateTime: end },
  ...extra,
});

function read(overrides: Partial<ReadGoogleCalendarOptions> = {}) {
  return readGoogleCalendar({
    api: apiFor(fake, 'fetch'),
    calendarId: 'primary',
    timezone: 'Europe/London',
    range: RANGE,
    retry: instantRetry(),
    ...overrides,
  });
}

describe('readGoogleCalendar', () => {
  it('reads timed, all-day, transparent, declined and Ironstride events into the shared model', async () => {
    fake.seedEvent(
      'primary',
      timed('Tempo 5 mi', '2027-03-02T06:30:00Z', '2027-03-02T07:30:00Z', { location: 'Track' }),
    );
    fake.seedEvent('primary', {
      summary: 'Race day',
      start: { date: '2027-03-06' },
      end: { date: '2027-03-07' },
    });
    fake.seedEvent(
      'primary',
      timed('Lunch', '2027-03-03T12:00:00Z', '2027-03-03T13:00:00Z', {
        transparency: 'transparent',
      }),
    );
    fake.seedEvent(
      'primary',
      timed('Board meeting', '2027-03-04T17:00:00Z', '2027-03-04T18:00:00Z', {
        attendees: [{ email: 'runner@example.com', self: true, responseStatus: 'declined' }],
      }),
    );
    fake.seedEvent(
      'primary',
      timed('Strength', '2027-03-05T17:00:00Z', '2027-03-05T17:40:00Z', {
        extendedProperties: { private: { ironstride: '1', ironstrideSession: 's20270301-1' } },
      }),
    );
    fake.seedEvent('primary', timed('Next month', '2027-04-02T06:30:00Z', '2027-04-02T07:30:00Z'));

    const result = await read();

    expect(result.sync).toBe('full');
    expect(result.skipped).toEqual([]);
    expect(result.read).toBe(5);
    expect(
      result.events.map((e) => [
        e.title,
        new Date(e.start).toISOString(),
        e.allDay,
        e.transparent,
        e.ironstrideSessionId,
      ]),
    ).toEqual([
      ['Tempo 5 mi', '2027-03-02T06:30:00.000Z', false, false, undefined],
      ['Lunch', '2027-03-03T12:00:00.000Z', false, true, undefined],
      ['Board meeting', '2027-03-04T17:00:00.000Z', false, true, undefined],
      ['Strength', '2027-03-05T17:00:00.000Z', false, false, 's20270301-1'],
      ['Race day', '2027-03-06T00:00:00.000Z', true, false, undefined],
    ]);
    expect(result.events[0]).toMatchObject({
      location: 'Track',
      source: 'primary',
      description: '',
    });
    expect(result.events[4]).toMatchObject({ startDate: '2027-03-06', endDate: '2027-03-07' });
  });

  it("keeps all-day dates and puts them at midnight in the runner's zone", async () => {
    fake.seedEvent('primary', {
      summary: 'Rest day',
      start: { date: '2027-03-03' },
      end: { date: '2027-03-04' },
    });
    const result = await read({ timezone: 'America/New_York' });
    expect(result.events[0]).toMatchObject({
      startDate: '2027-03-03',
      endDate: '2027-03-04',
      start: Date.UTC(2027, 2, 3, 5),
      end: Date.UTC(2027, 2, 4, 5),
    });
  });

  it('expands recurring events into occurrences of one series and leaves deleted ones out', async () => {
    const series = fake.seedEvent('primary', {
      summary: 'Easy run',
      start: { dateTime: '2027-02-23T07:00:00Z', timeZone: 'Europe/London' },
      end: { dateTime: '2027-02-23T07:45:00Z', timeZone: 'Europe/London' },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
    });
    const gone = fake.seedEvent(
      'primary',
      timed('Cancelled club run', '2027-03-04T18:00:00Z', '2027-03-04T19:00:00Z'),
    );
    fake.deleteEventAsUser('primary', gone.id!);

    const result = await read();

    expect(result.events.map((e) => [e.title, new Date(e.start).toISOString(), e.uid])).toEqual([
      ['Easy run', '2027-03-02T07:00:00.000Z', series.id],
    ]);
    expect(result.events[0]!.id).not.toBe(series.id);
  });

  it('follows every page', async () => {
    for (let day = 1; day <= 7; day++) {
      fake.seedEvent(
        'primary',
        timed(`Run ${day}`, `2027-03-0${day}T07:00:00Z`, `2027-03-0${day}T08:00:00Z`),
      );
    }
    const result = await read({ pageSize: 3 });
    expect(result.events).toHaveLength(7);
    expect(fake.requests.map((r) => r.query.pageToken !== undefined)).toEqual([false, true, true]);
    expect(result.state?.syncToken).toBeTruthy();
  });

  it('syncs incrementally: new, moved and deleted events, occurrences included', async () => {
    const moved = fake.seedEvent(
      'primary',
      timed('Tempo', '2027-03-02T06:30:00Z', '2027-03-02T07:30:00Z'),
    );
    const deleted = fake.seedEvent(
      'primary',
      timed('Intervals', '2027-03-04T06:30:00Z', '2027-03-04T07:30:00Z'),
    );
    const series = fake.seedEvent('primary', {
      summary: 'Easy run',
      start: { dateTime: '2027-03-01T07:00:00Z', timeZone: 'Europe/London' },
      end: { dateTime: '2027-03-01T07:45:00Z', timeZone: 'Europe/London' },
      recurrence: ['RRULE:FREQ=DAILY;COUNT=3'],
    });
    const first = await read();
    expect(first.events).toHaveLength(5);

    fake.updateEventAsUser('primary', moved.id!, {
      start: { dateTime: '2027-03-03T06:30:00Z' },
      end: { dateTime: '2027-03-03T07:30:00Z' },
    });
    fake.deleteEventAsUser('primary', deleted.id!);
    fake.deleteEventAsUser('primary', `${series.id}_20270302T070000Z`);
    fake.seedEvent('primary', timed('Long run', '2027-03-07T08:00:00Z', '2027-03-07T10:00:00Z'));
    fake.requests.length = 0;

    const second = await read({ state: first.state });

    expect(second.sync).toBe('incremental');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.query.syncToken).toEqual([first.state!.syncToken]);
    expect(fake.requests[0]!.query.timeMin).toBeUndefined();
    expect(second.events.map((e) => [e.title, new Date(e.start).toISOString()])).toEqual(
      [
        ['Easy run', '2027-03-01T07:00:00.000Z'],
        ['Easy run', '2027-03-03T07:00:00.000Z'],
        ['Tempo', '2027-03-03T06:30:00.000Z'],
        ['Long run', '2027-03-07T08:00:00.000Z'],
      ].sort((a, b) => a[1]!.localeCompare(b[1]!)),
    );
    expect(second.state!.syncToken).not.toBe(first.state!.syncToken);
  });

  it('drops a series deleted as a whole', async () => {
    const series = fake.seedEvent('primary', {
      summary: 'Easy run',
      start: { dateTime: '2027-03-01T07:00:00Z', timeZone: 'Europe/London' },
      end: { dateTime: '2027-03-01T07:45:00Z', timeZone: 'Europe/London' },
      recurrence: ['RRULE:FREQ=DAILY;COUNT=3'],
    });
    const first = await read();
    fake.deleteEventAsUser('primary', series.id!);

    const second = await read({ state: first.state });

    expect(second.sync).toBe('incremental');
    expect(second.events).toEqual([]);
  });

  it('falls back to a full sync when Google answers 410 to the sync token', async () => {
    fake.seedEvent('primary', timed('Tempo', '2027-03-02T06:30:00Z', '2027-03-02T07:30:00Z'));
    const first = await read();
    fake.invalidateSyncTokens();
    fake.seedEvent('primary', timed('Long run', '2027-03-07T08:00:00Z', '2027-03-07T10:00:00Z'));
    fake.requests.length = 0;

    const second = await read({ state: first.state });

    expect(second.sync).toBe('full');
    expect(fake.requests.map((r) => r.status)).toEqual([410, 200]);
    expect(second.events.map((e) => e.title)).toEqual(['Tempo', 'Long run']);
    const third = await read({ state: second.state });
    expect(third.sync).toBe('incremental');
  });

  it('runs a full sync when asked for a range the state does not cover', async () => {
    const first = await read();
    fake.requests.length = 0;
    const later = await read({
      state: first.state,
      range: { start: RANGE.start, end: RANGE.end + 7 * 86_400_000 },
    });
    expect(later.sync).toBe('full');
    expect(fake.requests[0]!.query.timeMin).toBeDefined();
  });

  it('keeps the state JSON-safe', async () => {
    fake.seedEvent(
      'primary',
      timed('Tempo', '2027-03-02T06:30:00Z', '2027-03-02T07:30:00Z', {
        attendees: [{ email: 'coach@example.com' }],
      }),
    );
    const { state } = await read();
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(Object.values(state!.events)[0]).toEqual({
      id: expect.any(String),
      status: 'confirmed',
      summary: 'Tempo',
      start: { dateTime: '2027-03-02T06:30:00Z' },
      end: { dateTime: '2027-03-02T07:30:00Z' },
    });
  });
});

describe('googleEventToCalendarEvent', () => {
  const opts = { timezone: 'Europe/London', source: 'cal' };
  it.each<[GoogleEvent, string]>([
    [{ summary: 'x' }, 'event has no id'],
    [{ id: 'a1', start: { dateTime: '2027-03-01T07:00:00Z' } }, 'end: missing'],
    [
      { id: 'a1', start: { dateTime: 'tomorrow' }, end: { dateTime: '2027-03-01T07:00:00Z' } },
      'start: unreadable time "tomorrow"',
    ],
    [
      { id: 'a1', start: { date: '2027-02-30' }, end: { date: '2027-03-01' } },
      'start: unreadable date "2027-02-30"',
    ],
    [
      { id: 'a1', start: { date: '2027-03-01' }, end: { dateTime: '2027-03-01T07:00:00Z' } },
      'start and end mix a date and a date-time',
    ],
    [
      {
        id: 'a1',
        start: { dateTime: '2027-03-01T08:00:00Z' },
        end: { dateTime: '2027-03-01T07:00:00Z' },
      },
      'ends before it starts',
    ],
    [
      { id: 'a1', start: { date: '2027-03-02' }, end: { date: '2027-03-02' } },
      'ends (2027-03-02) on or before it starts (2027-03-02)',
    ],
  ])('skips %j: %s', (event, reason) => {
    expect(googleEventToCalendarEvent(event, opts)).toEqual({
      uid: event.id ?? null,
      reason,
      source: 'cal',
    });
  });

  it("reads a wall time without offset in the event's zone", () => {
    const event = googleEventToCalendarEvent(
      {
        id: 'a1',
        start: { dateTime: '2027-07-01T07:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2027-07-01T08:00:00', timeZone: 'Europe/London' },
      },
      opts,
    );
    expect(event).toMatchObject({ start: Date.UTC(2027, 6, 1, 6), end: Date.UTC(2027, 6, 1, 7) });
  });
});
