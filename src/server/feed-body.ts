/**
 * The PUT body (SPEC §9): `{name, timezone, sessions}` with sessions exactly as `plan --format
 * json` prints them (SPEC §8), validated once here; everything after trusts the types.
 */
import { z } from 'zod';
import { planSessionJsonSchema } from '../core/plan/plan-json';
import { isValidTimeZone } from '../core/time';
import type { FeedContent } from './feed-render';

/**
 * A season: 1000 sessions as `plan --format json` prints them (about 3.4 KB each, alternatives
 * included) fit with room to spare. The count limit, not the bytes, is what a real client meets.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
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

export type FeedBodyError = {
  ok: false;
  status: 400 | 413;
  code: 'invalid-json' | 'invalid-body' | 'too-many-sessions';
  message: string;
};

export type FeedBodyResult = { ok: true; content: FeedContent } | FeedBodyError;

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? String(part) : `.${String(part)}`;
  }
  return out || 'body';
}

const invalid = (message: string): FeedBodyError => ({
  ok: false,
  status: 400,
  code: 'invalid-body',
  message,
});

/**
 * Control characters other than tab and line breaks have no business in calendar text (RFC 5545
 * §3.1 forbids them in content lines), and NUL is refused by PostgreSQL's text and jsonb: refused
 * here, naming the field, rather than failing deeper down.
 */
const CONTROL = /[\p{Cc}]/u;
const ALLOWED_CONTROL = new Set(['\t', '\n', '\r']);

function controlCharacterIn(text: string): string | undefined {
  if (!CONTROL.test(text)) return undefined;
  for (const c of text) {
    if (CONTROL.test(c) && !ALLOWED_CONTROL.has(c)) {
      return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return undefined;
}

/** The first text field holding a forbidden control character, as `path: message`. */
function findControlCharacter(content: FeedContent): string | undefined {
  const fields: [string, string][] = [['name', content.name]];
  content.sessions.forEach((s, i) => {
    fields.push([`sessions[${i}].title`, s.title], [`sessions[${i}].description`, s.description]);
    s.reasons.forEach((r, j) => fields.push([`sessions[${i}].reasons[${j}]`, r]));
    s.exercises.forEach((e, j) => {
      fields.push([`sessions[${i}].exercises[${j}].name`, e.name]);
      fields.push([`sessions[${i}].exercises[${j}].cue`, e.cue]);
    });
  });
  for (const [path, text] of fields) {
    const found = controlCharacterIn(text);
    if (found) return `${path}: contains the control character ${found}; remove it`;
  }
  return undefined;
}

/** Parses the raw bytes of a PUT body as JSON, then {@link parseFeedBody}. */
export function parseFeedBodyBytes(bytes: Uint8Array, now: number): FeedBodyResult {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'not UTF-8 text';
    return {
      ok: false,
      status: 400,
      code: 'invalid-json',
      message: `The body is not valid JSON (${reason}).`,
    };
  }
  return parseFeedBody(raw, now);
}

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
  const control = findControlCharacter(content);
  if (control) return invalid(control);
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
