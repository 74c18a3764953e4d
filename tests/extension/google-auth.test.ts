import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { GoogleAuthError } from '../../src/calendar/google';
import { createGoogleAuth } from '../../src/extension/google/auth';
import type { GoogleAuthDeps, IdentityApi } from '../../src/extension/google/auth';
import { parseGoogleBuildConfig, resolveAuthFlow } from '../../src/extension/google/config';
import { memoryTokenStore, sessionTokenStore } from '../../src/extension/google/storage';

const SCOPES = ['https://www.googleapis.com/auth/calendar.events.readonly'];
const REDIRECT = 'https://abc.chromiumapp.org/';

beforeEach(() => {
  fakeBrowser.reset();
});

function deps(identity: IdentityApi, overrides: Partial<GoogleAuthDeps> = {}) {
  const posted: { url: string; body: string; mode?: RequestMode }[] = [];
  let now = 1_000_000;
  let n = 0;
  const base: GoogleAuthDeps = {
    flow: 'web-auth-flow',
    clientId: 'client-1',
    authUrl: 'https://accounts.example/auth',
    revokeUrl: 'https://oauth.example/revoke',
    identity: () => identity,
    tokens: memoryTokenStore(),
    fetch: async (input, init) => {
      posted.push({
        url: String(input),
        body: String(init?.body),
        ...(init?.mode ? { mode: init.mode } : {}),
      });
      return new Response(null, { status: 200 });
    },
    now: () => now,
    newState: () => `s${++n}`,
    ...overrides,
  };
  return { deps: base, posted, advance: (ms: number) => (now += ms) };
}

/** launchWebAuthFlow answering with `token` (or Google's error) for each flow, recording them. */
function webIdentity(answers: (interactive: boolean) => string) {
  const flows: URL[] = [];
  const identity: IdentityApi = {
    getRedirectURL: () => REDIRECT,
    async launchWebAuthFlow({ url, interactive }) {
      const request = new URL(url);
      flows.push(request);
      const state = request.searchParams.get('state');
      const token = answers(interactive === true);
      return token.startsWith('error=')
        ? `${REDIRECT}#${token}&state=${state}`
        : `${REDIRECT}#access_token=${token}&expires_in=3600&scope=${encodeURIComponent(SCOPES.join(' '))}&state=${state}`;
    },
  };
  return { identity, flows };
}

describe('createGoogleAuth (launchWebAuthFlow)', () => {
  it('signs in with the implicit grant and keeps the token until it nearly expires', async () => {
    let issued = 0;
    const { identity, flows } = webIdentity(() => `t${++issued}`);
    const { deps: d, advance } = deps(identity);
    const auth = createGoogleAuth(d);

    expect(await auth.signIn(SCOPES)).toEqual({ grantedScopes: SCOPES });
    expect(Object.fromEntries(flows[0]!.searchParams)).toEqual({
      client_id: 'client-1',
      redirect_uri: REDIRECT,
      response_type: 'token',
      scope: SCOPES[0],
      state: 's1',
      include_granted_scopes: 'true',
    });
    expect(await auth.getToken({ forceRefresh: false, scopes: SCOPES })).toBe('t1');
    advance(3600_000 - 30_000); // inside the last minute: renewed silently
    expect(await auth.getToken({ forceRefresh: false, scopes: SCOPES })).toBe('t2');
    expect(flows[1]!.searchParams.get('prompt')).toBe('none');
    expect(flows).toHaveLength(2);
  });

  it('renews once for concurrent callers, and turns a failed renewal into GoogleAuthError', async () => {
    let silent = 'fresh';
    const { identity, flows } = webIdentity((interactive) => (interactive ? 'first' : silent));
    const auth = createGoogleAuth(deps(identity).deps);
    await auth.signIn(SCOPES);

    const tokens = await Promise.all(
      [1, 2, 3].map(() => auth.getToken({ forceRefresh: true, scopes: SCOPES })),
    );
    expect(tokens).toEqual(['fresh', 'fresh', 'fresh']);
    expect(flows).toHaveLength(2);

    silent = 'error=interaction_required';
    await expect(auth.getToken({ forceRefresh: true, scopes: SCOPES })).rejects.toThrow(
      GoogleAuthError,
    );
    await expect(auth.getToken({ forceRefresh: false, scopes: SCOPES })).rejects.toThrow(
      /sign in again/,
    );
  });

  it('refuses an answer whose state does not match, and never puts the token in the message', async () => {
    const identity: IdentityApi = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async () => `${REDIRECT}#access_token=secret-token&state=forged`,
    };
    const auth = createGoogleAuth(deps(identity).deps);
    const error: unknown = await auth.signIn(SCOPES).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/did not match/);
    expect((error as Error).message).not.toContain('secret-token');
  });

  it('keeps the token in storage.session and revokes it on sign-out', async () => {
    const { identity } = webIdentity(() => 'kept');
    const { deps: d, posted } = deps(identity, { tokens: sessionTokenStore });
    const auth = createGoogleAuth(d);
    await auth.signIn(SCOPES);
    expect(await fakeBrowser.storage.session.get(null)).toMatchObject({
      googleToken: { accessToken: 'kept' },
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});

    expect(await auth.signOut()).toEqual({ revoked: true });
    expect(posted).toEqual([
      { url: 'https://oauth.example/revoke', body: 'token=kept', mode: 'no-cors' },
    ]);
    expect(await sessionTokenStore.get()).toBeNull();
  });

  it('says what is missing when the identity permission is not granted', async () => {
    const auth = createGoogleAuth({
      ...deps(webIdentity(() => 'x').identity).deps,
      identity: () => undefined,
    });
    await expect(auth.signIn(SCOPES)).rejects.toThrow(/sign-in permission is missing/);
  });
});

