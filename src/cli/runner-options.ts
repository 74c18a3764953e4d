import { parsePreferences, PreferencesError } from '../core/prefs';
import type { Preferences } from '../core/prefs';
import { dateInZone, isDateString, isValidTimeZone, startOfWeek } from '../core/time';
import type { DateString } from '../core/time';
import type { TextStyle } from '../core/text-style';
import { CliError } from './errors';
import type { CliIo } from './io';
import { readLocalFile, SAMPLE_CALENDAR_PATH, SAMPLE_PREFS_PATH } from './load-calendars';
import { cliLocale } from './locale';

/** Options shared by `events` and `plan`. */
export interface RunnerFlags {
  calendar?: string[];
  tz?: string;
  prefs?: string;
}

export interface Runner {
  prefs: Preferences;
  calendars: string[];
  /** True when the bundled sample calendar stands in for a missing `--calendar`. */
  sample: boolean;
  /** How times and dates read for this runner (their locale). */
  text: TextStyle;
}

/** Validates `--tz`; the message says what an IANA name looks like. */
export function checkTimeZone(tz: string): string {
  if (!isValidTimeZone(tz)) {
    throw new CliError(`Unknown time zone "${tz}": use an IANA name such as Europe/London`, 2);
  }
  return tz;
}

/**
 * The runner's calendars and preferences. Without `--calendar` the sample runner is used, with
 * its own preferences unless `--prefs` is given. `--tz` beats the preferences' zone, which beats
 * the machine's.
 */
export async function resolveRunner(flags: RunnerFlags, io: CliIo): Promise<Runner> {
  const tz = flags.tz === undefined ? undefined : checkTimeZone(flags.tz);
  const sample = !flags.calendar || flags.calendar.length === 0;
  const prefsPath = flags.prefs ?? (sample ? SAMPLE_PREFS_PATH : undefined);
  let raw: unknown = {};
  if (prefsPath) {
    const text = new TextDecoder().decode(await readLocalFile(prefsPath, io, 'preferences'));
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new CliError(
        `${flags.prefs ?? 'sample preferences'} is not valid JSON: ${(error as Error).message}`,
        1,
        {
          cause: error,
        },
      );
    }
  }
  const locale = cliLocale(io.env);
  let prefs: Preferences;
  try {
    prefs = parsePreferences(raw, {
      defaultTimezone: tz ?? io.systemTimeZone,
      defaultWeightUnit: locale.weightUnit,
    });
  } catch (error) {
    if (error instanceof PreferencesError) {
      throw new CliError(`${flags.prefs ?? 'preferences'}: ${error.message}`, 1, { cause: error });
    }
    throw error;
  }
  if (tz) prefs = { ...prefs, timezone: tz };
  return {
    prefs,
    calendars: sample ? [SAMPLE_CALENDAR_PATH] : [...(flags.calendar ?? [])],
    sample,
    text: locale.text,
  };
}

/** Parses a `YYYY-MM-DD` flag, naming the flag when it is wrong. */
export function parseDateFlag(name: string, value: string): DateString {
  if (!isDateString(value)) {
    throw new CliError(`--${name} must be a date as YYYY-MM-DD, got "${value}"`, 2);
  }
  return value;
}

/** Parses a whole-number flag within bounds. */
export function parseIntFlag(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`, 2);
  }
  return n;
}

/** First day of the week holding `--week` (default: today in the runner's zone). */
export function firstWeekStart(
  week: string | undefined,
  prefs: Preferences,
  io: CliIo,
): DateString {
  const day =
    week === undefined ? dateInZone(io.now(), prefs.timezone) : parseDateFlag('week', week);
  return startOfWeek(day, prefs.weekStartsOn);
}

/** Checks `--format` against the accepted values. */
export function parseFormat<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`--format must be one of ${allowed.join(', ')}, got "${value}"`, 2);
  }
  return value as T;
}
