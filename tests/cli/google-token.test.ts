/**
 * The token `google login` saved, in use: refreshed with its refresh token when it has expired
 * or Google refuses it, the new one saved; a revoked refresh token asks to log in again;
 * `IRONSTRIDE_GOOGLE_TOKEN` wins over the file. Against the fake OAuth token endpoint and the
 * fake Calendar API.
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { startFakeGoogleOAuth } from '../fakes/google-oauth';
import type { FakeGoogleOAuth } from '../fakes/google-oauth';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

let oauth: FakeGoogleOAuth;
let calendar: FakeGoogleCalendar;
beforeAll(async () => {
  oauth = await startFakeGoogleOAuth();
  calendar = await startFakeGoogleCalendar({ tokens: ['refreshed-1'] });
});
afterAll(async () => {
  await oauth.close();
  await calendar.close();
});

let configHome: string;
beforeEach(() => {
  configHome = mkdtempSync(join(tmpdir(), 'ironstride-google-token-'));
  oauth.reset();
  calendar.reset();
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

describe('the saved token', () => {
  // runCliForTest's clock: 2027-03-03T12:00Z.
  const NOW = Date.UTC(2027, 2, 3, 12);

  function saveToken(token: Record<string, string>): void {
    mkdirSync(join(configHome, 'ironstride'), { recursive: true, mode: 0o700 });
    writeFileSync(tokenFile(), JSON.stringify(token), { mode: 0o600 });
  }

  function planAndWrite(extraEnv: Record<string, string> = {}) {
    return runCliForTest(
      [
        'plan',
        '--calendar',
        fixturePath('scenarios/two-hard-days/calendar.ics'),
        '--week',
        '2027-05-03',
        '--tz',
        'Europe/London',
        '--format',
        'json',
        '--write',
        'google',
      ],
      {
        env: env({
          IRONSTRIDE_GOOGLE_ROOT_URL: calendar.rootUrl,
          IRONSTRIDE_GOOGLE_RETRY_SCALE: '0',
          ...extraEnv,
        }),
      },
    );
  }

  it('is refreshed when it has expired, and the new one saved', async () => {
    saveToken({
      access_token: 'old',
      refresh_token: 'refresh-1',
      expiry: new Date(NOW - 1000).toISOString(),
    });

    const run = await planAndWrite();

    expect(run.stderr).toMatch(/2 created/);
    expect(run.code).toBe(0);
    expect(oauth.grants.map((g) => g.grant_type)).toEqual(['refresh_token']);
    expect(calendar.requests.every((r) => r.status !== 401)).toBe(true);
    const saved = JSON.parse(readFileSync(tokenFile(), 'utf8')) as Record<string, string>;
    expect(saved).toMatchObject({ access_token: 'refreshed-1', refresh_token: 'refresh-1' });
    expect(statSync(tokenFile()).mode & 0o777).toBe(0o600);
  });

  it('is refreshed once when Google refuses it before its expiry', async () => {
    saveToken({
      access_token: 'old',
      refresh_token: 'refresh-1',
      expiry: new Date(NOW + 3_000_000).toISOString(),
    });

    const run = await planAndWrite();

    expect(run.code).toBe(0);
    expect(calendar.requests[0]!.status).toBe(401);
    expect(oauth.grants).toHaveLength(1);
  });

  it('asks to log in again when the refresh token was revoked', async () => {
    saveToken({
      access_token: 'old',
      refresh_token: 'revoked',
      expiry: new Date(NOW - 1000).toISOString(),
    });

    const run = await planAndWrite();

    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^ironstride: Google refused the saved token; run `npm run cli -- google login` again \(.*invalid_grant/,
    );
  });

  it('is not used when IRONSTRIDE_GOOGLE_TOKEN is set', async () => {
    saveToken({
      access_token: 'old',
      refresh_token: 'refresh-1',
      expiry: new Date(NOW - 1000).toISOString(),
    });
    const run = await planAndWrite({ IRONSTRIDE_GOOGLE_TOKEN: 'refreshed-1' });
    expect(run.code).toBe(0);
    expect(oauth.grants).toEqual([]);
  });
});
