import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { runClassify } from './commands/classify';
import { runEvents } from './commands/events';
import { runGoogleCommand } from './commands/google';
import { runPlan } from './commands/plan';
import { runServe } from './commands/serve';
import { CALENDAR_NAME } from '../calendar/calendar-name';
import { CliError } from './errors';
import { GOOGLE_PLAN_OPTIONS } from './google/plan-flags';
import type { CliIo } from './io';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  classify                         stdin: "title<TAB>description" lines; stdout: one JSON object a line
  events  [--calendar FILE|URL …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz IANA] [--prefs FILE]
          [--format text|json]     what was read from the calendars, classified, and what was skipped
  plan    [--calendar FILE|URL …] [--week YYYY-MM-DD] [--weeks N] [--tz IANA] [--prefs FILE]
          [--format text|json|ics] [--out FILE] [--log FILE]
          [--google [--read-calendar ID …] [--busy-calendar ID …]] [--write google [--google-calendar ID]]
                                   strength sessions planned around the runs of the week(s);
                                   --google reads Google calendars (default: primary), --write google
                                   writes the sessions (default: the "${CALENDAR_NAME}" calendar);
                                   --log reads a training log (JSON, SPEC §6b): the sessions
                                   follow what was done (target weights, held or restarted blocks)
  google login [--write-existing]  connects the CLI to Google Calendar (OAuth; token file mode 0600)
  serve   [--port 8787] [--host 127.0.0.1] [--data DIR]
                                   the ICS feed server (embedded database in DIR, default
                                   ./.ironstride/data; PostgreSQL when DATABASE_URL is set)

Without --calendar, the bundled sample runner's calendar and preferences are used.
`;

const RUNNER_OPTIONS = {
  calendar: { type: 'string', multiple: true },
  tz: { type: 'string' },
  prefs: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    // Node's messages carry a long hint about "--"; the first sentence is the useful part.
    const message = (error as Error).message.split('. ')[0] ?? 'invalid arguments';
    throw new CliError(`${message}. Run \`npm run cli -- --help\` for usage.`, 2, { cause: error });
  }
}

/**
 * Runs one CLI command and returns its exit code. Errors the runner can fix are printed as one
 * line on stderr; nothing prints a stack trace unless IRONSTRIDE_DEBUG is set.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      case 'classify': {
        const flags = parse(rest, { help: { type: 'boolean', short: 'h' } });
        if (flags.help) return help(io);
        return await runClassify(io);
      }
      case 'events': {
        const flags = parse(rest, {
          ...RUNNER_OPTIONS,
          from: { type: 'string' },
          to: { type: 'string' },
        });
        if (flags.help) return help(io);
        return await runEvents(flags, io);
      }
      case 'plan': {
        const flags = parse(rest, {
          ...RUNNER_OPTIONS,
          week: { type: 'string' },
          weeks: { type: 'string' },
          out: { type: 'string' },
          log: { type: 'string' },
          ...GOOGLE_PLAN_OPTIONS,
        });
        if (flags.help) return help(io);
        return await runPlan(flags, io);
      }
      case 'serve': {
        const flags = parse(rest, {
          port: { type: 'string' },
          host: { type: 'string' },
          data: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        });
        if (flags.help) return help(io);
        return await runServe(flags, io);
      }
      case 'google':
        return await runGoogleCommand(rest, io);
      default:
        throw new CliError(
          `Unknown command "${command}". Run \`npm run cli -- --help\` for usage.`,
          2,
        );
    }
  } catch (error) {
    if (io.env.IRONSTRIDE_DEBUG) io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    if (error instanceof CliError) {
      io.stderr(`ironstride: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ironstride: unexpected error: ${message.split('\n')[0]}\n`);
    return 1;
  }
}

function help(io: CliIo): number {
  io.stdout(USAGE);
  return 0;
}
