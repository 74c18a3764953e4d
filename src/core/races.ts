/**
 * Races the planner counts phases towards and protects (H5): from the calendar, as the runner
 * confirmed them, and from the runner's own list, which always wins.
 */
import { classifyEvent } from './classify';
import type { ClassifiedEvent } from './classify-calendar';
import type { RaceDay } from './phases';
import type { Race } from './prefs';
import { dateInZone } from './time';

/** From this distance on a race needs two easy days after it (H5). */
export const LONG_RACE_KM = 21;

/** The distance a race's name or title gives ("London Marathon" → 42.195), when it gives one. */
function distanceOf(title: string): number | undefined {
  return classifyEvent({ title }).distanceKm;
}

/**
 * Every race in the calendar (classified `race`, with the priority the runner confirmed or the
 * one inferred from its title) plus the runner's own list. When both name a race on the same
 * day, the runner's entry wins (SPEC §3: "races in preferences always win").
 */
export function collectRaces(
  events: readonly ClassifiedEvent[],
  prefsRaces: readonly Race[],
  timeZone: string,
): RaceDay[] {
  const byDate = new Map<string, RaceDay>();
  for (const event of events) {
    const c = event.classification;
    if (c.activity !== 'run' || c.kind !== 'race') continue;
    const date =
      event.allDay && event.startDate ? event.startDate : dateInZone(event.start, timeZone);
    const race: RaceDay = {
      date,
      name: event.title,
      priority: c.racePriority ?? 'A',
      source: 'calendar',
      eventId: event.id,
      confirmed: c.raceConfirmed === true,
    };
    if (c.distanceKm !== undefined) race.distanceKm = c.distanceKm;
    const existing = byDate.get(date);
    // Two races the same day: the more important one decides the phase.
    if (!existing || race.priority < existing.priority) byDate.set(date, race);
  }
  for (const entry of prefsRaces) {
    const race: RaceDay = { ...entry, source: 'prefs', confirmed: true };
    const km = distanceOf(entry.name);
    if (km !== undefined) race.distanceKm = km;
    byDate.set(entry.date, race);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}
