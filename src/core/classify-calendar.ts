/**
 * Classifies every occurrence of a calendar, applying the runner's re-tags, which win on
 * every re-sync (SPEC §3).
 */
import { classifyEvent } from './classify';
import type { Classification } from './classify/types';
import type { CalendarEvent } from './events';
import { MINUTE_MS } from './time';

/** An occurrence together with what it is. */
export interface ClassifiedEvent extends CalendarEvent {
  classification: Classification;
}

/**
 * A runner's correction of one event ("this is actually a tempo run"), keyed by occurrence id
 * or, to re-tag a whole series, by UID.
 */
export type Retag = Pick<Classification, 'activity' | 'kind' | 'intensity' | 'key'>;

/**
 * What every event of a calendar marked "busy only" is: time that is taken, never a run or a
 * workout (the extension's busy sources, the CLI's `--busy-calendar`).
 */
export const BUSY_ONLY: Retag = { activity: 'other', kind: null, intensity: null, key: false };

/**
 * Classifies each event from its title, description and length, then applies re-tags: an
 * occurrence's own re-tag wins over its series' re-tag, which wins over the classifier.
 */
export function classifyCalendar(
  events: readonly CalendarEvent[],
  retags: ReadonlyMap<string, Retag> = new Map(),
): ClassifiedEvent[] {
  return events.map((event) => {
    const retag = retags.get(event.id) ?? retags.get(event.uid);
    if (retag) {
      return {
        ...event,
        classification: {
          ...retag,
          confidence: 1,
          reasons: ['re-tagged by you'],
        },
      };
    }
    const classification = classifyEvent({
      title: event.title,
      description: event.description,
      eventMinutes: event.allDay ? undefined : Math.round((event.end - event.start) / MINUTE_MS),
    });
    return { ...event, classification };
  });
}
