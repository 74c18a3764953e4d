/**
 * The plain-text description of a session's calendar event, and the exercise shape of the plan
 * JSON (SPEC §8).
 *
 * Plain text with `\n` line breaks and no Markdown: Google Calendar shows the description's text
 * as written, and Apple Calendar renders neither Markdown nor HTML from a subscribed feed.
 */
import { COOLDOWN_MINUTES, WARMUP_MINUTES } from './library';
import type { Prescription, StrengthSession } from './types';

/** The last line of every description: says Ironstride wrote this event. */
export const IRONSTRIDE_MARKER = 'Planned by Ironstride — strength that fits your running.';

/** Options of {@link describeSession}. */
export interface DescribeSessionOptions {
  /** Why this slot was chosen, one plain sentence each (from the planner). */
  reasons: readonly string[];
}

/** "8–10" for a range, with the typographic dash calendars show nicely. */
function formatReps(reps: number | string): string {
  return String(reps).replace('-', '–');
}

/**
 * One prescription as a line: "Goblet squat — 3 × 8–10, rest 90 s — cue — load".
 *
 * @example formatPrescription({ id: 'plank', name: 'Plank', sets: 2, seconds: 30, restSeconds: 45, cue: 'Ribs down' })
 *   // 'Plank — 2 × 30 s, rest 45 s — Ribs down'
 */
export function formatPrescription(p: Prescription): string {
  const dose = `${formatDose(p)}, rest ${p.restSeconds} s`;
  return [p.name, dose, p.cue, ...(p.load ? [p.load] : [])].join(' — ');
}

/**
 * Sets and reps (or seconds) of a prescription: "3 × 8–10 each side", "2 × 30 s".
 *
 * @example formatDose({ sets: 3, reps: '8-10', perSide: true, … }) // '3 × 8–10 each side'
 */
export function formatDose(p: Prescription): string {
  const amount = p.seconds !== undefined ? `${p.seconds} s` : formatReps(p.reps);
  return `${p.sets} × ${amount}${p.perSide ? ' each side' : ''}`;
}

/**
 * The calendar event description of a session: warm-up, one numbered line per exercise, cool-down,
 * why this slot was chosen, and the Ironstride marker as the last line.
 *
 * @example describeSession(session, { reasons: ['Tuesday: same day as your intervals, 9 h after'] })
 */
export function describeSession(session: StrengthSession, options: DescribeSessionOptions): string {
  const lines: string[] = [
    `Warm-up (about ${WARMUP_MINUTES} min): ${session.warmup.join('; ')}`,
    '',
    ...session.exercises.map((p, i) => `${i + 1}. ${formatPrescription(p)}`),
    '',
    `Cool-down (about ${COOLDOWN_MINUTES} min): ${session.cooldown.join('; ')}`,
  ];
  if (options.reasons.length > 0) {
    lines.push('', 'Why this slot:', ...options.reasons.map((r) => `- ${r}`));
  }
  lines.push('', IRONSTRIDE_MARKER);
  return lines.join('\n');
}

/** An exercise as the plan JSON writes it (SPEC §8): `reps` (number or "6-8") or `seconds`. */
export type PlanExercise = {
  name: string;
  sets: number;
  perSide?: true;
  restSeconds: number;
  cue: string;
} & ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/**
 * The SPEC §8 JSON shape of a prescription: `{ name, sets, reps | seconds, restSeconds, cue }`,
 * with `perSide: true` only when the dose is per side.
 *
 * @example toPlanExercise(goblet) // { name: 'Goblet squat', sets: 3, reps: '8-10', restSeconds: 90, cue: '…' }
 */
export function toPlanExercise(p: Prescription): PlanExercise {
  const amount = p.seconds !== undefined ? { seconds: p.seconds } : { reps: p.reps };
  return {
    name: p.name,
    sets: p.sets,
    ...amount,
    ...(p.perSide ? { perSide: true as const } : {}),
    restSeconds: p.restSeconds,
    cue: p.cue,
  };
}
