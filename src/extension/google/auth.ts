/**
 * Signing in to Google from the extension, two ways (see `GoogleAuthFlow`):
 *
 * - `get-auth-token` (Chrome): `identity.getAuthToken` with the manifest's "Chrome extension"
 *   OAuth client. Chrome keeps the token in its own cache and refreshes it, so Ironstride keeps
 *   nothing; after a 401 the cached token is removed and a fresh one asked for, silently.
 * - `web-auth-flow` (Firefox, Edge, or forced): `identity.launchWebAuthFlow` with the OAuth 2.0
 *   implicit grant of a "Web application" client, redirecting to `identity.getRedirectURL()`
 *   (https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow). The
 *   token is kept in `storage.session`; on expiry or a 401 it is renewed with
 *   `interactive: false` and `prompt=none`, which succeeds while the runner's consent stands.
 *
 * Either way, a token that cannot be renewed silently becomes `GoogleAuthError`: the runner must
 * reconnect from the options page. Tokens are never logged or put in error messages.
 */
import { GoogleAuthError } from '../../calendar/google';
import type { TokenStore } from './storage';
import type { GoogleAuthFlow } from './config';
import { z } from 'zod';

/** The part of `browser.identity` Ironstride uses (Chrome has all of it; Firefox no getAuthToken). */
export interface IdentityApi {
  getRedirectURL(path?: string): string;
  launchWebAuthFlow(details: { url: string; interactive?: boolean }): Promise<string | undefined>;
  getAuthToken?(details: {
    interactive?: boolean;
    scopes?: string[];
  }): Promise<{ token?: string; grantedScopes?: string[] } | string | undefined>;
  removeCachedAuthToken?(details: { token: string }): Promise<void>;
  clearAllCachedAuthTokens?(): Promise<void>;
}

export interface GoogleAuthDeps {
  flow: GoogleAuthFlow;
  clientId: string;
  authUrl: string;
  revokeUrl: string;
  /**
   * `browser.identity`, read at each call: it appears only once the runner granted the optional
   * `identity` permission (Chrome then updates the running worker's bindings too).
   */
  identity: () => IdentityApi | undefined;
  tokens: TokenStore;
  fetch: typeof globalThis.fetch;
  now: () => number;
  /** An unguessable `state` for each authorization request (CSRF, RFC 6749 §10.12). */
  newState: () => string;
}

export interface GoogleAuth {
  readonly flow: GoogleAuthFlow;
  /** Interactive sign-in: Google's consent window. Resolves with the scopes Google granted. */
  signIn(scopes: readonly string[]): Promise<{ grantedScopes: string[] }>;
  /** A token for an API call, renewed silently when needed; `GoogleAuthError` when it cannot be. */
  getToken(options: { forceRefresh: boolean; scopes: readonly string[] }): Promise<string>;
  /** Revokes the token at Google (best effort) and forgets it. */
  signOut(): Promise<{ revoked: boolean }>;
}

/** Renew a little before the stated expiry, so a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 60_000;

const fragmentSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
  state: z.string(),
});

function missingIdentity(): Error {
  return new Error(
    "The browser's sign-in permission is missing: press Connect Google in Ironstride's settings to grant it",
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates the sign-in for one flow. */
export function createGoogleAuth(deps: GoogleAuthDeps): GoogleAuth {
  return deps.flow === 'get-auth-token' ? chromeAuth(deps) : webAuth(deps);
}

/** POSTs the token to Google's revocation endpoint. The endpoint sends no CORS headers, so the
 * request goes out as `no-cors` (a form POST, which needs no preflight) and its answer is opaque. */
async function revoke(deps: GoogleAuthDeps, token: string): Promise<boolean> {
  try {
    await deps.fetch(deps.revokeUrl, {
      method: 'POST',
      mode: 'no-cors',
      body: new URLSearchParams({ token }),
    });
    return true;
  } catch {
    return false;
  }
}

