/**
 * H3 — never two strength sessions on the same or consecutive days (seed 004: "a rest day
 * between"). Strength already in the calendar counts; accessory work (core, mobility) does not.
 */
import { addDays } from '../../time';
import { dayName } from '../day-facts';
import type { DayRule } from './types';

export const h3: DayRule = {
  id: 'H3',
  scope: 'day',
  summary: 'Never two strength sessions on the same or consecutive days.',
  check(date, ctx) {
    const same = ctx.strengthDays.get(date);
    const before = ctx.strengthDays.get(addDays(date, -1));
    const after = ctx.strengthDays.get(addDays(date, 1));
    const reason = same
      ? `on the same day as ${same}`
      : before
        ? `the day after ${before} on ${dayName(addDays(date, -1))}`
        : after
          ? `the day before ${after} on ${dayName(addDays(date, 1))}`
          : undefined;
    if (!reason) return undefined;
    return {
      rule: 'H3',
      reason,
      warning: 'strength-back-to-back',
      advice: 'leave a day between strength sessions',
    };
  },
};
