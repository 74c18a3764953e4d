/**
 * What a calendar day holds, in the terms the rules and the reasons use: its key run, its hard
 * workout, its long run or race, how hard it is, and how a run kind reads in a sentence.
 */
import { weekdayOf, WEEKDAY_NAMES } from '../time';
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