function chromeAuth(deps: GoogleAuthDeps): GoogleAuth {
  async function tokenFor(interactive: boolean, scopes: readonly string[]) {
    const identity = deps.identity();
    if (!identity?.getAuthToken) throw missingIdentity();
    const answer = await identity.getAuthToken({ interactive, scopes: [...scopes] });
    // Chrome before 105 resolved with the bare token.
    const result = typeof answer === 'string' ? { token: answer } : (answer ?? {});
    if (!result.token) throw new Error('Chrome returned no token');
    return { token: result.token, grantedScopes: result.grantedScopes ?? [...scopes] };
  }

  return {
    flow: 'get-auth-token',
    async signIn(scopes) {
      const { grantedScopes } = await tokenFor(true, scopes);
      return { grantedScopes };
    },
    async getToken({ forceRefresh, scopes }) {
      try {
        const cached = await tokenFor(false, scopes);
        if (!forceRefresh) return cached.token;
        // Google refused it: drop it from Chrome's cache so the next call fetches a new one.
        await deps.identity()?.removeCachedAuthToken?.({ token: cached.token });
        return (await tokenFor(false, scopes)).token;
      } catch (error) {
        throw new GoogleAuthError(`Google needs you to sign in again (${messageOf(error)})`, {
          cause: error,
        });
      }
    },
    async signOut() {
      const identity = deps.identity();
      let revoked = false;
      try {
        const cached = identity?.getAuthToken
          ? await identity.getAuthToken({ interactive: false })
          : undefined;
        const token = typeof cached === 'string' ? cached : cached?.token;
        if (token) {
          revoked = await revoke(deps, token);
          await identity?.removeCachedAuthToken?.({ token });
        }
      } catch {
        // No cached token (never signed in, or already revoked): nothing to revoke.
      }
      await identity?.clearAllCachedAuthTokens?.().catch(() => undefined);
      return { revoked };
    },
  };
}

function webAuth(deps: GoogleAuthDeps): GoogleAuth {
  let renewing: Promise<string> | undefined;

  async function runFlow(
    interactive: boolean,
    scopes: readonly string[],
  ): Promise<{ token: string; grantedScopes: string[] }> {
    const identity = deps.identity();
    if (!identity) throw missingIdentity();
    const state = deps.newState();
    const url = new URL(deps.authUrl);
    url.search = new URLSearchParams({
      client_id: deps.clientId,
      redirect_uri: identity.getRedirectURL(),
      response_type: 'token',
      scope: scopes.join(' '),
      state,
      // Keep what was granted before (incremental authorization) when a scope is added.
      include_granted_scopes: 'true',
      // Silent renewal: Google answers with an error instead of showing a page.
      ...(interactive ? {} : { prompt: 'none' }),
    }).toString();
    const answer = await identity.launchWebAuthFlow({ url: url.href, interactive });
    if (!answer) throw new Error('the sign-in window returned nothing');
    // The token comes back in the redirect's fragment; the URL itself is never shown or logged.
    const fragment = new URLSearchParams(new URL(answer).hash.slice(1));
    const error = fragment.get('error');
    if (error) throw new Error(`Google answered ${error}`);
    const parsed = fragmentSchema.safeParse(Object.fromEntries(fragment));
    if (!parsed.success) throw new Error('Google’s answer held no access token');
    if (parsed.data.state !== state)
      throw new Error('Google’s answer did not match the request (state)');
    const grantedScopes = parsed.data.scope
      ? parsed.data.scope.split(/\s+/).filter(Boolean)
      : [...scopes];
    await deps.tokens.set({
      accessToken: parsed.data.access_token,
      expiresAt: deps.now() + (parsed.data.expires_in ?? 3600) * 1000,
      scopes: grantedScopes,
    });
    return { token: parsed.data.access_token, grantedScopes };
  }

  async function renew(scopes: readonly string[]): Promise<string> {
    try {
      return (await runFlow(false, scopes)).token;
    } catch (error) {
      await deps.tokens.clear();
      throw new GoogleAuthError(`Google needs you to sign in again (${messageOf(error)})`, {
        cause: error,
      });
    }
  }

  return {
    flow: 'web-auth-flow',
    async signIn(scopes) {
      const { grantedScopes } = await runFlow(true, scopes);
      return { grantedScopes };
    },
    async getToken({ forceRefresh, scopes }) {
      if (!forceRefresh) {
        const stored = await deps.tokens.get();
        if (stored && stored.expiresAt - EXPIRY_MARGIN_MS > deps.now()) return stored.accessToken;
      }
      // Several calls may find the token expired at once: one renewal serves them all.
      renewing ??= renew(scopes).finally(() => {
        renewing = undefined;
      });
      return renewing;
    },
    async signOut() {
      const stored = await deps.tokens.get();
      await deps.tokens.clear();
      return { revoked: stored ? await revoke(deps, stored.accessToken) : false };
    },
  };
}
