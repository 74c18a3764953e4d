import { classifyCalendar } from '../../core/classify-calendar';
import type { ClassifiedEvent } from '../../core/classify-calendar';
import { PHASE_RULES, phaseForWeek, weeklyTarget } from '../../core/phases';
import { collectRaces } from '../../core/races';
import { addDays, dateInZone, startOfDayInstant } from '../../core/time';
import type { DateString } from '../../core/time';
import { column, formatDay, formatTag, formatTimeRange } from '../format-text';
import type { CliIo } from '../io';
import { loadCalendars } from '../load-calendars';
import { firstWeekStart, parseFormat, parseIntFlag, resolveRunner } from '../runner-options';
import type { RunnerFlags } from '../runner-options';
import { serializeRun, serializeTimes } from '../serialize';

export interface PlanFlags extends RunnerFlags {
  week?: string;
  weeks?: string;
  format?: string;
  out?: string;
}

/** Days read before the first week: last week's strength (H3) and a recent A race (recovery). */
const LOOK_BACK_DAYS = 8;
/** Days read after the last week: the next week's first day (H1) and races up to 8 weeks out. */
const LOOK_AHEAD_DAYS = 63;

/** `plan`: the runner's weeks with every run classified, the busy time and the phase. */
export async function runPlan(flags: PlanFlags, io: CliIo): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json'] as const, 'text');
  const runner = await resolveRunner(flags, io);
  const { prefs } = runner;
  const tz = prefs.timezone;
  const first = firstWeekStart(flags.week, prefs, io);
  const weekCount = flags.weeks === undefined ? 1 : parseIntFlag('weeks', flags.weeks, 1, 52);
  const end = addDays(first, 7 * weekCount);
  const range = {
    start: startOfDayInstant(addDays(first, -LOOK_BACK_DAYS), tz),
    end: startOfDayInstant(addDays(end, LOOK_AHEAD_DAYS), tz),
  };
  const read = await loadCalendars(runner.calendars, { timezone: tz, range, io });
  const events = classifyCalendar(read.events);
  const races = collectRaces(events, prefs.races, tz);
  const weeks = Array.from({ length: weekCount }, (_, i) => {
    const start = addDays(first, 7 * i);
    const phase = phaseForWeek(start, races, prefs.phase);
    return { start, phase: phase.phase, target: weeklyTarget(phase, prefs.sessionsPerWeek) };
  });
  const inWeeks = (e: ClassifiedEvent) =>
    e.end > startOfDayInstant(first, tz) && e.start < startOfDayInstant(end, tz);
  const shown = events.filter(inWeeks);
  const runs = shown.filter((e) => e.classification.activity === 'run');
  const busy = shown.filter(
    (e) => e.classification.activity !== 'run' && !e.transparent && !e.allDay,
  );

  if (format === 'json') {
    const json = {
      timezone: tz,
      weeks,
      runs: runs.map((r) => serializeRun(r, tz)),
      busy: busy.map((b) => ({ uid: b.uid, title: b.title, ...serializeTimes(b, tz) })),
      sessions: [],
      unplaced: [],
      warnings: [],
      skipped: read.skipped,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const week of weeks) {
    lines.push(
      `Week of ${formatDay(week.start, true)} · ${tz} · ${PHASE_RULES[week.phase].summary} · target ${week.target} session${week.target === 1 ? '' : 's'}`,
    );
    for (let day: DateString = week.start; day < addDays(week.start, 7); day = addDays(day, 1)) {
      const today = shown.filter((e) =>
        e.allDay && e.startDate && e.endDate
          ? e.startDate <= day && day < e.endDate
          : dateInZone(e.start, tz) === day,
      );
      lines.push('', formatDay(day));
      if (today.length === 0) lines.push('  (free)');
      for (const e of today) {
        lines.push(`  ${column(formatTimeRange(e, tz), 13)}${column(formatTag(e), 24)}${e.title}`);
      }
    }
    lines.push('', 'Strength sessions: none planned (the planner is not part of this build yet).', '');
  }
  if (read.skipped.length > 0) {
    lines.push(`${read.skipped.length} event(s) could not be read; run \`npm run cli -- events\` to see why.`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
