/**
 * The background service wired to the fake Google Calendar on 127.0.0.1 (real HTTP, the
 * extension's own fetch transport), with a fake `browser.identity` whose launchWebAuthFlow
 * answers like Google's implicit grant. Retries never wait (`sleep` is injected).
 */
import type { FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { createBackgroundService } from '../../src/extension/background-service';
import type { BackgroundDeps } from '../../src/extension/background-service';
import type { IdentityApi } from '../../src/extension/google/auth';
import { setUpGoogle } from '../../src/extension/google/setup';
import { sessionTokenStore } from '../../src/extension/google/storage';
export { NOW, PREFS, TWO_HARD_DAYS, TWO_HARD_DAYS_WITH_FRIDAY_HILLS } from './runner-fixture';
import { NOW } from './runner-fixture';

export const REDIRECT = 'https://test-extension-id.chromiumapp.org/';
export const REVOKE_URL = 'http://revoke.invalid/revoke';

export interface FakeIdentity {
  api: IdentityApi;
  /** Every launchWebAuthFlow: interactive or silent, and the authorization URL's query. */
  flows: { interactive: boolean; query: URLSearchParams }[];
  /** The token the next interactive / silent flow returns; '' answers `interaction_required`. */
  interactiveToken: string;
  silentToken: string;
}

/** `browser.identity` as Chrome has it, with Google's implicit grant behind launchWebAuthFlow. */
export function fakeIdentity(token: string): FakeIdentity {
  const identity: FakeIdentity = {
    flows: [],
    interactiveToken: token,
    silentToken: token,
    api: {
      getRedirectURL: () => REDIRECT,
      async launchWebAuthFlow({ url, interactive }) {
        const query = new URL(url).searchParams;
        identity.flows.push({ interactive: interactive === true, query });
        const state = query.get('state') ?? '';
        const issued = interactive ? identity.interactiveToken : identity.silentToken;
        if (!issued) return `${REDIRECT}#error=interaction_required&state=${state}`;
        const answer = new URLSearchParams({
          access_token: issued,
          token_type: 'Bearer',
          expires_in: '3599',
          scope: query.get('scope') ?? '',
          state,
        });
        return `${REDIRECT}#${answer}`;
      },
    },
  };
  return identity;
}

export interface GoogleSetupOptions {
  fake: FakeGoogleCalendar;
  identity?: FakeIdentity;
  /** Wraps the network (to count, slow or cut requests). */
  fetch?: typeof globalThis.fetch;
  overrides?: Partial<BackgroundDeps>;
  /** Build settings; default: a client id, launchWebAuthFlow, the fake as API root. */
  env?: Parameters<typeof setUpGoogle>[0]['env'];
}

/** What went out to the revocation endpoint. */
export const revoked: string[] = [];

/** Feeds from memory, revocations recorded, everything else to the real network (the fake). */
export function networkFor(feeds: Map<string, string>): typeof globalThis.fetch {
  return async (input, init) => {
    const url = String(input);
    if (url === REVOKE_URL) {
      revoked.push(new URLSearchParams(String(init?.body ?? '')).get('token') ?? '');
      return new Response(null, { status: 200 });
    }
    const feed = feeds.get(url);
    if (feed !== undefined)
      return new Response(feed, { status: 200, headers: { 'content-type': 'text/calendar' } });
    return globalThis.fetch(input, init);
  };
}

export function setupGoogle(options: GoogleSetupOptions) {
  const identity = options.identity ?? fakeIdentity(options.fake.token);
  const feeds = new Map<string, string>();
  const network = options.fetch ?? networkFor(feeds);
  let n = 0;
  const badges: { text: string; title: string }[] = [];
  const google = setUpGoogle({
    env: options.env ?? {
      WXT_GOOGLE_CLIENT_ID: 'ironstride-test.apps.googleusercontent.com',
      WXT_GOOGLE_API_ROOT: options.fake.rootUrl,
      WXT_GOOGLE_AUTH_FLOW: 'web',
      WXT_GOOGLE_REVOKE_URL: REVOKE_URL,
    },
    traits: { firefox: false, userAgent: 'Mozilla/5.0 Chrome/140.0.0.0' },
    identity: () => identity.api,
    tokens: sessionTokenStore,
    fetch: network,
    now: () => NOW,
    newState: () => `state-${++n}`,
  });
  const service = createBackgroundService({
    now: () => NOW,
    fetch: network,
    browserTimeZone: () => 'Europe/London',
    setBadge: async (b) => void badges.push(b),
    newId: () => `id-${++n}`,
    google: { ...google, retry: { sleep: async () => undefined, random: () => 0.5 } },
    ...options.overrides,
  });
  return { service, handlers: service.handlers, identity, feeds, badges };
}
