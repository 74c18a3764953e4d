/**
 * H5 — no session on the day of a long run or a race; none in the 3 days before an A race nor
 * the 2 days after any A race; none the day after a B or C race, nor in the 2 days after any
 * race of half-marathon distance or longer. Those days belong to the run and its recovery.
 */
import type { RaceDay } from '../../phases';
import { LONG_RACE_KM } from '../../races';
import { daysBetween } from '../../time';
import { kindWords, longOrRaceOn } from '../day-facts';
import type { DayRule, Violation } from './types';

/** Days before an A race with no strength at all. */
export const NO_STRENGTH_DAYS_BEFORE_A_RACE = 3;
/** Days after an A race, or any race of half-marathon distance or longer, with no strength. */
export const NO_STRENGTH_DAYS_AFTER_A_RACE = 2;
/** Days after a B or C race with no strength. */
export const NO_STRENGTH_DAYS_AFTER_OTHER_RACES = 1;

/** How many days after `race` stay free of strength. */
export function protectedDaysAfter(race: RaceDay): number {
  const long = race.distanceKm !== undefined && race.distanceKm >= LONG_RACE_KM;
  return race.priority === 'A' || long
    ? NO_STRENGTH_DAYS_AFTER_A_RACE
    : NO_STRENGTH_DAYS_AFTER_OTHER_RACES;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function near(reason: string): Violation {
  return {
    rule: 'H5',
    reason,
    warning: 'strength-near-a-race',
    advice:
      'no strength in the 3 days before an A race, the 2 days after an A race or a half marathon or longer, or the day after any race',
  };
}

export const h5: DayRule = {
  id: 'H5',
  scope: 'day',
  summary:
    'No session on the day of a long run or race; none 3 days before or 2 days after an A race; none the day after a B/C race, nor 2 days after a half marathon or longer.',
  check(date, ctx) {
    const run = longOrRaceOn(ctx.facts, date);
    if (run) {
      return {
        rule: 'H5',
        reason: `the day of your ${kindWords(run)}`,
        warning: 'strength-on-long-run-day',
        advice: 'that day is for the run and recovering from it',
      };
    }
    for (const race of ctx.races) {
      const days = daysBetween(date, race.date);
      if (days === 0) return near(`race day (${race.name})`);
      if (race.priority === 'A' && days > 0 && days <= NO_STRENGTH_DAYS_BEFORE_A_RACE) {
        return near(`${plural(days, 'day')} before ${race.name}, an A race`);
      }
      if (days < 0 && -days <= protectedDaysAfter(race)) {
        return near(`${plural(-days, 'day')} after ${race.name}`);
      }
    }
    return undefined;
  },
};
