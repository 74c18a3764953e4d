/**
 * The popup's log form as data: what it starts from (the view's pre-filled sets, in the runner's
 * unit), and the SPEC §6b entry it sends, weights turned into kilograms. Checked here field by
 * field so a mistake is named at the input; the background checks the entry again with the core
 * schema. Type-only imports from the log: its zod schema stays out of the popup's first paint.
 */
import type { LogEntry, LogStatus } from '../../core/log';
import type { WeightUnit } from '../../core/prefs';
import { toKilograms } from '../../core/units';
import type { SessionLogView } from '../../extension/view';

export interface SetDraft {
  reps: string;
  weight: string;
}

export interface ExerciseDraft {
  name: string;
  perSide: boolean;
  weighted: boolean;
  sets: SetDraft[];
}

export interface LogDraft {
  /** '' for none, else '1'–'10'. */
  rpe: string;
  /** "Add sets" is open: the sets are part of the entry. */
  setsOpen: boolean;
  exercises: ExerciseDraft[];
}

/** A mistake in the form: which input, and what is wrong, in words. */
export interface DraftProblem {
  /** `${exercise}-${set}-reps` or `${exercise}-${set}-weight`. */
  field: string;
  message: string;
}

/** RPE 1–10 with what each means (reps left in the tank), hardest first. */
export const RPE_CHOICES: readonly { value: number; label: string }[] = [
  { value: 10, label: '10 · all out' },
  { value: 9, label: '9 · 1 rep left' },
  { value: 8, label: '8 · 2 reps left' },
  { value: 7, label: '7 · 3 reps left' },
  { value: 6, label: '6 · 4 or more left' },
  { value: 5, label: '5 · moderate' },
  { value: 4, label: '4 · fairly easy' },
  { value: 3, label: '3 · easy' },
  { value: 2, label: '2 · very easy' },
  { value: 1, label: '1 · barely any effort' },
];

const MAX_REPS = 200;
/** The schema's 500 kg, in each unit. */
const MAX_WEIGHT: Readonly<Record<WeightUnit, number>> = { kg: 500, lb: 1100 };
/** The schema's limit on sets per exercise. */
export const MAX_SETS = 20;

export function draftFrom(log: SessionLogView): LogDraft {
  return {
    rpe: log.logged?.rpe !== undefined ? String(log.logged.rpe) : '',
    setsOpen: log.logged?.withSets === true,
    exercises: log.exercises.map((e) => ({
      name: e.name,
      perSide: e.perSide,
      weighted: e.weighted,
      sets: e.sets.map((s) => ({
        reps: String(s.reps),
        weight: s.weight === undefined ? '' : String(s.weight),
      })),
    })),
  };
}

/** The set's field name, as inputs are keyed and problems point at them. */
export const fieldKey = (exercise: number, set: number, what: 'reps' | 'weight') =>
  `${exercise}-${set}-${what}`;

function readNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * The entry the form says, or the first thing wrong with it. A skipped session carries nothing
 * else (SPEC §6b); sets go in only when "Add sets" is open, and an exercise left with no set is
 * one the runner did not do.
 */
export function entryFrom(
  draft: LogDraft,
  log: SessionLogView,
  sessionId: string,
  status: LogStatus,
): { entry: LogEntry } | { problem: DraftProblem } {
  const base = { sessionId, date: log.date, status };
  if (status === 'skipped') return { entry: base };
  const rpe = draft.rpe === '' ? undefined : Number(draft.rpe);
  const exercises: NonNullable<LogEntry['exercises']> = [];
  if (draft.setsOpen) {
    for (const [i, exercise] of draft.exercises.entries()) {
      const sets: { reps: number; kg?: number }[] = [];
      for (const [j, set] of exercise.sets.entries()) {
        const where = `${exercise.name}, set ${j + 1}`;
        const reps = readNumber(set.reps);
        if (reps === undefined || !Number.isInteger(reps) || reps < 0 || reps > MAX_REPS) {
          return {
            problem: {
              field: fieldKey(i, j, 'reps'),
              message: `${where}: reps must be a whole number from 0 to ${MAX_REPS}`,
            },
          };
        }
        const weight = exercise.weighted ? readNumber(set.weight) : undefined;
        if (weight !== undefined && !(weight >= 0 && weight <= MAX_WEIGHT[log.unit])) {
          return {
            problem: {
              field: fieldKey(i, j, 'weight'),
              message: `${where}: weight must be a number from 0 to ${MAX_WEIGHT[log.unit]} ${log.unit}, or empty`,
            },
          };
        }
        sets.push(
          weight === undefined || weight === 0
            ? { reps }
            : { reps, kg: toKilograms(weight, log.unit) },
        );
      }
      if (sets.length > 0) exercises.push({ name: exercise.name, sets });
    }
  }
  return {
    entry: {
      ...base,
      ...(rpe !== undefined ? { rpe } : {}),
      ...(exercises.length > 0 ? { exercises } : {}),
    },
  };
}
