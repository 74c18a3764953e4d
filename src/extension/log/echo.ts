/**
 * The calendar echo of the training log (issue 13): a logged session is written — to Google and
 * to the feed — with its result line at the top of its description ("Done · RPE 7 · goblet squat
 * 3 × 8 @ 20 kg"). The line is added here, on the way to a writer, never stored in the session:
 * re-planning or changing the log changes the one line, and the writers' own comparisons (a
 * Google event's content hash, the feed body's hash) see the change and patch what was written.
 */
import { resultLines, withResultLine } from '../../core/log';
import type { LogEntry } from '../../core/log';
import type { WeightUnit } from '../../core/prefs';
import { logItem } from '../storage';
import type { StoredSession } from '../storage';

/** The sessions as written: each logged accepted one with its result line first. */
export function withResults(
  sessions: readonly StoredSession[],
  entries: readonly LogEntry[],
  unit: WeightUnit,
): StoredSession[] {
  if (entries.length === 0) return [...sessions];
  const lines = resultLines(entries, unit);
  return sessions.map((s) => {
    const line = s.status === 'accepted' ? lines.get(s.id) : undefined;
    return line ? { ...s, description: withResultLine(s.description, line) } : s;
  });
}

/** {@link withResults} with the stored log. */
export async function echoLog(
  sessions: readonly StoredSession[],
  unit: WeightUnit,
): Promise<StoredSession[]> {
  const { entries } = await logItem.getValue();
  return withResults(sessions, entries, unit);
}
