/** Races the planner counts phases towards: from the calendar and from the runner's list. */
import { inferRacePriority } from './classify';
import type { ClassifiedEvent } from './classify-calendar';
import type { RaceDay } from './phases';
import type { Race } from './prefs';
import { dateInZone } from './time';

/**
 * Every race in the calendar (classified `race`) plus the runner's own list. When both name a
 * race on the same day, the runner's entry wins: they may have marked it B or C.
 */
export function collectRaces(
  events: readonly ClassifiedEvent[],
  prefsRaces: readonly Race[],
  timeZone: string,
): RaceDay[] {
  const byDate = new Map<string, RaceDay>();
  for (const event of events) {
    if (event.classification.activity !== 'run' || event.classification.kind !== 'race') continue;
    const date =
      event.allDay && event.startDate ? event.startDate : dateInZone(event.start, timeZone);
    const race: RaceDay = {
      date,
      name: event.title,
      priority: inferRacePriority(event.title, event.description),
    };
    const existing = byDate.get(date);
    // Two races the same day: the more important one decides the phase.
    if (!existing || race.priority < existing.priority) byDate.set(date, race);
  }
  for (const race of prefsRaces) byDate.set(race.date, { ...race });
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