describe('createGoogleAuth (getAuthToken)', () => {
  function chromeIdentity() {
    const cache = { token: 'cached-1' };
    const calls: string[] = [];
    let next = 1;
    const identity: IdentityApi = {
      getRedirectURL: () => REDIRECT,
      launchWebAuthFlow: async () => undefined,
      async getAuthToken(details) {
        calls.push(
          `get:${details.interactive ? 'interactive' : 'silent'}:${details.scopes?.length}`,
        );
        if (!cache.token) cache.token = `cached-${++next}`;
        return { token: cache.token, grantedScopes: details.scopes ?? [] };
      },
      async removeCachedAuthToken({ token }) {
        calls.push(`remove:${token}`);
        if (cache.token === token) cache.token = '';
      },
      async clearAllCachedAuthTokens() {
        calls.push('clear-all');
      },
    };
    return { identity, calls };
  }

  it('leaves the token to Chrome’s cache and swaps a refused one for a fresh one', async () => {
    const { identity, calls } = chromeIdentity();
    const store = memoryTokenStore();
    const auth = createGoogleAuth({
      ...deps(identity).deps,
      flow: 'get-auth-token',
      tokens: store,
    });

    expect(await auth.signIn(SCOPES)).toEqual({ grantedScopes: SCOPES });
    expect(await auth.getToken({ forceRefresh: false, scopes: SCOPES })).toBe('cached-1');
    expect(await auth.getToken({ forceRefresh: true, scopes: SCOPES })).toBe('cached-2');
    expect(calls).toEqual([
      'get:interactive:1',
      'get:silent:1',
      'get:silent:1',
      'remove:cached-1',
      'get:silent:1',
    ]);
    expect(await store.get()).toBeNull();
  });

  it('revokes the cached token and clears Chrome’s cache on sign-out', async () => {
    const { identity, calls } = chromeIdentity();
    const { deps: d, posted } = deps(identity, { flow: 'get-auth-token' });
    const auth = createGoogleAuth(d);
    expect(await auth.signOut()).toEqual({ revoked: true });
    expect(posted.map((p) => p.body)).toEqual(['token=cached-1']);
    expect(calls.slice(-2)).toEqual(['remove:cached-1', 'clear-all']);
  });
});

describe('resolveAuthFlow', () => {
  const chrome =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
  const edge = `${chrome} Edg/140.0.0.0`;
  it.each([
    ['auto', false, chrome, 'get-auth-token'],
    ['auto', false, edge, 'web-auth-flow'],
    [
      'auto',
      true,
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
      'web-auth-flow',
    ],
    ['web', false, chrome, 'web-auth-flow'],
    ['chrome', false, edge, 'get-auth-token'],
  ] as const)('picks %s / firefox=%s / %s → %s', (flow, firefox, userAgent, expected) => {
    expect(resolveAuthFlow({ flow }, { firefox, userAgent })).toBe(expected);
  });
});

describe('parseGoogleBuildConfig', () => {
  it('reads the client id and overrides', () => {
    expect(
      parseGoogleBuildConfig({
        WXT_GOOGLE_CLIENT_ID: ' id.apps.googleusercontent.com ',
        WXT_GOOGLE_API_ROOT: 'http://127.0.0.1:9/',
        WXT_GOOGLE_AUTH_FLOW: 'web',
      }),
    ).toEqual({
      clientId: 'id.apps.googleusercontent.com',
      apiRoot: 'http://127.0.0.1:9/',
      authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      revokeUrl: 'https://oauth2.googleapis.com/revoke',
      flow: 'web',
    });
  });

  it('turns Google off, with the reason, rather than failing', () => {
    expect(parseGoogleBuildConfig({}).problem).toMatch(/without a Google OAuth client id/);
    expect(
      parseGoogleBuildConfig({ WXT_GOOGLE_CLIENT_ID: 'x', WXT_GOOGLE_API_ROOT: 'ftp://x' }).problem,
    ).toMatch(/WXT_GOOGLE_API_ROOT must be an http\(s\) URL/);
    expect(
      parseGoogleBuildConfig({ WXT_GOOGLE_CLIENT_ID: 'x', WXT_GOOGLE_AUTH_FLOW: 'popup' }).problem,
    ).toMatch(/WXT_GOOGLE_AUTH_FLOW must be auto, chrome or web/);
  });
});
