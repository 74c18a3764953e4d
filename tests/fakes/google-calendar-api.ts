/**
 * A faithful, in-memory fake of the slice of Google Calendar API v3 Ironstride uses, served over
 * real HTTP on 127.0.0.1 (random port) so both transports (fetch and googleapis) run against it
 * unchanged: point `rootUrl` / `IRONSTRIDE_GOOGLE_ROOT_URL` at `fake.rootUrl`.
 *
 * Implemented as Google documents and behaves (https://developers.google.com/calendar/api/v3/reference):
 * - `GET users/me/calendarList` (paging), `POST calendars`, `GET calendars/{id}`;
 * - `GET|POST calendars/{id}/events`, `GET|PATCH|PUT|DELETE calendars/{id}/events/{eventId}`;
 * - caller-chosen ids must be base32hex (`a-v0-9`), 5–1024 long, else 400 `invalid`;
 * - deleted events stay, `status: "cancelled"`, and keep their id reserved: insert → 409
 *   `duplicate`; delete again → 410 `deleted`; `get` still returns them;
 * - `events.list`: `maxResults` (default 250, at most 2500) + `pageToken`/`nextPageToken`;
 *   `timeMin`/`timeMax` (RFC 3339 with offset); `singleEvents` (RRULE DAILY/WEEKLY with
 *   INTERVAL, COUNT, UNTIL, BYDAY expanded; instance ids `<id>_<UTC stamp>`); `showDeleted`;
 *   `privateExtendedProperty` (all must match); `orderBy=startTime` (needs singleEvents);
 *   `syncToken` → only what changed, deletions included; refused with timeMin, timeMax,
 *   property filters or orderBy; after {@link FakeGoogleCalendar.invalidateSyncTokens}, 410
 *   `fullSyncRequired`;
 * - PATCH merges objects (arrays and given fields replace, `null` clears), PUT replaces;
 *   `sequence` goes up on changes that matter to attendees, `updated`/`etag` on every write;
 * - `Authorization: Bearer <token>` required; anything else → 401 with Google's body;
 * - error bodies shaped like Google's: `{error: {code, message, errors: [{domain, reason, message}], status}}`;
 * - CORS preflight and headers, so extension pages and browser tests can call it.
 *
 * Fault injection, per request (seeded, so runs repeat): 401, 403 `rateLimitExceeded` /
 * `userRateLimitExceeded`, 429 with `Retry-After`, 500, 503, and "commit then fail" — the write
 * happens but the answer is a 503 or a dropped connection, the lost answer that makes a client
 * meet its own insert as a 409.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { calendar_v3 } from '@googleapis/calendar';
import {
  addDays,
  dateInZone,
  daysBetween,
  isValidTimeZone,
  minutesInZone,
  parseDate,
  startOfDayInstant,
  weekdayOf,
  zonedInstant,
} from '../../src/core/time';

export type FakeEvent = calendar_v3.Schema$Event;
export type FakeCalendarListEntry = calendar_v3.Schema$CalendarListEntry;

/** What a fault does to one request. */
export type FaultKind =
  | '401'
  | '403-rate'
  | '403-user-rate'
  | '429'
  | '500'
  | '503'
  /** The write is applied, then the answer is a 503 (a GET just gets the 503). */
  | 'commit-then-503'
  /** The write is applied, then the connection is dropped without an answer. */
  | 'commit-then-reset';

export const DEFAULT_FAULT_KINDS: readonly FaultKind[] = [
  '401',
  '403-rate',
  '403-user-rate',
  '429',
  '500',
  '503',
  'commit-then-503',
];

export interface FaultOptions {
  /** Probability in [0, 1] that a request gets a fault. */
  rate: number;
  /** PRNG seed (default 1): the same seed and requests give the same faults. */
  seed?: number;
  /** Which faults to choose from, uniformly (default {@link DEFAULT_FAULT_KINDS}). */
  kinds?: readonly FaultKind[];
}

export interface FakeGoogleCalendarOptions {
  /** Valid bearer tokens (default `['fake-token']`). */
  tokens?: string[];
  faults?: FaultOptions | null;
  /** `Retry-After` sent with 429 (default 1). */
  retryAfterSeconds?: number;
  /** The account, which is also the primary calendar's id (default runner@example.com). */
  accountEmail?: string;
  /** The primary calendar's zone (default Europe/London). */
  timeZone?: string;
  /**
   * Answer deleted events with only `kind`, `etag`, `id`, `status`, `updated` and let property
   * filters miss them — all Google guarantees about deleted events.
   */
  stripDeletedEvents?: boolean;
  /** For `created`/`updated` (default Date.now). */
  now?: () => number;
}

export interface FakeRequestRecord {
  method: string;
  /** Path after `/calendar/v3/`, decoded segments joined with `/`. */
  path: string;
  query: Record<string, string[]>;
  status: number;
  fault?: FaultKind;
  /** Whether the request changed state (a fault after commit included). */
  committed: boolean;
}

