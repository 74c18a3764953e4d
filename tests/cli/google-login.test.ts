/**
 * `google login` against a local fake of Google's OAuth token endpoint (real Google cannot be
 * reached from tests): the consent URL, the loopback redirect, PKCE, `state`, and the token
 * file's modes.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogleOAuth } from '../fakes/google-oauth';
import type { FakeGoogleOAuth } from '../fakes/google-oauth';
import { runCliForTest } from '../helpers/cli';
import type { CliRun } from '../helpers/cli';

let oauth: FakeGoogleOAuth;
beforeAll(async () => {
  oauth = await startFakeGoogleOAuth();
});
afterAll(() => oauth.close());

let configHome: string;
beforeEach(() => {
  configHome = mkdtempSync(join(tmpdir(), 'ironstride-google-login-'));
  oauth.reset();
});

const tokenFile = () => join(configHome, 'ironstride', 'google-token.json');

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    IRONSTRIDE_GOOGLE_CLIENT_ID: oauth.clientId,
    IRONSTRIDE_GOOGLE_CLIENT_SECRET: oauth.clientSecret,
    IRONSTRIDE_GOOGLE_OAUTH_TOKEN_URL: oauth.tokenUrl,
    XDG_CONFIG_HOME: configHome,
    ...extra,
  };
}

/**
 * Runs `google login`, plays the browser: waits for the consent URL on stderr, then sends the
 * redirect `answer(url)` builds. Returns the run and the consent URL.
 */
async function login(
  args: string[],
  answer: (consent: URL) => Record<string, string>,
): Promise<{ run: CliRun; consent: URL; page: string }> {
  let stderr = '';
  let announce: (url: URL) => void = () => {};
  const announced = new Promise<URL>((resolve) => (announce = resolve));
  const running = runCliForTest(['google', 'login', ...args], {
    env: env(),
    stderr: (text) => {
      stderr += text;
      const match = /https:\/\/accounts\.google\.com\/\S+/.exec(stderr);
      if (match) announce(new URL(match[0]));
    },
  });
  const consent = await announced;
  oauth.challenge = consent.searchParams.get('code_challenge') ?? undefined;
  const redirect = new URL(consent.searchParams.get('redirect_uri')!);
  for (const [key, value] of Object.entries(answer(consent))) redirect.searchParams.set(key, value);
  const page = await (await fetch(redirect)).text();
  const run = await running;
  return { run: { ...run, stderr }, consent, page };
}

const goodAnswer = (consent: URL) => ({
  code: oauth.code,
  state: consent.searchParams.get('state')!,
});

describe('cli google login', () => {
  it('asks for the least scopes with PKCE and offline access on a loopback address', async () => {
    const { consent } = await login([], goodAnswer);
    const scopes = consent.searchParams.get('scope')!.split(' ');

    expect(consent.origin + consent.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(consent.searchParams.get('client_id')).toBe(oauth.clientId);
    expect(consent.searchParams.get('response_type')).toBe('code');
    expect(consent.searchParams.get('access_type')).toBe('offline');
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(consent.searchParams.get('state')).toMatch(/^[0-9a-f]{32}$/);
    expect(consent.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(scopes.sort()).toEqual([
      'https://www.googleapis.com/auth/calendar.app.created',
      'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
      'https://www.googleapis.com/auth/calendar.events.readonly',
    ]);
  });

  it('adds calendar.events only with --write-existing', async () => {
    const { consent } = await login(['--write-existing'], goodAnswer);
    expect(consent.searchParams.get('scope')!.split(' ')).toContain(
      'https://www.googleapis.com/auth/calendar.events',
    );
  });

  it('exchanges the code with its PKCE verifier and saves the token readable by the runner only', async () => {
    const { run, page } = await login([], goodAnswer);

    expect(run.code).toBe(0);
    expect(page).toContain('Ironstride is connected');
    expect(oauth.grants).toEqual([
      expect.objectContaining({ grant_type: 'authorization_code', code: oauth.code }),
    ]);
    expect(JSON.parse(readFileSync(tokenFile(), 'utf8'))).toEqual({
      access_token: 'access-1',
      refresh_token: 'refresh-1',
      expiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      scope: expect.stringContaining('calendar.app.created'),
      token_type: 'Bearer',
    });
    expect(statSync(tokenFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(configHome, 'ironstride')).mode & 0o777).toBe(0o700);
    expect(run.stderr).toContain(`Token saved to ${tokenFile()}`);
    expect(run.stderr).not.toContain(oauth.clientSecret);
    expect(run.stderr).not.toContain('access-1');
    expect(run.stderr).not.toContain('refresh-1');
  });

  it('saves nothing for an answer to a sign-in it did not start', async () => {
    const { run, page } = await login([], () => ({ code: oauth.code, state: 'forged' }));
    expect(run.code).toBe(1);
    expect(page).toContain('Nothing was saved');
    expect(run.stderr).toMatch(/ironstride: Google answered a sign-in this run did not start/);
    expect(existsSync(tokenFile())).toBe(false);
    expect(oauth.grants).toEqual([]);
  });

  it('reports a cancelled consent', async () => {
    const { run } = await login([], (consent) => ({
      error: 'access_denied',
      state: consent.searchParams.get('state')!,
    }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /ironstride: Google sign-in did not complete \(access_denied\); nothing was saved\n$/,
    );
    expect(existsSync(tokenFile())).toBe(false);
  });

  it('needs the OAuth client in the environment', async () => {
    const run = await runCliForTest(['google', 'login'], { env: { XDG_CONFIG_HOME: configHome } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^ironstride: Set IRONSTRIDE_GOOGLE_CLIENT_ID and IRONSTRIDE_GOOGLE_CLIENT_SECRET/,
    );
  });

  it('knows no other google command', async () => {
    const run = await runCliForTest(['google', 'logout'], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Unknown command "google logout"/);
  });
});
