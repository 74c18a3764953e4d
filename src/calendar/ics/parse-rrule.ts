/** RRULE values (RFC 5545 §3.3.10) read with ical.js, after the repairs and limits readers need. */
import ICAL from 'ical.js';
import { parseTimeValue, quoteValue, wallFields } from './values';

/** An RRULE, as ical.js parsed it, with its text for messages. */
export interface ParsedRule {
  recur: ICAL.Recur;
  text: string;
}

const MAX_RRULE_LENGTH = 4096;

/** Upper bound of one step of each frequency, in seconds. */
const FREQ_SECONDS: Partial<Record<string, number>> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 604_800,
  MONTHLY: 31 * 86_400,
  YEARLY: 366 * 86_400,
};
const MAX_INTERVAL_SECONDS = 1000 * 366 * 86_400;

/**
 * Parses an RRULE value with ical.js, after the repairs readers commonly make: rule parts are
 * case-insensitive (§3.1, "freq=weekly"), and some producers repeat the property name in the
 * value ("RRULE:FREQ=DAILY").
 */
export function parseRrule(text: string): ParsedRule | { error: string } {
  if (text.length > MAX_RRULE_LENGTH)
    return { error: `longer than ${MAX_RRULE_LENGTH} characters` };
  let cleaned = text.toUpperCase();
  if (cleaned.startsWith('RRULE:')) cleaned = cleaned.slice(6);
  let recur: ICAL.Recur;
  try {
    recur = ICAL.Recur.fromString(cleaned);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (!recur.freq) return { error: 'no FREQ' };
  // ical.js advances by INTERVAL one unit at a time (a loop per day in `increment_monthday`,
  // per month in `Time#adjust`), outside any step it reports, so INTERVAL=201000000023 (a
  // mangled file) would hang it. A rule that repeats less than once in 1,000 years has no
  // instance to show after DTSTART anyway.
  const unit = FREQ_SECONDS[recur.freq] ?? 1;
  if (recur.interval * unit > MAX_INTERVAL_SECONDS) {
    return { error: `INTERVAL=${recur.interval} repeats less than once in 1,000 years` };
  }
  if (recur.count !== null && recur.count < 1) return { error: `COUNT must be at least 1` };
  const until = /(?:^|;)UNTIL=([^;]*)/.exec(cleaned);
  if (until) {
    const value = parseTimeValue(until[1] ?? '');
    if (!value) return { error: `UNTIL ${quoteValue(until[1] ?? '')} is not a date` };
    // ical.js's own UNTIL parse is lenient; use the checked value.
    recur.until = new ICAL.Time(
      { ...wallFields(value.wall), isDate: value.kind === 'date' },
      value.kind === 'date-time' && value.utc
        ? ICAL.Timezone.utcTimezone
        : ICAL.Timezone.localTimezone,
    );
  }
  return { recur, text };
}
