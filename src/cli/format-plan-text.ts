/** `plan --format text`: a readable week — days, runs with intensity tags, sessions in full. */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { formatPrescription } from '../core/exercises';
import { PHASE_RULES } from '../core/phases';
import type { PlannedSession, PlanResult } from '../core/plan';
import { clockText, DEFAULT_TEXT_STYLE, shortDayText, timeRangeText } from '../core/text-style';
import type { TextStyle } from '../core/text-style';
import { addDays, dateInZone, minutesInZone } from '../core/time';
import type { DateString } from '../core/time';
import { column, formatTag } from './format-text';

function onDay(e: ClassifiedEvent, day: DateString, tz: string): boolean {
  if (e.allDay && e.startDate && e.endDate) return e.startDate <= day && day < e.endDate;
  return dateInZone(e.start, tz) === day;
}

function sessionLines(
  s: PlannedSession,
  tz: string,
  text: TextStyle,
  result: string | undefined,
): string[] {
  const time = timeRangeText(s.start, s.end, tz, text);
  const lines = [`  ${column(time, text.hour12 ? 20 : 13)}${column('STRENGTH', 24)}${s.title}`];
  const indent = ' '.repeat(15);
  // "Base · week 3 of 4" and, in a deload, what changes: the block, said once per session.
  const block = [s.content.headline, ...(s.content.notes ?? [])].filter(Boolean).join(' · ');
  if (block) lines.push(`${indent}${block}`);
  if (result) lines.push(`${indent}Logged: ${result}`);
  lines.push(`${indent}Why: ${s.reasons.join('; ')}`);
  lines.push(`${indent}Warm-up: ${s.content.warmup.join('; ')}`);
  s.content.exercises.forEach((p, i) => lines.push(`${indent}${i + 1}. ${formatPrescription(p)}`));
  lines.push(`${indent}Cool-down: ${s.content.cooldown.join('; ')}`);
  if (s.alternatives.length > 0) {
    const alts = s.alternatives.map(
      (a) =>
        `${shortDayText(dateInZone(a.start, tz), text)} ${clockText(minutesInZone(a.start, tz), text)}`,
    );
    lines.push(`${indent}Another time: ${alts.join(' or ')}`);
  }
  return lines;
}

/**
 * Renders the plan week by week. `events` are all classified occurrences read; `results` the
 * training log's result line of each logged session, by id.
 */
export function renderPlanText(
  plan: PlanResult,
  events: readonly ClassifiedEvent[],
  text: TextStyle = DEFAULT_TEXT_STYLE,
  results: ReadonlyMap<string, string> = new Map(),
): string {
  const tz = plan.timezone;
  const width = text.hour12 ? 20 : 13;
  const formatDay = (date: DateString, withYear = false) => shortDayText(date, text, withYear);
  const lines: string[] = [];
  for (const week of plan.weeks) {
    const rule = PHASE_RULES[week.phase];
    const weekSessions = plan.sessions.filter((s) => s.weekStart === week.start);
    const race = week.race ? ` · ${week.race.name} on ${formatDay(week.race.date, true)}` : '';
    lines.push(`Week of ${formatDay(week.start, true)} · ${tz}${race}`);
    const summary = rule.summary.charAt(0).toUpperCase() + rule.summary.slice(1);
    const existing = week.existing > 0 ? ` + ${week.existing} already in your calendar` : '';
    lines.push(
      `${summary} · ${weekSessions.length} session${weekSessions.length === 1 ? '' : 's'} planned${existing} (target ${week.target})`,
    );
    for (let day: DateString = week.start; day < addDays(week.start, 7); day = addDays(day, 1)) {
      lines.push('', formatDay(day));
      const items: { at: number; lines: string[] }[] = [];
      for (const e of events) {
        if (!onDay(e, day, tz)) continue;
        const at = e.allDay ? -1 : e.start;
        items.push({
          at,
          lines: [
            `  ${column(e.allDay ? 'all day' : timeRangeText(e.start, e.end, tz, text), width)}${column(formatTag(e), 24)}${e.title}`,
          ],
        });
      }
      for (const s of weekSessions)
        if (s.date === day)
          items.push({ at: s.start, lines: sessionLines(s, tz, text, results.get(s.id)) });
      items.sort((a, b) => a.at - b.at);
      if (items.length === 0) lines.push('  (free)');
      for (const item of items) lines.push(...item.lines);
    }
    lines.push('');
  }
  const guessed = plan.races.filter((r) => r.source === 'calendar' && !r.confirmed);
  if (guessed.length > 0) {
    // Priority read from a title sets phases; the runner should say whether it is right.
    lines.push('Races found in your calendar, priority inferred — confirm or change them:');
    for (const r of guessed) {
      lines.push(`  - ${formatDay(r.date, true)}  ${r.name}: read as ${r.priority}`);
    }
    lines.push(
      '  List each in your preferences\' "races" with its priority (A, B or C), or mark it A/B/C or Not a race in the popup.',
      '',
    );
  }
  if (plan.unplaced.length > 0) {
    lines.push('Not placed:');
    for (const u of plan.unplaced) lines.push(`  - week of ${u.week}: ${u.reason}`);
    lines.push('');
  }
  if (plan.warnings.length > 0) {
    lines.push('Warnings about strength already in your calendar:');
    for (const w of plan.warnings) lines.push(`  - ${w.message}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
