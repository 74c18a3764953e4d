/**
 * A fake of Google's OAuth 2.0 token endpoint (`https://oauth2.googleapis.com/token`) for an
 * installed ("Desktop app") client: the authorization-code grant with PKCE (S256, RFC 7636)
 * and the refresh-token grant, answering with Google's JSON and error codes
 * (`invalid_client`, `invalid_grant`). Point `IRONSTRIDE_GOOGLE_OAUTH_TOKEN_URL` at `tokenUrl`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGoogleOAuthOptions {
  clientId?: string;
  clientSecret?: string;
  /** The code the fake browser brings back (default `good-code`). */
  code?: string;
  /** Scopes Google reports as granted. */
  scope?: string;
}

export interface FakeGoogleOAuth {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly code: string;
  /** The `code_challenge` of the consent URL; the code grant checks the verifier against it. */
  challenge: string | undefined;
  /** Every form posted, in order. */
  readonly grants: Record<string, string>[];
  /** Refresh tokens that are still valid. */
  readonly refreshTokens: Set<string>;
  /** Forget grants and the challenge; restart token numbering (`access-1`, `refreshed-1`, …). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeGoogleOAuth(
  options: FakeGoogleOAuthOptions = {},
): Promise<FakeGoogleOAuth> {
  const clientId = options.clientId ?? 'ironstride-test.apps.googleusercontent.com';
  const clientSecret = options.clientSecret ?? 'GOCSPX-not-really-secret';
  const code = options.code ?? 'good-code';
  const scope =
    options.scope ??
    'https://www.googleapis.com/auth/calendar.calendarlist.readonly https://www.googleapis.com/auth/calendar.events.readonly https://www.googleapis.com/auth/calendar.app.created';
  let issued = 0;
  const state = {
    challenge: undefined as string | undefined,
    grants: [] as Record<string, string>[],
    refreshTokens: new Set(['refresh-1']),
  };

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      state.grants.push(form);
      const reply = (status: number, json: unknown) => {
        res
          .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(json));
      };
      if (req.method !== 'POST') return reply(405, { error: 'invalid_request' });
      if (form.client_id !== clientId || form.client_secret !== clientSecret) {
        return reply(401, { error: 'invalid_client', error_description: 'Unauthorized' });
      }
      if (form.grant_type === 'authorization_code') {
        const verifierOk =
          form.code_verifier !== undefined &&
          createHash('sha256').update(form.code_verifier).digest('base64url') === state.challenge;
        if (
          form.code !== code ||
          !verifierOk ||
          !form.redirect_uri?.startsWith('http://127.0.0.1:')
        ) {
          return reply(400, { error: 'invalid_grant', error_description: 'Bad Request' });
        }
        return reply(200, {
          access_token: `access-${++issued}`,
          refresh_token: 'refresh-1',
          expires_in: 3599,
          scope,
          token_type: 'Bearer',
        });
      }
      if (form.grant_type === 'refresh_token') {
        if (!form.refresh_token || !state.refreshTokens.has(form.refresh_token)) {
          return reply(400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
        }
        return reply(200, {
          access_token: `refreshed-${++issued}`,
          expires_in: 3599,
          scope,
          token_type: 'Bearer',
        });
      }
      return reply(400, { error: 'unsupported_grant_type' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    tokenUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    clientId,
    clientSecret,
    code,
    get challenge() {
      return state.challenge;
    },
    set challenge(value) {
      state.challenge = value;
    },
    grants: state.grants,
    refreshTokens: state.refreshTokens,
    reset() {
      state.grants.length = 0;
      state.challenge = undefined;
      state.refreshTokens.clear();
      state.refreshTokens.add('refresh-1');
      issued = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