export interface NewFakeCalendar {
  id?: string;
  summary: string;
  description?: string;
  timeZone?: string;
  accessRole?: 'owner' | 'writer' | 'reader' | 'freeBusyReader';
  primary?: boolean;
}

export interface FakeGoogleCalendar {
  /** e.g. `http://127.0.0.1:43121/` — the API root, as googleapis' `rootUrl`. */
  readonly rootUrl: string;
  /** The first valid token. */
  readonly token: string;
  readonly primaryCalendarId: string;
  /** Every request, in order. */
  readonly requests: FakeRequestRecord[];
  close(): Promise<void>;
  /** Back to an empty primary calendar; faults off; tokens, requests and sync tokens reset. */
  reset(): void;
  addCalendar(calendar: NewFakeCalendar): string;
  /** Inserts as `events.insert` would (same validation), bypassing auth and faults. */
  seedEvent(calendarId: string, event: FakeEvent): FakeEvent;
  /** Deep copies of the stored events (cancelled ones only when asked). */
  storedEvents(calendarId: string, options?: { includeDeleted?: boolean }): FakeEvent[];
  storedEvent(calendarId: string, eventId: string): FakeEvent | undefined;
  calendarList(): FakeCalendarListEntry[];
  /** What the runner does in Google Calendar's UI: delete (→ cancelled) or edit an event. */
  deleteEventAsUser(calendarId: string, eventId: string): void;
  updateEventAsUser(calendarId: string, eventId: string, patch: FakeEvent): FakeEvent;
  setFaults(faults: FaultOptions | null): void;
  /** Scripted faults for the next matching requests, before any random ones. */
  failNext(kinds: FaultKind | FaultKind[], match?: { method?: string; path?: RegExp }): void;
  setTokens(tokens: string[]): void;
  /** Every sync token issued so far now answers 410 `fullSyncRequired`. */
  invalidateSyncTokens(): void;
}

// ---------------------------------------------------------------------------------------------
// Errors shaped like Google's

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly domain = 'global',
    readonly headers: Record<string, string> = {},
    readonly topMessage = message,
  ) {
    super(message);
  }

  body(): unknown {
    return {
      error: {
        code: this.code,
        message: this.topMessage,
        errors: [{ domain: this.domain, reason: this.reason, message: this.message }],
        ...(STATUS_NAMES[this.code] ? { status: STATUS_NAMES[this.code] } : {}),
      },
    };
  }
}

const badRequest = (message: string, reason = 'invalid') => new HttpError(400, reason, message);
const notFound = () => new HttpError(404, 'notFound', 'Not Found');

