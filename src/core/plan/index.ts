export { planWeeks, LIGHT_SESSION_MINUTES } from './plan-weeks';
export { collectCalendarFacts, runInterval, DEFAULT_RUN_MINUTES } from './calendar-facts';
export type * from './types';
