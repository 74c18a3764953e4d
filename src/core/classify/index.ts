/** The event classifier (SPEC §3). */
export { classifyEvent } from './classify-event';
export { inferRacePriority } from './infer-race-priority';
export type { RacePriority } from './infer-race-priority';
export { ACTIVITIES, INTENSITIES, KEY_KINDS, RUN_KINDS } from './types';
export type { Activity, Classification, ClassifyInput, Intensity, RunKind } from './types';
