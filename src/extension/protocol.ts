/**
 * The one message protocol between the popup/options pages and the background: for each message
 * type, a zod schema of its data and one of its result. The TypeScript protocol map (the shape
 * of webext-core's `ProtocolMap`) is inferred from them, so the types cannot drift from what is
 * checked. `messaging.ts` validates each request once, as the background receives it, and each
 * result as the page receives it; nothing inside casts a payload.
 */
import { z } from 'zod';
import { RACE_CHOICES } from '../core/classify-calendar';
import { preferencesSchema } from '../core/prefs';
import type { PreferencesInput } from '../core/prefs';
import { logProtocol } from './log/protocol';
import { RETAG_VALUES } from './retag';
import { googleLineSchema, popupViewSchema } from './view';

/** Uploaded files are kept in extension storage; past this size, a feed URL is the better way. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;

const none = z.strictObject({});
const sessionId = z.string().min(1).max(200);
const weekStart = z.iso.date();
const sourceRole = z.enum(['training', 'busy']);
const sourceName = z.string().trim().max(100);
const calendarId = z.string().min(1).max(1024);

/** The options page's "add a calendar" input; the role defaults to training. */
const addSourceRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('url'),
    url: z.string().trim().min(1, 'enter the feed address').max(2048),
    name: sourceName.optional(),
    role: sourceRole.optional(),
  }),
  z.object({
    kind: z.literal('file'),
    name: sourceName.min(1, 'the file needs a name'),
    text: z
      .string()
      .max(
        MAX_FILE_CHARS,
        `the file is larger than ${MAX_FILE_CHARS / 1024 / 1024} MB; add it as a feed URL instead`,
      ),
    role: sourceRole.optional(),
  }),
]);
export type AddSourceInput = z.infer<typeof addSourceRequest>;

/** Where Add to calendar writes. */
const writeTargetRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dedicated') }),
  z.object({ kind: z.literal('existing'), calendarId, name: z.string().max(200) }),
]);

/** A calendar as the options page lists it. */
const sourceSummary = z.object({
  id: z.string(),
  kind: z.enum(['url', 'file', 'google']),
  name: z.string(),
  role: sourceRole,
  /** The feed address (url sources). */
  url: z.string().optional(),
  /** The Google calendar's id (google sources). */
  calendarId: z.string().optional(),
  syncedAt: z.number().optional(),
  /** VEVENTs read at the last sync, and how many were skipped. */
  read: z.number().optional(),
  skipped: z.number().optional(),
  error: z.string().optional(),
});
export type SourceSummary = z.infer<typeof sourceSummary>;

const savePrefsResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
]);
export type SavePrefsResult = z.infer<typeof savePrefsResult>;

const settings = z.object({
  sources: z.array(sourceSummary),
  /** As stored: every field optional. Checked whole, and handed on unchanged. */
  prefs: z.custom<PreferencesInput>((value) => preferencesSchema.safeParse(value).success, {
    message: 'the stored preferences are not valid',
  }),
  /** The zone used when the preferences name none (the browser's). */
  browserTimeZone: z.string(),
});
export type Settings = z.infer<typeof settings>;

/** One calendar of the runner's Google account, as the options page offers it. */
const googleCalendarEntry = z.object({
  id: z.string(),
  name: z.string(),
  primary: z.boolean(),
  /** The runner may write events into it (owner or writer). */
  writable: z.boolean(),
  /** Ironstride's own calendar. */
  dedicated: z.boolean(),
  /** Google's colour for it, e.g. `#9fe1e7`. */
  color: z.string().optional(),
});
export type GoogleCalendarEntry = z.infer<typeof googleCalendarEntry>;

