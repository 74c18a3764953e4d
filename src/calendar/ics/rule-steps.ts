/**
 * Counting the work ical.js's RRULE engine does, so hostile rules are bounded.
 *
 * `RecurIterator#next()` has no limit of its own (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30` never
 * returns), but it calls `check_contracting_rules()` once per candidate it considers, through
 * `this`. Shadowing that method on one iterator instance therefore sees every step without
 * touching ical.js itself. This relies on an internal of ical.js 2.2.1:
 * tests/calendar/ics/rule-steps.test.ts fails if the method disappears or is no longer called
 * once per candidate, so an upgrade cannot silently remove the bound.
 */
import type ICAL from 'ical.js';

/** Rule steps left for a whole read, shared by event series and VTIMEZONE observances. */
export interface StepBudget {
  steps: number;
}

/** Rule steps one read may take in total (event recurrences and time-zone onsets together). */
export const MAX_TOTAL_STEPS = 1_000_000;

/** Thrown from inside `next()` when a step limit is reached; `scope` says which one. */
export class StepLimitError extends Error {
  constructor(readonly scope: string) {
    super(`recurrence step limit reached (${scope})`);
  }
}

interface PatchableIterator {
  check_contracting_rules(): boolean;
}

/**
 * Calls `onStep` before every candidate `iterator.next()` considers; `onStep` may throw (a
 * `StepLimitError`) to stop the iteration. Returns the same iterator.
 */
export function countSteps(iterator: ICAL.RecurIterator, onStep: () => void): ICAL.RecurIterator {
  const patchable = iterator as unknown as PatchableIterator;
  const check = patchable.check_contracting_rules;
  if (typeof check !== 'function') {
    throw new TypeError(
      'ical.js RecurIterator has no check_contracting_rules(): the step bound needs updating',
    );
  }
  patchable.check_contracting_rules = function (this: PatchableIterator): boolean {
    onStep();
    return check.call(this);
  };
  return iterator;
}
