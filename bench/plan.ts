/**
 * How fast the planner plans against a busy calendar: 1 week and 16 weeks with 500 busy events
 * plus a training plan. The popup re-plans on every change, so one week must take milliseconds.
 * Printed next to classifying the same events in the same process (a per-event reference).
 */
import { classifyCalendar } from '../src/core/classify-calendar';
import type { CalendarEvent } from '../src/core/events';
import { planWeeks } from '../src/core/plan';
import { parsePreferences } from '../src/core/prefs';
import { addDays, zonedInstant } from '../src/core/time';
import { measure, ms, ROUNDS } from './measure';

const TZ = 'Europe/London';
const FIRST_WEEK = '2027-03-01';
const WEEKS = 16;
const BUSY_EVENTS = 500;
const RUNS_BY_WEEKDAY = [
  'long run 14 mi',
  'easy 5 mi',
  '6 x 800m @ 5K pace',
  'easy 45 min',
  'tempo 25 min',
  'recovery 30 min',
  '',
];

/** A deterministic calendar: a week of runs repeated, and meetings spread over the weeks. */
function buildCalendar(): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  const event = (id: string, title: string, start: number, minutes: number): CalendarEvent => ({
    id,
    uid: id,
    title,
    description: '',
    start,
    end: start + minutes * 60_000,
    allDay: false,
    transparent: false,
  });
  const totalDays = 7 * (WEEKS + 9);
  for (let d = -8; d < totalDays; d++) {
    const date = addDays(FIRST_WEEK, d);
    const title = RUNS_BY_WEEKDAY[((d % 7) + 7 + 1) % 7]!;
    if (title)
      events.push(
        event(
          `run-${d}`,
          title,
          zonedInstant(date, 6 * 60 + 30, TZ),
          title.startsWith('long') ? 120 : 50,
        ),
      );
  }
  // Park-Miller steps keep the spread of meetings deterministic.
  let seed = 42;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < BUSY_EVENTS; i++) {
    const date = addDays(FIRST_WEEK, Math.floor(next() * 7 * WEEKS));
    const startMinute = (7 + Math.floor(next() * 14)) * 60 + (next() < 0.5 ? 0 : 30);
    events.push(
      event(
        `busy-${i}`,
        i % 3 === 0 ? 'Project review' : 'Meeting',
        zonedInstant(date, startMinute, TZ),
        30 + Math.floor(next() * 4) * 30,
      ),
    );
  }
  return events.sort((a, b) => a.start - b.start);
}

/** Prints planning medians for 1 and 16 weeks. */
export async function benchPlan(): Promise<void> {
  const raw = buildCalendar();
  const events = classifyCalendar(raw);
  const prefs = parsePreferences({ timezone: TZ }, { defaultTimezone: TZ });
  const one = measure(
    () => planWeeks({ events, prefs, firstWeek: FIRST_WEEK, weeks: 1 }).sessions.length,
    21,
  );
  const sixteen = measure(
    () => planWeeks({ events, prefs, firstWeek: FIRST_WEEK, weeks: WEEKS }).sessions.length,
  );
  const classify = measure(() => classifyCalendar(raw).length);
  const sessions = planWeeks({ events, prefs, firstWeek: FIRST_WEEK, weeks: WEEKS }).sessions
    .length;
  console.log(
    `calendar: ${raw.length} events (${BUSY_EVENTS} busy, the rest runs) over ${WEEKS + 9} weeks`,
  );
  console.log(`plan 1 week: ${ms(one.medianMs)} (median of 21 rounds)`);
  console.log(
    `plan ${WEEKS} weeks: ${ms(sixteen.medianMs)} (median of ${ROUNDS} rounds), ${sessions} sessions placed`,
  );
  console.log(
    `classify the same ${raw.length} events: ${ms(classify.medianMs)} (median of ${ROUNDS} rounds)`,
  );
  console.log(
    `plan ${WEEKS} weeks vs. classifying the calendar: ×${(sixteen.medianMs / classify.medianMs).toFixed(1)}`,
  );
  console.log(`(checksum ${one.sink + sixteen.sink + classify.sink})`);
}
