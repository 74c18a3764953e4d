import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readIcs, sessionUid } from '../../src/calendar/ics';
import { formatPrescription } from '../../src/core/exercises';
import {
  feedItem,
  feedPublishItem,
  loadFeedConnection,
  loadPublishState,
} from '../../src/extension/feed/storage';
import { planItem, viewItem } from '../../src/extension/storage';
import type { StoredSession } from '../../src/extension/storage';
import { readWithIcalJs, startFeedServer } from '../helpers/e2e/feed-server';
import type { TestFeedServer } from '../helpers/e2e/feed-server';
import { NEXT_WEEK, NOW, PREFS, setupFeed, THIS_WEEK, TWO_HARD_DAYS } from './feed-setup';

let server: TestFeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  // Starting an embedded database takes seconds, more on a busy machine.
}, 60_000);

afterAll(async () => {
  await server?.dispose();
});

beforeEach(() => {
  fakeBrowser.reset();
});

type Setup = ReturnType<typeof setupFeed>;

/** The sample runner: preferences, the two-hard-days calendar, this week planned. */
async function plannedRunner(setup: Setup): Promise<StoredSession[]> {
  await setup.handlers.savePrefs(PREFS);
  await setup.handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
  await setup.handlers.planWeek({ weekStart: THIS_WEEK });
  const { sessions } = await planItem.getValue();
  expect(sessions.length).toBeGreaterThanOrEqual(2);
  return sessions;
}

async function accepted(): Promise<StoredSession[]> {
  return (await planItem.getValue()).sessions.filter((s) => s.status === 'accepted');
}

