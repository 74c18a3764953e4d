/** `google <subcommand>`: for now `google login`. */
import { parseArgs } from 'node:util';
import { CliError } from '../errors';
import type { CliIo } from '../io';
import { runGoogleLogin } from './google-login';

export const GOOGLE_USAGE = `Usage: npm run cli -- google login [--write-existing] [--port N]

  Connects the CLI to Google Calendar (OAuth, loopback redirect to 127.0.0.1): prints an address
  to open in a browser and saves the token to $XDG_CONFIG_HOME/ironstride/google-token.json
  (default ~/.config/ironstride), readable by you only.

  Needs IRONSTRIDE_GOOGLE_CLIENT_ID and IRONSTRIDE_GOOGLE_CLIENT_SECRET (a "Desktop app" OAuth
  client; see the README). Asks to read your calendars and to manage the calendar Ironstride
  creates; --write-existing also asks to edit events in your other calendars.
`;

/** Runs `google …`; returns the exit code. */
export async function runGoogleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(GOOGLE_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'login') {
    throw new CliError(
      `Unknown command "google ${sub}": the Google command is \`npm run cli -- google login\``,
      2,
    );
  }
  let flags;
  try {
    flags = parseArgs({
      args: [...rest],
      options: {
        'write-existing': { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    const message = (error as Error).message.split('. ')[0] ?? 'invalid arguments';
    throw new CliError(`${message}. Run \`npm run cli -- google --help\` for usage.`, 2, {
      cause: error,
    });
  }
  if (flags.help) {
    io.stdout(GOOGLE_USAGE);
    return 0;
  }
  return runGoogleLogin(flags, io);
}
