/**
 * The CLI's connection to Google Calendar: the googleapis transport, its token and its retry
 * settings, all from the environment.
 *
 * Token: `IRONSTRIDE_GOOGLE_TOKEN` (an access token; nothing to refresh) beats the token file
 * written by `google login`, which is refreshed with its refresh token when it has expired or
 * Google refuses it. API root: `IRONSTRIDE_GOOGLE_ROOT_URL` (tests point it at the fake).
 * `IRONSTRIDE_GOOGLE_RETRY_SCALE` multiplies every retry wait (0 in tests and automation).
 */
import {
  DEFAULT_GOOGLE_ROOT_URL,
  GoogleApiError,
  GoogleAuthError,
} from '../../calendar/google/api';
import type { GetGoogleToken, GoogleCalendarApi } from '../../calendar/google/api';
import { createNodeCalendarApi } from '../../calendar/google/node-api';
import { GoogleRetryError } from '../../calendar/google/retry';
import type { RetryOptions } from '../../calendar/google/retry';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { readJsonFile, tokenFilePath, writePrivateJsonFile } from './config-files';
import {
  createOAuthClient,
  oauthConfigFromEnv,
  refreshStoredToken,
  storedTokenSchema,
} from './oauth';
import type { StoredGoogleToken } from './oauth';

export interface GoogleConnection {
  api: GoogleCalendarApi;
  retry: RetryOptions;
  /** Where the token came from, for error messages. */
  tokenSource: 'env' | 'file';
}

/** Refresh a little before the stated expiry, so a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/** Reads the saved token; a clear error when there is none or it is not a token file. */
export async function readTokenFile(io: CliIo): Promise<StoredGoogleToken> {
  const path = tokenFilePath(io.env);
  let raw: unknown;
  try {
    raw = await readJsonFile(path);
  } catch (error) {
    throw new CliError(`Cannot read the Google token ${path}: ${(error as Error).message}`, 1, {
      cause: error,
    });
  }
  if (raw === undefined) {
    throw new CliError(
      'Not connected to Google: run `npm run cli -- google login` first (or set IRONSTRIDE_GOOGLE_TOKEN)',
    );
  }
  const parsed = storedTokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CliError(
      `${path} is not a Google token file; run \`npm run cli -- google login\` again`,
    );
  }
  const { refresh_token, expiry, scope, token_type } = parsed.data;
  return {
    access_token: parsed.data.access_token,
    ...(refresh_token ? { refresh_token } : {}),
    ...(expiry ? { expiry } : {}),
    ...(scope ? { scope } : {}),
    ...(token_type ? { token_type } : {}),
  };
}

function fileTokenProvider(io: CliIo, initial: StoredGoogleToken): GetGoogleToken {
  let token = initial;
  let refreshing: Promise<StoredGoogleToken> | undefined;
  // A token refreshed during this run is used until Google refuses it: its expiry comes from
  // the OAuth library's clock, which need not be the CLI's.
  let refreshedNow = false;
  const expired = () =>
    !refreshedNow &&
    token.expiry !== undefined &&
    Date.parse(token.expiry) - EXPIRY_MARGIN_MS <= io.now();
  const refresh = async (): Promise<StoredGoogleToken> => {
    let config;
    try {
      config = oauthConfigFromEnv(io.env);
    } catch (error) {
      throw new GoogleAuthError(
        'The saved Google token has expired and refreshing it needs IRONSTRIDE_GOOGLE_CLIENT_ID and IRONSTRIDE_GOOGLE_CLIENT_SECRET',
        { cause: error },
      );
    }
    const fresh = await refreshStoredToken(createOAuthClient(config), token);
    await writePrivateJsonFile(tokenFilePath(io.env), fresh);
    return fresh;
  };
  return async ({ forceRefresh }) => {
    if (forceRefresh || expired()) {
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      token = await refreshing;
      refreshedNow = true;
    }
    return token.access_token;
  };
}

function parseRootUrl(value: string | undefined): string {
  if (!value) return DEFAULT_GOOGLE_ROOT_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `IRONSTRIDE_GOOGLE_ROOT_URL must be a URL such as http://127.0.0.1:8080/, got "${value}"`,
      2,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`IRONSTRIDE_GOOGLE_ROOT_URL must be http(s), got "${value}"`, 2);
  }
  return url.href;
}

function parseRetryScale(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 0) {
    throw new CliError(`IRONSTRIDE_GOOGLE_RETRY_SCALE must be a number ≥ 0, got "${value}"`, 2);
  }
  return scale;
}

/** Connects the CLI to Google Calendar (nothing is sent yet). */
export async function connectGoogle(io: CliIo): Promise<GoogleConnection> {
  const rootUrl = parseRootUrl(io.env.IRONSTRIDE_GOOGLE_ROOT_URL);
  const retry: RetryOptions = { scale: parseRetryScale(io.env.IRONSTRIDE_GOOGLE_RETRY_SCALE) };
  const envToken = io.env.IRONSTRIDE_GOOGLE_TOKEN;
  // An access token from the environment cannot be refreshed: after a 401 it is tried once
  // more as it is (a refused token is refused again, and the run stops asking for a new one).
  const getToken: GetGoogleToken = envToken
    ? async () => envToken
    : fileTokenProvider(io, await readTokenFile(io));
  return {
    api: createNodeCalendarApi({ getToken, rootUrl, now: io.now }),
    retry,
    tokenSource: envToken ? 'env' : 'file',
  };
}

/** The advice for a refused token, by where it came from. */
export function reconnectAdvice(source: GoogleConnection['tokenSource']): string {
  return source === 'env'
    ? 'Google refused IRONSTRIDE_GOOGLE_TOKEN; set a fresh access token'
    : 'Google refused the saved token; run `npm run cli -- google login` again';
}

/** Turns a Google failure into the CLI's one-line error. */
export function googleCliError(error: unknown, source: GoogleConnection['tokenSource']): unknown {
  if (error instanceof GoogleAuthError) {
    return new CliError(`${reconnectAdvice(source)} (${error.message})`, 1, { cause: error });
  }
  if (error instanceof GoogleRetryError || error instanceof GoogleApiError) {
    return new CliError(`Google Calendar: ${error.message}`, 1, { cause: error });
  }
  return error;
}
