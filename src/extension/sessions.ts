/** The runner's decisions about suggested sessions: merging a new plan, moving, pruning. */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { applySwap, describeSession, SwapError } from '../core/exercises';
import { checkSessions } from '../core/plan/check-sessions';
import type { PlannedSession } from '../core/plan';
import type { Preferences } from '../core/prefs';
import { dateInZone, startOfWeek } from '../core/time';
import type { DateString } from '../core/time';
import type { StoredSession } from './storage';

/** The week a session falls in, from its start (not the stored weekStart: week start can change). */
export function weekOf(session: { start: number }, prefs: Preferences): DateString {
  return startOfWeek(dateInZone(session.start, prefs.timezone), prefs.weekStartsOn);
}

/**
 * `accepted` with each exercise's target weight and its words (`kg`, `load`, `progression`) as
 * `planned` has them now, matched by name; the same object when nothing changed.
 */
function withTargets(
  accepted: StoredSession['content'],
  planned: StoredSession['content'],
): StoredSession['content'] {
  const byName = new Map(planned.exercises.map((p) => [p.name, p]));
  let changed = false;
  const exercises = accepted.exercises.map((e) => {
    const now = byName.get(e.name);
    if (!now || (now.kg === e.kg && now.load === e.load && now.progression === e.progression))
      return e;
    changed = true;
    const { kg: _old, ...rest } = e;
    return {
      ...rest,
      ...(now.kg !== undefined ? { kg: now.kg } : {}),
      load: now.load,
      progression: now.progression,
    };
  });
  return changed ? { ...accepted, exercises } : accepted;
}

/**
 * Replaces one week's suggestions with a fresh plan. Sessions the planner kept stay as the runner
 * accepted them (content included, but for the targets the log changed before they start); ones
 * it had to move stay accepted, flagged `moved`; new ones are suggestions. Skipped and earlier
 * suggestions of the week are dropped.
 */
export function mergeWeekPlan(
  previous: readonly StoredSession[],
  planned: readonly PlannedSession[],
  week: DateString,
  prefs: Preferences,
  now?: number,
): StoredSession[] {
  const byId = new Map(previous.map((s) => [s.id, s]));
  const others = previous.filter((s) => weekOf(s, prefs) !== week);
  const fresh = planned.map((p): StoredSession => {
    const before = byId.get(p.id);
    const alternatives = p.alternatives.map((a) => ({
      start: a.start,
      end: a.end,
      reasons: a.reasons,
    }));
    const swapped = (session: StoredSession) =>
      before?.swaps ? withSwaps(session, before.swaps) : session;
    if (before && before.status === 'accepted' && p.status === 'kept') {
      // One not started yet takes the targets the log now gives (SPEC §6b): weights and their
      // words only. Its exercises and sets stay as accepted (rebuilt in its own, snug slot, a
      // session can come out a set shorter), and so do the swaps already in its content.
      if (now !== undefined && before.start > now) {
        const content = withTargets(before.content, p.content);
        if (content !== before.content) {
          return {
            ...before,
            content,
            description: describeSession(content, { reasons: before.reasons }),
            alternatives,
          };
        }
      }
      return { ...before, alternatives };
    }
    const base: StoredSession = {
      id: p.id,
      weekStart: p.weekStart,
      start: p.start,
      end: p.end,
      title: p.title,
      description: p.description,
      phase: p.phase,
      load: p.load,
      reasons: p.reasons,
      content: p.content,
      alternatives,
      status: 'suggested',
    };
    if (before && before.status === 'accepted' && p.status === 'moved') {
      return swapped({ ...base, status: 'accepted', moved: true });
    }
    return swapped(base);
  });
  return [...others, ...fresh].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}

/** Sessions that count on the calendar: everything the runner hasn't skipped. */
export function activeSessions(sessions: readonly StoredSession[]): StoredSession[] {
  return sessions.filter((s) => s.status !== 'skipped');
}

/**
 * Drops alternatives that would break a rule given where the other sessions are now (after one
 * of them moved, or the calendar changed).
 */