/** What a calendar app gets: a plain HTTP GET of the subscribe link. */
async function download(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

/** The feed's events as the project's reader finds them, in the runner's zone. */
function readFeed(text: string) {
  return readIcs(text, {
    timezone: 'Europe/London',
    range: { start: NOW - 30 * 86_400_000, end: NOW + 60 * 86_400_000 },
  }).events;
}

async function withFeed(setup: Setup) {
  const settings = await setup.handlers.createFeed({ serverUrl: server.url });
  await setup.settle();
  return settings;
}

describe('subscribable feed', () => {
  it('creates a feed, publishes exactly the accepted sessions, and a plain GET of the link is that calendar', async () => {
    const setup = setupFeed();
    await plannedRunner(setup);
    await setup.handlers.planWeek({ weekStart: NEXT_WEEK });
    const [first, second, third, fourth] = (await planItem.getValue()).sessions;
    // Accepted, skipped, accepted, still a suggestion: only the accepted two are published.
    await setup.handlers.acceptSession({ sessionId: first!.id });
    await setup.handlers.skipSession({ sessionId: second!.id });
    await setup.handlers.acceptSession({ sessionId: third!.id });
    expect(fourth?.status).toBe('suggested');

    const settings = await setup.handlers.createFeed({ serverUrl: `${server.url}/` });
    expect(settings.feed).toMatchObject({ serverUrl: server.url, insecure: false });
    expect(settings.feed!.subscribeUrl).toMatch(
      new RegExp(`^${server.url}/feeds/[A-Za-z0-9_-]{22,}\\.ics$`),
    );
    expect(settings.feed!.webcalUrl).toBe(settings.feed!.subscribeUrl.replace(/^http:/, 'webcal:'));
    // The key stays in the background: the page gets its last characters only.
    const stored = (await loadFeedConnection())!;
    expect(stored.writeToken.length).toBeGreaterThanOrEqual(22);
    expect(settings.feed!.keyHint).toBe(`…${stored.writeToken.slice(-4)}`);
    expect(JSON.stringify(settings)).not.toContain(stored.writeToken);

    await setup.settle();
    const { status, text } = await download(settings.feed!.subscribeUrl);
    expect(status).toBe(200);
    const events = readFeed(text);
    const want = await accepted();
    expect(want.map((s) => s.id)).toEqual([first!.id, third!.id]);
    expect(events.map((e) => e.ironstrideSessionId)).toEqual(want.map((s) => s.id));
    for (const [i, session] of want.entries()) {
      const event = events[i]!;
      expect(event).toMatchObject({
        uid: sessionUid(session.id),
        title: session.title,
        start: session.start,
        end: session.end,
      });
      for (const exercise of session.content.exercises)
        expect(event.description).toContain(formatPrescription(exercise));
    }
    // A second, independent reader agrees, and the calendar is named for the runner's app.
    const icalJs = readWithIcalJs(text);
    expect(icalJs.name).toBe('Strength · Ironstride');
    expect(icalJs.events.map((e) => [e.uid, e.start, e.end])).toEqual(
      want.map((s) => [sessionUid(s.id), s.start, s.end]),
    );

    const view = (await viewItem.getValue())!;
    expect(view.feed).toEqual({
      publishing: false,
      status: { text: 'Published 2 sessions · feed updated 06:00', tone: 'ok' },
    });
  });

  it('publishes once the changes settle: accepting two sessions one by one is one PUT', async () => {
    const setup = setupFeed();
    const [first, second] = await plannedRunner(setup);
    await withFeed(setup);
    setup.network.requests.length = 0;

    await setup.handlers.acceptSession({ sessionId: first!.id });
    const between = await setup.handlers.acceptSession({ sessionId: second!.id });
    expect(between.feed).toEqual({
      publishing: false,
      status: { text: 'Publishing 2 sessions in a moment…', tone: 'busy' },
    });
    expect(setup.timers.pending()).toBe(1);
    expect(setup.network.requests).toEqual([]);

    await setup.settle();
    expect(setup.network.requests).toEqual(['PUT /api/feeds/:id']);
    expect((await viewItem.getValue())!.feed?.status.text).toBe(
      'Published 2 sessions · feed updated 06:00',
    );
    // Opening the popup again changes nothing, so nothing is sent.
    await setup.handlers.getView({});
    expect(setup.timers.pending()).toBe(0);
  });

  it('Publish in the popup sends now and says what it did', async () => {
    const setup = setupFeed();
    const [first] = await plannedRunner(setup);
    await withFeed(setup);
    await setup.handlers.acceptSession({ sessionId: first!.id });
    setup.network.requests.length = 0;

    const view = await setup.handlers.publishFeed({});

    expect(setup.network.requests).toEqual(['PUT /api/feeds/:id']);
    expect(setup.timers.pending()).toBe(0);
    expect(view.feed?.status).toEqual({
      text: 'Published 1 session · feed updated 06:00',
      tone: 'ok',
    });
    const { text } = await download((await loadFeedConnection())!.subscribeUrl);
    expect(readFeed(text).map((e) => e.ironstrideSessionId)).toEqual([first!.id]);
  });

  it('follows a move: the same UID at the new time with a higher SEQUENCE; a skipped session leaves the feed', async () => {
    const setup = setupFeed();
    await plannedRunner(setup);
    await setup.handlers.acceptWeek({ weekStart: THIS_WEEK });
    const { subscribeUrl } = await withFeed(setup).then((s) => s.feed!);
    const before = readWithIcalJs((await download(subscribeUrl)).text).events;
    const [moving, staying] = await accepted();
    expect(moving!.alternatives.length).toBeGreaterThan(0);

    await setup.handlers.moveSession({ sessionId: moving!.id, alternative: 0 });
    await setup.settle();

    const movedTo = (await accepted()).find((s) => s.id === moving!.id)!;
    const after = readWithIcalJs((await download(subscribeUrl)).text).events;
    const uid = sessionUid(moving!.id);
    const old = before.find((e) => e.uid === uid)!;
    const now = after.find((e) => e.uid === uid)!;
    expect(now.start).toBe(movedTo.start);
    expect(now.start).not.toBe(old.start);
    expect(now.sequence).toBe(old.sequence + 1);
    expect(after.filter((e) => e.uid === uid)).toHaveLength(1);
    const unchanged = after.find((e) => e.uid === sessionUid(staying!.id))!;
    expect(unchanged.sequence).toBe(before.find((e) => e.uid === unchanged.uid)!.sequence);

    await setup.handlers.skipSession({ sessionId: staying!.id });
    await setup.settle();
    const remaining = readFeed((await download(subscribeUrl)).text);
    expect(remaining.map((e) => e.ironstrideSessionId)).toEqual([moving!.id]);
  });

  it('rotates the link: the old one answers 404, the new one serves the same sessions with the same key', async () => {
    const setup = setupFeed();
    await plannedRunner(setup);
    await setup.handlers.acceptWeek({ weekStart: THIS_WEEK });
    const created = (await withFeed(setup)).feed!;
    const key = (await loadFeedConnection())!.writeToken;
    const before = (await download(created.subscribeUrl)).text;

    const rotated = (await setup.handlers.rotateFeed({})).feed!;

    expect(rotated.subscribeUrl).not.toBe(created.subscribeUrl);
    expect(rotated.webcalUrl).toBe(rotated.subscribeUrl.replace(/^http:/, 'webcal:'));
    expect(rotated.rotatedAt).toBe(NOW);
    expect((await download(created.subscribeUrl)).status).toBe(404);
    const after = await download(rotated.subscribeUrl);
    expect(after.status).toBe(200);
    expect(readFeed(after.text).map((e) => e.uid)).toEqual(readFeed(before).map((e) => e.uid));
    expect((await loadFeedConnection())!.writeToken).toBe(key);

    // Publishing goes to the new address.
    await setup.handlers.skipSession({ sessionId: (await accepted())[0]!.id });
    await setup.settle();
    expect(readFeed((await download(rotated.subscribeUrl)).text)).toHaveLength(1);
  });

  it('deletes the feed: its link answers 404 and this browser forgets it, keeping the server address', async () => {
    const setup = setupFeed();
    await plannedRunner(setup);
    await setup.handlers.acceptWeek({ weekStart: THIS_WEEK });
    const { subscribeUrl } = (await withFeed(setup)).feed!;

    const settings = await setup.handlers.deleteFeed({});

    expect((await download(subscribeUrl)).status).toBe(404);
    expect(settings).toEqual({ serverUrl: server.url, defaultServerUrl: 'http://127.0.0.1:8787' });
    expect(await feedItem.getValue()).toBeNull();
    expect(await feedPublishItem.getValue()).toBeNull();
    expect((await viewItem.getValue())!.feed).toBeUndefined();
    // The plan is the runner's, not the feed's.
    expect(await accepted()).toHaveLength(2);
  });

  it('a refused key says so plainly, loses nothing, and stops automatic publishing until a new feed', async () => {
    const setup = setupFeed();
    const [first, second] = await plannedRunner(setup);
    await setup.handlers.acceptSession({ sessionId: first!.id });
    await withFeed(setup);
    const connection = (await loadFeedConnection())!;
    await feedItem.setValue({ ...connection, writeToken: 'A'.repeat(43) });

    const view = await setup.handlers.publishFeed({});

    expect(view.feed?.status).toEqual({
      text: 'Not published: This browser’s feed key was refused — create a new feed in Settings.',
      tone: 'error',
    });
    expect((await loadPublishState()).failure).toMatchObject({ kind: 'unauthorized', attempts: 1 });
    // Nothing was changed on the server, or in the plan.
    expect(
      readFeed((await download(connection.subscribeUrl)).text).map((e) => e.ironstrideSessionId),
    ).toEqual([first!.id]);
    expect(await accepted()).toHaveLength(1);
    // Accepting more does not hammer the server with a key it refuses.
    setup.network.requests.length = 0;
    await setup.handlers.acceptSession({ sessionId: second!.id });
    await setup.settle();
    expect(setup.network.requests).toEqual([]);
    await setup.service.runFeedPublish({ retry: true });
    expect(setup.network.requests).toEqual([]);
  });

  it('behind a proxy that takes less (413 without a limit): sends the newest sessions that fit and says what was left out', async () => {
    // A proxy in front of the real server refusing bodies over 4.5 KB (one session fits, two
    // do not), as nginx's client_max_body_size does: an HTML 413 that names no limit.
    const proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.length > 4.5 * 1024) {
          res.writeHead(413, { 'content-type': 'text/html' }).end('<html>413</html>');
          return;
        }
        void fetch(`${server.url}${req.url}`, {
          method: req.method,
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(
              (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
            ),
          ),
          ...(body.length > 0 ? { body } : {}),
        }).then(async (answer) => {
          res.writeHead(answer.status, {
            'content-type': answer.headers.get('content-type') ?? '',
          });
          res.end(Buffer.from(await answer.arrayBuffer()));
        });
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const setup = setupFeed();
      const [first, second] = await plannedRunner(setup);
      await setup.handlers.createFeed({ serverUrl: proxyUrl });
      await setup.handlers.acceptSession({ sessionId: first!.id });
      await setup.handlers.acceptSession({ sessionId: second!.id });
      setup.network.requests.length = 0;

      const view = await setup.handlers.publishFeed({});

      // The whole body was refused, then the newest session alone went through, at once.
      expect(setup.network.requests).toEqual(['PUT /api/feeds/:id', 'PUT /api/feeds/:id']);
      expect(view.feed?.status).toEqual({
        text: 'Published the newest 1 session · feed updated 06:00 · the oldest 1 did not fit in what the feed server takes',
        tone: 'warn',
      });
      const { subscribeUrl } = (await loadFeedConnection())!;
      const ids = readFeed((await download(subscribeUrl)).text).map((e) => e.ironstrideSessionId);
      const newest = [first!, second!].sort((a, b) => b.start - a.start)[0]!;
      expect(ids).toEqual([newest.id]);
      expect((await loadPublishState()).limit?.maxBytes).toBeLessThan(4.5 * 1024);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('an unreachable server: a clear message, nothing lost, published when it is back (hourly retry)', async () => {
    const setup = setupFeed();
    const [first] = await plannedRunner(setup);
    const { subscribeUrl } = (await withFeed(setup)).feed!;
    // Every request now fails as a refused connection does (the real one: the test below).
    setup.network.down = true;

    await setup.handlers.acceptSession({ sessionId: first!.id });
    await setup.settle();

    expect((await viewItem.getValue())!.feed?.status).toEqual({
      text: `Not published: Couldn’t reach the feed server at ${server.url}. It must be running there (npm run cli -- serve) and allow this extension. Ironstride tries again within the hour.`,
      tone: 'warn',
    });
    expect((await loadPublishState()).failure).toMatchObject({ kind: 'unreachable', attempts: 1 });
    expect(await accepted()).toHaveLength(1);
    expect(await loadFeedConnection()).toMatchObject({ subscribeUrl });

    // Back up: a new start of the worker does not retry the same failure; the hourly alarm does.
    setup.network.down = false;
    setup.network.requests.length = 0;
    await setup.service.runFeedPublish();
    expect(setup.network.requests).toEqual([]);
    await setup.service.runFeedPublish({ retry: true });
    expect(setup.network.requests).toEqual(['PUT /api/feeds/:id']);
    expect((await viewItem.getValue())!.feed?.status.text).toBe(
      'Published 1 session · feed updated 06:00',
    );
    expect(readFeed((await download(subscribeUrl)).text).map((e) => e.ironstrideSessionId)).toEqual(
      [first!.id],
    );
  });

  it('a publish the worker never got to (stopped during the quiet period) runs at the next start', async () => {
    const setup = setupFeed();
    const [first] = await plannedRunner(setup);
    const { subscribeUrl } = (await withFeed(setup)).feed!;
    await setup.handlers.acceptSession({ sessionId: first!.id });
    expect(setup.timers.pending()).toBe(1);

    // The worker stops: its timer dies with it. A new one starts from storage alone.
    const restarted = setupFeed();
    await restarted.service.runFeedPublish();

    expect(readFeed((await download(subscribeUrl)).text).map((e) => e.ironstrideSessionId)).toEqual(
      [first!.id],
    );
    expect(restarted.network.requests).toEqual(['PUT /api/feeds/:id']);
  });

  it('a publish the worker was stopped in the middle of is sent again at the next start', async () => {
    const setup = setupFeed();
    const [first] = await plannedRunner(setup);
    await setup.handlers.acceptSession({ sessionId: first!.id });
    const { subscribeUrl } = (await withFeed(setup)).feed!;
    // Stopped after marking the publish as running, before the server's answer was stored.
    const state = await loadPublishState();
    await feedPublishItem.setValue({
      running: { hash: state.published!.hash, count: 1, startedAt: NOW },
    });
    await setup.handlers.skipSession({ sessionId: first!.id });

    const restarted = setupFeed();
    await restarted.service.runFeedPublish();

    expect(readFeed((await download(subscribeUrl)).text)).toEqual([]);
    expect((await loadPublishState()).running).toBeUndefined();
  });

  it('refuses to create a feed on an address that is not a server, or that does not answer', async () => {
    const setup = setupFeed();
    await expect(
      setup.handlers.createFeed({ serverUrl: `${server.url}/api/feeds` }),
    ).rejects.toThrow(/without a path such as \/api\/feeds/);
    await expect(setup.handlers.createFeed({ serverUrl: 'http://127.0.0.1:9' })).rejects.toThrow(
      'Could not create the feed: Couldn’t reach the feed server at http://127.0.0.1:9. It must be running there (npm run cli -- serve) and allow this extension.',
    );
    expect(await feedItem.getValue()).toBeNull();
    const second = await setup.handlers.createFeed({ serverUrl: server.url });
    expect(second.feed).toBeDefined();
    await expect(setup.handlers.createFeed({ serverUrl: server.url })).rejects.toThrow(
      /already has a feed/,
    );
  });
});
