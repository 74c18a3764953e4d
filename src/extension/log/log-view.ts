/**
 * What the popup shows of the training log (SPEC §6b): the "how did it go?" of each accepted
 * session once it has ended, pre-filled from what was logged or else from the prescription, and
 * the logged result in words. Weights leave here in the runner's unit; the log keeps kilograms.
 */
import { findExerciseByName } from '../../core/exercises';
import type { Prescription } from '../../core/exercises';
import type { LogEntry, LoggedExercise } from '../../core/log';
import type { WeightUnit } from '../../core/prefs';
import { DEFAULT_TEXT_STYLE, shortDayText } from '../../core/text-style';
import type { TextStyle } from '../../core/text-style';
import { DAY_MS, dateInZone } from '../../core/time';
import { displayWeight, KG_PER_LB } from '../../core/units';
import type { StoredSession } from '../storage';
import type { LogExerciseView, SessionLogView } from '../view';

/** How long after its end a session can still be logged or changed (issue 13). */
export const LOG_EDIT_DAYS = 14;

/**
 * A stored weight as the runner typed it: kilograms to 0.01, pounds to 0.1 (45 lb is stored as
 * 20.41 kg and reads back as 45). Not rounded to a gym's steps: this is what they lifted.
 */
export function weightAsTyped(kg: number, unit: WeightUnit): number {
  return unit === 'kg' ? Math.round(kg * 100) / 100 : Math.round((kg / KG_PER_LB) * 10) / 10;
}

/** `20 kg`, `45 lb`, `22.5 kg`. */
export function formatTyped(kg: number, unit: WeightUnit): string {
  return `${weightAsTyped(kg, unit)} ${unit}`;
}

const STATUS_WORDS: Readonly<Record<LogEntry['status'], string>> = {
  done: 'Done',
  partly: 'Partly',
  skipped: 'Skipped',
};

/**
 * One logged exercise in brief: "Goblet squat 3 × 8 @ 20 kg", "Split squat 8/8/6",
 * "Romanian deadlift 8 @ 20 kg, 6 @ 22.5 kg".
 */
export function formatLoggedExercise(exercise: LoggedExercise, unit: WeightUnit): string {
  const sets = exercise.sets;
  const first = sets[0];
  if (!first) return exercise.name;
  const sameKg = sets.every((s) => s.kg === first.kg);
  const at = (kg: number | undefined) =>
    kg !== undefined && kg > 0 ? ` @ ${formatTyped(kg, unit)}` : '';
  if (sameKg && sets.every((s) => s.reps === first.reps)) {
    return `${exercise.name} ${sets.length} × ${first.reps}${at(first.kg)}`;
  }
  if (sameKg) return `${exercise.name} ${sets.map((s) => s.reps).join('/')}${at(first.kg)}`;
  return `${exercise.name} ${sets.map((s) => `${s.reps}${at(s.kg)}`).join(', ')}`;
}

/** "Done · RPE 7 · Goblet squat 3 × 8 @ 20 kg · Calf raise 3 × 12". */
export function formatLogSummary(entry: LogEntry, unit: WeightUnit): string {
  return [
    STATUS_WORDS[entry.status],
    ...(entry.rpe !== undefined ? [`RPE ${entry.rpe}`] : []),
    ...(entry.exercises ?? [])
      .filter((e) => e.sets.length > 0)
      .map((e) => formatLoggedExercise(e, unit)),
  ].join(' · ');
}

const WEIGHTED: ReadonlySet<string> = new Set(['barbell', 'dumbbells', 'kettlebell']);

function lowReps(reps: number | string): number {
  if (typeof reps === 'number') return reps;
  const low = Number.parseInt(reps, 10);
  return Number.isFinite(low) ? low : 0;
}

/** The heaviest set of the last time `name` was logged before `date`, in kilograms. */
function lastWeight(
  entries: readonly LogEntry[],
  name: string,
  before: string,
): number | undefined {
  const key = name.trim().toLowerCase();
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (!entry || entry.date >= before || entry.status === 'skipped') continue;
    const exercise = entry.exercises?.find((e) => e.name.trim().toLowerCase() === key);
    const loads = exercise?.sets.map((s) => s.kg ?? 0).filter((kg) => kg > 0) ?? [];
    if (loads.length > 0) return Math.max(...loads);
  }
  return undefined;
}

