/**
 * The plan as JSON (SPEC §8): what `plan --format json` prints, what the popup sends to the feed
 * server, and the schema the server validates it with. Instants are ISO 8601 with the runner's
 * UTC offset.
 */
import { z } from 'zod';
import type { ClassifiedEvent } from '../classify-calendar';
import { toPlanBlock, toPlanExercise } from '../exercises';
import { formatInstant } from '../time';
import type { PlannedSession, PlanResult } from './types';

/** An all-day event has no instant: it is printed as its dates (end exclusive, as in ICS). */
export function serializeTimes(
  event: Pick<ClassifiedEvent, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>,
  timeZone: string,
): { start: string; end: string } {
  if (event.allDay && event.startDate && event.endDate) {
    return { start: event.startDate, end: event.endDate };
  }
  return { start: formatInstant(event.start, timeZone), end: formatInstant(event.end, timeZone) };
}

/** One run as `plan --format json` prints it under `runs`. */
export function serializeRun(event: ClassifiedEvent, timeZone: string) {
  const c = event.classification;
  return {
    uid: event.uid,
    id: event.id,
    title: event.title,
    ...serializeTimes(event, timeZone),
    allDay: event.allDay,
    activity: c.activity,
    kind: c.kind,
    intensity: c.intensity,
    key: c.key,
  };
}

/**
 * The fields of a session the plan JSON is made from: a fresh {@link PlannedSession}, or one the
 * extension stored after the runner accepted it (the feed server receives those).
 */
export type SerializableSession = Pick<
  PlannedSession,
  | 'id'
  | 'start'
  | 'end'
  | 'title'
  | 'phase'
  | 'load'
  | 'reasons'
  | 'content'
  | 'description'
  | 'alternatives'
>;

/** One session as SPEC §8 prints it; `block` only in off-season and base. */
export function serializeSession(session: SerializableSession, timeZone: string) {
  const block = toPlanBlock(session.content);
  return {
    id: session.id,
    start: formatInstant(session.start, timeZone),
    end: formatInstant(session.end, timeZone),
    title: session.title,
    phase: session.phase,
    load: session.load,
    ...(block ? { block } : {}),
    reasons: session.reasons,
    exercises: session.content.exercises.map(toPlanExercise),
    description: session.description,
    alternatives: session.alternatives.map((a) => ({
      start: formatInstant(a.start, timeZone),
      end: formatInstant(a.end, timeZone),
      reasons: a.reasons,
    })),
  };
}

export type PlanSessionJson = ReturnType<typeof serializeSession>;

/** The whole plan as SPEC §8 prints it. */
export function serializePlan(plan: PlanResult) {
  const tz = plan.timezone;
  return {
    timezone: tz,
    weeks: plan.weeks.map((w) => ({
      start: w.start,
      phase: w.phase,
      target: w.target,
      max: w.max,
      existing: w.existing,
      ...(w.race
        ? { race: { name: w.race.name, date: w.race.date, priority: w.race.priority } }
        : {}),
    })),
    runs: plan.runs.map((r) => serializeRun(r, tz)),
    races: plan.races.map((r) => ({
      date: r.date,
      title: r.name,
      priority: r.priority,
      source: r.source ?? 'calendar',
      ...(r.source === 'calendar' && !r.confirmed ? { confirmed: false } : {}),
    })),
    sessions: plan.sessions.map((s) => serializeSession(s, tz)),
    unplaced: plan.unplaced,
    warnings: plan.warnings,
  };
}

const isoInstant = z.iso.datetime({ offset: true });

const exerciseJsonSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    sets: z.number().int().min(1).max(20),
    reps: z
      .union([z.number().int().min(1).max(200), z.string().regex(/^\d{1,3}(-\d{1,3})?$/)])
      .optional(),
    seconds: z.number().int().min(1).max(3600).optional(),
    perSide: z.boolean().optional(),
    restSeconds: z.number().int().min(0).max(900),
    rir: z.tuple([z.number().int().min(0).max(10), z.number().int().min(0).max(10)]).optional(),
    kg: z.number().min(0).max(1000).optional(),
    cue: z.string().max(400).default(''),
    alternatives: z
      .object({
        easier: z.string().max(120).optional(),
        harder: z.string().max(120).optional(),
        swaps: z.array(z.string().max(120)).max(10).default([]),
      })
      .optional(),
  })
  .refine((e) => (e.reps === undefined) !== (e.seconds === undefined), {
    message: 'an exercise has either reps or seconds',
  });

/**
 * A session as another tool sends it back (the feed server's PUT body): SPEC §8's session
 * object. Unknown keys are dropped; sizes are bounded so one request can't balloon a feed.
 */
export const planSessionJsonSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, ".", "_" and "-" only'),
    start: isoInstant,
    end: isoInstant,
    title: z.string().trim().min(1).max(300),
    load: z.enum(['heavy', 'moderate', 'light']),
    block: z
      .object({
        week: z.number().int().min(1).max(4),
        of: z.number().int().min(1).max(4),
        deload: z.boolean(),
      })
      .optional(),
    reasons: z.array(z.string().max(500)).max(20).default([]),
    exercises: z.array(exerciseJsonSchema).max(20).default([]),
    description: z.string().max(10_000).default(''),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), {
    message: 'end must be after start',
    path: ['end'],
  });

export type PlanSessionInput = z.output<typeof planSessionJsonSchema>;