function faultError(kind: FaultKind, retryAfterSeconds: number): HttpError {
  switch (kind) {
    case '401':
      return unauthorized();
    case '403-rate':
      return new HttpError(403, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits');
    case '403-user-rate':
      return new HttpError(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', 'usageLimits');
    case '429':
      return new HttpError(429, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits', {
        'retry-after': String(retryAfterSeconds),
      });
    case '500':
      return new HttpError(500, 'backendError', 'Backend Error');
    case '503':
    case 'commit-then-503':
    case 'commit-then-reset':
      return new HttpError(
        503,
        'backendError',
        'Backend Error',
        'global',
        {},
        'The service is currently unavailable.',
      );
  }
}

function unauthorized(): HttpError {
  return new HttpError(
    401,
    'authError',
    'Invalid Credentials',
    'global',
    { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  );
}

// ---------------------------------------------------------------------------------------------
// Helpers

const EVENT_ID_RE = /^[a-v0-9]{5,1024}$/;
const RFC3339_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const LOCAL_DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

function randomBase32Hex(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += BASE32HEX[b & 31];
  return out;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PATCH semantics: objects merge, arrays and scalars replace, `null` clears the field. */
function mergePatch(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out = new Map(Object.entries(target));
  for (const [key, value] of Object.entries(patch)) {
    const current = out.get(key);
    if (value === null) out.delete(key);
    else if (isPlainObject(value) && isPlainObject(current))
      out.set(key, mergePatch(current, value));
    else out.set(key, clone(value));
  }
  return Object.fromEntries(out);
}

function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodeToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function stampUtc(instant: number): string {
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

// ---------------------------------------------------------------------------------------------
// State

interface StoredEvent {
  resource: FakeEvent;
  /** Change sequence of the last write; sync tokens count in it. */
  seq: number;
}

interface StoredCalendar {
  id: string;
  summary: string;
  description?: string;
  timeZone: string;
  accessRole: string;
  primary: boolean;
  etagSeq: number;
  events: Map<string, StoredEvent>;
}

interface PageState {
  calendarId: string;
  items: FakeEvent[];
  nextSyncToken?: string;
}

interface Occurrence {
  start: number;
  end: number;
}

/** Starts the fake; `close()` it after the tests. */
export async function startFakeGoogleCalendar(
  options: FakeGoogleCalendarOptions = {},
): Promise<FakeGoogleCalendar> {
  const now = options.now ?? (() => Date.now());
  const accountEmail = options.accountEmail ?? 'runner@example.com';
  const primaryZone = options.timeZone ?? 'Europe/London';
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const stripDeleted = options.stripDeletedEvents ?? false;

  let tokens = new Set(options.tokens ?? ['fake-token']);
  let calendars = new Map<string, StoredCalendar>();
  let seq = 0;
  let syncEpoch = 1;
  let pages = new Map<string, PageState>();
  let faults: FaultOptions | null = options.faults ?? null;
  let random = mulberry32(faults?.seed ?? 1);
  let scripted: { kind: FaultKind; method?: string; path?: RegExp }[] = [];
  let last401 = false;
  const requests: FakeRequestRecord[] = [];

  function addCalendar(input: NewFakeCalendar): string {
    const id = input.id ?? `${randomBase32Hex(26)}@group.calendar.google.com`;
    const timeZone = input.timeZone ?? 'UTC';
    if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown zone ${timeZone}`);
    calendars.set(id, {
      id,
      summary: input.summary,
      ...(input.description === undefined ? {} : { description: input.description }),
      timeZone,
      accessRole: input.accessRole ?? 'owner',
      primary: input.primary ?? false,
      etagSeq: ++seq,
      events: new Map(),
    });
    return id;
  }

  function resetState(): void {
    tokens = new Set(options.tokens ?? ['fake-token']);
    calendars = new Map();
    seq = 0;
    syncEpoch++;
    pages = new Map();
    faults = null;
    scripted = [];
    last401 = false;
    requests.length = 0;
    addCalendar({ id: accountEmail, summary: accountEmail, timeZone: primaryZone, primary: true });
  }
  resetState();
  faults = options.faults ?? null;
  random = mulberry32(faults?.seed ?? 1);

  function calendarFor(id: string): StoredCalendar {
    const calendar = calendars.get(id === 'primary' ? accountEmail : id);
    if (!calendar) throw notFound();
    return calendar;
  }

  function listEntry(c: StoredCalendar): FakeCalendarListEntry {
    return {
      kind: 'calendar#calendarListEntry',
      etag: `"${c.etagSeq}"`,
      id: c.id,
      summary: c.summary,
      ...(c.description === undefined ? {} : { description: c.description }),
      timeZone: c.timeZone,
      colorId: '14',
      backgroundColor: '#9fe1e7',
      foregroundColor: '#000000',
      selected: true,
      accessRole: c.accessRole,
      defaultReminders: c.primary ? [{ method: 'popup', minutes: 10 }] : [],
      ...(c.primary ? { primary: true } : {}),
    };
  }

  // --- time ---------------------------------------------------------------------------------

  function readTime(
    value: calendar_v3.Schema$EventDateTime | undefined,
    which: 'start' | 'end',
    calendar: StoredCalendar,
  ): { allDay: boolean; instant: number; date?: string } {
    if (!value || (!value.date && !value.dateTime)) {
      throw badRequest(`Missing ${which} time.`, 'required');
    }
    if (value.date) {
      if (!DATE_RE.test(value.date)) throw badRequest(`Invalid ${which} time.`);
      try {
        parseDate(value.date);
      } catch {
        throw badRequest(`Invalid ${which} time.`);
      }
      return {
        allDay: true,
        instant: startOfDayInstant(value.date, calendar.timeZone),
        date: value.date,
      };
    }
    const text = value.dateTime!;
    if (value.timeZone && !isValidTimeZone(value.timeZone))
      throw badRequest(`Invalid time zone definition for ${which} time.`);
    if (RFC3339_RE.test(text)) {
      const instant = Date.parse(text);
      if (!Number.isNaN(instant)) return { allDay: false, instant };
    }
    const local = LOCAL_DATETIME_RE.exec(text);
    if (local && value.timeZone) {
      return {
        allDay: false,
        instant: zonedInstant(local[1]!, Number(local[2]) * 60 + Number(local[3]), value.timeZone),
      };
    }
    if (local) throw badRequest(`Missing time zone definition for ${which} time.`, 'required');
    throw badRequest(`Invalid ${which} time.`);
  }

  function checkTimes(event: FakeEvent, calendar: StoredCalendar): void {
    const start = readTime(event.start, 'start', calendar);
    const end = readTime(event.end, 'end', calendar);
    if (start.allDay !== end.allDay) {
      throw badRequest('Start and end times must either both be date or both be dateTime.');
    }
    if (end.instant < start.instant || (start.allDay && end.instant === start.instant)) {
      throw badRequest('The specified time range is empty.', 'timeRangeEmpty');
    }
    if (event.recurrence?.length && !start.allDay && !event.start?.timeZone) {
      throw badRequest('Missing time zone definition for start time.', 'required');
    }
    for (const line of event.recurrence ?? []) parseRecurrenceLine(line);
  }

  // --- recurrence -----------------------------------------------------------------------------

  interface Rule {
    freq: 'DAILY' | 'WEEKLY';
    interval: number;
    count?: number;
    until?: number;
    byDay?: number[];
  }

  const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

  function parseRecurrenceLine(line: string): Rule | undefined {
    if (!line.startsWith('RRULE:')) {
      if (/^(EXDATE|RDATE|EXRULE)[;:]/.test(line)) return undefined;
      throw badRequest('Invalid recurrence rule.');
    }
    const parts = new Map(
      line
        .slice(6)
        .split(';')
        .map((p) => p.split('=') as [string, string]),
    );
    const freq = parts.get('FREQ');
    if (freq !== 'DAILY' && freq !== 'WEEKLY') throw badRequest('Invalid recurrence rule.');
    const rule: Rule = { freq, interval: Number(parts.get('INTERVAL') ?? 1) };
    if (parts.has('COUNT')) rule.count = Number(parts.get('COUNT'));
    const until = parts.get('UNTIL');
    if (until) {
      const m = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(until);
      if (!m) throw badRequest('Invalid recurrence rule.');
      rule.until = Date.UTC(
        +m[1]!,
        +m[2]! - 1,
        +m[3]!,
        +(m[5] ?? 23),
        +(m[6] ?? 59),
        +(m[7] ?? 59),
      );
    }
    const byDay = parts.get('BYDAY');
    if (byDay) {
      rule.byDay = byDay.split(',').map((d) => {
        const i = DAY_CODES.indexOf(d);
        if (i < 0) throw badRequest('Invalid recurrence rule.');
        return i;
      });
    }
    if (!(rule.interval >= 1) || (rule.count !== undefined && !(rule.count >= 1))) {
      throw badRequest('Invalid recurrence rule.');
    }
    return rule;
  }

  /** Instances of a recurring master, up to `horizon` (and at most 730). */
  function expand(master: FakeEvent, calendar: StoredCalendar, horizon: number): FakeEvent[] {
    const rule = (master.recurrence ?? [])
      .map(parseRecurrenceLine)
      .find((r): r is Rule => r !== undefined);
    const start = readTime(master.start, 'start', calendar);
    const end = readTime(master.end, 'end', calendar);
    if (!rule) return [];
    const zone = master.start?.timeZone ?? calendar.timeZone;
    const firstDate = start.allDay ? start.date! : dateInZone(start.instant, zone);
    const minutes = start.allDay ? 0 : minutesInZone(start.instant, zone);
    const days = rule.byDay ?? [weekdayOf(firstDate)];
    const out: FakeEvent[] = [];
    let emitted = 0;
    for (let offset = 0; offset < 3660 && out.length < 730; offset++) {
      const date = addDays(firstDate, offset);
      const include =
        rule.freq === 'DAILY'
          ? offset % rule.interval === 0
          : days.includes(weekdayOf(date)) &&
            Math.floor(daysBetween(weekStart(firstDate), date) / 7) % rule.interval === 0;
      if (!include) continue;
      const occ: Occurrence = start.allDay
        ? {
            start: startOfDayInstant(date, calendar.timeZone),
            end: startOfDayInstant(
              addDays(date, daysBetween(start.date!, end.date!)),
              calendar.timeZone,
            ),
          }
        : { start: zonedInstant(date, minutes, zone), end: 0 };
      if (!start.allDay) occ.end = occ.start + (end.instant - start.instant);
      if (rule.until !== undefined && occ.start > rule.until) break;
      if (rule.count !== undefined && emitted >= rule.count) break;
      if (occ.start >= horizon) break;
      emitted++;
      const id = `${master.id}_${start.allDay ? date.replace(/-/g, '') : stampUtc(occ.start)}`;
      const instance: FakeEvent = { ...clone(master), id };
      delete instance.recurrence;
      instance.recurringEventId = master.id ?? null;
      if (start.allDay) {
        instance.start = { date };
        instance.end = { date: addDays(date, daysBetween(start.date!, end.date!)) };
        instance.originalStartTime = { date };
      } else {
        const tz = master.start?.timeZone ?? undefined;
        instance.start = {
          dateTime: new Date(occ.start).toISOString().replace('.000Z', 'Z'),
          ...(tz ? { timeZone: tz } : {}),
        };
        instance.end = {
          dateTime: new Date(occ.end).toISOString().replace('.000Z', 'Z'),
          ...(master.end?.timeZone ? { timeZone: master.end.timeZone } : {}),
        };
        instance.originalStartTime = { ...instance.start };
      }
      out.push(instance);
    }
    return out;
  }

  function weekStart(date: string): string {
    // RFC 5545 WKST defaults to Monday.
    return addDays(date, -((weekdayOf(date) + 6) % 7));
  }

  // --- events ------------------------------------------------------------------------------------

  function present(event: FakeEvent): FakeEvent {
    if (stripDeleted && event.status === 'cancelled') {
      return {
        kind: 'calendar#event',
        etag: event.etag ?? null,
        id: event.id ?? null,
        status: 'cancelled',
        updated: event.updated ?? null,
      };
    }
    return clone(event);
  }

  /** A stored event, or an instance of a recurring one (`<masterId>_<stamp>`). */
  function findEvent(calendar: StoredCalendar, eventId: string): FakeEvent | undefined {
    const stored = calendar.events.get(eventId);
    if (stored) return stored.resource;
    const cut = eventId.lastIndexOf('_');
    if (cut < 0) return undefined;
    const master = calendar.events.get(eventId.slice(0, cut));
    if (!master?.resource.recurrence) return undefined;
    const instance = expand(master.resource, calendar, Number.MAX_SAFE_INTEGER).find(
      (i) => i.id === eventId,
    );
    if (instance && master.resource.status === 'cancelled') instance.status = 'cancelled';
    return instance;
  }

  function store(calendar: StoredCalendar, resource: FakeEvent): FakeEvent {
    const change = ++seq;
    resource.etag = `"${change}"`;
    calendar.events.set(resource.id!, { resource, seq: change });
    calendar.etagSeq = change;
    return resource;
  }

  const SERVER_FIELDS: readonly string[] = [
    'kind',
    'etag',
    'htmlLink',
    'created',
    'updated',
    'creator',
    'iCalUID',
  ];
  /** A copy of a request body without the fields only the server sets. */
  const withoutServerFields = (body: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(clone(body)).filter(([key]) => !SERVER_FIELDS.includes(key)));

  function insertEvent(calendar: StoredCalendar, body: unknown): FakeEvent {
    if (!isPlainObject(body)) throw badRequest('Parse Error', 'parseError');
    const event = withoutServerFields(body) as FakeEvent;
    if (event.id !== undefined && event.id !== null) {
      if (typeof event.id !== 'string' || !EVENT_ID_RE.test(event.id))
        throw badRequest('Invalid resource id value.');
      if (findEvent(calendar, event.id)) {
        throw new HttpError(409, 'duplicate', 'The requested identifier already exists.');
      }
    }
    checkTimes(event, calendar);
    const id = event.id ?? randomBase32Hex(26);
    const at = new Date(now()).toISOString();
    const resource: FakeEvent = {
      kind: 'calendar#event',
      ...event,
      id,
      status: event.status ?? 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${calendar.id}`).toString('base64url')}`,
      created: at,
      updated: at,
      creator: { email: accountEmail, self: true },
      organizer: event.organizer ?? {
        email: calendar.id,
        displayName: calendar.summary,
        self: true,
      },
      iCalUID: `${id}@google.com`,
      sequence: event.sequence ?? 0,
      reminders: event.reminders ?? { useDefault: true },
      eventType: event.eventType ?? 'default',
    };
    return store(calendar, resource);
  }

  const SIGNIFICANT = [
    'start',
    'end',
    'recurrence',
    'status',
    'summary',
    'description',
    'location',
  ] as const;

  function replaceStored(calendar: StoredCalendar, before: FakeEvent, after: FakeEvent): FakeEvent {
    checkTimes(after, calendar);
    const changed = SIGNIFICANT.some(
      (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
    );
    after.sequence = (before.sequence ?? 0) + (changed ? 1 : 0);
    after.updated = new Date(now()).toISOString();
    if (after.recurringEventId) {
      // Changing one occurrence makes it an exception stored on its own, as Google does.
      after.originalStartTime ??= before.originalStartTime;
    }
    return store(calendar, after);
  }

  function patchEvent(
    calendar: StoredCalendar,
    eventId: string,
    body: unknown,
    replace: boolean,
  ): FakeEvent {
    if (!isPlainObject(body)) throw badRequest('Parse Error', 'parseError');
    const before = findEvent(calendar, eventId);
    if (!before) throw notFound();
    if (body.id !== undefined && body.id !== null && body.id !== eventId)
      throw badRequest('Invalid resource id value.');
    const patch = withoutServerFields(body);
    const kept: FakeEvent = {
      kind: 'calendar#event',
      id: eventId,
      htmlLink: before.htmlLink ?? null,
      created: before.created ?? null,
      creator: before.creator ?? null,
      organizer: before.organizer ?? null,
      iCalUID: before.iCalUID ?? null,
      ...(before.recurringEventId ? { recurringEventId: before.recurringEventId } : {}),
      ...(before.originalStartTime ? { originalStartTime: before.originalStartTime } : {}),
    };
    const after = replace
      ? ({
          status: 'confirmed',
          reminders: { useDefault: true },
          eventType: 'default',
          ...patch,
          ...kept,
        } as FakeEvent)
      : ({ ...mergePatch(before as Record<string, unknown>, patch), ...kept } as FakeEvent);
    if (!after.status) after.status = 'confirmed';
    return replaceStored(calendar, before, after);
  }

  function deleteEvent(calendar: StoredCalendar, eventId: string): void {
    const before = findEvent(calendar, eventId);
    if (!before) throw notFound();
    if (before.status === 'cancelled')
      throw new HttpError(410, 'deleted', 'Resource has been deleted');
    const after: FakeEvent = { ...clone(before), status: 'cancelled' };
    replaceStored(calendar, before, after);
    if (before.recurrence) {
      // The occurrences changed on their own go with the series.
      for (const stored of calendar.events.values()) {
        if (
          stored.resource.recurringEventId === eventId &&
          stored.resource.status !== 'cancelled'
        ) {
          replaceStored(calendar, stored.resource, {
            ...clone(stored.resource),
            status: 'cancelled',
          });
        }
      }
    }
  }

  // --- list ----------------------------------------------------------------------------------------

  function eventWindow(event: FakeEvent, calendar: StoredCalendar): Occurrence {
    return {
      start: readTime(event.start, 'start', calendar).instant,
      end: readTime(event.end, 'end', calendar).instant,
    };
  }

  function parseBound(query: URLSearchParams, name: string): number | undefined {
    const text = query.get(name);
    if (text === null) return undefined;
    if (!RFC3339_RE.test(text) || Number.isNaN(Date.parse(text)))
      throw badRequest('Bad Request', 'badRequest');
    return Date.parse(text);
  }

  function listEvents(calendar: StoredCalendar, query: URLSearchParams): unknown {
    const maxRaw = query.get('maxResults');
    const maxResults = maxRaw === null ? 250 : Number(maxRaw);
    if (!Number.isInteger(maxResults) || maxResults < 1)
      throw badRequest('Invalid value for: maxResults');
    const pageSize = Math.min(maxResults, 2500);
    const pageToken = query.get('pageToken');
    if (pageToken !== null) {
      const page = pages.get(pageToken);
      if (!page || page.calendarId !== calendar.id) throw badRequest('Invalid page token value.');
      pages.delete(pageToken);
      return respondPage(calendar, page.items, pageSize, page.nextSyncToken);
    }

    const syncToken = query.get('syncToken');
    const singleEvents = query.get('singleEvents') === 'true';
    const orderBy = query.get('orderBy');
    if (syncToken !== null) {
      const incompatible = [
        'timeMin',
        'timeMax',
        'privateExtendedProperty',
        'sharedExtendedProperty',
        'orderBy',
        'q',
        'updatedMin',
        'iCalUID',
      ];
      const used = incompatible.filter((p) => query.has(p));
      if (used.length > 0)
        throw badRequest(
          `Sync token cannot be used with these query parameters: ${used.join(', ')}.`,
        );
      const decoded = decodeToken(syncToken);
      if (
        !isPlainObject(decoded) ||
        typeof decoded.seq !== 'number' ||
        decoded.calendarId !== calendar.id
      ) {
        throw badRequest('Invalid sync token value.');
      }
      if (decoded.epoch !== syncEpoch) {
        throw new HttpError(
          410,
          'fullSyncRequired',
          'Sync token is no longer valid, a full sync is required.',
          'calendar',
        );
      }
      const since = decoded.seq;
      const items: FakeEvent[] = [];
      for (const stored of calendar.events.values()) {
        if (stored.seq <= since) continue;
        const event = stored.resource;
        if (singleEvents && event.recurrence) {
          const instances = expand(
            event,
            calendar,
            eventWindow(event, calendar).start + 2 * 365 * 86_400_000,
          );
          for (const instance of instances) {
            if (calendar.events.has(instance.id!)) continue;
            items.push(
              event.status === 'cancelled' ? { ...instance, status: 'cancelled' } : instance,
            );
          }
          if (event.status === 'cancelled') items.push(event);
        } else {
          items.push(event);
        }
      }
      return respondPage(
        calendar,
        items,
        pageSize,
        encodeToken({ calendarId: calendar.id, seq, epoch: syncEpoch }),
      );
    }

    if (orderBy !== null) {
      if (orderBy !== 'startTime' && orderBy !== 'updated')
        throw badRequest('Invalid value for: orderBy');
      if (orderBy === 'startTime' && !singleEvents) {
        throw badRequest('The requested ordering is not available for the particular query.');
      }
    }
    const timeMin = parseBound(query, 'timeMin');
    const timeMax = parseBound(query, 'timeMax');
    const showDeleted = query.get('showDeleted') === 'true';
    const filters = query.getAll('privateExtendedProperty').map((f) => {
      const cut = f.indexOf('=');
      if (cut <= 0) throw badRequest('Invalid value for: privateExtendedProperty');
      return [f.slice(0, cut), f.slice(cut + 1)] as const;
    });
    const matchesFilters = (event: FakeEvent) =>
      filters.every(([k, v]) => {
        if (stripDeleted && event.status === 'cancelled') return false;
        return event.extendedProperties?.private?.[k] === v;
      });
    const inWindow = (event: FakeEvent) => {
      const w = eventWindow(event, calendar);
      return (
        (timeMin === undefined || w.end > timeMin) && (timeMax === undefined || w.start < timeMax)
      );
    };

    const items: FakeEvent[] = [];
    for (const stored of calendar.events.values()) {
      const event = stored.resource;
      if (event.status === 'cancelled' && !showDeleted) continue;
      if (!matchesFilters(event)) continue;
      if (singleEvents && event.recurrence) {
        const horizon = timeMax ?? eventWindow(event, calendar).start + 2 * 365 * 86_400_000;
        for (const instance of expand(event, calendar, horizon)) {
          if (calendar.events.has(instance.id!)) continue; // an exception stored on its own
          if (event.status === 'cancelled') instance.status = 'cancelled';
          if (inWindow(instance)) items.push(instance);
        }
        continue;
      }
      if (inWindow(event)) items.push(event);
    }
    if (orderBy === 'startTime') {
      items.sort(
        (a, b) =>
          eventWindow(a, calendar).start - eventWindow(b, calendar).start ||
          a.id!.localeCompare(b.id!),
      );
    } else if (orderBy === 'updated') {
      items.sort((a, b) => (a.updated ?? '').localeCompare(b.updated ?? ''));
    }
    const syncable =
      filters.length === 0 && orderBy === null && !query.has('q') && !query.has('updatedMin');
    const nextSyncToken = syncable
      ? encodeToken({ calendarId: calendar.id, seq, epoch: syncEpoch })
      : undefined;
    return respondPage(calendar, items, pageSize, nextSyncToken);
  }

  function respondPage(
    calendar: StoredCalendar,
    items: FakeEvent[],
    pageSize: number,
    nextSyncToken?: string,
  ): unknown {
    const page = items.slice(0, pageSize);
    const rest = items.slice(pageSize);
    let nextPageToken: string | undefined;
    if (rest.length > 0) {
      nextPageToken = randomBase32Hex(24);
      pages.set(nextPageToken, {
        calendarId: calendar.id,
        items: rest,
        ...(nextSyncToken === undefined ? {} : { nextSyncToken }),
      });
    }
    return {
      kind: 'calendar#events',
      etag: `"${calendar.etagSeq}"`,
      summary: calendar.summary,
      ...(calendar.description === undefined ? {} : { description: calendar.description }),
      updated: new Date(now()).toISOString(),
      timeZone: calendar.timeZone,
      accessRole: calendar.accessRole,
      defaultReminders: [],
      items: page.map((e) => present(e)),
      ...(nextPageToken ? { nextPageToken } : nextSyncToken ? { nextSyncToken } : {}),
    };
  }

  function listCalendars(query: URLSearchParams): unknown {
    const maxRaw = query.get('maxResults');
    const pageSize = Math.min(maxRaw === null ? 100 : Number(maxRaw), 250);
    const offset = query.get('pageToken')
      ? Number((decodeToken(query.get('pageToken')!) as { offset?: number })?.offset)
      : 0;
    if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid page token value.');
    const all = [...calendars.values()].map(listEntry);
    const items = all.slice(offset, offset + pageSize);
    const more = offset + pageSize < all.length;
    return {
      kind: 'calendar#calendarList',
      etag: `"${seq}"`,
      items,
      ...(more
        ? { nextPageToken: encodeToken({ offset: offset + pageSize }) }
        : { nextSyncToken: encodeToken({ seq }) }),
    };
  }

  function insertCalendar(body: unknown): unknown {
    if (!isPlainObject(body)) throw badRequest('Parse Error', 'parseError');
    if (typeof body.summary !== 'string' || body.summary === '')
      throw badRequest('Missing title.', 'required');
    const timeZone = typeof body.timeZone === 'string' ? body.timeZone : 'UTC';
    if (!isValidTimeZone(timeZone)) throw badRequest('Invalid time zone.');
    const id = addCalendar({
      summary: body.summary,
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
      timeZone,
    });
    const c = calendarFor(id);
    return {
      kind: 'calendar#calendar',
      etag: `"${c.etagSeq}"`,
      id,
      summary: c.summary,
      ...(c.description === undefined ? {} : { description: c.description }),
      timeZone: c.timeZone,
    };
  }

  // --- routing -------------------------------------------------------------------------------------

  /** Runs the request; returns [status, body] and whether it changed state. */
  function route(
    method: string,
    segments: string[],
    query: URLSearchParams,
    body: unknown,
  ): [number, unknown] {
    const [a, b, c, d, e] = segments;
    if (
      a === 'users' &&
      b === 'me' &&
      c === 'calendarList' &&
      segments.length === 3 &&
      method === 'GET'
    ) {
      return [200, listCalendars(query)];
    }
    if (a === 'calendars' && segments.length === 1 && method === 'POST')
      return [200, insertCalendar(body)];
    if (a === 'calendars' && b !== undefined && segments.length === 2 && method === 'GET') {
      const cal = calendarFor(b);
      return [
        200,
        {
          kind: 'calendar#calendar',
          etag: `"${cal.etagSeq}"`,
          id: cal.id,
          summary: cal.summary,
          timeZone: cal.timeZone,
        },
      ];
    }
    if (a === 'calendars' && b !== undefined && c === 'events') {
      const calendar = calendarFor(b);
      if (segments.length === 3) {
        if (method === 'GET') return [200, listEvents(calendar, query)];
        if (method === 'POST') return [200, present(insertEvent(calendar, body))];
      }
      if (segments.length === 4 && d !== undefined && e === undefined) {
        if (method === 'GET') {
          const event = findEvent(calendar, d);
          if (!event) throw notFound();
          return [200, present(event)];
        }
        if (method === 'PATCH') return [200, present(patchEvent(calendar, d, body, false))];
        if (method === 'PUT') return [200, present(patchEvent(calendar, d, body, true))];
        if (method === 'DELETE') {
          deleteEvent(calendar, d);
          return [204, undefined];
        }
      }
    }
    throw notFound();
  }

  function pickFault(method: string, path: string): FaultKind | undefined {
    const index = scripted.findIndex(
      (f) =>
        (f.method === undefined || f.method === method) &&
        (f.path === undefined || f.path.test(path)),
    );
    if (index >= 0) return scripted.splice(index, 1)[0]!.kind;
    if (!faults || faults.rate <= 0) return undefined;
    if (random() >= faults.rate) return undefined;
    let kinds = faults.kinds ?? DEFAULT_FAULT_KINDS;
    // A fresh token is not refused again straight away: two 401s in a row mean "reconnect".
    if (last401) kinds = kinds.filter((k) => k !== '401');
    if (kinds.length === 0) return undefined;
    return kinds[Math.floor(random() * kinds.length)];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    // Google's API answers browsers (CORS); so does the fake, for extension pages and e2e tests.
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-expose-headers': 'retry-after, www-authenticate',
    };
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ?? 'authorization, content-type',
        'access-control-max-age': '3600',
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const record: FakeRequestRecord = { method, path: '', query: {}, status: 0, committed: false };
    for (const key of new Set(url.searchParams.keys()))
      record.query[key] = url.searchParams.getAll(key);
    requests.push(record);

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, {
        ...cors,
        ...(body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }),
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const sendError = (error: HttpError) => send(error.code, error.body(), error.headers);

    const prefix = '/calendar/v3/';
    if (!url.pathname.startsWith(prefix)) return sendError(notFound());
    let segments: string[];
    try {
      segments = url.pathname
        .slice(prefix.length)
        .split('/')
        .filter((s) => s !== '')
        .map(decodeURIComponent);
    } catch {
      return sendError(badRequest('Bad Request', 'badRequest'));
    }
    record.path = segments.join('/');

    const auth = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(auth)?.[1];
    if (!token || !tokens.has(token)) {
      last401 = false;
      return sendError(unauthorized());
    }

    const fault = pickFault(method, record.path);
    if (fault) record.fault = fault;
    last401 = fault === '401';
    const mutating = method !== 'GET';
    if (fault && !(fault.startsWith('commit-then') && mutating))
      return sendError(faultError(fault, retryAfterSeconds));

    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw) as unknown;
      } catch {
        return sendError(badRequest('Parse Error', 'parseError'));
      }
    }
    let status: number;
    let payload: unknown;
    const seqBefore = seq;
    try {
      [status, payload] = route(method, segments, url.searchParams, body);
    } catch (error) {
      if (error instanceof HttpError) {
        record.committed = seq !== seqBefore;
        return sendError(error);
      }
      throw error;
    }
    record.committed = seq !== seqBefore;
    if (fault === 'commit-then-reset') {
      record.status = 0;
      res.socket?.destroy();
      return;
    }
    if (fault === 'commit-then-503') return sendError(faultError(fault, retryAfterSeconds));
    send(status, payload);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(new HttpError(500, 'backendError', String(error)).body()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    get token() {
      return [...tokens][0] ?? '';
    },
    primaryCalendarId: accountEmail,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    reset: resetState,
    addCalendar,
    seedEvent: (calendarId, event) => clone(insertEvent(calendarFor(calendarId), event)),
    storedEvents: (calendarId, opts = {}) =>
      [...calendarFor(calendarId).events.values()]
        .map((s) => s.resource)
        .filter((e) => opts.includeDeleted || e.status !== 'cancelled')
        .map(clone),
    storedEvent: (calendarId, eventId) => {
      const stored = calendarFor(calendarId).events.get(eventId);
      return stored ? clone(stored.resource) : undefined;
    },
    calendarList: () => [...calendars.values()].map(listEntry),
    deleteEventAsUser: (calendarId, eventId) => deleteEvent(calendarFor(calendarId), eventId),
    updateEventAsUser: (calendarId, eventId, patch) =>
      clone(patchEvent(calendarFor(calendarId), eventId, patch, false)),
    setFaults: (next) => {
      faults = next;
      random = mulberry32(next?.seed ?? 1);
      last401 = false;
    },
    failNext: (kinds, match = {}) => {
      for (const kind of Array.isArray(kinds) ? kinds : [kinds]) scripted.push({ kind, ...match });
    },
    setTokens: (next) => {
      tokens = new Set(next);
    },
    invalidateSyncTokens: () => {
      syncEpoch++;
    },
  };
}
