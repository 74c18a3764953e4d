/**
 * The calendar echo of a logged session (issue 13): one short line at the top of the event's
 * description — "Done · RPE 7 · goblet squat 3 × 8 @ 20 kg" — so the runner's calendar keeps what
 * was done next to what was planned. Weights in the runner's unit (SPEC §6b).
 *
 * The line is added where a session's description is turned into what is written (the Google
 * write, the feed body, the CLI), never stored in the session: re-planning or editing the log
 * then changes the one line, and nothing is written twice.
 */
import { nameInSentence } from '../exercises/library';
import type { WeightUnit } from '../prefs';
import { formatWeight } from '../units';
import type { LogEntry, LoggedExercise, LogStatus } from './schema';

const STATUS_WORDS: Readonly<Record<LogStatus, string>> = {
  done: 'Done',
  partly: 'Partly done',
  skipped: 'Skipped',
};

/** "3 × 8 @ 20 kg", "8, 8, 6 @ 20 kg", "8 @ 20 kg, 6 @ 22.5 kg", "2 × 10". */
function formatSets(exercise: LoggedExercise, unit: WeightUnit): string {
  const sets = exercise.sets;
  const weight = (kg: number | undefined) =>
    kg === undefined || kg === 0 ? '' : ` @ ${formatWeight(kg, unit)}`;
  const loads = new Set(sets.map((s) => weight(s.kg)));
  if (loads.size > 1) return sets.map((s) => `${s.reps}${weight(s.kg)}`).join(', ');
  const load = weight(sets[0]?.kg);
  const reps = new Set(sets.map((s) => s.reps));
  if (reps.size === 1) return `${sets.length} × ${sets[0]?.reps ?? 0}${load}`;
  return `${sets.map((s) => s.reps).join(', ')}${load}`;
}

/**
 * The result line of a log entry: status, effort and each exercise's sets.
 *
 * @example formatResultLine({ sessionId: 's1', date: '2027-03-02', status: 'done', rpe: 7,
 *   exercises: [{ name: 'Goblet squat', sets: [{ reps: 8, kg: 20 }, { reps: 8, kg: 20 },
 *   { reps: 8, kg: 20 }] }] }, 'kg')
 *   // 'Done · RPE 7 · goblet squat 3 × 8 @ 20 kg'
 */
export function formatResultLine(entry: LogEntry, unit: WeightUnit): string {
  const parts = [STATUS_WORDS[entry.status]];
  if (entry.rpe !== undefined) parts.push(`RPE ${entry.rpe}`);
  for (const exercise of entry.exercises ?? []) {
    if (exercise.sets.length === 0) continue;
    parts.push(`${nameInSentence(exercise.name.trim())} ${formatSets(exercise, unit)}`);
  }
  return parts.join(' · ');
}

/**
 * The result line of each logged session, by session id (the last entry of a session wins, as
 * when the log is read).
 */
export function resultLines(
  entries: readonly LogEntry[],
  unit: WeightUnit,
): ReadonlyMap<string, string> {
  const bySession = new Map<string, LogEntry>();
  for (const entry of entries) bySession.set(entry.sessionId, entry);
  return new Map([...bySession].map(([id, entry]) => [id, formatResultLine(entry, unit)]));
}

/** A description's first paragraph that is a result line: a status word, alone or before " · ". */
const RESULT_LINE = /^(?:Done|Partly done|Skipped)(?: · [^\r\n]*)?(?:\r?\n\r?\n|\r?\n?$)/;

/**
 * The description as written: the result line first (what a glance at the event should show),
 * then the planned description. A result line already at the top (an event written before the
 * log changed) is replaced, never stacked, so the Google patch and the feed rewrite stay
 * idempotent; with no line, a stale one is removed (the log entry was deleted).
 *
 * @example withResultLine('Goblet squat — 3 × 6–8', 'Done · RPE 7')
 *   // 'Done · RPE 7\n\nGoblet squat — 3 × 6–8'
 */
export function withResultLine(description: string, line: string | undefined): string {
  const planned = description.replace(RESULT_LINE, '');
  if (!line) return planned;
  return planned.trim() === '' ? line : `${line}\n\n${planned}`;
}
