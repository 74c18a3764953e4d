/**
 * Whether a calendar day may hold a strength session at all (H1, H3, H5, and the easy-days
 * policy), with the reason in plain words when it may not.
 */
import { NO_STRENGTH_DAYS_AFTER_A_RACE, NO_STRENGTH_DAYS_BEFORE_A_RACE } from '../phases';
import type { RaceDay } from '../phases';
import type { Policy } from '../prefs';
import { addDays, daysBetween, weekdayOf, WEEKDAY_NAMES } from '../time';
import type { DateString } from '../time';
import type { CalendarFacts, RunFact } from './calendar-facts';

/** Monday, Tuesday… */
export function dayName(date: DateString): string {
  return WEEKDAY_NAMES[weekdayOf(date)];
}

/** "intervals", "long run", "race": how a run kind reads in a sentence. */
export function kindWords(run: Pick<RunFact, 'kind'>): string {
  switch (run.kind) {
    case 'long':
      return 'long run';
    case 'hills':
      return 'hill session';
    case 'tempo':
      return 'tempo run';
    case 'recovery':
      return 'recovery run';
    case 'steady':
      return 'steady run';
    case 'easy':
      return 'easy run';
    default:
      return run.kind;
  }
}

/** The first key run of a day, if any. */
export function keyRunOn(facts: CalendarFacts, date: DateString): RunFact | undefined {
  return (facts.runsByDay.get(date) ?? []).find((r) => r.key);
}

/** The day's long run or race (H5), if any. */
export function longOrRaceOn(facts: CalendarFacts, date: DateString): RunFact | undefined {
  return (facts.runsByDay.get(date) ?? []).find((r) => r.kind === 'long' || r.kind === 'race');
}

/** The first hard workout (tempo, intervals, hills) of a day, if any. */
export function hardWorkoutOn(facts: CalendarFacts, date: DateString): RunFact | undefined {
  return (facts.runsByDay.get(date) ?? []).find((r) => r.hardWorkout);
}

export interface DayRuleContext {
  facts: CalendarFacts;
  /** Races from the calendar and the runner's list (H1 for all, H5's protected days for A). */
  races: readonly RaceDay[];
  /** Days already holding strength: the runner's own and sessions placed so far. */
  strengthDays: ReadonlySet<DateString>;
  policy: Policy;
}

/** Why a session may not go on `date` (H1, H3, H5, policy), or undefined when it may. */
export function dayBlocker(date: DateString, ctx: DayRuleContext): string | undefined {
  const key = keyRunOn(ctx.facts, addDays(date, 1));
  if (key) return `the day before ${dayName(key.date)}'s ${kindWords(key)}`;
  const longOrRace = longOrRaceOn(ctx.facts, date);
  if (longOrRace) return `the day of your ${kindWords(longOrRace)}`;
  for (const race of ctx.races) {
    const days = daysBetween(date, race.date);
    if (days === 0) return `race day (${race.name})`;
    const before = race.priority === 'A' ? NO_STRENGTH_DAYS_BEFORE_A_RACE : 1;
    if (days > 0 && days <= before) {
      return `${days} day${days === 1 ? '' : 's'} before ${race.name}`;
    }
    const after = race.priority === 'A' ? NO_STRENGTH_DAYS_AFTER_A_RACE : 0;
    if (days < 0 && -days <= after) {
      return `${-days} day${days === -1 ? '' : 's'} after ${race.name}`;
    }
  }
  for (const offset of [0, -1, 1]) {
    const other = addDays(date, offset);
    if (ctx.strengthDays.has(other)) {
      return offset === 0
        ? 'already has a strength session'
        : `next to the strength session on ${dayName(other)}`;
    }
  }
  if (ctx.policy === 'easy-days') {
    const hard = hardWorkoutOn(ctx.facts, date);
    if (hard) return `${kindWords(hard)} day, kept for running (easy-days policy)`;
  }
  return undefined;
}

/** The strongest run intensity of a day: what "the next day is easy" looks at. */
export function dayIntensity(
  facts: CalendarFacts,
  date: DateString,
): 'none' | 'easy' | 'moderate' | 'hard' {
  let level: 'none' | 'easy' | 'moderate' | 'hard' = 'none';
  for (const run of facts.runsByDay.get(date) ?? []) {
    const i = run.event.classification.intensity;
    if (i === 'hard') return 'hard';
    if (i === 'moderate') level = 'moderate';
    else if (level === 'none') level = 'easy';
  }
  return level;
}
