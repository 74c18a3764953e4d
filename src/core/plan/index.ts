export { planWeeks } from './plan-weeks';
export { LIGHT_SESSION_MINUTES } from './materialise';
export { collectCalendarFacts, runInterval, DEFAULT_RUN_MINUTES } from './calendar-facts';
export { RULES, RULE_IDS } from './rules';
export type * from './types';
