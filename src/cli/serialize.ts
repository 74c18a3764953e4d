/** JSON shape of `events --format json` (SPEC §8). */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { serializeTimes } from '../core/plan/plan-json';

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
