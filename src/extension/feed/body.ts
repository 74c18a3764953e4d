/**
 * What Publish sends: the accepted sessions in the body SPEC §9's PUT takes, each as SPEC §8's
 * plan JSON prints it (the same `serializeSession` as `plan --format json`) less what a calendar
 * never shows. Pure.
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
/** The server's cap on a PUT body (`MAX_BODY_BYTES` in `src/server/feed-body.ts`). */
export const FEED_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface FeedBodyResult {
  body: FeedBody;
  /** Identifies the content: equal hashes, equal feeds. */
  hash: string;
  /**
   * The hash of the body before sessions were left out for size (equal to `hash` when none
   * were): what a view that knows nothing of byte limits compares with.
   */
  fullHash: string;
  /** Sessions in the body. */
  count: number;
  /** Accepted sessions of the last year left out because the body would be too large. */
  omitted: number;
  /** The body as sent (JSON), and its size in UTF-8 bytes. */
  text: string;
  bytes: number;
}

type SessionJson = Record<string, unknown>;

/**
 * A session as the feed needs it. The description already holds the exercises and the reasons
 * as the calendar shows them, so they are sent only when there is no description (the server
 * then writes one from them); the phase, the block and the other slots are the popup's business, and every
 * re-plan refreshes the slots, which would publish a new version of an unchanged feed. About
 * 1.9 KB instead of 3.4 KB a session.
 */
function feedSession(session: StoredSession, timeZone: string): SessionJson {
  const {
    alternatives: _slots,
    phase: _phase,
    block: _block,
    exercises,
    reasons,
    ...rest
  } = serializeSession(session, timeZone);
  return rest.description.trim() === '' ? { ...rest, reasons, exercises } : rest;
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * The PUT body for the runner's accepted sessions at `now`, and its hash: the newest sessions
 * that fit both the count limit and `maxBytes` (the coming weeks matter most).
 */
export function buildFeedBody(
  sessions: readonly StoredSession[],
  timeZone: string,
  now: number,
  maxBytes = FEED_MAX_BODY_BYTES,
): FeedBodyResult {
  const since = now - FEED_HISTORY_DAYS * DAY_MS;
  const recent = sessions
    .filter((s) => s.status === 'accepted' && s.end > since)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  const accepted = recent.slice(-FEED_MAX_SESSIONS);
  const items = accepted.map((s) => JSON.stringify(feedSession(s, timeZone)));
  const envelope = (list: readonly string[]) =>
    `{"name":${JSON.stringify(FEED_NAME)},"timezone":${JSON.stringify(timeZone)},"sessions":[${list.join(',')}]}`;
  // Dropped oldest first until it fits: sizes are summed once, not re-serialised per drop. The
  // newest session always stays: an empty body would empty the runner's calendar, while one
  // the server refuses leaves it as it was (and says why).
  let bytes = utf8Length(envelope(items));
  let first = 0;
  while (bytes > maxBytes && first < items.length - 1) {
    // The session and the comma after it (the loop never drops the last one).
    bytes -= utf8Length(items[first] ?? '') + 1;
    first += 1;
  }
  const kept = items.slice(first);
  const text = envelope(kept);
  const body: FeedBody = JSON.parse(text) as FeedBody;
  const hash = hashString(text);
  return {
    body,
    hash,
    fullHash: first === 0 ? hash : hashString(envelope(items)),
    count: kept.length,
    omitted: recent.length - kept.length,
    text,
    bytes: utf8Length(text),
  };
}
