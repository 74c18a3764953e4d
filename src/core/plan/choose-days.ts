/**
 * Step 3 of the planner: which of the candidate days get the week's sessions, by SPEC §4's
 * preferences — the policy's days first, then days whose next day is easy, the phase's timing,
 * spread across the week, and earliest last so the choice is deterministic.
 */
import { addDays, daysBetween } from '../time';
import type { Candidate, WeekContext } from './context';

/** Lexicographic comparison of score vectors, higher first. */
export function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** How well one day suits the policy, and whether the day after it is easy. */
export function dayScore(c: Candidate, ctx: WeekContext): number[] {
  const policyScore = ctx.policy === 'hard-days-hard' ? (c.hard ? 1 : 0) : c.easyOrRest ? 1 : 0;
  return [policyScore, c.nextEasy ? 1 : 0];
}

function scoreDays(days: readonly Candidate[], ctx: WeekContext): number[] {
  let policy = 0;
  let nextEasy = 0;
  let timing = 0;
  for (const d of days) {
    const [p = 0, n = 0] = dayScore(d, ctx);
    policy += p;
    nextEasy += n;
    // Race week: as early as possible; recovery: as late as possible, away from the race.
    if (ctx.phase === 'race-week') timing -= d.offset;
    if (ctx.phase === 'recovery') timing += d.offset;
  }
  // Spread: the smallest distance from each chosen day to any other strength day nearby.
  const strength = ctx.rules.strengthDays;
  let spread = 7;
  for (const d of days) {
    for (let k = 1; k < 7; k++) {
      const near =
        days.some((o) => o !== d && Math.abs(daysBetween(d.date, o.date)) === k) ||
        strength.has(addDays(d.date, k)) ||
        strength.has(addDays(d.date, -k));
      if (near) {
        spread = Math.min(spread, k);
        break;
      }
    }
  }
  const earliness = -days.reduce((sum, d) => sum + d.offset, 0);
  return [policy, nextEasy, timing, spread, earliness];
}

/**
 * The best set of `size` days, pairwise a day apart (H3), or none when no such set exists.
 * A week has seven days, so trying every set is cheap.
 */
export function chooseDays(
  candidates: readonly Candidate[],
  size: number,
  ctx: WeekContext,
): Candidate[] {
  let best: { days: Candidate[]; score: number[] } | undefined;
  const pick: Candidate[] = [];
  const walk = (from: number) => {
    if (pick.length === size) {
      const score = scoreDays(pick, ctx);
      if (!best || compareScores(score, best.score) < 0) best = { days: [...pick], score };
      return;
    }
    for (let i = from; i < candidates.length; i++) {
      const c = candidates[i] as Candidate;
      const last = pick[pick.length - 1];
      if (last && daysBetween(last.date, c.date) < 2) continue;
      pick.push(c);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return best?.days ?? [];
}

/** The most days that can be chosen, up to `wanted`: fewer when the week cannot hold more. */
export function chooseMostDays(
  candidates: readonly Candidate[],
  wanted: number,
  ctx: WeekContext,
): Candidate[] {
  for (let size = wanted; size > 0; size--) {
    const chosen = chooseDays(candidates, size, ctx);
    if (chosen.length > 0) return chosen;
  }
  return [];
}
