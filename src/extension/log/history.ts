/**
 * The History page's data (SPEC §6b): the last 12 weeks from the stored plan and the training log.
 * A week's phase is the one its sessions were planned in, else what the races say now.
 */
import { findExerciseByName } from '../../core/exercises';
import type { LogEntry } from '../../core/log';
import { PHASE_NAMES, phaseForWeek } from '../../core/phases';
import type { RaceDay } from '../../core/phases';
import type { Preferences } from '../../core/prefs';
import { DEFAULT_TEXT_STYLE, shortDayText } from '../../core/text-style';
import type { TextStyle } from '../../core/text-style';
import { addDays, dateInZone, MONTH_NAMES_SHORT, parseDate, startOfWeek } from '../../core/time';
import type { DateString } from '../../core/time';
import { weekOf } from '../sessions';
import type { StoredSession } from '../storage';
import type { HistoryView, HistoryWeek, LiftSeries } from './history-view';
import { formatLoggedExercise, weightAsTyped } from './log-view';

/** Weeks the History page covers, this one included. */
export const HISTORY_WEEKS = 12;

export interface BuildHistoryInput {
  now: number;
  prefs: Preferences;
  /** Every session the plan keeps. */
  sessions: readonly StoredSession[];
  /** The training log, any order. */
  entries: readonly LogEntry[];
  /** Races for the phases of weeks with nothing planned. */
  races: readonly RaceDay[];
  text?: TextStyle;
}

function dayMonth(date: DateString, style: TextStyle): string {
  const { month, day } = parseDate(date);
  const name = MONTH_NAMES_SHORT[month - 1] ?? '';
  return style.monthFirst ? `${name} ${day}` : `${day} ${name}`;
}

/** "Goblet squat 3 × 8 @ 20 kg" without the name: "3 × 8". */
function setsText(exercise: NonNullable<LogEntry['exercises']>[number]): string {
  const text = formatLoggedExercise(
    { name: '', sets: exercise.sets.map((s) => ({ reps: s.reps })) },
    'kg',
  );
  return text.trim();
}

function liftSeries(
  entries: readonly LogEntry[],
  from: DateString,
  prefs: Preferences,
  style: TextStyle,
): LiftSeries[] {
  const byName = new Map<string, LiftSeries>();
  const sorted = [...entries].sort(
    (a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId),
  );
  for (const entry of sorted) {
    if (entry.date < from || entry.status === 'skipped') continue;
    for (const exercise of entry.exercises ?? []) {
      const lift = findExerciseByName(exercise.name);
      const loads = exercise.sets.map((s) => s.kg ?? 0).filter((kg) => kg > 0);
      if (!lift?.main || loads.length === 0) continue;
      const series = byName.get(lift.name) ?? { name: lift.name, points: [] };
      series.points.push({
        date: entry.date,
        label: shortDayText(entry.date, style),
        weight: weightAsTyped(Math.max(...loads), prefs.weightUnit),
        sets: setsText(exercise),
      });
      byName.set(lift.name, series);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The History page's view of the 12 weeks up to and including the one `now` falls in. */
export function buildHistory(input: BuildHistoryInput): HistoryView {
  const { prefs, now } = input;
  const style = input.text ?? DEFAULT_TEXT_STYLE;
  const thisWeek = startOfWeek(dateInZone(now, prefs.timezone), prefs.weekStartsOn);
  const first = addDays(thisWeek, -7 * (HISTORY_WEEKS - 1));
  const weekStarts = Array.from({ length: HISTORY_WEEKS }, (_, i) => addDays(first, 7 * i));
  const inRange = input.entries.filter((e) => e.date >= first && e.date < addDays(thisWeek, 7));

  const weeks: HistoryWeek[] = weekStarts.map((start) => {
    const planned = input.sessions.filter((s) => weekOf(s, prefs) === start);
    const logged = inRange.filter((e) => startOfWeek(e.date, prefs.weekStartsOn) === start);
    const phase = planned[0]?.phase ?? phaseForWeek(start, input.races, prefs.phase).phase;
    const count = (status: LogEntry['status']) => logged.filter((e) => e.status === status).length;
    return {
      start,
      label: dayMonth(start, style),
      phase,
      phaseLabel: PHASE_NAMES[phase],
      planned: planned.filter((s) => s.status === 'accepted').length,
      done: count('done'),
      partly: count('partly'),
      skipped: count('skipped'),
      current: start === thisWeek,
    };
  });

  return {
    generatedAt: now,
    unit: prefs.weightUnit,
    range: `${dayMonth(first, style)} – ${dayMonth(addDays(thisWeek, 6), style)}`,
    weeks,
    lifts: liftSeries(inRange, first, prefs, style),
    logged: inRange.length,
  };
}