/** Google Calendar as the options page shows it. */
const googleSettings = z.object({
  /** This build can connect (it was built with an OAuth client id). */
  available: z.boolean(),
  /** Why it cannot, in plain words. */
  unavailableReason: z.string().optional(),
  flow: z.enum(['get-auth-token', 'web-auth-flow']).optional(),
  /** The address Google redirects to (launchWebAuthFlow): what the OAuth client must allow. */
  redirectUrl: z.string().optional(),
  /** The optional `identity` permission is granted (Connect asks for it otherwise). */
  identityGranted: z.boolean(),
  connected: z.boolean(),
  /** Google refused the token: why, until the runner reconnects. */
  reconnect: z.string().optional(),
  /** The account's address. */
  account: z.string().optional(),
  calendars: z.array(googleCalendarEntry),
  /** The calendar list could not be read: why. */
  calendarsError: z.string().optional(),
  writeTarget: writeTargetRequest,
  /** `calendar.events` was granted: writing into a calendar the runner already had works. */
  canWriteExisting: z.boolean(),
  /** Reading scopes Google did not grant (the runner unticked them on the consent screen). */
  missingScopes: z.array(z.string()),
});
export type GoogleSettings = z.infer<typeof googleSettings>;

/** How a Google calendar is used: read as training, as busy time only, or not at all. */
const googleCalendarRole = z.enum(['training', 'busy', 'ignore']);
export type GoogleCalendarRole = z.infer<typeof googleCalendarRole>;

/** The feed this browser publishes to, as Options shows it: never the write token itself. */
const feedSummary = z.object({
  serverUrl: z.string(),
  subscribeUrl: z.string(),
  webcalUrl: z.string(),
  createdAt: z.number(),
  rotatedAt: z.number().optional(),
  /** The feed key's last characters, to tell one key from another; the key itself stays in the background. */
  keyHint: z.string(),
  /** Plain http to another machine: the feed key travels readable with every publish. */
  insecure: z.boolean(),
});
export type FeedSummary = z.infer<typeof feedSummary>;

/** The subscribable feed in Options. */
const feedSettings = z.object({
  /** The address Create feed uses: the feed's server, else the last one used, else the default. */
  serverUrl: z.string(),
  /** `npm run cli -- serve`'s own address. */
  defaultServerUrl: z.string(),
  feed: feedSummary.optional(),
  /** The popup's line: published, publishing, or why not. */
  status: googleLineSchema.optional(),
});
export type FeedSettings = z.infer<typeof feedSettings>;

