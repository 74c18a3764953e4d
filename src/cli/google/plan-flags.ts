/**
 * The Google flags of `plan` (SPEC §8): `--google [--read-calendar ID …] [--busy-calendar ID …]`
 * reads from Google Calendar, `--write google [--google-calendar ID]` writes the sessions.
 */
import type { ParseArgsConfig } from 'node:util';
import { CliError } from '../errors';
import type { RunnerFlags } from '../runner-options';

export const GOOGLE_PLAN_OPTIONS = {
  google: { type: 'boolean' },
  'read-calendar': { type: 'string', multiple: true },
  'busy-calendar': { type: 'string', multiple: true },
  write: { type: 'string' },
  'google-calendar': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export interface GooglePlanFlags {
  google?: boolean;
  'read-calendar'?: string[];
  'busy-calendar'?: string[];
  write?: string;
  'google-calendar'?: string;
}

export interface GooglePlan {
  read: boolean;
  /** Calendars whose runs are read as training (default `primary`). */
  training: string[];
  /** Calendars that only count as busy time. */
  busy: string[];
  write: boolean;
  /** `--google-calendar`; undefined means the dedicated calendar. */
  writeCalendarId?: string;
}

/** Checks the Google flags together; usage mistakes exit 2 with one line. */
export function parseGooglePlanFlags(flags: GooglePlanFlags): GooglePlan {
  const read = flags.google === true;
  const training = flags['read-calendar'] ?? [];
  const busy = flags['busy-calendar'] ?? [];
  if (!read && (training.length > 0 || busy.length > 0)) {
    throw new CliError('--read-calendar and --busy-calendar need --google', 2);
  }
  if (flags.write !== undefined && flags.write !== 'google') {
    throw new CliError(
      `--write only knows "google", got "${flags.write}" (use --format ics --out FILE for a file)`,
      2,
    );
  }
  const write = flags.write === 'google';
  if (!write && flags['google-calendar'] !== undefined)
    throw new CliError('--google-calendar needs --write google', 2);
  if ([...training, ...busy, flags['google-calendar']].some((id) => id === '')) {
    throw new CliError('A Google calendar id must not be empty', 2);
  }
  return {
    read,
    training: read && training.length === 0 ? ['primary'] : training,
    busy,
    write,
    ...(flags['google-calendar'] ? { writeCalendarId: flags['google-calendar'] } : {}),
  };
}

/**
 * A stand-in `--calendar` so that reading only from Google does not fall back to the bundled
 * sample calendar and its preferences; it is dropped again before any file is read.
 */
export const GOOGLE_ONLY_CALENDAR = '\u0000google';

/** The runner flags to resolve with: the stand-in when Google is the only source. */
export function runnerFlagsFor<F extends RunnerFlags>(flags: F, google: GooglePlan): F {
  return google.read && !flags.calendar?.length
    ? { ...flags, calendar: [GOOGLE_ONLY_CALENDAR] }
    : flags;
}
