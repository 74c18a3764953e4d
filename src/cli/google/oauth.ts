/**
 * OAuth 2.0 for the CLI as an installed ("Desktop app") client: loopback redirect on
 * 127.0.0.1 with PKCE (S256), offline access for a refresh token
 * (https://developers.google.com/identity/protocols/oauth2/native-app), via
 * google-auth-library. Google's installed-app client secrets are not confidential, but they are
 * still never printed.
 */
import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { z } from 'zod';
import { GoogleAuthError } from '../../calendar/google/api';
import { CliError } from '../errors';
import type { CliIo } from '../io';

/** The token file's content. */
export interface StoredGoogleToken {
  access_token: string;
  refresh_token?: string;
  /** ISO 8601 instant the access token expires at. */
  expiry?: string;
  /** Space-separated scopes Google granted. */
  scope?: string;
  token_type?: string;
}

export const storedTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expiry: z.string().optional(),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

export interface OAuthClientConfig {
  clientId: string;
  clientSecret: string;
  /** Overrides for tests and automation (`IRONSTRIDE_GOOGLE_OAUTH_TOKEN_URL`, `…_AUTH_URL`). */
  tokenUrl?: string;
  authUrl?: string;
}

/** The OAuth client from the environment; a clear error when it is not configured. */
export function oauthConfigFromEnv(env: CliIo['env']): OAuthClientConfig {
  const clientId = env.IRONSTRIDE_GOOGLE_CLIENT_ID;
  const clientSecret = env.IRONSTRIDE_GOOGLE_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new CliError(
      'Set IRONSTRIDE_GOOGLE_CLIENT_ID and IRONSTRIDE_GOOGLE_CLIENT_SECRET to your Google OAuth "Desktop app" client (see the README, "Google Calendar")',
      2,
    );
  }
  return {
    clientId,
    clientSecret,
    ...(env.IRONSTRIDE_GOOGLE_OAUTH_TOKEN_URL
      ? { tokenUrl: env.IRONSTRIDE_GOOGLE_OAUTH_TOKEN_URL }
      : {}),
    ...(env.IRONSTRIDE_GOOGLE_OAUTH_AUTH_URL
      ? { authUrl: env.IRONSTRIDE_GOOGLE_OAUTH_AUTH_URL }
      : {}),
  };
}

export function createOAuthClient(config: OAuthClientConfig, redirectUri?: string): OAuth2Client {
  return new OAuth2Client({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: {
      ...(config.tokenUrl ? { oauth2TokenUrl: config.tokenUrl } : {}),
      ...(config.authUrl ? { oauth2AuthBaseUrl: config.authUrl } : {}),
    },
  });
}

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export function createPkce(
  client: OAuth2Client,
): Promise<{ codeVerifier: string; codeChallenge: string }> {
  return client.generateCodeVerifierAsync().then(({ codeVerifier, codeChallenge }) => {
    if (!codeChallenge) throw new Error('google-auth-library returned no PKCE challenge');
    return { codeVerifier, codeChallenge };
  });
}

/** The consent URL: offline access (a refresh token), PKCE, the scopes, and `state` against CSRF. */
export function buildConsentUrl(
  client: OAuth2Client,
  options: { scopes: string[]; codeChallenge: string; state: string; redirectUri: string },
): string {
  return client.generateAuthUrl({
    access_type: 'offline',
    // Ask again so Google returns a refresh token even to a runner who connected before.
    prompt: 'consent',
    scope: options.scopes,
    include_granted_scopes: false,
    code_challenge_method: CodeChallengeMethod.S256,
    code_challenge: options.codeChallenge,
    state: options.state,
    redirect_uri: options.redirectUri,
  });
}

function tokenFrom(
  credentials: {
    access_token?: string | null;
    refresh_token?: string | null;
    expiry_date?: number | null;
    scope?: string;
    token_type?: string | null;
  },
  previous?: StoredGoogleToken,
): StoredGoogleToken {
  if (!credentials.access_token) throw new GoogleAuthError('Google returned no access token');
  const refresh = credentials.refresh_token ?? previous?.refresh_token;
  const scope = credentials.scope ?? previous?.scope;
  return {
    access_token: credentials.access_token,
    ...(refresh ? { refresh_token: refresh } : {}),
    ...(credentials.expiry_date ? { expiry: new Date(credentials.expiry_date).toISOString() } : {}),
    ...(scope ? { scope } : {}),
    ...(credentials.token_type ? { token_type: credentials.token_type } : {}),
  };
}

/** Exchanges the authorization code (with the PKCE verifier) for tokens. */
export async function exchangeCode(
  client: OAuth2Client,
  options: { code: string; codeVerifier: string; redirectUri: string },
): Promise<StoredGoogleToken> {
  try {
    const { tokens } = await client.getToken({
      code: options.code,
      codeVerifier: options.codeVerifier,
      redirect_uri: options.redirectUri,
    });
    return tokenFrom(tokens);
  } catch (error) {
    throw new GoogleAuthError(`Google did not accept the sign-in: ${oauthErrorText(error)}`, {
      cause: error,
    });
  }
}

/** A new access token from the refresh token; the refresh token is kept when Google sends none. */
export async function refreshStoredToken(
  client: OAuth2Client,
  token: StoredGoogleToken,
): Promise<StoredGoogleToken> {
  if (!token.refresh_token)
    throw new GoogleAuthError('The saved Google token cannot be refreshed; reconnect Google');
  client.setCredentials({ refresh_token: token.refresh_token });
  try {
    await client.getAccessToken();
  } catch (error) {
    throw new GoogleAuthError(
      `Google refused the saved refresh token (${oauthErrorText(error)}); reconnect Google`,
      {
        cause: error,
      },
    );
  }
  return tokenFrom(client.credentials, token);
}

/** `invalid_grant: Token has been expired or revoked.` from an OAuth error, without secrets. */
function oauthErrorText(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | undefined)?.response?.data;
  if (data && typeof data === 'object') {
    const { error: code, error_description: description } = data as {
      error?: unknown;
      error_description?: unknown;
    };
    if (typeof code === 'string')
      return typeof description === 'string' ? `${code}: ${description}` : code;
  }
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
