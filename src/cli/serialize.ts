/** JSON shape of `events --format json` (SPEC §8). */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { formatInstant } from '../core/time';

/** An all-day event has no instant: it is printed as its dates (end exclusive, as in ICS). */
export function serializeTimes(
  event: Pick<ClassifiedEvent, 'start' | 'end' | 'allDay' | 'startDate' | 'endDate'>,
  tz: string,
): { start: string; end: string } {
  if (event.allDay && event.startDate && event.endDate) {
    return { start: event.startDate, end: event.endDate };
  }
  return { start: formatInstant(event.start, tz), end: formatInstant(event.end, tz) };
}

/** One run as `plan --format json` prints it under `runs`. */
export function serializeRun(event: ClassifiedEvent, tz: string) {
  const c = event.classification;
  return {
    uid: event.uid,
    id: event.id,
    title: event.title,
    ...serializeTimes(event, tz),
    allDay: event.allDay,
    activity: c.activity,
    kind: c.kind,
    intensity: c.intensity,
    key: c.key,
  };
}

/** One occurrence as `events --format json` prints it. */
export function serializeOccurrence(event: ClassifiedEvent, tz: string) {
  const c = event.classification;
  return {
    uid: event.uid,
    id: event.id,
    title: event.title,
    ...serializeTimes(event, tz),
    allDay: event.allDay,
    transparent: event.transparent,
    activity: c.activity,
    kind: c.kind,
    intensity: c.intensity,
    key: c.key,
    confidence: c.confidence,
    reasons: c.reasons,
    ...(event.source ? { source: event.source } : {}),
  };
}
