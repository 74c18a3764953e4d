import { describe, expect, it } from 'vitest';
import { buildSession, describeSession } from '../../src/core/exercises';
import { planSessionJsonSchema } from '../../src/core/plan/plan-json';
import { buildFeedBody, FEED_NAME } from '../../src/extension/feed/body';
import { shouldPublish } from '../../src/extension/feed/publisher';
import type { FeedConnection, FeedPublishState } from '../../src/extension/feed/storage';
import { feedStatusLine, formatUpdatedAt } from '../../src/extension/feed/view';
import type { StoredSession } from '../../src/extension/storage';

const DAY = 86_400_000;
/** Monday 3 May 2027, 06:00 in London. */
const NOW = Date.UTC(2027, 4, 3, 5, 0);
const ZONE = 'Europe/London';

function makeStored(i: number, overrides: Partial<StoredSession> = {}): StoredSession {
  const content = buildSession({
    phase: 'base',
    equipment: ['dumbbells'],
    minutes: 40,
    week: 0,
    variant: i,
  });
  const reasons = ['Tuesday: same day as your intervals, 9 h after'];
  const start = NOW + (i + 1) * DAY + 12 * 3_600_000;
  return {
    id: `s20270503-${i}`,
    weekStart: '2027-05-03',
    start,
    end: start + 40 * 60_000,
    title: content.title,
    description: describeSession(content, { reasons }),
    phase: 'base',
    load: 'moderate',
    reasons,
    content,
    alternatives: [
      { start: start + DAY, end: start + DAY + 40 * 60_000, reasons: ['another day'] },
    ],
    status: 'accepted',
    ...overrides,
  };
}

const CONNECTION: FeedConnection = {
  serverUrl: 'http://127.0.0.1:8787',
  feedId: 'feed',
  writeToken: 'token-that-is-long-enough',
  subscribeUrl: 'http://127.0.0.1:8787/feeds/feed.ics',
  webcalUrl: 'webcal://127.0.0.1:8787/feeds/feed.ics',
  createdAt: NOW,
};

describe('buildFeedBody', () => {
  it('sends the accepted sessions as the plan JSON prints them, without the other slots', () => {
    const sessions = [
      makeStored(0),
      makeStored(1, { status: 'suggested' }),
      makeStored(2, { status: 'skipped' }),
      makeStored(3),
    ];

    const { body, count } = buildFeedBody(sessions, ZONE, NOW);

    expect(body.name).toBe(FEED_NAME);
    expect(body.timezone).toBe(ZONE);
    expect(count).toBe(2);
    const [first] = body.sessions as Record<string, unknown>[];
    expect(Object.keys(first!).sort()).toEqual(
      [
        'block',
        'description',
        'end',
        'exercises',
        'id',
        'load',
        'phase',
        'reasons',
        'start',
        'title',
      ].sort(),
    );
    expect(first).toMatchObject({
      id: 's20270503-0',
      start: '2027-05-04T18:00:00+01:00',
      end: '2027-05-04T18:40:00+01:00',
    });
    // What the server validates a PUT with.
    for (const session of body.sessions)
      expect(planSessionJsonSchema.safeParse(session).success).toBe(true);
  });

  it('leaves out sessions older than a year, and hashes equal content equally', () => {
    const old = makeStored(0, {
      id: 'old',
      start: NOW - 400 * DAY,
      end: NOW - 400 * DAY + 40 * 60_000,
    });
    const recent = makeStored(1);

    const a = buildFeedBody([old, recent], ZONE, NOW);
    const b = buildFeedBody([recent, old], ZONE, NOW);
    const moved = buildFeedBody(
      [{ ...recent, start: recent.start + DAY, end: recent.end + DAY }],
      ZONE,
      NOW,
    );
    const otherSlots = buildFeedBody([{ ...recent, alternatives: [] }], ZONE, NOW);

    expect((a.body.sessions as { id: string }[]).map((s) => s.id)).toEqual([recent.id]);
    expect(b.hash).toBe(a.hash);
    expect(moved.hash).not.toBe(a.hash);
    // A re-plan refreshes the other slots of an accepted session: the feed doesn't change.
    expect(otherSlots.hash).toBe(a.hash);
  });
});

