/**
 * What Publish sends: the accepted sessions as SPEC §8's plan JSON prints them (the same
 * `serializeSession` as `plan --format json`, without the other slots it offers), in the body
 * SPEC §9's PUT takes. Pure.
 */
import { CALENDAR_NAME } from '../../calendar/calendar-name';
import { hashString } from '../../calendar/ics/hash';
import { serializeSession } from '../../core/plan/plan-json';
import { DAY_MS } from '../../core/time';
import type { StoredSession } from '../storage';
import type { FeedBody } from './client';

/** The feed's calendar name (X-WR-CALNAME), as Google writing names its calendar. */
export const FEED_NAME = CALENDAR_NAME;

/**
 * Sessions further back are left out: a subscribed calendar keeps a year of history, and the
 * server refuses sessions more than two years old (`src/server/feed-body.ts`).
 */
export const FEED_HISTORY_DAYS = 366;
/** The server's cap on sessions in one feed (SPEC §9). */
export const FEED_MAX_SESSIONS = 1000;

export interface FeedBodyResult {
  body: FeedBody;
  /** Identifies the content: equal hashes, equal feeds. */
  hash: string;
  count: number;
}

/** The PUT body for the runner's accepted sessions at `now`, and its hash. */
export function buildFeedBody(
  sessions: readonly StoredSession[],
  timeZone: string,
  now: number,
): FeedBodyResult {
  const since = now - FEED_HISTORY_DAYS * DAY_MS;
  const accepted = sessions
    .filter((s) => s.status === 'accepted' && s.end > since)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id))
    // The newest ones when there are ever too many: the coming weeks matter most.
    .slice(-FEED_MAX_SESSIONS);
  const body: FeedBody = {
    name: FEED_NAME,
    timezone: timeZone,
    sessions: accepted.map((s) => {
      // Other slots are the popup's business, not a calendar's; and every re-plan refreshes them,
      // which would publish a new version of an unchanged feed.
      const { alternatives: _others, ...session } = serializeSession(s, timeZone);
      return session;
    }),
  };
  return { body, hash: hashString(JSON.stringify(body)), count: accepted.length };
}
