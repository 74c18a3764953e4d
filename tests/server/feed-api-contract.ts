/**
 * SPEC §9 through `app.request(...)`, run once per store (embedded and PostgreSQL): the same
 * expectations must hold on both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FeedStore } from '../../src/server/store/feed-store';
import {
  captureLogger,
  createFeed,
  JSON_TYPE,
  makeApp,
  makeBody,
  makeClock,
  makeSession,
  NOW,
  openTestStores,
  put,
} from './helpers';
import type { StoreKind, TestApp, TestClock, TestStores } from './helpers';

const FIXTURES = join(__dirname, '../fixtures/feed');

/** Events of a feed as a second, independent parser (ical.js) reads them. */
export function parseWithIcalJs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      description: event.description,
    };
  });
}

function sequencesOf(ics: string): Record<string, number> {
  return Object.fromEntries(
    parseWithIcalJs(ics).map((e) => [e.uid.replace('@ironstride.app', ''), e.sequence]),
  );
}

export function describeFeedApi(kind: StoreKind): void {
  describe(`feed API (${kind} store)`, () => {
    let stores: TestStores;
    let store: FeedStore;
    let clock: TestClock;
    let app: TestApp;

    beforeAll(async () => {
      stores = await openTestStores(kind, 'api');
      // The store stamps versions with the same (fixed, per-test) clock as the app.
      store = await stores.open({ clock: () => clock() });
      // Starting an embedded database takes seconds, more on a busy machine.
    }, 60_000);
    afterAll(async () => {
      await stores.close();
    });
    beforeEach(async () => {
      await stores.reset();
      clock = makeClock();
      app = makeApp(store, { clock });
    });

    describe('POST /api/feeds', () => {
      it('creates a feed with an unguessable id, a write token and absolute links', async () => {
        const res = await app.request('/api/feeds', { method: 'POST', headers: JSON_TYPE });
        expect(res.status).toBe(201);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const body = await res.json();
        expect(body.feedId).toMatch(/^[A-Za-z0-9_-]{24}$/);
        expect(body.writeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(body.subscribeUrl).toBe(`https://feeds.example.test/feeds/${body.feedId}.ics`);
        expect(body.webcalUrl).toBe(`webcal://feeds.example.test/feeds/${body.feedId}.ics`);
      });

      it('serves a new feed at once, as an empty calendar', async () => {
        const { feedId } = await createFeed(app);
        const res = await app.request(`/feeds/${feedId}.ics`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        const ics = await res.text();
        expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
        expect(parseWithIcalJs(ics)).toEqual([]);
      });
    });

    describe('PUT /api/feeds/:feedId', () => {
      it('replaces the sessions; the feed is readable by a second parser', async () => {
        const { feedId, writeToken } = await createFeed(app);
        const sessions = [makeSession(1), makeSession(3)];
        const res = await put(
          app,
          feedId,
          writeToken,
          makeBody(sessions, { name: 'Morgan · strength' }),
        );
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ feedId, version: 1, sessions: 2 });

        const ics = await (await app.request(`/feeds/${feedId}.ics`)).text();
        const events = parseWithIcalJs(ics);
        expect(events.map((e) => e.uid)).toEqual(sessions.map((s) => `${s.id}@ironstride.app`));
        expect(events.map((e) => e.start)).toEqual(sessions.map((s) => Date.parse(s.start)));
        expect(events.map((e) => e.end)).toEqual(sessions.map((s) => Date.parse(s.end)));
        expect(events[0]!.summary).toBe('Strength · session 1');
        expect(events[0]!.description).toContain('Goblet squat — 3 × 6–8');
        expect(ics).toContain('X-WR-CALNAME:Morgan · strength\r\n');
        expect(ics).toContain('TZID:Europe/London');
      });

      it('writes REFRESH-INTERVAL, X-PUBLISHED-TTL and DTSTAMP in UTC (RFC 5545 §3.8.7.2)', async () => {
        const { feedId, writeToken } = await createFeed(app);
        clock.advance(60_000);
        await put(app, feedId, writeToken, makeBody([makeSession(1)]));
        const ics = await (await app.request(`/feeds/${feedId}.ics`)).text();
        expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
        expect(ics).toContain('X-PUBLISHED-TTL:PT1H\r\n');
        expect(ics.match(/^DTSTAMP:[^\r\n]*\r\n/gm)).toEqual(['DTSTAMP:20270301T120100Z\r\n']);
      });

      it('keeps SEQUENCE for unchanged sessions and raises it for changed ones', async () => {
        const { feedId, writeToken } = await createFeed(app);
        const [a, b, c] = [makeSession(1), makeSession(2), makeSession(3)];
        await put(app, feedId, writeToken, makeBody([a, b, c]));
        const v1 = await (await app.request(`/feeds/${feedId}.ics`)).text();
        expect(sequencesOf(v1)).toEqual({ [a.id]: 0, [b.id]: 0, [c.id]: 0 });

        // b moves, c is withdrawn, d is new, a is untouched.
        const movedB = {
          ...b,
          start: b.start.replace('17:30', '18:00'),
          end: b.end.replace('18:10', '18:40'),
        };
        const d = makeSession(4);
        await put(app, feedId, writeToken, makeBody([a, movedB, d]));
        const v2 = await (await app.request(`/feeds/${feedId}.ics`)).text();
        expect(sequencesOf(v2)).toEqual({ [a.id]: 0, [b.id]: 1, [d.id]: 0 });

        // c comes back changed: it must outrank the copy a calendar may still hold.
        await put(
          app,
          feedId,
          writeToken,
          makeBody([a, movedB, d, { ...c, title: 'Strength · renamed' }]),
        );
        const v3 = await (await app.request(`/feeds/${feedId}.ics`)).text();
        expect(sequencesOf(v3)).toEqual({ [a.id]: 0, [b.id]: 1, [c.id]: 1, [d.id]: 0 });

        // The same body again changes no SEQUENCE.
        await put(
          app,
          feedId,
          writeToken,
          makeBody([a, movedB, d, { ...c, title: 'Strength · renamed' }]),
        );
        expect(sequencesOf(await (await app.request(`/feeds/${feedId}.ics`)).text())).toEqual(
          sequencesOf(v3),
        );
      });

      it('raises every SEQUENCE when the feed changes zone (the written times change)', async () => {
        const { feedId, writeToken } = await createFeed(app);
        await put(app, feedId, writeToken, makeBody([makeSession(1)]));
        await put(
          app,
          feedId,
          writeToken,
          makeBody([makeSession(1)], { timezone: 'America/New_York' }),
        );
        const ics = await (await app.request(`/feeds/${feedId}.ics`)).text();
        expect(Object.values(sequencesOf(ics))).toEqual([1]);
        expect(ics).toContain('DTSTART;TZID=America/New_York:20270303T123000');
      });
    });

    describe('GET /feeds/:feedId.ics (conditional)', () => {
      async function feedWithSessions() {
        const feed = await createFeed(app);
        // A second after the feed's creation, so this version owns its Last-Modified second.
        clock.advance(1000);
        await put(app, feed.feedId, feed.writeToken, makeBody([makeSession(1), makeSession(2)]));
        const res = await app.request(`/feeds/${feed.feedId}.ics`);
        return {
          ...feed,
          etag: res.headers.get('etag')!,
          lastModified: res.headers.get('last-modified')!,
          ics: await res.text(),
        };
      }

      it('sends a strong ETag and Last-Modified', async () => {
        const { etag, lastModified } = await feedWithSessions();
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        // Replaced a second after its creation at NOW.
        expect(lastModified).toBe(new Date(NOW + 1000).toUTCString());
      });

      it('answers 304 without a body to If-None-Match (weak comparison too)', async () => {
        const { feedId, etag, lastModified } = await feedWithSessions();
        for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
          const res = await app.request(`/feeds/${feedId}.ics`, {
            headers: { 'If-None-Match': header },
          });
          expect(res.status).toBe(304);
          expect(await res.text()).toBe('');
          expect(res.headers.get('etag')).toBe(etag);
          expect(res.headers.get('last-modified')).toBe(lastModified);
        }
      });

      it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before', async () => {
        const { feedId, lastModified } = await feedWithSessions();
        const at = await app.request(`/feeds/${feedId}.ics`, {
          headers: { 'If-Modified-Since': lastModified },
        });
        expect(at.status).toBe(304);
        const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
        expect(
          (await app.request(`/feeds/${feedId}.ics`, { headers: { 'If-Modified-Since': before } }))
            .status,
        ).toBe(200);
        expect(
          (
            await app.request(`/feeds/${feedId}.ics`, {
              headers: { 'If-Modified-Since': 'yesterday' },
            })
          ).status,
        ).toBe(200);
      });

      it('lets If-None-Match win over If-Modified-Since (RFC 9110 §13.1.3)', async () => {
        const { feedId, lastModified } = await feedWithSessions();
        const res = await app.request(`/feeds/${feedId}.ics`, {
          headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': lastModified },
        });
        expect(res.status).toBe(200);
      });

      it('never dates a version after the clock, and still tells versions of one second apart', async () => {
        const { feedId, writeToken, etag, lastModified } = await feedWithSessions();
        // A second PUT within the same second: Last-Modified stays the current second (RFC 9110
        // §8.8.2.1: never later than Date), the ETag changes.
        await put(app, feedId, writeToken, makeBody([makeSession(1)]));
        const res = await app.request(`/feeds/${feedId}.ics`, {
          headers: { 'If-None-Match': etag },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).not.toBe(etag);
        expect(res.headers.get('last-modified')).toBe(lastModified);
        expect(Date.parse(res.headers.get('last-modified')!)).toBeLessThanOrEqual(clock());
        // A client holding the first version of that second must not be told it is current.
        const stale = await app.request(`/feeds/${feedId}.ics`, {
          headers: { 'If-Modified-Since': lastModified },
        });
        expect(stale.status).toBe(200);
        // A second later, a new version owns its second again.
        clock.advance(1000);
        await put(app, feedId, writeToken, makeBody([makeSession(2)]));
        const next = await app.request(`/feeds/${feedId}.ics`);
        expect(Date.parse(next.headers.get('last-modified')!)).toBe(
          Date.parse(lastModified) + 1000,
        );
        const current = await app.request(`/feeds/${feedId}.ics`, {
          headers: { 'If-Modified-Since': next.headers.get('last-modified')! },
        });
        expect(current.status).toBe(304);
      });

      it('answers HEAD with the headers only', async () => {
        const { feedId, etag } = await feedWithSessions();
        const res = await app.request(`/feeds/${feedId}.ics`, { method: 'HEAD' });
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toBe(etag);
        expect(await res.text()).toBe('');
      });

      it('answers 404 for unknown and malformed ids', async () => {
        for (const path of [
          '/feeds/AAAAAAAAAAAAAAAAAAAAAAAA.ics',
          '/feeds/short.ics',
          '/feeds/AAAAAAAAAAAAAAAAAAAAAAAA',
        ]) {
          const res = await app.request(path);
          expect(res.status).toBe(404);
          expect((await res.json()).error.code).toBe('feed-not-found');
        }
      });

      it('renders once per version: repeated GETs are served from memory', async () => {
        const { feedId, etag } = await feedWithSessions();
        let reads = 0;
        const counting: FeedStore = Object.assign(Object.create(store) as FeedStore, {
          getRendered: (id: string) => {
            reads += 1;
            return store.getRendered(id);
          },
        });
        const counted = makeApp(counting, { clock });
        for (let i = 0; i < 5; i++)
          expect((await counted.request(`/feeds/${feedId}.ics`)).headers.get('etag')).toBe(etag);
        expect(reads).toBe(1);
      });
    });

    describe('write authorization', () => {
      it('refuses a missing or malformed Authorization header with 401', async () => {
        const { feedId } = await createFeed(app);
        const missing = await put(app, feedId, undefined, makeBody([]));
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toBe('Bearer');
        expect((await missing.json()).error).toEqual({
          code: 'unauthorized',
          message: 'Send the feed\'s write token as "Authorization: Bearer <token>".',
        });
        const basic = await app.request(`/api/feeds/${feedId}`, {
          method: 'PUT',
          headers: { Authorization: 'Basic dXNlcjpwYXNz' },
          body: JSON.stringify(makeBody([])),
        });
        expect(basic.status).toBe(401);
      });

      it('refuses a wrong token and the token of another feed with 401', async () => {
        const mine = await createFeed(app);
        const theirs = await createFeed(app);
        for (const token of ['x'.repeat(43), theirs.writeToken]) {
          for (const res of [
            await put(app, mine.feedId, token, makeBody([makeSession(1)])),
            await app.request(`/api/feeds/${mine.feedId}/rotate`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${token}` },
            }),
            await app.request(`/api/feeds/${mine.feedId}`, {
              method: 'DELETE',
              headers: { Authorization: `Bearer ${token}` },
            }),
          ]) {
            expect(res.status).toBe(401);
            expect((await res.json()).error.code).toBe('unauthorized');
          }
        }
        // Nothing changed.
        expect(
          parseWithIcalJs(await (await app.request(`/feeds/${mine.feedId}.ics`)).text()),
        ).toEqual([]);
      });

      it('answers 404 for writes to a feed that does not exist', async () => {
        const { writeToken } = await createFeed(app);
        const res = await put(app, 'AAAAAAAAAAAAAAAAAAAAAAAA', writeToken, makeBody([]));
        expect(res.status).toBe(404);
        expect((await res.json()).error.code).toBe('feed-not-found');
      });
    });

    describe('POST /api/feeds/:feedId/rotate', () => {
      it('moves the feed to a new URL; the old one answers 404 and takes no writes', async () => {
        const { feedId, writeToken } = await createFeed(app);
        await put(app, feedId, writeToken, makeBody([makeSession(1)]));
        const before = await (await app.request(`/feeds/${feedId}.ics`)).text();

        const res = await app.request(`/api/feeds/${feedId}/rotate`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${writeToken}` },
        });
        expect(res.status).toBe(200);
        const rotated = await res.json();
        expect(rotated.feedId).not.toBe(feedId);
        expect(rotated.feedId).toMatch(/^[A-Za-z0-9_-]{24}$/);
        expect(rotated.subscribeUrl).toBe(`https://feeds.example.test/feeds/${rotated.feedId}.ics`);

        expect((await app.request(`/feeds/${feedId}.ics`)).status).toBe(404);
        expect(await (await app.request(`/feeds/${rotated.feedId}.ics`)).text()).toBe(before);
        expect((await put(app, feedId, writeToken, makeBody([]))).status).toBe(404);
        // The write token moves with the feed.
        expect((await put(app, rotated.feedId, writeToken, makeBody([]))).status).toBe(200);
      });
    });

    describe('DELETE /api/feeds/:feedId', () => {
      it('deletes the feed: its URL answers 404, later writes too', async () => {
        const { feedId, writeToken } = await createFeed(app);
        await app.request(`/feeds/${feedId}.ics`);
        const auth = { Authorization: `Bearer ${writeToken}` };
        const res = await app.request(`/api/feeds/${feedId}`, { method: 'DELETE', headers: auth });
        expect(res.status).toBe(204);
        expect((await app.request(`/feeds/${feedId}.ics`)).status).toBe(404);
        expect(
          (await app.request(`/api/feeds/${feedId}`, { method: 'DELETE', headers: auth })).status,
        ).toBe(404);
        expect((await put(app, feedId, writeToken, makeBody([]))).status).toBe(404);
      });
    });

    describe('validation', () => {
      let feed: { feedId: string; writeToken: string };
      beforeEach(async () => {
        feed = await createFeed(app);
      });
      const errorOf = async (body: unknown) => {
        const res = await put(app, feed.feedId, feed.writeToken, body);
        return {
          status: res.status,
          error: (await res.json()).error as { code: string; message: string },
        };
      };

      it('refuses a body that is not JSON with 400', async () => {
        const { status, error } = await errorOf('{"name": ');
        expect(status).toBe(400);
        expect(error.code).toBe('invalid-json');
        expect(error.message).toMatch(/^The body is not valid JSON/);
      });

      it.each([
        ['an array', [], 'expected a JSON object {"name", "timezone", "sessions"}'],
        [
          'no timezone',
          { name: 'x', sessions: [] },
          'timezone: expected an IANA time zone such as "Europe/London"',
        ],
        [
          'an unknown zone',
          makeBody([], { timezone: 'Mars/Olympus' }),
          'timezone: not a time zone this server knows',
        ],
        ['an empty name', makeBody([], { name: ' ' }), 'name: enter a name for the feed'],
        [
          'sessions as an object',
          { ...makeBody([]), sessions: {} },
          'sessions: expected "sessions" to be an array',
        ],
        [
          'a session without start',
          makeBody([{ ...makeSession(1), start: undefined } as never]),
          'sessions[0].start:',
        ],
        [
          'a start without offset',
          makeBody([makeSession(1, { start: '2027-03-03T17:30:00' })]),
          'sessions[0].start:',
        ],
        [
          'end before start',
          makeBody([makeSession(1, { end: '2027-03-03T17:00:00+00:00' })]),
          'sessions[0].end: end must be after start',
        ],
        [
          'an unknown load',
          makeBody([makeSession(1, { load: 'brutal' as never })]),
          'sessions[0].load:',
        ],
        ['an id with a slash', makeBody([makeSession(1, { id: 'a/b' })]), 'sessions[0].id:'],
        [
          'two sessions with one id',
          makeBody([makeSession(1), makeSession(2, { id: makeSession(1).id })]),
          'sessions[1].id: "s2027-0001" appears twice',
        ],
        [
          'a two-day session',
          makeBody([makeSession(1, { end: '2027-03-05T18:10:00+00:00' })]),
          'sessions[0].end: a session lasts at most 24 hours',
        ],
        [
          'a session in year 9999',
          makeBody([
            makeSession(1, {
              start: '9999-03-03T17:30:00+00:00',
              end: '9999-03-03T18:10:00+00:00',
            }),
          ]),
          'sessions[0].start: sessions must fall within',
        ],
      ])('refuses %s with 400 and names the field', async (_label, body, message) => {
        const { status, error } = await errorOf(body);
        expect(status).toBe(400);
        expect(error.code).toBe('invalid-body');
        expect(error.message).toContain(message);
      });

      it('refuses more than 1000 sessions with 413', async () => {
        const tiny = {
          id: 'x',
          start: '2027-03-03T17:30:00Z',
          end: '2027-03-03T18:00:00Z',
          title: 't',
          load: 'light',
        };
        const sessions = Array.from({ length: 1001 }, (_, i) => ({ ...tiny, id: `s${i}` }));
        const { status, error } = await errorOf(makeBody(sessions as never));
        expect(status).toBe(413);
        expect(error).toEqual({
          code: 'too-many-sessions',
          message: 'a feed holds at most 1000 sessions; this body has 1001',
        });
      });

      it('accepts exactly 1000 sessions', async () => {
        const sessions = Array.from({ length: 1000 }, (_, i) =>
          makeSession(i % 400, {
            id: `s${i}`,
            title: 'Strength',
            description: '',
            reasons: [],
            exercises: [],
          }),
        );
        const res = await put(app, feed.feedId, feed.writeToken, makeBody(sessions));
        expect(res.status).toBe(200);
      });

      it('refuses a body over 4 MB with 413, naming the limit', async () => {
        const big = makeBody([makeSession(1, { description: 'x'.repeat(9_000) })]);
        const padded = JSON.stringify({ ...big, padding: 'y'.repeat(4 * 1024 * 1024) });
        const { status, error } = await errorOf(padded);
        expect(status).toBe(413);
        expect(error).toEqual({
          code: 'body-too-large',
          message: 'The body is larger than 4 MB; send fewer or shorter sessions.',
          maxBytes: 4 * 1024 * 1024,
        });
      });

      it('stores a season: 1000 sessions as `plan --format json` prints them', async () => {
        const season = readFileSync(join(FIXTURES, 'season-1000.json'), 'utf8');
        expect(Buffer.byteLength(season)).toBeGreaterThan(3 * 1024 * 1024);
        const res = await put(app, feed.feedId, feed.writeToken, season);
        expect(res.status).toBe(200);
        expect((await res.json()).sessions).toBe(1000);
        const ics = await (await app.request(`/feeds/${feed.feedId}.ics`)).text();
        expect(parseWithIcalJs(ics)).toHaveLength(1000);
      });

      it('refuses a NUL in a title with 400 naming the field, and keeps the feed', async () => {
        await put(app, feed.feedId, feed.writeToken, makeBody([makeSession(1)]));
        const before = await (await app.request(`/feeds/${feed.feedId}.ics`)).text();
        const { status, error } = await errorOf(
          readFileSync(join(FIXTURES, 'nul-title.json'), 'utf8'),
        );
        expect(status).toBe(400);
        expect(error.message).toBe(
          'sessions[1].title: contains the control character U+0000; remove it',
        );
        expect(await (await app.request(`/feeds/${feed.feedId}.ics`)).text()).toBe(before);
      });

      it.each([
        ['name', { name: 'Strength\u0007' }, 'name: contains the control character U+0007'],
        [
          'a reason',
          { sessions: [makeSession(1, { reasons: ['ok', 'bad\u001b[31m'] })] },
          'sessions[0].reasons[1]: contains the control character U+001B',
        ],
        [
          'an exercise cue',
          {
            sessions: [
              makeSession(1, {
                exercises: [
                  { name: 'Squat', sets: 3, reps: 5, restSeconds: 60, cue: 'down\u0000' },
                ],
              }),
            ],
          },
          'sessions[0].exercises[0].cue: contains the control character U+0000',
        ],
      ])('refuses a control character in %s', async (_label, override, message) => {
        const { status, error } = await errorOf({ ...makeBody([makeSession(1)]), ...override });
        expect(status).toBe(400);
        expect(error.message).toContain(message);
      });

      it.each(
        (
          JSON.parse(readFileSync(join(FIXTURES, 'hostile-names.json'), 'utf8')) as {
            names: string[];
          }
        ).names // Names with other control characters are refused (tested above); line breaks are text.
          .filter((n) => ![...n].some((c) => /\p{Cc}/u.test(c) && !'\t\r\n'.includes(c))),
      )('keeps every event of a feed named %j', async (name) => {
        const res = await put(
          app,
          feed.feedId,
          feed.writeToken,
          makeBody([makeSession(1), makeSession(2)], { name: name.slice(0, 200) }),
        );
        expect(res.status).toBe(200);
        const ics = await (await app.request(`/feeds/${feed.feedId}.ics`)).text();
        expect(parseWithIcalJs(ics)).toHaveLength(2);
      });

      it('refuses an oversized body sent without Content-Length (chunked) with 413', async () => {
        const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent++ < 6) controller.enqueue(chunk);
            else controller.close();
          },
        });
        const res = await app.request(`/api/feeds/${feed.feedId}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${feed.writeToken}` },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        expect(res.status).toBe(413);
      });

      it('keeps the stored feed when a PUT is refused', async () => {
        await put(app, feed.feedId, feed.writeToken, makeBody([makeSession(1)]));
        const before = await (await app.request(`/feeds/${feed.feedId}.ics`)).text();
        await errorOf(makeBody([makeSession(1, { end: 'soon' })]));
        expect(await (await app.request(`/feeds/${feed.feedId}.ics`)).text()).toBe(before);
      });
    });

    describe('GET /healthz', () => {
      it('reports the database reachable', async () => {
        const res = await app.request('/healthz');
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ ok: true, database: 'ok' });
      });
    });

    describe('logs', () => {
      it('name route templates, never feed ids or tokens', async () => {
        const { logger, lines } = captureLogger();
        const logged = makeApp(store, { clock, logger });
        const { feedId, writeToken } = await createFeed(logged);
        await put(logged, feedId, writeToken, makeBody([makeSession(1)]));
        await put(logged, feedId, 'wrong', makeBody([makeSession(1)]));
        await logged.request(`/feeds/${feedId}.ics`);
        const rotated = await (
          await logged.request(`/api/feeds/${feedId}/rotate`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${writeToken}` },
          })
        ).json();
        await logged.request(`/feeds/${feedId}.ics`);
        await logged.request(`/nowhere/${feedId}`);
        const text = lines.join('');
        for (const secret of [feedId, writeToken, rotated.feedId])
          expect(text).not.toContain(secret);
        const routes = lines.map((l) => JSON.parse(l) as { route?: string; status?: number });
        expect(routes.map((r) => `${r.route} ${r.status}`)).toEqual([
          '/api/feeds 201',
          '/api/feeds/:feedId 200',
          '/api/feeds/:feedId 401',
          '/feeds/:file 200',
          '/api/feeds/:feedId/rotate 200',
          '/feeds/:file 404',
          '(no route) 404',
        ]);
      });
    });
  });
}
