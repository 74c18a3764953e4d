/**
 * The plain-text description of a session's calendar event (and the CLI's text), and the exercise
 * shape of the plan JSON (SPEC §8).
 *
 * Plain text with `\n` line breaks and no Markdown: Google Calendar shows the description's text
 * as written, and Apple Calendar renders neither Markdown nor HTML from a subscribed feed.
 */
import { COOLDOWN_MINUTES, nameInSentence, WARMUP_MINUTES } from './library';
import type { Alternatives, Prescription, StrengthSession } from './types';

/** The last line of every description: says Ironstride wrote this event. */
export const IRONSTRIDE_MARKER = 'Planned by Ironstride — strength that fits your running.';

/** Options of {@link describeSession}. */
export interface DescribeSessionOptions {
  /** Why this slot was chosen, one plain sentence each (from the planner). */
  reasons: readonly string[];
}

/**
 * What {@link formatPrescription} reads: a built prescription, or one read back from the plan
 * JSON (the feed server has only those fields).
 */
export type FormattablePrescription = {
  id?: string;
  name: string;
  sets: number;
  perSide?: boolean;
  restSeconds: number;
  cue: string;
  rir?: readonly [number, number];
  rampUpSets?: number;
  load?: string;
  progression?: string;
  kg?: number;
  alternatives?: Alternatives;
} & ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/** "8–10" for a range, with the typographic dash calendars show nicely. */
function formatReps(reps: number | string): string {
  return String(reps).replace('-', '–');
}

/**
 * The alternatives in brief: "easier: bodyweight squat · harder: back squat · or: split squat".
 * Empty when there are none.
 *
 * @example formatAlternatives({ easier: 'Bodyweight squat', harder: 'Back squat', swaps: [] })
 *   // 'easier: bodyweight squat · harder: back squat'
 */
export function formatAlternatives(alternatives: Alternatives | undefined): string {
  if (!alternatives) return '';
  const parts: string[] = [];
  if (alternatives.easier) parts.push(`easier: ${nameInSentence(alternatives.easier)}`);
  if (alternatives.harder) parts.push(`harder: ${nameInSentence(alternatives.harder)}`);
  if (alternatives.swaps.length > 0) {
    parts.push(`or: ${alternatives.swaps.map(nameInSentence).join(', ')}`);
  }
  return parts.join(' · ');
}

/**
 * Sets and reps (or seconds) of a prescription: "3 × 8–10 each side", "2 × 30 s".
 *
 * @example formatDose({ sets: 3, reps: '8-10', perSide: true, … }) // '3 × 8–10 each side'
 */
export function formatDose(
  p: Pick<FormattablePrescription, 'sets' | 'perSide' | 'reps' | 'seconds'>,
): string {
  const amount = p.seconds !== undefined ? `${p.seconds} s` : formatReps(p.reps ?? '');
  return `${p.sets} × ${amount}${p.perSide ? ' each side' : ''}`;
}

/**
 * One prescription as one line: "Goblet squat — 3 × 6–8, rest 90 s — cue — how hard (reps in
 * reserve, ramp-up sets, target weight) — how to progress — easier: … · harder: …". The first
 * three parts are what every writer and reader of a session agrees on; fields a JSON-only
 * prescription lacks are left out. One line, so the CLI, the calendar description and the feed
 * show the same text.
 *
 * @example formatPrescription({ name: 'Plank', sets: 2, seconds: 30, restSeconds: 45, cue: 'Ribs down' })
 *   // 'Plank — 2 × 30 s, rest 45 s — Ribs down'
 */
export function formatPrescription(p: FormattablePrescription): string {
  const alternatives = formatAlternatives(p.alternatives);
  return [
    p.name,
    `${formatDose(p)}, rest ${p.restSeconds} s`,
    p.cue,
    ...(p.load ? [p.load] : []),
    ...(p.progression ? [p.progression] : []),
    ...(alternatives ? [alternatives] : []),
  ].join(' — ');
}

