/**
 * H2 — on a day with runs, the session starts after every run of that day has ended, and at
 * least `minGapAfterHardRunHours` after a hard run (tempo, intervals, hills). Never lift before
 * running the same day.
 *
 * Exception (seed 000: "if time requires back-to-back sessions, always run first"): with
 * `allowBackToBack` on and no slot with the full gap before the day's end, the session may start
 * within 45 minutes after the hard run ends (still a buffer after it, as H4 asks).
 */
import { clockText } from '../../text-style';
import { HOUR_MS, MINUTE_MS, minutesInZone } from '../../time';
import type { DateString } from '../../time';
import type { RunFact } from '../calendar-facts';
import { kindWords } from '../day-facts';
import { fitsFrom, freeIntervals } from './free-time';
import type { RuleContext, TimeRule } from './types';

/** Back-to-back: the session starts within this long after the hard run ends (SPEC §4). */
export const BACK_TO_BACK_MINUTES = 45;

/** When a session may start on a day with runs. */
export interface StartBounds {
  /** Earliest start. */
  from: number;
  /** Latest start, for back-to-back sessions only. */
  until?: number;
  /** The hard run a back-to-back session follows right after. */
  backToBack?: RunFact;
  /** The hard run whose recovery gap `from` keeps, if any. */
  hard?: RunFact;
}

/**
 * When a session of `minutes` may start on `date` under H2, or undefined on a day without runs.
 * The full gap is taken whenever a slot with it fits; back-to-back only when none does.
 */
export function startBounds(
  date: DateString,
  minutes: number,
  ctx: RuleContext,
): StartBounds | undefined {
  const runs = ctx.facts.runsByDay.get(date);
  if (!runs || runs.length === 0) return undefined;
  const lastEnd = Math.max(...runs.map((r) => r.end));
  const hard = runs
    .filter((r) => r.hardWorkout)
    .reduce<RunFact | undefined>((last, r) => (!last || r.end > last.end ? r : last), undefined);
  if (!hard) return { from: lastEnd };
  const full = Math.max(lastEnd, hard.end + ctx.prefs.minGapAfterHardRunHours * HOUR_MS);
  if (!ctx.prefs.allowBackToBack || fitsFrom(freeIntervals(date, ctx), full, minutes)) {
    return { from: full, hard };
  }
  return {
    from: lastEnd,
    until: hard.end + BACK_TO_BACK_MINUTES * MINUTE_MS,
    backToBack: hard,
    hard,
  };
}

export const h2: TimeRule = {
  id: 'H2',
  scope: 'time',
  summary:
    'After every run of the day has ended, and minGapAfterHardRunHours after a hard run (back-to-back only when no slot with the full gap fits).',
  warnsAboutExisting: true,
  check(session, ctx) {
    const minutes = Math.round((session.end - session.start) / MINUTE_MS);
    const bounds = startBounds(session.date, minutes, ctx);
    if (!bounds) return undefined;
    const runs = ctx.facts.runsByDay.get(session.date) ?? [];
    const clock = (t: number) => clockText(minutesInZone(t, ctx.prefs.timezone), ctx.text);
    const unfinished = runs.find((r) => r.end > session.start);
    if (unfinished) {
      return {
        rule: 'H2',
        reason:
          session.start < unfinished.start
            ? `before your ${kindWords(unfinished)} at ${clock(unfinished.start)} the same day`
            : `during your ${kindWords(unfinished)} (${clock(unfinished.start)}–${clock(unfinished.end)})`,
        warning: 'strength-before-run',
        advice: 'run first, lift later',
      };
    }
    const tooSoon = session.start < bounds.from;
    const tooLateForBackToBack = bounds.until !== undefined && session.start > bounds.until;
    if (!tooSoon && !tooLateForBackToBack) return undefined;
    const hard = bounds.hard;
    const gap = ctx.prefs.minGapAfterHardRunHours;
    return {
      rule: 'H2',
      reason: hard
        ? `less than ${gap} h after your ${kindWords(hard)}${bounds.backToBack ? ' and not right after it' : ''}`
        : 'before your last run of the day has ended',
      warning: 'strength-soon-after-hard-run',
      advice: 'give your legs a few hours first, or lift right after the run',
    };
  },
};
