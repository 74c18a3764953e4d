import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportIcs } from '../../calendar/export-ics';
import { classifyCalendar } from '../../core/classify-calendar';
import { resultLines, withResultLine } from '../../core/log';
import { planWeeks } from '../../core/plan';
import { serializePlan } from '../../core/plan/plan-json';
import { readWindow } from '../../core/read-window';
import { addDays, startOfDayInstant } from '../../core/time';
import { CliError } from '../errors';
import { renderPlanText } from '../format-plan-text';
import { connectGoogle } from '../google/connect';
import { GOOGLE_ONLY_CALENDAR, parseGooglePlanFlags, runnerFlagsFor } from '../google/plan-flags';
import type { GooglePlanFlags } from '../google/plan-flags';
import { mergeReads, readGoogleCalendars } from '../google/read-calendars';
import { writePlanToGoogle } from '../google/write-plan';
import type { CliIo } from '../io';
import { loadCalendars } from '../load-calendars';
import { firstWeekStart, parseFormat, parseIntFlag, resolveRunner } from '../runner-options';
import type { RunnerFlags } from '../runner-options';
import { readTrainingLog } from '../training-log';

export interface PlanFlags extends RunnerFlags, GooglePlanFlags {
  week?: string;
  weeks?: string;
  format?: string;
  out?: string;
  /** SPEC §6b: the training log the next prescriptions follow. */
  log?: string;
}

/** `plan`: strength sessions for the runner's weeks, as text, SPEC §8 JSON, or ICS. */
export async function runPlan(flags: PlanFlags, io: CliIo): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json', 'ics'] as const, 'text');
  const google = parseGooglePlanFlags(flags);
  const runner = await resolveRunner(runnerFlagsFor(flags, google), io);
  const { prefs } = runner;
  const tz = prefs.timezone;
  const first = firstWeekStart(flags.week, prefs, io);
  const weeks = flags.weeks === undefined ? 1 : parseIntFlag('weeks', flags.weeks, 1, 52);
  // Read before the calendars: a bad log is the runner's to fix, and cheaper to find first.
  const log = flags.log === undefined ? undefined : await readTrainingLog(flags.log, io);
  const end = addDays(first, 7 * weeks);
  const range = readWindow({ firstWeek: first, weeks, timeZone: tz });
  const connection = google.read || google.write ? await connectGoogle(io) : undefined;
  const files = runner.calendars.filter((c) => c !== GOOGLE_ONLY_CALENDAR);
  const read = await loadCalendars(files, { timezone: tz, range, io });
  const fromGoogle = google.read
    ? await readGoogleCalendars({ ...google, timezone: tz, range }, io, connection)
    : undefined;
  if (fromGoogle) mergeReads(read, fromGoogle.read);
  const events = classifyCalendar(read.events, fromGoogle?.retags);
  const planned = planWeeks({
    events,
    prefs,
    firstWeek: first,
    weeks,
    text: runner.text,
    ...(log ? { log } : {}),
  });
  // A logged session carries its result line wherever it is written (the calendar echo).
  const results = resultLines(log?.entries ?? [], prefs.weightUnit);
  const plan = {
    ...planned,
    sessions: planned.sessions.map((s) => ({
      ...s,
      description: withResultLine(s.description, results.get(s.id)),
    })),
  };

  let output: string;
  if (format === 'json') {
    output = `${JSON.stringify({ ...serializePlan(plan), skipped: read.skipped }, null, 2)}\n`;
  } else if (format === 'ics') {
    output = exportIcs(plan.sessions, { timezone: tz, now: io.now() });
  } else {
    const shown = events.filter(
      (e) => e.end > startOfDayInstant(first, tz) && e.start < startOfDayInstant(end, tz),
    );
    output = renderPlanText(plan, shown, runner.text, results);
    if (read.skipped.length > 0) {
      output += `${read.skipped.length} event(s) could not be read; \`npm run cli -- events\` shows why.\n`;
    }
  }

  if (flags.out) {
    const path = resolve(io.cwd, flags.out);
    try {
      await writeFile(path, output);
    } catch (error) {
      throw new CliError(`Cannot write ${flags.out}: ${(error as Error).message}`, 1, {
        cause: error,
      });
    }
    io.stderr(`Wrote ${plan.sessions.length} session(s) to ${flags.out}\n`);
  } else {
    io.stdout(output);
  }
  if (!google.write) return 0;
  const span = { start: startOfDayInstant(first, tz), end: startOfDayInstant(end, tz) };
  const calendarId = google.writeCalendarId ? { calendarId: google.writeCalendarId } : {};
  return writePlanToGoogle(
    { sessions: plan.sessions, timezone: tz, weeks: span, ...calendarId },
    io,
    connection,
  );
}
