/**
 * `google login`: connects the CLI to Google Calendar with OAuth for an installed app — a
 * loopback redirect to 127.0.0.1 on a random port, PKCE, and `state` against forged answers
 * (https://developers.google.com/identity/protocols/oauth2/native-app). The consent address is
 * printed, not opened: the CLI may run where there is no browser. The token is saved to
 * `$XDG_CONFIG_HOME/ironstride/google-token.json` (directory 0700, file 0600).
 *
 * Scopes are the least that work (SPEC §7): read the calendar list and events, and create
 * Ironstride's own calendar; `--write-existing` adds `calendar.events`, needed only to write
 * into a calendar the runner already had.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALENDAR_NAME } from '../../calendar/calendar-name';
import { GoogleAuthError } from '../../calendar/google/api';
import { GOOGLE_SCOPES, googleScopesFor } from '../../calendar/google/scopes';
import { CliError } from '../errors';
import { tokenFilePath, writePrivateJsonFile } from '../google/config-files';
import {
  buildConsentUrl,
  createOAuthClient,
  createPkce,
  exchangeCode,
  oauthConfigFromEnv,
} from '../google/oauth';
import type { CliIo } from '../io';
import { parseIntFlag } from '../runner-options';

export interface GoogleLoginFlags {
  'write-existing'?: boolean;
  port?: string;
}

export interface GoogleLoginOptions {
  /** Give up waiting for the browser after this long (default 5 minutes). */
  timeoutMs?: number;
}

const PAGE = (message: string) =>
  `<!doctype html><meta charset="utf-8"><title>Ironstride</title><p style="font:16px system-ui;margin:3em">${message}</p>`;

interface Callback {
  code: string;
}

/** Waits for Google's redirect to the loopback address; rejects on an error or a forged answer. */
function waitForCallback(server: Server, state: string, timeoutMs: number): Promise<Callback> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new CliError(
            `No answer from Google within ${Math.round(timeoutMs / 60_000)} minutes; run \`npm run cli -- google login\` again`,
          ),
        ),
      timeoutMs,
    );
    server.on('request', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/') {
        res.writeHead(404).end();
        return;
      }
      const done = (status: number, message: string) => {
        res
          .writeHead(status, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
          .end(PAGE(message));
        clearTimeout(timer);
      };
      if (url.searchParams.get('state') !== state) {
        done(
          400,
          'This answer does not belong to the sign-in Ironstride started. Nothing was saved.',
        );
        reject(
          new CliError(
            'Google answered a sign-in this run did not start (state mismatch); nothing was saved',
          ),
        );
        return;
      }
      const error = url.searchParams.get('error');
      const code = url.searchParams.get('code');
      if (error || !code) {
        done(400, 'Ironstride was not connected. You can close this tab.');
        reject(
          new CliError(
            `Google sign-in did not complete (${error ?? 'no code'}); nothing was saved`,
          ),
        );
        return;
      }
      done(200, 'Ironstride is connected to Google Calendar. You can close this tab.');
      resolve({ code });
    });
  });
}

/** Runs the loopback sign-in and saves the token. */
export async function runGoogleLogin(
  flags: GoogleLoginFlags,
  io: CliIo,
  options: GoogleLoginOptions = {},
): Promise<number> {
  const config = oauthConfigFromEnv(io.env);
  const port = flags.port === undefined ? 0 : parseIntFlag('port', flags.port, 1024, 65535);
  const scopes = googleScopesFor({ writeExisting: flags['write-existing'] === true });

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new CliError(`Cannot listen on 127.0.0.1:${port}: ${error.message}`, 1, { cause: error }),
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const client = createOAuthClient(config, redirectUri);
    const { codeVerifier, codeChallenge } = await createPkce(client);
    const state = randomBytes(16).toString('hex');
    const consentUrl = buildConsentUrl(client, { scopes, codeChallenge, state, redirectUri });
    const answer = waitForCallback(server, state, options.timeoutMs ?? 5 * 60_000);
    io.stderr(
      `Open this address in a browser to connect Ironstride to Google Calendar:\n\n  ${consentUrl}\n\n` +
        `Waiting for Google to send the browser back to ${redirectUri} …\n`,
    );
    const { code } = await answer;
    let token;
    try {
      token = await exchangeCode(client, { code, codeVerifier, redirectUri });
    } catch (error) {
      if (error instanceof GoogleAuthError) throw new CliError(error.message, 1, { cause: error });
      throw error;
    }
    const path = tokenFilePath(io.env);
    await writePrivateJsonFile(path, token);
    io.stderr(`Connected to Google Calendar. Token saved to ${path} (readable by you only).\n`);
    const granted = new Set((token.scope ?? scopes.join(' ')).split(/\s+/));
    const missing = scopes.filter((s) => !granted.has(s));
    if (missing.length > 0) {
      const names = missing
        .map((s) => s.replace('https://www.googleapis.com/auth/', ''))
        .join(', ');
      io.stderr(
        `Note: Google did not grant ${names}; what needs it will fail until you log in again and allow it.\n`,
      );
    }
    if (!token.refresh_token) {
      io.stderr(
        'Note: Google sent no refresh token; you will need to log in again when this token expires.\n',
      );
    }
    if (!granted.has(GOOGLE_SCOPES.events) && !flags['write-existing']) {
      io.stderr(
        `Ironstride can write to its own "${CALENDAR_NAME}" calendar; to write into another, log in with --write-existing.\n`,
      );
    }
    return 0;
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
