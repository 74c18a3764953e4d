/**
 * The background's connection to Google Calendar: the fetch transport (googleapis does not run in
 * a service worker) with its token from the sign-in, and the calendar list. The runner's choices
 * (connected or not, where to write) are read from storage at each call, so a connection made in
 * one service-worker life serves the next.
 */
import {
  createFetchCalendarApi,
  GOOGLE_SCOPES,
  GoogleAuthError,
  googleScopesFor,
  isDedicatedCalendar,
  withRetries,
} from '../../calendar/google';
import type {
  GoogleCalendarApi,
  GoogleCalendarListEntry,
  RetryOptions,
} from '../../calendar/google';
import type { GoogleDeps } from '../deps';
import type { GoogleCalendarEntry } from '../protocol';
import type { GoogleAuth } from './auth';
import type { GoogleBuildConfig } from './config';
import { loadGoogleAccount } from './storage';
import type { GoogleAccount } from './storage';

export interface GoogleConnectionDeps {
  config: GoogleBuildConfig;
  /** Undefined when this build cannot connect (no client id). */
  auth?: GoogleAuth;
  fetch: typeof globalThis.fetch;
  now: () => number;
  retry?: RetryOptions;
}

export interface GoogleConnection {
  /** This build can connect to Google. */
  readonly available: boolean;
  /** Why it cannot. */
  readonly unavailableReason?: string;
  readonly auth?: GoogleAuth;
  readonly retry?: RetryOptions;
  /** The transport, or undefined when Google is off in this build or not connected. */
  api(): Promise<GoogleCalendarApi | undefined>;
  /** Every calendar of the account, as the options page lists them. */
  listCalendars(options: { dedicatedId?: string }): Promise<GoogleCalendarEntry[]>;
}

/** The scopes for the runner's choices: `calendar.events` only when writing into their own calendar. */
export function scopesFor(account: Pick<GoogleAccount, 'writeTarget'>): string[] {
  return googleScopesFor({ writeExisting: account.writeTarget.kind === 'existing' });
}

/** Reading scopes missing from what Google granted. */
export function missingReadScopes(granted: readonly string[]): string[] {
  return [
    GOOGLE_SCOPES.calendarListReadonly,
    GOOGLE_SCOPES.eventsReadonly,
    GOOGLE_SCOPES.appCreated,
  ].filter((scope) => !granted.includes(scope));
}

function entryOf(
  entry: GoogleCalendarListEntry,
  dedicatedId: string | undefined,
): GoogleCalendarEntry | undefined {
  if (!entry.id || entry.deleted) return undefined;
  return {
    id: entry.id,
    name: entry.summaryOverride ?? entry.summary ?? entry.id,
    primary: entry.primary === true,
    writable: entry.accessRole === 'owner' || entry.accessRole === 'writer',
    dedicated: entry.id === dedicatedId || isDedicatedCalendar(entry),
    ...(entry.backgroundColor ? { color: entry.backgroundColor } : {}),
  };
}

export function createGoogleConnection(deps: GoogleConnectionDeps): GoogleConnection {
  const { auth } = deps;
  const api = auth
    ? createFetchCalendarApi({
        rootUrl: deps.config.apiRoot,
        fetch: deps.fetch,
        now: deps.now,
        getToken: async ({ forceRefresh }) => {
          const account = await loadGoogleAccount();
          if (!account.connected)
            throw new GoogleAuthError('Google is not connected: connect it in Settings');
          return auth.getToken({ forceRefresh, scopes: scopesFor(account) });
        },
      })
    : undefined;

  return {
    available: api !== undefined,
    ...(api
      ? {}
      : { unavailableReason: deps.config.problem ?? 'this build has no Google OAuth client' }),
    ...(auth ? { auth } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
    async api() {
      if (!api) return undefined;
      return (await loadGoogleAccount()).connected ? api : undefined;
    },
    async listCalendars({ dedicatedId }) {
      if (!api) return [];
      const retried = withRetries(api, deps.retry);
      const out: GoogleCalendarEntry[] = [];
      let pageToken: string | undefined;
      for (;;) {
        const page = await retried.listCalendars(pageToken);
        for (const item of page.items) {
          const entry = entryOf(item, dedicatedId);
          if (entry) out.push(entry);
        }
        if (!page.nextPageToken) break;
        pageToken = page.nextPageToken;
      }
      // The primary calendar first, then by name: the order Google Calendar's sidebar uses.
      return out.sort(
        (a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name),
      );
    },
  };
}

/** The settings of a build without Google: the connection then says Google is off. */
const GOOGLE_OFF: GoogleBuildConfig = {
  apiRoot: '',
  authUrl: '',
  revokeUrl: '',
  flow: 'auto',
  problem: 'Google Calendar is off',
};

/** The background's connection: the one `google` describes, or one that says Google is off. */
export function connectionFor(
  google: GoogleDeps | undefined,
  transport: Pick<GoogleConnectionDeps, 'fetch' | 'now'>,
): GoogleConnection {
  return createGoogleConnection({
    config: google?.config ?? GOOGLE_OFF,
    ...(google?.auth ? { auth: google.auth } : {}),
    ...(google?.retry ? { retry: google.retry } : {}),
    ...transport,
  });
}
