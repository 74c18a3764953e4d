/**
 * The training log (SPEC §6b): what the runner did with each session. One format everywhere —
 * the extension stores it, Options exports and imports it, and `plan --log FILE` reads it.
 * Weights are kilograms, always; the runner's unit only changes what they see and type.
 */
import { z } from 'zod';
import { formatIssuePath } from '../prefs';
import { isDateString } from '../time';

export const LOG_STATUSES = ['done', 'partly', 'skipped'] as const;
export type LogStatus = (typeof LOG_STATUSES)[number];

const setSchema = z.strictObject({
  reps: z.number().int().min(0, 'reps cannot be negative').max(200),
  kg: z.number().min(0, 'a weight cannot be negative').max(500).optional(),
});

const exerciseSchema = z.strictObject({
  name: z.string().trim().min(1, 'an exercise needs a name').max(120),
  sets: z.array(setSchema).max(20),
});

export const logEntrySchema = z
  .strictObject({
    sessionId: z.string().trim().min(1).max(128),
    date: z.string().refine(isDateString, { message: 'expected a date as YYYY-MM-DD' }),
    status: z.enum(LOG_STATUSES),
    rpe: z.number().int().min(1).max(10).optional(),
    exercises: z.array(exerciseSchema).max(20).optional(),
  })
  .refine((e) => e.status !== 'skipped' || (e.rpe === undefined && e.exercises === undefined), {
    message: 'a skipped session has no rpe and no exercises',
    path: ['status'],
  });

export const trainingLogSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(logEntrySchema).max(5000),
});

export type LoggedSet = z.output<typeof setSchema>;
export type LoggedExercise = z.output<typeof exerciseSchema>;
export type LogEntry = z.output<typeof logEntrySchema>;
export type TrainingLog = z.output<typeof trainingLogSchema>;

/** An empty log, version 1. */
export const EMPTY_LOG: TrainingLog = { version: 1, entries: [] };

/** Thrown by {@link parseTrainingLog}; the message names the bad entry and field. */
export class TrainingLogError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'TrainingLogError';
  }
}

/**
 * Validates a training log (parsed JSON). Entries are returned sorted by date, then session id,
 * and a session logged twice keeps its last entry (a runner who edits a log replaces it).
 *
 * @throws {TrainingLogError} naming the first bad entry and field, and the bad value when short,
 *   e.g. `Invalid training log (entry 4): entries[3].exercises[0].sets[1].kg: a weight cannot be
 *   negative (got -5)`.
 */
export function parseTrainingLog(raw: unknown): TrainingLog {
  const result = trainingLogSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = formatIssuePath(issue?.path ?? []);
    // The value itself helps find the entry in a hand-edited file; objects and long strings
    // would only bury the message.
    const input: unknown = issue?.input;
    const shown = JSON.stringify(input);
    const got =
      ['number', 'boolean', 'string'].includes(typeof input) && shown.length <= 40
        ? ` (got ${shown})`
        : '';
    const message = `${issue?.message ?? 'invalid'}${got}`;
    const entry = /^entries\[(\d+)\]/.exec(path);
    const which = entry ? ` (entry ${Number(entry[1]) + 1})` : '';
    throw new TrainingLogError(`Invalid training log${which}: ${path}: ${message}`, path);
  }
  const bySession = new Map<string, LogEntry>();
  for (const entry of result.data.entries) bySession.set(entry.sessionId, entry);
  const entries = [...bySession.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId),
  );
  return { version: 1, entries };
}