/**
 * The prescription as the form pre-fills it, so a runner who did exactly that taps once: each
 * working set at the bottom of the rep range (where every block starts, and the least the
 * prescription asked for), at the target weight when there is one, else last time's weight.
 */
function prescribedExercise(
  p: Prescription,
  unit: WeightUnit,
  entries: readonly LogEntry[],
  date: string,
): LogExerciseView {
  const weighted = p.implement !== undefined && WEIGHTED.has(p.implement);
  const kg = weighted ? (p.kg ?? lastWeight(entries, p.name, date)) : undefined;
  const weight =
    kg === undefined
      ? undefined
      : p.kg !== undefined
        ? displayWeight(kg, unit)
        : weightAsTyped(kg, unit);
  const reps = lowReps(p.reps ?? 0);
  return {
    name: p.name,
    perSide: p.perSide === true,
    weighted,
    sets: Array.from({ length: p.sets }, () =>
      weight === undefined ? { reps } : { reps, weight },
    ),
  };
}

function loggedExercise(
  logged: LoggedExercise,
  prescribed: LogExerciseView | undefined,
  unit: WeightUnit,
): LogExerciseView {
  const weighted =
    prescribed?.weighted === true ||
    logged.sets.some((s) => (s.kg ?? 0) > 0) ||
    findExerciseByName(logged.name)?.main === true;
  return {
    name: prescribed?.name ?? logged.name,
    perSide: prescribed?.perSide ?? false,
    weighted,
    sets: logged.sets.map((s) =>
      s.kg !== undefined && weighted
        ? { reps: s.reps, weight: weightAsTyped(s.kg, unit) }
        : { reps: s.reps },
    ),
  };
}

export interface SessionLogInput {
  session: StoredSession;
  /** What was logged for it, if anything. */
  entry: LogEntry | undefined;
  /** The whole log, oldest first: last time's weights pre-fill the form. */
  entries: readonly LogEntry[];
  now: number;
  timeZone: string;
  unit: WeightUnit;
  style?: TextStyle;
}

/** Whether the popup asks about this session: accepted, and over. */
export function asksForLog(session: StoredSession, now: number): boolean {
  return session.status === 'accepted' && session.end <= now;
}

/** The log part of a session that has ended (see {@link asksForLog}). */
export function sessionLogView(input: SessionLogInput): SessionLogView {
  const { session, entry, entries, unit, timeZone } = input;
  const date = dateInZone(session.start, timeZone);
  const lastDay = dateInZone(session.end + LOG_EDIT_DAYS * DAY_MS, timeZone);
  const prescribed = session.content.exercises
    .filter((p) => p.seconds === undefined)
    .map((p) => prescribedExercise(p, unit, entries, date));
  const timed = session.content.exercises.filter((p) => p.seconds !== undefined).map((p) => p.name);
  const key = (name: string) => name.trim().toLowerCase();
  const logged = entry?.exercises?.filter((e) => e.sets.length > 0) ?? [];
  const loggedByName = new Map(logged.map((e) => [key(e.name), e]));
  const exercises =
    logged.length === 0
      ? prescribed
      : [
          // The prescription's order; what was logged replaces each pre-filled exercise, and an
          // exercise logged but not prescribed (a swap done on the day, an import) follows.
          ...prescribed.map((p) => {
            const done = loggedByName.get(key(p.name));
            return done ? loggedExercise(done, p, unit) : { ...p, sets: [] };
          }),
          ...logged
            .filter((e) => !prescribed.some((p) => key(p.name) === key(e.name)))
            .map((e) => loggedExercise(e, undefined, unit)),
        ];
  return {
    date,
    unit,
    editable: input.now < session.end + LOG_EDIT_DAYS * DAY_MS,
    editableUntil: shortDayText(lastDay, input.style ?? DEFAULT_TEXT_STYLE),
    ...(entry
      ? {
          logged: {
            status: entry.status,
            ...(entry.rpe !== undefined ? { rpe: entry.rpe } : {}),
            withSets: logged.length > 0,
            summary: formatLogSummary(entry, unit),
          },
        }
      : {}),
    exercises,
    timed,
  };
}
