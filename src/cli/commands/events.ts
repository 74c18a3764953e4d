import { classifyCalendar } from '../../core/classify-calendar';
import type { ClassifiedEvent } from '../../core/classify-calendar';
import { addDays, dateInZone, startOfDayInstant } from '../../core/time';
import type { DateString } from '../../core/time';
import { CliError } from '../errors';
import { column, formatDay, formatEventTime, formatTag } from '../format-text';
import type { CliIo } from '../io';
import { loadCalendars, type SourcedWarning } from '../load-calendars';
import { firstWeekStart, parseDateFlag, parseFormat, resolveRunner } from '../runner-options';
import type { RunnerFlags } from '../runner-options';
import { serializeOccurrence } from '../serialize';

export interface EventsFlags extends RunnerFlags {
  from?: string;
  to?: string;
  format?: string;
}

/** Longest range `events` reads in one go, so a typo'd year doesn't expand decades of series. */
const MAX_EVENTS_RANGE_DAYS = 3 * 366;

/**
 * `events`: everything read from the calendars between `--from` and `--to` (inclusive; default
 * this week) with its classification, the count of VEVENTs read, each skipped one with its
 * reason, and the readers' warnings (a zone read as another, a VTIMEZONE refused) — the answer
 * to "why didn't it see my run?".
 */
export async function runEvents(flags: EventsFlags, io: CliIo): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json'] as const, 'text');
  const runner = await resolveRunner(flags, io);
  const tz = runner.prefs.timezone;
  const from =
    flags.from === undefined
      ? firstWeekStart(undefined, runner.prefs, io)
      : parseDateFlag('from', flags.from);
  const to = flags.to === undefined ? addDays(from, 6) : parseDateFlag('to', flags.to);
  if (to < from) throw new CliError(`--to (${to}) is before --from (${from})`, 2);
  if (addDays(from, MAX_EVENTS_RANGE_DAYS) < to) {
    throw new CliError(
      `--from to --to spans more than ${MAX_EVENTS_RANGE_DAYS} days; ask for a shorter range`,
      2,
    );
  }
  const range = { start: startOfDayInstant(from, tz), end: startOfDayInstant(addDays(to, 1), tz) };
  const read = await loadCalendars(runner.calendars, { timezone: tz, range, io });
  const events = classifyCalendar(read.events);

  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          timezone: tz,
          from,
          to,
          read: read.read,
          skipped: read.skipped,
          warnings: read.warnings,
          occurrences: events.map((e) => serializeOccurrence(e, tz)),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout(
    renderEventsText(events, {
      from,
      to,
      tz,
      read: read.read,
      skipped: read.skipped,
      warnings: read.warnings,
      calendars: runner.calendars.length,
    }),
  );
  return 0;
}

function renderEventsText(
  events: readonly ClassifiedEvent[],
  ctx: {
    from: DateString;
    to: DateString;
    tz: string;
    read: number;
    skipped: readonly { uid: string | null; reason: string; source?: string }[];
    warnings: readonly SourcedWarning[];
    calendars: number;
  },
): string {
  const lines: string[] = [];
  const cals = ctx.calendars === 1 ? '1 calendar' : `${ctx.calendars} calendars`;
  lines.push(
    `Read ${ctx.read} events from ${cals}, skipped ${ctx.skipped.length} · ${formatDay(ctx.from, true)} – ${formatDay(ctx.to, true)} · ${ctx.tz}`,
  );
  const byDay = new Map<DateString, ClassifiedEvent[]>();
  for (const event of events) {
    // A multi-day event is listed on each of its days in range.
    let day = event.allDay && event.startDate ? event.startDate : dateInZone(event.start, ctx.tz);
    const last =
      event.allDay && event.endDate
        ? addDays(event.endDate, -1)
        : dateInZone(Math.max(event.start, event.end - 1), ctx.tz);
    for (let guard = 0; day <= last && guard < 400; guard++, day = addDays(day, 1)) {
      if (day < ctx.from || day > ctx.to) continue;
      const list = byDay.get(day) ?? [];
      list.push(event);
      byDay.set(day, list);
    }
  }
  for (let day = ctx.from; day <= ctx.to; day = addDays(day, 1)) {
    lines.push('');
    lines.push(formatDay(day));
    const list = byDay.get(day) ?? [];
    if (list.length === 0) lines.push('  (nothing)');
    for (const event of list) {
      const why = event.classification.reasons.join('; ');
      // A busy stand-in says why, so its one long block is not taken for one occurrence.
      const showWhy = event.classification.activity !== 'other' || event.unexpanded;
      lines.push(
        `  ${column(formatEventTime(event, ctx.tz), 13)}${column(formatTag(event), 24)}${event.title || '(no title)'}${why && showWhy ? `  — ${why}` : ''}`,
      );
    }
  }
  if (ctx.skipped.length > 0) {
    lines.push('', 'Skipped (not read):');
    for (const s of ctx.skipped) {
      lines.push(`  ${s.uid ?? '(no UID)'}${s.source ? ` in ${s.source}` : ''}: ${s.reason}`);
    }
  }
  if (ctx.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of ctx.warnings) {
      lines.push(`  ${w.uid ? `${w.uid} in ` : ''}${w.source}: ${w.message}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