/**
 * The calendar event description of a session: its block and notes, the warm-up, one line per
 * exercise ({@link formatPrescription}: dose, cue, how hard, how to progress, alternatives), the
 * cool-down or mobility, why this slot was chosen, and the Ironstride marker as the last line.
 *
 * @example describeSession(session, { reasons: ['Tuesday: same day as your intervals, 9 h after'] })
 */
export function describeSession(session: StrengthSession, options: DescribeSessionOptions): string {
  const lines: string[] = [];
  if (session.headline) lines.push(session.headline, ...(session.notes ?? []), '');
  lines.push(`Warm-up (about ${WARMUP_MINUTES} min): ${session.warmup.join('; ')}`, '');
  session.exercises.forEach((p, i) => lines.push(`${i + 1}. ${formatPrescription(p)}`));
  const cooldownTitle = session.cooldownTitle ?? 'Cool-down';
  const cooldownMinutes = session.cooldownMinutes ?? COOLDOWN_MINUTES;
  lines.push('', `${cooldownTitle} (about ${cooldownMinutes} min): ${session.cooldown.join('; ')}`);
  if (options.reasons.length > 0) {
    lines.push('', 'Why this slot:', ...options.reasons.map((r) => `- ${r}`));
  }
  lines.push('', IRONSTRIDE_MARKER);
  return lines.join('\n');
}

/** An exercise as the plan JSON writes it (SPEC §8). */
export type PlanExercise = {
  name: string;
  sets: number;
  perSide?: true;
  restSeconds: number;
  /**
   * Reps in reserve, low–high. Always set on sessions planned now; absent on sessions the
   * extension stored before prescriptions had it.
   */
  rir?: [number, number];
  /** Target weight in kg, once the log has one (SPEC §6b). */
  kg?: number;
  cue: string;
  /** Set on sessions planned now; absent on sessions stored before (like `rir`). */
  alternatives?: Alternatives;
} & ({ reps: number | string; seconds?: never } | { seconds: number; reps?: never });

/**
 * The SPEC §8 JSON shape of a prescription: `{ name, sets, reps | seconds, restSeconds, rir, cue,
 * alternatives }`, with `perSide: true` only when the dose is per side and `kg` only with a target.
 *
 * @example toPlanExercise(goblet)
 *   // { name: 'Goblet squat', sets: 3, reps: '6-8', restSeconds: 90, rir: [1, 2], cue: '…',
 *   //   alternatives: { easier: 'Bodyweight squat', swaps: ['Split squat'] } }
 */
export function toPlanExercise(p: Prescription): PlanExercise {
  const amount = p.seconds !== undefined ? { seconds: p.seconds } : { reps: p.reps };
  return {
    name: p.name,
    sets: p.sets,
    ...amount,
    ...(p.perSide ? { perSide: true as const } : {}),
    restSeconds: p.restSeconds,
    // Guarded: a session stored by an older version has neither, and must still serialize.
    ...(p.rir ? { rir: [p.rir[0], p.rir[1]] as [number, number] } : {}),
    ...(p.kg !== undefined ? { kg: p.kg } : {}),
    cue: p.cue,
    ...(p.alternatives
      ? {
          alternatives: {
            ...(p.alternatives.easier ? { easier: p.alternatives.easier } : {}),
            ...(p.alternatives.harder ? { harder: p.alternatives.harder } : {}),
            swaps: [...p.alternatives.swaps],
          },
        }
      : {}),
  };
}

/**
 * The session's `block` as the plan JSON prints it (SPEC §8): `{ week, of, deload }` in
 * off-season and base, `undefined` elsewhere.
 */
export function toPlanBlock(session: Pick<StrengthSession, 'block'>) {
  return session.block
    ? { week: session.block.week, of: session.block.of, deload: session.block.deload }
    : undefined;
}
