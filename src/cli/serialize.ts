/** JSON shape of `events --format json` (SPEC §8). */
import type { ClassifiedEvent } from '../core/classify-calendar';
import { serializeRun } from '../core/plan/plan-json';

/** One occurrence as `events --format json` prints it. */
export function serializeOccurrence(event: ClassifiedEvent, tz: string) {
  return {
    ...serializeRun(event, tz),
    transparent: event.transparent,
    confidence: event.classification.confidence,
    reasons: event.classification.reasons,
    ...(event.source ? { source: event.source } : {}),
  };
}
