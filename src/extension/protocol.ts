/**
 * The one message protocol between the popup/options pages and the background, as a map from
 * message type to its data and result (the shape of webext-core's `ProtocolMap`).
 */
import type { RetagChoice } from './retag';
import type { PreferencesInput } from '../core/prefs';
import type { DateString } from '../core/time';
import type { SourceRole } from './storage';
import type { WriteTarget } from './google/storage';
import type { GoogleLine, PopupView } from './view';

/** A calendar as the options page lists it. */
export interface SourceSummary {
  id: string;
  kind: 'url' | 'file' | 'google';
  name: string;
  role: SourceRole;
  /** The feed address (url sources). */
  url?: string;
  /** The Google calendar's id (google sources). */
  calendarId?: string;
  syncedAt?: number;
  /** VEVENTs read at the last sync, and how many were skipped. */
  read?: number;
  skipped?: number;
  error?: string;
}

export type AddSourceInput =
  | { kind: 'url'; url: string; name?: string; role?: SourceRole }
  | { kind: 'file'; name: string; text: string; role?: SourceRole };

export type SavePrefsResult =
  { ok: true } | { ok: false; issues: { path: string; message: string }[] };

export interface Settings {
  sources: SourceSummary[];
  prefs: PreferencesInput;
  /** The zone used when the preferences name none (the browser's). */
  browserTimeZone: string;
}

/** One calendar of the runner's Google account, as the options page offers it. */
export interface GoogleCalendarEntry {
  id: string;
  name: string;
  primary: boolean;
  /** The runner may write events into it (owner or writer). */
  writable: boolean;
  /** Ironstride's own "Strength · Ironstride" calendar. */
  dedicated: boolean;
  /** Google's colour for it, e.g. `#9fe1e7`. */
  color?: string;
}

/** Google Calendar as the options page shows it. */
export interface GoogleSettings {
  /** This build can connect (it was built with an OAuth client id). */
  available: boolean;
  /** Why it cannot, in plain words. */
  unavailableReason?: string;
  flow?: 'get-auth-token' | 'web-auth-flow';
  /** The address Google redirects to (launchWebAuthFlow): what the OAuth client must allow. */
  redirectUrl?: string;
  /** The optional `identity` permission is granted (Connect asks for it otherwise). */
  identityGranted: boolean;
  connected: boolean;
  /** Google refused the token: why, until the runner reconnects. */
  reconnect?: string;
  /** The account's address. */
  account?: string;
  calendars: GoogleCalendarEntry[];
  /** The calendar list could not be read: why. */
  calendarsError?: string;
  writeTarget: WriteTarget;
  /** `calendar.events` was granted: writing into a calendar the runner already had works. */
  canWriteExisting: boolean;
  /** Reading scopes Google did not grant (the runner unticked them on the consent screen). */
  missingScopes: string[];
}

/** How a Google calendar is used: read as training, as busy time only, or not at all. */
export type GoogleCalendarRole = SourceRole | 'ignore';

/** The feed this browser publishes to, as Options shows it: never the write token itself. */
export interface FeedSummary {
  serverUrl: string;
  subscribeUrl: string;
  webcalUrl: string;
  createdAt: number;
  rotatedAt?: number;
  /** The feed key's last characters, to tell one key from another; the key itself stays in the background. */
  keyHint: string;
  /** Plain http to another machine: the feed key travels readable with every publish. */
  insecure: boolean;
}

/** The subscribable feed in Options. */
export interface FeedSettings {
  /** The address Create feed uses: the feed's server, else the last one used, else the default. */
  serverUrl: string;
  /** `npm run cli -- serve`'s own address. */
  defaultServerUrl: string;
  feed?: FeedSummary;
  /** The popup's line: published, publishing, or why not. */
  status?: GoogleLine;
}

export interface ProtocolMap {
  /** The current view; re-syncs first when the calendars are stale. */
  getView(data: { refresh?: boolean }): PopupView;
  /** Suggest sessions for one week (accepted sessions stay; earlier suggestions are replaced). */
  planWeek(data: { weekStart: DateString }): PopupView;
  acceptSession(data: { sessionId: string }): PopupView;
  acceptWeek(data: { weekStart: DateString }): PopupView;
  skipSession(data: { sessionId: string }): PopupView;
  /** Undo a skip or an accept: back to a suggestion. */
  resetSession(data: { sessionId: string }): PopupView;
  moveSession(data: { sessionId: string; alternative: number }): PopupView;
  /** After a calendar change: move the accepted sessions that now break a rule, and only those. */
  replan(data: Record<string, never>): PopupView;
  /** "This is actually a tempo run": kept per event (or per series) and re-plans. */
  retagEvent(data: {
    eventId: string;
    uid: string;
    series: boolean;
    retag: RetagChoice | null;
  }): PopupView;
  /** The accepted sessions as an .ics file. */
  exportIcs(data: Record<string, never>): { filename: string; text: string; count: number };
  getSettings(data: Record<string, never>): Settings;
  /** Adds a calendar and reads it once; the options page asks for host permission first. */
  addSource(data: AddSourceInput): SourceSummary;
  updateSource(data: { id: string; name?: string; role?: SourceRole }): SourceSummary;
  removeSource(data: { id: string }): void;
  syncNow(data: Record<string, never>): SourceSummary[];
  savePrefs(data: PreferencesInput): SavePrefsResult;
  /** The Google connection and the account's calendars. */
  getGoogle(data: Record<string, never>): GoogleSettings;
  /**
   * Interactive sign-in (the page asked for the `identity` permission first, in the click). With
   * a `writeTarget` of an existing calendar, also asks for `calendar.events` and then writes there.
   */
  connectGoogle(data: { writeTarget?: WriteTarget }): GoogleSettings;
  /** Revokes the token and forgets Google's data (the write ledger stays). */
  disconnectGoogle(data: Record<string, never>): GoogleSettings;
  /** Reads a Google calendar as training or busy time, or stops reading it. */
  setGoogleCalendarRole(data: {
    calendarId: string;
    name: string;
    role: GoogleCalendarRole;
  }): SourceSummary[];
  /** Where Add to calendar writes (an existing calendar needs `calendar.events`: connect first). */
  setGoogleWriteTarget(data: { target: WriteTarget }): GoogleSettings;
  /** Queues a write of the accepted sessions to Google Calendar; progress arrives in the cached view. */
  addToCalendar(data: Record<string, never>): PopupView;
  /** The subscribable feed, if this browser created one. */
  getFeed(data: Record<string, never>): FeedSettings;
  /** Creates a feed on the server at `serverUrl` and publishes the accepted sessions to it. */
  createFeed(data: { serverUrl: string }): FeedSettings;
  /** A new subscribe link for the same feed; the old one stops working. */
  rotateFeed(data: Record<string, never>): FeedSettings;
  /**
   * Deletes the feed on its server and forgets it here. `localOnly` forgets it here without
   * asking the server (one that is gone for good, or that refuses this browser's key).
   */
  deleteFeed(data: { localOnly?: boolean }): FeedSettings;
  /** Publishes the accepted sessions now; the outcome is the view's `feed.status`. */
  publishFeed(data: Record<string, never>): PopupView;
}
