import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fetchCalendar, FetchCalendarError } from '../calendar/fetch-calendar';
import { IcsError, readIcs, type IcsWarning } from '../calendar/ics';
import type { InstantRange, ReadCalendarResult } from '../core/events';
import { CliError } from './errors';
import type { CliIo } from './io';

/** The bundled calendar of a sample runner, used when no `--calendar` is given. */
export const SAMPLE_CALENDAR_PATH = fileURLToPath(
  new URL('./sample/sample-calendar.ics', import.meta.url),
);
/** The sample runner's preferences, used with the sample calendar when no `--prefs` is given. */
export const SAMPLE_PREFS_PATH = fileURLToPath(
  new URL('./sample/sample-prefs.json', import.meta.url),
);

const URL_RE = /^(https?|webcals?):\/\//i;

/** Reads a local file for the CLI, turning fs errors into one clear line. */
export async function readLocalFile(path: string, io: CliIo, what: string): Promise<Uint8Array> {
  const full = resolve(io.cwd, path);
  try {
    return await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new CliError(`Cannot read ${what} ${path}: ${why}`, 1, { cause: error });
  }
}

/** A reader warning (an unknown zone, a refused VTIMEZONE) and the calendar it is about. */
export interface SourcedWarning extends IcsWarning {
  source: string;
}

/** What `loadCalendars` read: `ReadCalendarResult` plus the readers' warnings. */
export interface LoadedCalendars extends ReadCalendarResult {
  warnings: SourcedWarning[];
}

/**
 * Reads every calendar (files and http(s)/webcal URLs) over `range` in the runner's zone and
 * merges them. A bad event inside a calendar is skipped and reported; a source that is not a
 * calendar at all stops the command with one line naming it.
 */
export async function loadCalendars(
  sources: readonly string[],
  options: { timezone: string; range: InstantRange; io: CliIo },
): Promise<LoadedCalendars> {
  const merged: LoadedCalendars = { events: [], read: 0, skipped: [], warnings: [] };
  for (const source of sources) {
    const bytes = URL_RE.test(source)
      ? await download(source, options.io)
      : await readLocalFile(source, options.io, 'calendar');
    let result: ReturnType<typeof readIcs>;
    try {
      result = readIcs(bytes, { timezone: options.timezone, range: options.range, source });
    } catch (error) {
      if (error instanceof IcsError) {
        throw new CliError(`${source}: ${error.message}`, 1, { cause: error });
      }
      throw error;
    }
    merged.events.push(...result.events);
    merged.read += result.read;
    merged.skipped.push(...result.skipped);
    merged.warnings.push(...result.warnings.map((w) => ({ ...w, source })));
  }
  merged.events.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  return merged;
}

async function download(url: string, io: CliIo): Promise<Uint8Array> {
  try {
    const { bytes } = await fetchCalendar(url, { fetch: io.fetch });
    return bytes ?? new Uint8Array();
  } catch (error) {
    if (error instanceof FetchCalendarError) throw new CliError(error.message, 1, { cause: error });
    throw error;
  }
}