/** Every message: what its data must be, and what it answers. */
export const protocol = {
  /** The current view; re-syncs first when the calendars are stale. */
  getView: { request: z.object({ refresh: z.boolean().optional() }), result: popupViewSchema },
  /** Suggest sessions for one week (accepted sessions stay; earlier suggestions are replaced). */
  planWeek: { request: z.object({ weekStart }), result: popupViewSchema },
  acceptSession: { request: z.object({ sessionId }), result: popupViewSchema },
  acceptWeek: { request: z.object({ weekStart }), result: popupViewSchema },
  skipSession: { request: z.object({ sessionId }), result: popupViewSchema },
  /** Undo a skip or an accept: back to a suggestion. */
  resetSession: { request: z.object({ sessionId }), result: popupViewSchema },
  moveSession: {
    request: z.object({ sessionId, alternative: z.number().int().min(0).max(10) }),
    result: popupViewSchema,
  },
  /** Swap one exercise of a session for one of its alternatives (kept through re-plans). */
  swapExercise: {
    request: z.object({
      sessionId,
      from: z.string().trim().min(1).max(120),
      to: z.string().trim().min(1).max(120),
    }),
    result: popupViewSchema,
  },
  /** After a calendar change: move the accepted sessions that now break a rule, and only those. */
  replan: { request: none, result: popupViewSchema },
  /** "This is actually a tempo run": kept per event (or per series) and re-plans. */
  retagEvent: {
    request: z.object({
      eventId: z.string().min(1).max(2000),
      uid: z.string().min(1).max(2000),
      series: z.boolean(),
      retag: z.enum(RETAG_VALUES).nullable(),
    }),
    result: popupViewSchema,
  },
  /**
   * The runner's word on a race found in the calendar: A, B, C or not a race (`null` forgets it).
   * Kept per occurrence like a re-tag, and re-plans.
   */
  setRaceChoice: {
    request: z.object({
      eventId: z.string().min(1).max(2000),
      choice: z.enum(RACE_CHOICES).nullable(),
    }),
    result: popupViewSchema,
  },
  /** The accepted sessions as an .ics file. */
  exportIcs: {
    request: none,
    result: z.object({ filename: z.string(), text: z.string(), count: z.number() }),
  },
  getSettings: { request: none, result: settings },
  /** Adds a calendar and reads it once; the options page asks for host permission first. */
  addSource: { request: addSourceRequest, result: sourceSummary },
  updateSource: {
    request: z.object({
      id: z.string().min(1),
      name: sourceName.min(1).optional(),
      role: sourceRole.optional(),
    }),
    result: sourceSummary,
  },
  removeSource: { request: z.object({ id: z.string().min(1) }), result: z.void() },
  syncNow: { request: none, result: z.array(sourceSummary) },
  /** Checked field by field by the handler, which answers with each problem (SPEC §5). */
  savePrefs: { request: z.record(z.string(), z.unknown()), result: savePrefsResult },
  /** The Google connection and the account's calendars. */
  getGoogle: { request: none, result: googleSettings },
  /**
   * Interactive sign-in (the page asked for the `identity` permission first, in the click). With
   * a `writeTarget` of an existing calendar, also asks for `calendar.events` and then writes there.
   */
  connectGoogle: {
    request: z.object({ writeTarget: writeTargetRequest.optional() }),
    result: googleSettings,
  },
  /** Revokes the token and forgets Google's data (the write ledger stays). */
  disconnectGoogle: { request: none, result: googleSettings },
  /** Reads a Google calendar as training or busy time, or stops reading it. */
  setGoogleCalendarRole: {
    request: z.object({
      calendarId,
      name: z.string().trim().min(1).max(200),
      role: googleCalendarRole,
    }),
    result: z.array(sourceSummary),
  },
  /** Where Add to calendar writes (an existing calendar needs `calendar.events`: connect first). */
  setGoogleWriteTarget: {
    request: z.object({ target: writeTargetRequest }),
    result: googleSettings,
  },
  /** Queues a write of the accepted sessions to Google Calendar; progress arrives in the cached view. */
  addToCalendar: { request: none, result: popupViewSchema },
  /** The subscribable feed, if this browser created one. */
  getFeed: { request: none, result: feedSettings },
  /** Creates a feed on the server at `serverUrl` and publishes the accepted sessions to it. */
  createFeed: { request: z.object({ serverUrl: z.string().max(2000) }), result: feedSettings },
  /** A new subscribe link for the same feed; the old one stops working. */
  rotateFeed: { request: none, result: feedSettings },
  /**
   * Deletes the feed on its server and forgets it here. `localOnly` forgets it here without
   * asking the server (one that is gone for good, or that refuses this browser's key).
   */
  deleteFeed: { request: z.object({ localOnly: z.boolean().optional() }), result: feedSettings },
  /** Publishes the accepted sessions now; the outcome is the view's `feed.status`. */
  publishFeed: { request: none, result: popupViewSchema },
  /** The training log: popup, Options and History (log/protocol.ts). */
  ...logProtocol,
} satisfies Record<string, { request: z.ZodType; result: z.ZodType }>;

type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
/** The data a message carries (what its handler receives, once validated). */
export type RequestOf<K extends MessageType> = z.infer<Protocol[K]['request']>;
/** What a message answers. */
export type ResultOf<K extends MessageType> = z.infer<Protocol[K]['result']>;

/** The protocol as webext-core's `ProtocolMap` writes it: message type to `(data) => result`. */
export type ProtocolMap = { [K in MessageType]: (data: RequestOf<K>) => ResultOf<K> };

/**
 * The same table, typed message by message, so that looking a schema up by a generic message
 * type keeps its types (TypeScript resolves `protocol[type]` to the union of every entry).
 */
export const schemasOf: {
  [K in MessageType]: { request: z.ZodType<RequestOf<K>>; result: z.ZodType<ResultOf<K>> };
} = protocol;

/** Whether `type` names a message of the protocol. */
export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(protocol, type);
}
