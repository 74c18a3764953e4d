/**
 * Warnings about strength the runner already has in the calendar: Ironstride counts it, never
 * moves it, and says which rule it breaks so the runner can decide.
 */
import { NO_STRENGTH_DAYS_AFTER_A_RACE, NO_STRENGTH_DAYS_BEFORE_A_RACE } from '../phases';
import type { RaceDay } from '../phases';
import type { Preferences } from '../prefs';
import { addDays, daysBetween, formatClock, HOUR_MS, minutesInZone } from '../time';
import type { DateString } from '../time';
import type { CalendarFacts, StrengthFact } from './calendar-facts';
import { dayName, keyRunOn, kindWords, longOrRaceOn } from './day-rules';
import type { PlanWarning } from './types';

function label(s: StrengthFact): string {
  return `"${s.event.title || 'strength'}" on ${dayName(s.date)}`;
}

/** Warnings for the runner's own strength on the days `from` (inclusive) to `to` (exclusive). */
export function warnAboutExistingStrength(
  facts: CalendarFacts,
  races: readonly RaceDay[],
  prefs: Preferences,
  from: DateString,
  to: DateString,
): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const tz = prefs.timezone;
  const inRange = [...facts.strengthByDay.values()]
    .flat()
    .filter((s) => s.date >= from && s.date < to)
    .sort((a, b) => a.start - b.start);

  for (const s of inRange) {
    const eventId = s.event.id;
    const key = keyRunOn(facts, addDays(s.date, 1));
    if (key) {
      warnings.push({
        code: 'strength-before-key-run',
        eventId,
        message: `${label(s)} is the day before ${dayName(key.date)}'s ${kindWords(key)} (${key.event.title}): heavy legs blunt a key session — move it, or keep it light.`,
      });
    }
    const longOrRace = longOrRaceOn(facts, s.date);
    if (longOrRace) {
      warnings.push({
        code: 'strength-on-long-run-day',
        eventId,
        message: `${label(s)} is on the day of your ${kindWords(longOrRace)}: that day is for the run and recovering from it.`,
      });
    }
    for (const race of races) {
      if (race.priority !== 'A') continue;
      const days = daysBetween(s.date, race.date);
      if (
        (days > 0 && days <= NO_STRENGTH_DAYS_BEFORE_A_RACE) ||
        (days <= 0 && -days <= NO_STRENGTH_DAYS_AFTER_A_RACE)
      ) {
        warnings.push({
          code: 'strength-near-a-race',
          eventId,
          message: `${label(s)} is ${days > 0 ? `${days} day(s) before` : days === 0 ? 'on the day of' : `${-days} day(s) after`} ${race.name}: no strength in the 3 days before or 2 days after an A race.`,
        });
      }
    }
    for (const run of facts.runsByDay.get(s.date) ?? []) {
      if (run.start >= s.start) {
        warnings.push({
          code: 'strength-before-run',
          eventId,
          message: `${label(s)} at ${formatClock(minutesInZone(s.start, tz))} comes before your ${kindWords(run)} at ${formatClock(minutesInZone(run.start, tz))}: run first, lift later.`,
        });
      } else if (run.hardWorkout && s.start < run.end + prefs.minGapAfterHardRunHours * HOUR_MS) {
        warnings.push({
          code: 'strength-soon-after-hard-run',
          eventId,
          message: `${label(s)} starts less than ${prefs.minGapAfterHardRunHours} h after your ${kindWords(run)}: give your legs a few hours first.`,
        });
      }
    }
    for (const offset of [0, 1]) {
      const others = (facts.strengthByDay.get(addDays(s.date, offset)) ?? []).filter(
        (o) => o !== s && (offset === 1 || o.start > s.start),
      );
      const other = others[0];
      if (other) {
        warnings.push({
          code: 'strength-back-to-back',
          eventId,
          message: `${label(s)} and ${label(other)} are ${offset === 0 ? 'on the same day' : 'on consecutive days'}: leave a day between strength sessions.`,
        });
      }
    }
  }
  return warnings;
}
