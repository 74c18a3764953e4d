/**
 * The fake must behave like Google where Ironstride's logic depends on it; these pin that
 * behaviour over raw HTTP, the way a client sees it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogleCalendar } from './google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from './google-calendar-api';

/** The fields of Google's answers these tests read; an error body or a resource or a page. */
type Answer = FakeEvent & {
  error: {
    code: number;
    message: string;
    errors: { domain: string; reason: string; message: string }[];
    status?: string;
  };
  items: (FakeEvent & { accessRole?: string })[];
  nextPageToken?: string;
  nextSyncToken?: string;
  timeZone?: string;
};

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function call(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = fake.token,
): Promise<{ status: number; body: Answer; headers: Headers }> {
  const response = await fetch(new URL(`calendar/v3/${path}`, fake.rootUrl), {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

const EVENTS = 'calendars/primary/events';
const event = (id: string | undefined, day: number, extra: Record<string, unknown> = {}) => ({
  ...(id ? { id } : {}),
  summary: `Event ${day}`,
  start: { dateTime: `2027-03-${String(day).padStart(2, '0')}T07:00:00Z` },
  end: { dateTime: `2027-03-${String(day).padStart(2, '0')}T08:00:00Z` },
  ...extra,
});

describe('fake Google Calendar: auth and errors', () => {
  it("answers 401 with Google's body without a valid bearer token", async () => {
    const missing = await call('GET', 'users/me/calendarList', undefined, null);
    const wrong = await call('GET', 'users/me/calendarList', undefined, 'nope');
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(missing.body).toEqual({
      error: {
        code: 401,
        message: expect.stringContaining('invalid authentication credentials'),
        errors: [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials' }],
        status: 'UNAUTHENTICATED',
      },
    });
  });

  it('answers 404 notFound for an unknown calendar or event', async () => {
    expect((await call('GET', 'calendars/nobody/events')).body.error.errors[0]!.reason).toBe(
      'notFound',
    );
    expect((await call('GET', `${EVENTS}/abcdef`)).status).toBe(404);
  });
});

describe('fake Google Calendar: browsers', () => {
  it('answers a CORS preflight and exposes Retry-After', async () => {
    const preflight = await fetch(
      new URL('calendar/v3/calendars/primary/events/abcde', fake.rootUrl),
      {
        method: 'OPTIONS',
        headers: {
          origin: 'chrome-extension://abc',
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'authorization,content-type',
        },
      },
    );
    fake.failNext('429');
    const limited = await fetch(new URL('calendar/v3/calendars/primary/events', fake.rootUrl), {
      headers: { origin: 'chrome-extension://abc', authorization: `Bearer ${fake.token}` },
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(limited.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(fake.requests.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('fake Google Calendar: event ids', () => {
  it.each(['abcd', 'abcdw', 'ABCDE', 'abc_de'])(
    'refuses %s as an id (base32hex, 5–1024)',
    async (id) => {
      const res = await call('POST', EVENTS, event(id, 1));
      expect(res.status).toBe(400);
      expect(res.body.error.errors[0]).toMatchObject({
        reason: 'invalid',
        message: 'Invalid resource id value.',
      });
    },
  );

  it('keeps a deleted id reserved: 409 on insert, 410 on delete, get still answers', async () => {
    expect((await call('POST', EVENTS, event('abcde', 1))).status).toBe(200);
    expect((await call('POST', EVENTS, event('abcde', 1))).body.error.errors[0]!.reason).toBe(
      'duplicate',
    );
    expect((await call('DELETE', `${EVENTS}/abcde`)).status).toBe(204);

    const again = await call('POST', EVENTS, event('abcde', 1));
    const deleteAgain = await call('DELETE', `${EVENTS}/abcde`);
    const get = await call('GET', `${EVENTS}/abcde`);

    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('The requested identifier already exists.');
    expect(deleteAgain.status).toBe(410);
    expect(deleteAgain.body.error.errors[0]!.reason).toBe('deleted');
    expect(get.body).toMatchObject({ id: 'abcde', status: 'cancelled', summary: 'Event 1' });
  });

  it('restores a deleted event patched back to confirmed', async () => {
    await call('POST', EVENTS, event('abcde', 1));
    await call('DELETE', `${EVENTS}/abcde`);
    const restored = await call('PATCH', `${EVENTS}/abcde`, { status: 'confirmed' });
    expect(restored.body.status).toBe('confirmed');
    expect(fake.storedEvents('primary')).toHaveLength(1);
  });

  it('can answer deleted events with only their id, as Google may', async () => {
    const stripped = await startFakeGoogleCalendar({ stripDeletedEvents: true });
    try {
      stripped.seedEvent(
        'primary',
        event('abcde', 1, { extendedProperties: { private: { ironstride: '1' } } }),
      );
      stripped.deleteEventAsUser('primary', 'abcde');
      const res = await fetch(
        new URL('calendar/v3/calendars/primary/events/abcde', stripped.rootUrl),
        {
          headers: { authorization: `Bearer ${stripped.token}` },
        },
      );
      expect(await res.json()).toEqual({
        kind: 'calendar#event',
        etag: expect.any(String),
        id: 'abcde',
        status: 'cancelled',
        updated: expect.any(String),
      });
    } finally {
      await stripped.close();
    }
  });
});

describe('fake Google Calendar: writes', () => {
  it('validates times like Google', async () => {
    expect(
      (await call('POST', EVENTS, { summary: 'x', start: { dateTime: '2027-03-01T07:00:00Z' } }))
        .body.error.errors[0],
    ).toMatchObject({
      reason: 'required',
      message: 'Missing end time.',
    });
    const empty = await call(
      'POST',
      EVENTS,
      event(undefined, 1, { end: { dateTime: '2027-03-01T06:00:00Z' } }),
    );
    expect(empty.body.error.errors[0]!.reason).toBe('timeRangeEmpty');
  });

  it('merges on PATCH and replaces on PUT, raising sequence and updated', async () => {
    const created = (
      await call(
        'POST',
        EVENTS,
        event('abcde', 1, {
          description: 'keep me',
          extendedProperties: { private: { a: '1', b: '2' } },
        }),
      )
    ).body;
    const patched = (
      await call('PATCH', `${EVENTS}/abcde`, {
        start: { dateTime: '2027-03-02T07:00:00Z' },
        end: { dateTime: '2027-03-02T08:00:00Z' },
        extendedProperties: { private: { b: '3' } },
      })
    ).body;
    const put = (await call('PUT', `${EVENTS}/abcde`, event(undefined, 3))).body;

    expect(created.sequence).toBe(0);
    expect(patched).toMatchObject({
      description: 'keep me',
      sequence: 1,
      extendedProperties: { private: { a: '1', b: '3' } },
    });
    expect(patched.etag).not.toBe(created.etag);
    expect(put.description).toBeUndefined();
    expect(put.extendedProperties).toBeUndefined();
    expect(put).toMatchObject({
      id: 'abcde',
      sequence: 2,
      created: created.created,
      iCalUID: created.iCalUID,
    });
  });

  it('applies a commit-then-503 write and still answers 503', async () => {
    fake.failNext('commit-then-503');
    const res = await call('POST', EVENTS, event('abcde', 1));
    expect(res.status).toBe(503);
    expect(res.body.error.errors[0]!.reason).toBe('backendError');
    expect(fake.storedEvent('runner@example.com', 'abcde')).toBeDefined();
    expect(fake.requests[0]).toMatchObject({ fault: 'commit-then-503', committed: true });
  });

  it('sends Retry-After with 429 and the usageLimits reasons with 403', async () => {
    fake.failNext(['429', '403-rate', '403-user-rate']);
    const limited = await call('GET', EVENTS);
    const rate = await call('GET', EVENTS);
    const user = await call('GET', EVENTS);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(rate.body.error.errors[0]).toEqual({
      domain: 'usageLimits',
      reason: 'rateLimitExceeded',
      message: 'Rate Limit Exceeded',
    });
    expect(user.body.error.errors[0]!.reason).toBe('userRateLimitExceeded');
  });

  it('draws the same faults from the same seed', async () => {
    const draw = async () => {
      fake.reset();
      fake.setFaults({ rate: 0.5, seed: 3 });
      for (let i = 0; i < 20; i++) await call('GET', EVENTS);
      return fake.requests.map((r) => r.fault ?? '-');
    };
    const a = await draw();
    expect(await draw()).toEqual(a);
    expect(a.filter((f) => f !== '-').length).toBeGreaterThan(4);
  });
});

describe('fake Google Calendar: events.list', () => {
  it('pages with maxResults and gives the sync token on the last page only', async () => {
    for (let day = 1; day <= 5; day++) fake.seedEvent('primary', event(undefined, day));
    const first = (await call('GET', `${EVENTS}?maxResults=2`)).body;
    const second = (await call('GET', `${EVENTS}?maxResults=2&pageToken=${first.nextPageToken}`))
      .body;
    const third = (await call('GET', `${EVENTS}?maxResults=2&pageToken=${second.nextPageToken}`))
      .body;
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
    expect(first.nextSyncToken).toBeUndefined();
    expect(third.nextPageToken).toBeUndefined();
    expect(third.nextSyncToken).toBeTruthy();
  });

  it('filters by timeMin/timeMax (exclusive end, exclusive start bound)', async () => {
    for (let day = 1; day <= 5; day++) fake.seedEvent('primary', event(undefined, day));
    const res = await call(
      'GET',
      `${EVENTS}?timeMin=2027-03-02T08:00:00Z&timeMax=2027-03-04T07:00:00Z`,
    );
    expect(res.body.items.map((e) => e.summary)).toEqual(['Event 3']);
    expect((await call('GET', `${EVENTS}?timeMin=2027-03-02`)).status).toBe(400);
  });

  it('filters by every privateExtendedProperty and shows deleted only when asked', async () => {
    fake.seedEvent(
      'primary',
      event('aaaaa', 1, { extendedProperties: { private: { ironstride: '1', s: 'x' } } }),
    );
    fake.seedEvent(
      'primary',
      event('bbbbb', 2, { extendedProperties: { private: { ironstride: '1', s: 'y' } } }),
    );
    fake.seedEvent('primary', event('ccccc', 3));
    fake.deleteEventAsUser('primary', 'bbbbb');
    const ids = async (query: string) =>
      (await call('GET', `${EVENTS}?${query}`)).body.items.map((e) => e.id);

    expect(await ids('privateExtendedProperty=ironstride%3D1')).toEqual(['aaaaa']);
    expect(await ids('privateExtendedProperty=ironstride%3D1&showDeleted=true')).toEqual([
      'aaaaa',
      'bbbbb',
    ]);
    expect(
      await ids(
        'privateExtendedProperty=ironstride%3D1&privateExtendedProperty=s%3Dy&showDeleted=true',
      ),
    ).toEqual(['bbbbb']);
  });

  it('returns changes since a sync token, deletions included; 410 once invalidated', async () => {
    fake.seedEvent('primary', event('aaaaa', 1));
    fake.seedEvent('primary', event('bbbbb', 2));
    const token = (await call('GET', EVENTS)).body.nextSyncToken;
    fake.deleteEventAsUser('primary', 'aaaaa');
    fake.seedEvent('primary', event('ccccc', 3));

    const changes = (await call('GET', `${EVENTS}?syncToken=${token}`)).body;
    const withBounds = await call(
      'GET',
      `${EVENTS}?syncToken=${token}&timeMin=2027-03-01T00:00:00Z`,
    );
    fake.invalidateSyncTokens();
    const gone = await call('GET', `${EVENTS}?syncToken=${changes.nextSyncToken}`);

    expect(changes.items.map((e) => [e.id, e.status])).toEqual([
      ['aaaaa', 'cancelled'],
      ['ccccc', 'confirmed'],
    ]);
    expect(withBounds.status).toBe(400);
    expect(gone.status).toBe(410);
    expect(gone.body.error.errors[0]).toEqual({
      domain: 'calendar',
      reason: 'fullSyncRequired',
      message: 'Sync token is no longer valid, a full sync is required.',
    });
  });

  it('expands recurring events only with singleEvents, and orders by start only then', async () => {
    fake.seedEvent('primary', {
      id: 'rrrrr',
      summary: 'Easy run',
      start: { dateTime: '2027-03-29T07:00:00+01:00', timeZone: 'Europe/London' },
      end: { dateTime: '2027-03-29T07:45:00+01:00', timeZone: 'Europe/London' },
      recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3'],
    });
    const masters = (await call('GET', EVENTS)).body.items;
    const single = (await call('GET', `${EVENTS}?singleEvents=true&orderBy=startTime`)).body.items;
    const badOrder = await call('GET', `${EVENTS}?orderBy=startTime`);

    expect(masters.map((e) => e.id)).toEqual(['rrrrr']);
    expect(single.map((e) => [e.id, e.recurringEventId])).toEqual([
      ['rrrrr_20270329T060000Z', 'rrrrr'],
      ['rrrrr_20270401T060000Z', 'rrrrr'],
      ['rrrrr_20270405T060000Z', 'rrrrr'],
    ]);
    expect(badOrder.status).toBe(400);
  });
});

describe('fake Google Calendar: calendars', () => {
  it('creates a calendar, lists it as owner, pages the list', async () => {
    const created = await call('POST', 'calendars', {
      summary: 'Strength · Ironstride',
      description: 'x',
      timeZone: 'Europe/Paris',
    });
    for (let i = 0; i < 3; i++) fake.addCalendar({ summary: `Other ${i}` });
    const first = (await call('GET', 'users/me/calendarList?maxResults=3')).body;
    const second = (
      await call('GET', `users/me/calendarList?maxResults=3&pageToken=${first.nextPageToken}`)
    ).body;

    expect(created.body).toMatchObject({
      kind: 'calendar#calendar',
      summary: 'Strength · Ironstride',
      timeZone: 'Europe/Paris',
    });
    expect(created.body.id).toMatch(/@group\.calendar\.google\.com$/);
    const all = [...first.items, ...second.items];
    expect(all).toHaveLength(5);
    expect(all.find((c) => c.id === created.body.id)).toMatchObject({
      accessRole: 'owner',
      description: 'x',
    });
    expect((await call('POST', 'calendars', {})).body.error.errors[0]).toMatchObject({
      reason: 'required',
      message: 'Missing title.',
    });
  });
});
