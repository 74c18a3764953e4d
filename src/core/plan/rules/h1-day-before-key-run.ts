/**
 * H1 — no session on the calendar day before a key run (long, tempo, intervals, hills, race),
 * across week boundaries too: heavy legs blunt the session that matters most (seeds 001, 003).
 */
import { addDays } from '../../time';
import { dayName, keyRunOn, kindWords } from '../day-facts';
import type { DayRule } from './types';

export const h1: DayRule = {
  id: 'H1',
  scope: 'day',
  summary: 'No session on the calendar day before a key run (long, tempo, intervals, hills, race).',
  check(date, ctx) {
    const next = addDays(date, 1);
    const key = keyRunOn(ctx.facts, next);
    const race = key ? undefined : ctx.races.find((r) => r.date === next);
    if (!key && !race) return undefined;
    const what = key ? `${dayName(next)}'s ${kindWords(key)}` : race?.name;
    return {
      rule: 'H1',
      reason: `the day before ${what}`,
      warning: 'strength-before-key-run',
      advice: 'heavy legs blunt a key session — move it, or keep it light',
    };
  },
};
