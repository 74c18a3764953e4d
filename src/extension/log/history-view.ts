/**
 * What the History page shows (SPEC §6b): the last 12 weeks, sessions planned and done per week
 * over the phases, and the load of each main lift over time. Zod schemas because it is a message
 * result (protocol.ts); plain data, every label already formatted for the runner.
 */
import { z } from 'zod';

const historyWeek = z.object({
  start: z.string(),
  /** "3 May" or "May 3". */
  label: z.string(),
  phase: z.enum(['off-season', 'base', 'build', 'taper', 'race-week', 'recovery']),
  /** "Base", "Race week". */
  phaseLabel: z.string(),
  /** Accepted sessions in the plan. */
  planned: z.number(),
  done: z.number(),
  partly: z.number(),
  skipped: z.number(),
  /** This week: not over yet. */
  current: z.boolean(),
});
export type HistoryWeek = z.infer<typeof historyWeek>;

const liftPoint = z.object({
  date: z.string(),
  /** "Tue 4 May". */
  label: z.string(),
  /** The heaviest set, in the runner's unit. */
  weight: z.number(),
  /** "3 × 8", "8/8/6". */
  sets: z.string(),
});
export type LiftPoint = z.infer<typeof liftPoint>;

const liftSeries = z.object({ name: z.string(), points: z.array(liftPoint) });
export type LiftSeries = z.infer<typeof liftSeries>;

export const historyViewSchema = z.object({
  generatedAt: z.number(),
  unit: z.enum(['kg', 'lb']),
  /** "15 Feb – 9 May". */
  range: z.string(),
  /** Oldest first; the last is this week. */
  weeks: z.array(historyWeek),
  /** Main lifts (SPEC §6) logged with a weight, by name. */
  lifts: z.array(liftSeries),
  /** Log entries within the weeks shown. */
  logged: z.number(),
});
export type HistoryView = z.infer<typeof historyViewSchema>;
