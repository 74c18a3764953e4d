/**
 * Step 1 of the planner: sessions the runner accepted earlier stay where they are while they
 * still obey every rule (fewest moves on a re-plan); the rest must move.
 */
import { dateInZone } from '../time';
import type { DateString } from '../time';
import type { WeekContext } from './context';
import { PLACED_SESSION } from './context';
import { dayViolation, timeViolation } from './rules';
import type { Slot } from './slots';
import type { AcceptedSession } from './types';

export interface KeptSession {
  id: string;
  date: DateString;
  slot: Slot;
}

export interface KeepAcceptedResult {
  kept: KeptSession[];
  /** Ids of accepted sessions of this week that must move. */
  toMove: string[];
}

/**
 * Keeps up to `room` accepted sessions of the week that still obey the rules. A session that
 * already started (before `notBefore`) is history: it stays whatever changed.
 */
export function keepAccepted(
  accepted: readonly AcceptedSession[],
  ctx: WeekContext,
  room: number,
  notBefore: number | undefined,
  weekEnd: DateString,
): KeepAcceptedResult {
  const kept: KeptSession[] = [];
  const toMove: string[] = [];
  const tz = ctx.rules.prefs.timezone;
  for (const a of accepted) {
    const date = dateInZone(a.start, tz);
    if (date < ctx.weekStart || date >= weekEnd) continue;
    const slot = { start: a.start, end: a.end };
    const started = notBefore !== undefined && a.start < notBefore;
    const legal =
      started || (!dayViolation(date, ctx.rules) && !timeViolation({ date, ...slot }, ctx.rules));
    if (kept.length < room && legal) {
      kept.push({ id: a.id, date, slot });
      ctx.rules.strengthDays.set(date, PLACED_SESSION);
    } else {
      toMove.push(a.id);
    }
  }
  return { kept, toMove };
}
