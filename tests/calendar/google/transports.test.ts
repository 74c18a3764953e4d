import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GoogleApiError, GoogleAuthError } from '../../../src/calendar/google/api';
import type { GetGoogleToken } from '../../../src/calendar/google/api';
import { calendarBaseUrl, createFetchCalendarApi } from '../../../src/calendar/google/fetch-api';
import { createNodeCalendarApi } from '../../../src/calendar/google/node-api';
import { startFakeGoogleCalendar } from '../../fakes/google-calendar-api';
import type { FakeGoogleCalendar } from '../../fakes/google-calendar-api';
import { apiFor, TRANSPORTS } from './helpers';
import type { TransportName } from './helpers';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const EVENT = {
  id: 'abcde12345',
  summary: 'Strength',
  start: { dateTime: '2027-03-02T17:00:00+00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2027-03-02T17:40:00+00:00', timeZone: 'Europe/London' },
};

function withTokens(transport: TransportName, getToken: GetGoogleToken) {
  return transport === 'fetch'
    ? createFetchCalendarApi({ getToken, rootUrl: fake.rootUrl })
    : createNodeCalendarApi({ getToken, rootUrl: fake.rootUrl });
}

describe('calendarBaseUrl', () => {
  it('resolves the API path against the root like googleapis does', () => {
    expect(calendarBaseUrl()).toBe('https://www.googleapis.com/calendar/v3/');
    expect(calendarBaseUrl('http://127.0.0.1:9999/')).toBe('http://127.0.0.1:9999/calendar/v3/');
  });
});

describe.each(TRANSPORTS)('%s transport', (transport) => {
  it('lists calendars and round-trips an event', async () => {
    const api = apiFor(fake, transport);
    const calendars = await api.listCalendars();
    expect(calendars.items.map((c) => [c.id, c.primary])).toEqual([['runner@example.com', true]]);

    const inserted = await api.insertEvent('primary', EVENT);
    const patched = await api.patchEvent('primary', EVENT.id, { summary: 'Strength (moved)' });
    await api.deleteEvent('primary', EVENT.id);
    const deleted = await api.getEvent('primary', EVENT.id);

    expect(inserted).toMatchObject({ id: EVENT.id, status: 'confirmed' });
    expect(patched).toMatchObject({ summary: 'Strength (moved)', start: EVENT.start });
    expect(deleted.status).toBe('cancelled');
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET users/me/calendarList',
      'POST calendars/primary/events',
      'PATCH calendars/primary/events/abcde12345',
      'DELETE calendars/primary/events/abcde12345',
      'GET calendars/primary/events/abcde12345',
    ]);
  });

  it('sends list parameters as Google expects them (repeated property filters)', async () => {
    const api = apiFor(fake, transport);
    await api.listEvents('runner@example.com', {
      privateExtendedProperty: ['ironstride=1', 'ironstrideSession=s1'],
      showDeleted: true,
      maxResults: 10,
    });
    expect(fake.requests[0]!.query).toMatchObject({
      privateExtendedProperty: ['ironstride=1', 'ironstrideSession=s1'],
      showDeleted: ['true'],
      maxResults: ['10'],
    });
  });

  it('maps Google error bodies to GoogleApiError with the reason', async () => {
    const api = apiFor(fake, transport);
    await api.insertEvent('primary', EVENT);
    const duplicate = await api.insertEvent('primary', EVENT).catch((e: unknown) => e);
    const missing = await api.getEvent('primary', 'vvvvv00000').catch((e: unknown) => e);
    fake.failNext('429');
    const limited = await api.getEvent('primary', EVENT.id).catch((e: unknown) => e);

    expect(duplicate).toBeInstanceOf(GoogleApiError);
    expect(duplicate).toMatchObject({ status: 409, reason: 'duplicate' });
    expect((duplicate as Error).message).toBe(
      'insert event abcde12345 in primary: 409 The requested identifier already exists. (duplicate)',
    );
    expect(missing).toMatchObject({ status: 404, reason: 'notFound' });
    expect(limited).toMatchObject({
      status: 429,
      reason: 'rateLimitExceeded',
      retryAfterSeconds: 1,
    });
  });

  it('makes exactly one request per call (no hidden retries)', async () => {
    fake.failNext('503');
    await expect(apiFor(fake, transport).listCalendars()).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a dropped connection as a network failure (status 0)', async () => {
    fake.failNext('commit-then-reset');
    await expect(apiFor(fake, transport).insertEvent('primary', EVENT)).rejects.toMatchObject({
      status: 0,
      reason: 'networkError',
    });
    expect(fake.storedEvent('runner@example.com', EVENT.id)).toBeDefined();
  });

  it('refreshes the token once after a 401', async () => {
    fake.setTokens(['fresh']);
    const asked: boolean[] = [];
    const api = withTokens(transport, async ({ forceRefresh }) => {
      asked.push(forceRefresh);
      return forceRefresh ? 'fresh' : 'expired';
    });
    const page = await api.listCalendars();
    expect(page.items).toHaveLength(1);
    expect(asked).toEqual([false, true]);
  });

  it('asks to reconnect when the fresh token is refused too', async () => {
    const api = withTokens(transport, async () => 'revoked');
    const error = await api.listCalendars().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleAuthError);
    expect((error as Error).message).toMatch(/reconnect Google/);
    expect(fake.requests.map((r) => r.status)).toEqual([401, 401]);
  });
});