describe('shouldPublish', () => {
  const failure = (kind: NonNullable<FeedPublishState['failure']>['kind'], hash = 'h1') => ({
    failure: { hash, at: NOW, kind, message: '…', attempts: 1 },
  });

  it.each<[string, FeedPublishState, 'auto' | 'start' | 'alarm', boolean]>([
    ['never published', {}, 'auto', true],
    ['already has these sessions', { published: { hash: 'h1', count: 2, at: NOW } }, 'auto', false],
    ['has older sessions', { published: { hash: 'h0', count: 2, at: NOW } }, 'start', true],
    [
      'a publish was interrupted',
      {
        published: { hash: 'h1', count: 2, at: NOW },
        running: { hash: 'h1', count: 2, startedAt: NOW },
      },
      'start',
      true,
    ],
    ['unreachable, same sessions, at a start', failure('unreachable'), 'start', false],
    ['unreachable, same sessions, on the alarm', failure('unreachable'), 'alarm', true],
    ['unreachable, then the sessions changed', failure('unreachable', 'h0'), 'auto', true],
    ['refused body, on the alarm', failure('refused'), 'alarm', false],
    ['refused body, then the sessions changed', failure('refused', 'h0'), 'auto', true],
    ['refused key, sessions changed', failure('unauthorized', 'h0'), 'auto', false],
    ['refused key, on the alarm', failure('unauthorized'), 'alarm', false],
    ['feed gone, sessions changed', failure('not-found', 'h0'), 'alarm', false],
  ])('%s → %s', (_name, state, mode, expected) => {
    expect(shouldPublish(state, 'h1', mode)).toBe(expected);
  });
});

describe('feedStatusLine', () => {
  const desired = { hash: 'h1', count: 2 };
  const line = (publish: FeedPublishState, want = desired) =>
    feedStatusLine({ connection: CONNECTION, publish, desired: want, now: NOW, timeZone: ZONE });

  it.each<[string, FeedPublishState, string, string]>([
    [
      'published',
      { published: { hash: 'h1', count: 2, at: NOW - 3_600_000 } },
      'Published 2 sessions · feed updated 05:00',
      'ok',
    ],
    [
      'published yesterday',
      { published: { hash: 'h1', count: 1, at: NOW - DAY } },
      'Published 1 session · feed updated Sun 2 May, 06:00',
      'ok',
    ],
    [
      'waiting for the quiet period',
      { published: { hash: 'h0', count: 1, at: NOW } },
      'Publishing 2 sessions in a moment…',
      'busy',
    ],
    [
      'running',
      { running: { hash: 'h1', count: 2, startedAt: NOW } },
      'Publishing 2 sessions…',
      'busy',
    ],
    [
      'unreachable',
      {
        failure: {
          hash: 'h1',
          at: NOW,
          kind: 'unreachable',
          message: 'Couldn’t reach the feed server at X.',
          attempts: 2,
        },
      },
      'Not published: Couldn’t reach the feed server at X. Ironstride tries again within the hour.',
      'warn',
    ],
    [
      'a refused key, whatever changed since',
      {
        failure: {
          hash: 'h0',
          at: NOW,
          kind: 'unauthorized',
          message: 'This browser’s feed key was refused — create a new feed in Settings.',
          attempts: 1,
        },
      },
      'Not published: This browser’s feed key was refused — create a new feed in Settings.',
      'error',
    ],
  ])('%s', (_name, publish, text, tone) => {
    expect(line(publish)).toEqual({ text, tone });
  });

  it('speaks of an empty feed as one, not as zero sessions', () => {
    const empty = { hash: 'e', count: 0 };
    expect(line({ published: { hash: 'e', count: 0, at: NOW } }, empty)?.text).toBe(
      'No accepted sessions to publish yet · feed updated 06:00',
    );
    expect(line({}, empty)?.text).toBe('Updating the feed in a moment…');
  });

  it('says nothing without a feed', () => {
    expect(
      feedStatusLine({ connection: null, publish: {}, desired, now: NOW, timeZone: ZONE }),
    ).toBeUndefined();
  });
});

describe('formatUpdatedAt', () => {
  it('gives the time today and the day with the time before, in the runner’s zone', () => {
    expect(formatUpdatedAt(NOW, NOW, ZONE)).toBe('06:00');
    expect(formatUpdatedAt(NOW, NOW, 'America/New_York')).toBe('01:00');
    expect(formatUpdatedAt(NOW - 7 * 3_600_000, NOW, ZONE)).toBe('Sun 2 May, 23:00');
  });
});
