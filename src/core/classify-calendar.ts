/**
 * Classifies every occurrence of a calendar, applying the runner's re-tags, which win on
 * every re-sync (SPEC §3).
 */
import { classifyEvent, inferRacePriority } from './classify';
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

/** The runner's word on a race found in the calendar (SPEC §3), kept per occurrence. */
export const RACE_CHOICES = ['A', 'B', 'C', 'not-a-race'] as const;
export type RaceChoice = (typeof RACE_CHOICES)[number];

/**
 * What every event of a calendar marked "busy only" is: time that is taken, never a run or a
 * workout (the extension's busy sources, the CLI's `--busy-calendar`).
 */
export const BUSY_ONLY: Retag = { activity: 'other', kind: null, intensity: null, key: false };

function unexpandedSeries(): Classification {
  return {
    ...BUSY_ONLY,
    confidence: 1,
    reasons: ['a series with too many occurrences to list: all its time here is counted as busy'],
  };
}

/**
 * Classifies each event from its title, description and length, then applies re-tags: an
 * occurrence's own re-tag wins over its series' re-tag, which wins over the classifier. A race
 * the runner confirmed takes their priority; one they said is not a race is read by its other
 * words. The stand-in for an unexpanded series (`CalendarEvent.unexpanded`) is always plain
 * busy time.
 */
export function classifyCalendar(
  events: readonly CalendarEvent[],
  retags: ReadonlyMap<string, Retag> = new Map(),
  raceChoices: ReadonlyMap<string, RaceChoice> = new Map(),
): ClassifiedEvent[] {
  return events.map((event) => {
    // A series too dense to expand stands in as busy time; its title describes one occurrence.
    if (event.unexpanded) return { ...event, classification: unexpandedSeries() };
    const retag = retags.get(event.id) ?? retags.get(event.uid);
    if (retag) {
      const classification: Classification = {
        ...retag,
        confidence: 1,
        reasons: ['re-tagged by you'],
      };
      if (retag.kind === 'race') {
        const choice = raceChoices.get(event.id);
        classification.racePriority =
          choice && choice !== 'not-a-race'
            ? choice
            : inferRacePriority(event.title, event.description);
        if (choice && choice !== 'not-a-race') classification.raceConfirmed = true;
      }
      return { ...event, classification };
    }
    const input = {
      title: event.title,
      description: event.description,
      eventMinutes: event.allDay ? undefined : Math.round((event.end - event.start) / MINUTE_MS),
    };
    const classification = classifyEvent(input);
    const choice = classification.kind === 'race' ? raceChoices.get(event.id) : undefined;
    if (choice === 'not-a-race') {
      return { ...event, classification: classifyEvent({ ...input, notARace: true }) };
    }
    if (choice) {
      classification.racePriority = choice;
      classification.raceConfirmed = true;
      classification.reasons.push(`you confirmed it as a ${choice} race`);
    }
    return { ...event, classification };
  });
}