export function pruneAlternatives(
  sessions: readonly StoredSession[],
  events: readonly ClassifiedEvent[],
  prefs: Preferences,
  now: number,
): StoredSession[] {
  const active = activeSessions(sessions);
  return sessions.map((s) => {
    if (s.status === 'skipped' || s.alternatives.length === 0) return s;
    const alternatives = s.alternatives.filter((alt) => {
      if (alt.start < now) return false;
      const moved = active.map((o) =>
        o.id === s.id ? { id: o.id, start: alt.start, end: alt.end } : o,
      );
      return checkSessions({ events, prefs, sessions: moved, notBefore: now }).every(
        (c) => !c.problem,
      );
    });
    return alternatives.length === s.alternatives.length ? s : { ...s, alternatives };
  });
}

/**
 * Moves a session to one of its alternatives: the old slot becomes an alternative, the reasons
 * and description follow the new slot.
 *
 * @throws when the alternative does not exist or no longer obeys the rules.
 */
export function moveToAlternative(
  sessions: readonly StoredSession[],
  sessionId: string,
  index: number,
  events: readonly ClassifiedEvent[],
  prefs: Preferences,
  now: number,
): StoredSession[] {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`No session "${sessionId}": plan the week again`);
  const alt = session.alternatives[index];
  if (!alt)
    throw new Error('That time is no longer offered; plan the week again to see current options');
  const moved = activeSessions(sessions).map((o) =>
    o.id === sessionId ? { id: o.id, start: alt.start, end: alt.end } : o,
  );
  if (alt.start < now) throw new Error('That time has already passed');
  const problem = checkSessions({ events, prefs, sessions: moved, notBefore: now }).find(
    (c) => c.problem,
  )?.problem;
  if (problem) throw new Error(`That time no longer fits: ${problem}`);
  const reasons = [...alt.reasons, 'moved here by you'];
  const updated: StoredSession = {
    ...session,
    start: alt.start,
    end: alt.end,
    reasons,
    description: describeSession(session.content, { reasons }),
    alternatives: [
      { start: session.start, end: session.end, reasons: session.reasons.slice(0, 2) },
      ...session.alternatives.filter((_, i) => i !== index),
    ],
  };
  const next = sessions.map((s) => (s.id === sessionId ? updated : s));
  return pruneAlternatives(next, events, prefs, now);
}

/**
 * The session with `swaps` applied to its content, in order, and its title and description
 * rebuilt from it. A swap the content no longer offers (a re-plan changed the phase or the
 * exercise) is dropped: the fresh plan's choice stands.
 */
export function withSwaps(
  session: StoredSession,
  swaps: readonly { from: string; to: string }[],
): StoredSession {
  let content = session.content;
  const kept: { from: string; to: string }[] = [];
  for (const swap of swaps) {
    try {
      content = applySwap(content, swap);
      kept.push(swap);
    } catch (error) {
      if (!(error instanceof SwapError)) throw error;
    }
  }
  const { swaps: _old, ...rest } = session;
  if (kept.length === 0 && content === session.content) return rest;
  return {
    ...rest,
    content,
    title: content.title,
    description: describeSession(content, { reasons: session.reasons }),
    ...(kept.length > 0 ? { swaps: kept } : {}),
  };
}

/**
 * Swaps exercise `from` for `to` in one session (suggested or accepted), and keeps the swap,
 * after the earlier ones: a fresh plan of the session replays them in order.
 *
 * @throws {Error} naming what is wrong: no such session, or `to` not offered for `from`.
 */
export function swapExercise(
  sessions: readonly StoredSession[],
  sessionId: string,
  swap: { from: string; to: string },
): StoredSession[] {
  const session = sessions.find((s) => s.id === sessionId);
  if (!session) throw new Error(`No session "${sessionId}": plan the week again`);
  // An impossible swap fails here, with applySwap's own words.
  const content = applySwap(session.content, swap);
  const updated: StoredSession = {
    ...session,
    content,
    title: content.title,
    description: describeSession(content, { reasons: session.reasons }),
    swaps: [...(session.swaps ?? []), swap],
  };
  return sessions.map((s) => (s.id === sessionId ? updated : s));
}
