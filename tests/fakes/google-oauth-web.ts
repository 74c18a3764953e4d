/**
 * A fake of Google's OAuth 2.0 endpoints for browser clients, next to `google-oauth.ts` (which
 * fakes the token endpoint the CLI's Desktop-app client uses): the authorization endpoint of the
 * implicit grant that `identity.launchWebAuthFlow` opens, and token revocation
 * (https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow).
 *
 * `GET /authorize` checks the request as Google does (`response_type=token`, the client id, an
 * https redirect URI, scopes, a state) and answers at once with a redirect to
 * `<redirect_uri>#access_token=…&token_type=Bearer&expires_in=3599&scope=…&state=…` — consent
 * given, no page to click through — or `#error=…&state=…` after `refuse()`. With
 * `prompt=none` (silent renewal) it answers the same way. `POST /revoke` records the token.
 * Served on 127.0.0.1 (random port); point `WXT_GOOGLE_AUTH_URL` / `WXT_GOOGLE_REVOKE_URL` at it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGoogleWebAuthOptions {
  clientId?: string;
  /** The access token each authorization returns (read at each request). */
  token: () => string;
}

export interface Authorization {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  prompt?: string;
}

export interface FakeGoogleWebAuth {
  readonly authorizeUrl: string;
  readonly revokeUrl: string;
  readonly clientId: string;
  /** Every authorization request that reached a redirect, in order. */
  readonly authorizations: Authorization[];
  /** Tokens posted to /revoke, in order. */
  readonly revocations: string[];
  /** From now on answer every authorization with this OAuth error (`access_denied`, …); null: grant. */
  refuse(error: string | null): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeGoogleWebAuth(
  options: FakeGoogleWebAuthOptions,
): Promise<FakeGoogleWebAuth> {
  const clientId = options.clientId ?? 'ironstride-e2e.apps.googleusercontent.com';
  const authorizations: Authorization[] = [];
  const revocations: string[] = [];
  let refusal: string | null = null;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const page = (status: number, text: string) =>
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);

    if (url.pathname === '/authorize' && req.method === 'GET') {
      const q = url.searchParams;
      const redirectUri = q.get('redirect_uri') ?? '';
      // Google shows its own error page (no redirect) for a client or redirect it does not know.
      if (q.get('client_id') !== clientId) return page(401, 'Error 401: invalid_client');
      if (!/^https:\/\/[^/]+\/$/.test(redirectUri))
        return page(400, 'Error 400: redirect_uri_mismatch');
      const state = q.get('state') ?? '';
      const scope = q.get('scope') ?? '';
      const back = (fragment: Record<string, string>) => {
        res
          .writeHead(302, {
            location: `${redirectUri}#${new URLSearchParams({ ...fragment, state })}`,
          })
          .end();
      };
      if (q.get('response_type') !== 'token') return back({ error: 'unsupported_response_type' });
      if (!scope.trim()) return back({ error: 'invalid_scope' });
      if (refusal) return back({ error: refusal });
      const prompt = q.get('prompt');
      authorizations.push({
        clientId,
        redirectUri,
        scopes: scope.split(' '),
        ...(prompt ? { prompt } : {}),
      });
      return back({
        access_token: options.token(),
        token_type: 'Bearer',
        expires_in: '3599',
        scope,
      });
    }

    if (url.pathname === '/revoke' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const token = new URLSearchParams(body).get('token') ?? url.searchParams.get('token');
        if (!token) return page(400, '{"error":"invalid_request"}');
        revocations.push(token);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
      return;
    }
    page(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authorizeUrl: `${root}/authorize`,
    revokeUrl: `${root}/revoke`,
    clientId,
    authorizations,
    revocations,
    refuse: (error) => {
      refusal = error;
    },
    reset: () => {
      authorizations.length = 0;
      revocations.length = 0;
      refusal = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
