/**
 * The PUT body (SPEC §9): `{name, timezone, sessions}` with sessions exactly as `plan --format
 * json` prints them (SPEC §8), validated once here; everything after trusts the types.
 */
import { z } from 'zod';
import { planSessionJsonSchema } from '../core/plan/plan-json';
import { isValidTimeZone } from '../core/time';
import type { FeedContent } from './feed-render';

export const MAX_BODY_BYTES = 256 * 1024;
export const MAX_SESSIONS = 1000;
/** A strength session, however long, fits in a day; longer means a mistake in the client. */
const MAX_SESSION_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Sessions must lie near the present. The writer adds VTIMEZONE rules for every year between the
 * earliest and latest session, so one session in year 1 and one in 9999 would cost ~17 s of CPU
 * per render; this window keeps a render to milliseconds.
 */
export const SESSION_WINDOW = { pastDays: 2 * 366, futureDays: 5 * 366 } as const;

/** Canonical spelling ("europe/london" → "Europe/London"), so the VTIMEZONE's TZID is the real one. */
function canonicalZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

const feedBodySchema = z.object({
  name: z
    .string({ error: 'expected the feed name as a string' })
    .trim()
    .min(1, 'enter a name for the feed')
    .max(200, 'at most 200 characters'),
  timezone: z
    .string({ error: 'expected an IANA time zone such as "Europe/London"' })
    .max(100)
    .refine(
      isValidTimeZone,
      'not a time zone this server knows; use an IANA name such as "Europe/London"',
    )
    .transform(canonicalZone),
  sessions: z.array(planSessionJsonSchema, {
    error: 'expected "sessions" to be an array of session objects',
  }),
});

export type FeedBodyResult =
  | { ok: true; content: FeedContent }
  | { ok: false; status: 400 | 413; code: 'invalid-body' | 'too-many-sessions'; message: string };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  }
  return out || 'body';
}

const invalid = (message: string): FeedBodyResult => ({
  ok: false,
  status: 400,
  code: 'invalid-body',
  message,
});

/**
 * Validates a parsed JSON body against SPEC §9 and the server's limits, at `now` (epoch ms).
 * Messages name the field: `sessions[3].start: Invalid ISO datetime`.
 */
export function parseFeedBody(raw: unknown, now: number): FeedBodyResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid('expected a JSON object {"name", "timezone", "sessions"}');
  }
  const sessions = (raw as { sessions?: unknown }).sessions;
  // Counted before validating each one: no point checking 50 000 sessions to refuse them.
  if (Array.isArray(sessions) && sessions.length > MAX_SESSIONS) {
    return {
      ok: false,
      status: 413,
      code: 'too-many-sessions',
      message: `a feed holds at most ${MAX_SESSIONS} sessions; this body has ${sessions.length}`,
    };
  }
  const parsed = feedBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
    return invalid(`${shown.join('; ')}${more}`);
  }
  const content = parsed.data;
  const seen = new Set<string>();
  const earliest = now - SESSION_WINDOW.pastDays * DAY_MS;
  const latest = now + SESSION_WINDOW.futureDays * DAY_MS;
  for (const [i, session] of content.sessions.entries()) {
    // The id becomes the event's UID: two sessions with one id would be one event to a calendar.
    if (seen.has(session.id))
      return invalid(
        `sessions[${i}].id: "${session.id}" appears twice; session ids must be unique`,
      );
    seen.add(session.id);
    const start = Date.parse(session.start);
    const end = Date.parse(session.end);
    if (end - start > MAX_SESSION_MS)
      return invalid(`sessions[${i}].end: a session lasts at most 24 hours`);
    if (start < earliest || end > latest) {
      return invalid(
        `sessions[${i}].start: sessions must fall within 2 years before and 5 years after today`,
      );
    }
  }
  return { ok: true, content };
}
