/**
 * Every stored calendar merged into one classified timeline, with the runner's re-tags and race
 * choices applied.
 */
import { BUSY_ONLY, classifyCalendar } from '../../core/classify-calendar';
import type { ClassifiedEvent, RaceChoice, Retag } from '../../core/classify-calendar';
import type { CalendarEvent } from '../../core/events';
import { eventsItem, raceChoicesItem, retagsItem, sourcesItem } from '../storage';

export interface LoadedCalendar {
  /** In start order. */
  events: ClassifiedEvent[];
  /** Event ids and UIDs the runner re-tagged. */
  retagged: Set<string>;
  /** The runner's word on races found in the calendar, by occurrence id. */
  raceChoices: ReadonlyMap<string, RaceChoice>;
}

/** Reads the last sync of every source; a busy source's events are busy time unless re-tagged. */
export async function loadCalendar(): Promise<LoadedCalendar> {
  const sources = await sourcesItem.getValue();
  const stored = await eventsItem.getValue();
  const retags = await retagsItem.getValue();
  const raceChoices = new Map<string, RaceChoice>(Object.entries(await raceChoicesItem.getValue()));
  const raw: CalendarEvent[] = [];
  const busyIds = new Set<string>();
  for (const source of sources) {
    for (const event of stored[source.id]?.events ?? []) {
      // The same UID can come from two calendars; keep them apart.
      const id = `${source.id}:${event.id}`;
      raw.push({ ...event, id });
      if (source.role === 'busy') busyIds.add(id);
    }
  }
  const retagMap = new Map<string, Retag>(Object.entries(retags));
  for (const id of busyIds) if (!retagMap.has(id)) retagMap.set(id, BUSY_ONLY);
  const events = classifyCalendar(raw, retagMap, raceChoices).sort(
    (a, b) => a.start - b.start || a.id.localeCompare(b.id),
  );
  return { events, retagged: new Set(Object.keys(retags)), raceChoices };
}
