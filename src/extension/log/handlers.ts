/**
 * The message handlers for the training log (SPEC §6b): logging a session from the popup, Options'
 * export and import, and the History page. Every entry is checked with the core schema before it
 * is stored; an import that fails names the bad field and changes nothing.
 */
import { collectRaces } from '../../core/races';
import { parseTrainingLog, TrainingLogError } from '../../core/log';
import type { LogEntry, TrainingLog } from '../../core/log';
import type { Preferences } from '../../core/prefs';
import { DAY_MS, dateInZone } from '../../core/time';
import type { ServiceContext } from '../deps';
import type { Handlers } from '../messaging';
import { loadCalendar } from '../plan/calendar';
import type { PlanStore } from '../plan/store';
import type { PrefsStore } from '../prefs/store';
import { logItem, planItem } from '../storage';
import type { StoredSession } from '../storage';
import { buildHistory } from './history';
import { LOG_EDIT_DAYS } from './log-view';
import { upgradeLog } from './migrations';

export interface LogHandlerContext extends Pick<ServiceContext, 'serial' | 'now'> {
  prefs: PrefsStore;
  store: PlanStore;
  /**
   * After a session's log changed, inside the serial queue: its Google event gets the result
   * line (google/handlers.ts `echoLogToGoogle`). The feed follows on its own: a rebuilt view
   * that finds the feed behind schedules a publish.
   */
  echoToGoogle?: (prefs: Preferences, sessionId: string) => Promise<boolean>;
}

type LogHandlers = Pick<Handlers, 'logSession' | 'exportLog' | 'importLog' | 'getHistory'>;

/** Why this session cannot be logged now, or nothing when it can. */
function whyNotLoggable(session: StoredSession, now: number): string | undefined {
  if (session.status !== 'accepted') return 'Only an accepted session can be logged';
  if (session.end > now) return 'This session has not ended yet: log it once it is over';
  if (now >= session.end + LOG_EDIT_DAYS * DAY_MS)
    return `A session can be logged or changed for ${LOG_EDIT_DAYS} days after it; this one is older`;
  return undefined;
}

function sorted(entries: LogEntry[]): TrainingLog {
  entries.sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
  return { version: 1, entries };
}

/** The log with `entry` in place of whatever `sessionId` had (or without it, for `null`). */
function withEntry(log: TrainingLog, sessionId: string, entry: LogEntry | null): TrainingLog {
  const others = log.entries.filter((e) => e.sessionId !== sessionId);
  return sorted(entry ? [...others, entry] : others);
}

/** Both logs in one: an entry of `incoming` replaces the same session's in `log`. */
function merge(log: TrainingLog, incoming: TrainingLog): TrainingLog {
  const bySession = new Map(log.entries.map((e) => [e.sessionId, e]));
  for (const entry of incoming.entries) bySession.set(entry.sessionId, entry);
  return sorted([...bySession.values()]);
}

/**
 * An exported log file's text as a log: JSON, of a version this Ironstride reads, valid field by
 * field. Throws an error whose message says what is wrong and where.
 */
export function parseLogFile(text: string): TrainingLog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `This file is not a training log: it is not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    return parseTrainingLog(upgradeLog(raw));
  } catch (error) {
    if (error instanceof TrainingLogError) throw new Error(`Nothing imported. ${error.message}`);
    throw error;
  }
}

export function createLogHandlers(ctx: LogHandlerContext): LogHandlers {
  const { serial, now, prefs: prefsStore, store } = ctx;

  return {
    logSession: ({ sessionId, entry }) =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const { sessions } = await planItem.getValue();
        const session = sessions.find((s) => s.id === sessionId);
        if (!session) throw new Error(`No session "${sessionId}": plan the week again`);
        const problem = whyNotLoggable(session, now());
        if (problem) throw new Error(problem);
        if (entry) {
          const date = dateInZone(session.start, prefs.timezone);
          if (entry.sessionId !== sessionId || entry.date !== date) {
            throw new Error(
              `A log entry for "${sessionId}" on ${date} was expected, not "${entry.sessionId}" on ${entry.date}`,
            );
          }
        }
        await logItem.setValue(withEntry(await logItem.getValue(), sessionId, entry));
        // The planned weeks follow the log at once: next week's targets, a held block.
        const view = await store.inputsChanged(prefs);
        // The view's Google line then says a write is on its way.
        const echoed = (await ctx.echoToGoogle?.(prefs, sessionId)) ?? false;
        return echoed ? store.rebuildView(prefs) : view;
      }),

    exportLog: () =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const log = await logItem.getValue();
        return {
          filename: `ironstride-log-${dateInZone(now(), prefs.timezone)}.json`,
          // The same document `plan --log` reads (SPEC §6b).
          text: `${JSON.stringify(log, null, 2)}\n`,
          count: log.entries.length,
        };
      }),

    importLog: ({ text }) =>
      serial(async () => {
        const imported = parseLogFile(text);
        const log = await logItem.getValue();
        // A merge, never a loss: an entry in the file replaces the same session's, the rest stay.
        const known = new Set(log.entries.map((e) => e.sessionId));
        const replaced = imported.entries.filter((e) => known.has(e.sessionId)).length;
        const merged = merge(log, imported);
        await logItem.setValue(merged);
        await store.inputsChanged(await prefsStore.load());
        return {
          imported: imported.entries.length,
          added: imported.entries.length - replaced,
          replaced,
          total: merged.entries.length,
        };
      }),

    getHistory: () =>
      serial(async () => {
        const prefs = await prefsStore.load();
        const { events } = await loadCalendar();
        const { sessions } = await planItem.getValue();
        const { entries } = await logItem.getValue();
        return buildHistory({
          now: now(),
          prefs,
          sessions,
          entries,
          races: collectRaces(events, prefs.races, prefs.timezone),
          text: prefsStore.text(),
        });
      }),
  };
}
