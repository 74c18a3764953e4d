import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUN_KINDS } from '../../../src/core/classify/types';
import type { Classification, RunKind } from '../../../src/core/classify/types';
import type { ClassifiedEvent } from '../../../src/core/classify-calendar';
import { planWeeks } from '../../../src/core/plan';
import { parsePreferences } from '../../../src/core/prefs';
import type { PreferencesInput } from '../../../src/core/prefs';
import { addDays, formatClock, WEEKDAY_KEYS, zonedInstant } from '../../../src/core/time';
import { checkHardConstraints } from '../../helpers/check-plan';

const ZONES = [
  'Europe/London',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'Asia/Kolkata',
  'UTC',
];
// Weeks around DST changes in both hemispheres, and ordinary ones.
const WEEKS = [
  '2027-03-22',
  '2027-03-29',
  '2027-04-01',
  '2027-10-25',
  '2027-11-01',
  '2027-06-07',
  '2027-01-04',
];

function runClassification(kind: RunKind, minutes?: number): Classification {
  const intensity =
    kind === 'recovery' || kind === 'easy'
      ? 'easy'
      : kind === 'steady' || kind === 'long'
        ? 'moderate'
        : 'hard';
  return {
    activity: 'run',
    kind,
    intensity,
    key: ['long', 'tempo', 'intervals', 'hills', 'race'].includes(kind),
    confidence: 0.9,
    reasons: [],
    ...(minutes ? { durationMinutes: minutes } : {}),
  };
}

const other = (activity: Classification['activity']): Classification => ({
  activity,
  kind: null,
  intensity: activity === 'rest' ? 'rest' : null,
  key: false,
  confidence: 0.9,
  reasons: [],
});

const eventArb = fc.record({
  day: fc.integer({ min: -8, max: 30 }),
  what: fc.constantFrom(
    ...RUN_KINDS,
    ...RUN_KINDS,
    'busy',
    'busy',
    'busy',
    'strength',
    'rest',
    'cross',
  ),
  allDay: fc.boolean(),
  startQuarter: fc.integer({ min: 20, max: 88 }),
  minutes: fc.constantFrom(0, 20, 30, 45, 60, 90, 150, 480),
  transparent: fc.boolean(),
  aPriority: fc.boolean(),
  /** Accessory strength, a full rest day, a half marathon or longer: by what the event is. */
  flag: fc.boolean(),
  raceKm: fc.constantFrom(5, 10, 21.1, 42.2),
});

const windowArb = fc
  .tuple(fc.integer({ min: 20, max: 88 }), fc.integer({ min: 2, max: 40 }))
  .map(
    ([startQ, lenQ]) =>
      [formatClock(startQ * 15), formatClock(Math.min(96, startQ + lenQ) * 15)] as [string, string],
  );

const prefsArb = fc.record({
  timezone: fc.constantFrom(...ZONES),
  weekStartsOn: fc.constantFrom(0, 1),
  availability: fc.record(
    Object.fromEntries(
      WEEKDAY_KEYS.map((k) => [k, fc.array(windowArb, { maxLength: 2 })]),
    ) as Record<(typeof WEEKDAY_KEYS)[number], fc.Arbitrary<[string, string][]>>,
  ),
  sessionMinutes: fc.constantFrom(20, 30, 40, 45, 60),
  sessionsPerWeek: fc.integer({ min: 0, max: 3 }),
  minGapAfterHardRunHours: fc.integer({ min: 0, max: 6 }),
  bufferMinutes: fc.constantFrom(0, 10, 15, 30),
  defaultRunStart: fc.constantFrom('06:00', '07:00', '18:00'),
  phase: fc.constantFrom(
    'auto',
    'auto',
    'auto',
    'off-season',
    'base',
    'build',
    'taper',
    'race-week',
    'recovery',
  ),
  policy: fc.constantFrom('hard-days-hard', 'easy-days'),
  allowBackToBack: fc.boolean(),
  earliestStart: fc.constantFrom('05:00', '06:00', '07:30'),
  latestEnd: fc.constantFrom('20:00', '21:30', '23:00', '24:00'),
});

type RawEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function buildEvents(raw: readonly RawEvent[], week: string, tz: string): ClassifiedEvent[] {
  return raw.map((r, i) => {
    const date = addDays(week, r.day);
    const isRunOrRest = (RUN_KINDS as readonly string[]).includes(r.what) || r.what === 'rest';
    const allDay = isRunOrRest && r.allDay;
    const start = allDay ? zonedInstant(date, 0, tz) : zonedInstant(date, r.startQuarter * 15, tz);
    const end = allDay ? zonedInstant(addDays(date, 1), 0, tz) : start + r.minutes * 60_000;
    let classification: Classification;
    let title: string = r.what;
    if ((RUN_KINDS as readonly string[]).includes(r.what)) {
      classification = runClassification(
        r.what as RunKind,
        allDay && r.minutes ? r.minutes : undefined,
      );
      if (r.what === 'race') {
        title = r.aPriority ? 'City Marathon' : 'Club 5K (tune-up race)';
        classification.racePriority = r.aPriority ? 'A' : r.flag ? 'B' : 'C';
        classification.distanceKm = r.raceKm;
      }
    } else if (r.what === 'busy') {
      classification = other('other');
    } else {
      classification = other(r.what as Classification['activity']);
      if (r.what === 'strength' && r.flag) classification.accessory = true;
      if (r.what === 'rest' && r.flag) classification.fullRest = true;
    }
    return {
      id: `e${i}`,
      uid: `e${i}`,
      title,
      description: '',
      start,
      end,
      allDay,
      ...(allDay ? { startDate: date, endDate: addDays(date, 1) } : {}),
      transparent: r.transparent && r.what === 'busy',
      classification,
    };
  });
}

describe('planWeeks properties', () => {
  it('never breaks H1–H8 and gives the same plan twice', () => {
    let placed = 0;
    let alternatives = 0;
    fc.assert(
      fc.property(
        prefsArb,
        fc.array(eventArb, { maxLength: 24 }),
        fc.constantFrom(...WEEKS),
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.record({
            day: fc.integer({ min: -3, max: 25 }),
            priority: fc.constantFrom('A', 'B', 'C'),
          }),
          { maxLength: 2 },
        ),
        (rawPrefs, rawEvents, week, weeks, rawRaces) => {
          const input: PreferencesInput = {
            ...rawPrefs,
            races: rawRaces.map((r, i) => ({
              date: addDays(week, r.day),
              name: `Race ${i}`,
              priority: r.priority as 'A' | 'B' | 'C',
            })),
          };
          const prefs = parsePreferences(input, { defaultTimezone: 'UTC' });
          const events = buildEvents(rawEvents, week, prefs.timezone);
          const plan = planWeeks({ events, prefs, firstWeek: week, weeks });
          placed += plan.sessions.length;
          alternatives += plan.sessions.reduce((n, s) => n + s.alternatives.length, 0);

          expect(checkHardConstraints(plan.sessions, events, prefs)).toEqual([]);
          expect(planWeeks({ events, prefs, firstWeek: week, weeks })).toEqual(plan);
          expect(new Set(plan.sessions.map((s) => s.id)).size).toBe(plan.sessions.length);
          for (const w of plan.weeks) {
            const n = plan.sessions.filter((s) => s.weekStart === w.start).length;
            expect(n).toBeLessThanOrEqual(Math.max(0, w.target - w.existing));
          }
          // Every offered alternative is itself legal with the other sessions where they are.
          for (const s of plan.sessions) {
            for (const alt of s.alternatives) {
              const moved = plan.sessions.map((o) =>
                o === s ? { ...o, start: alt.start, end: alt.end } : o,
              );
              expect(checkHardConstraints(moved, events, prefs)).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 300, seed: 20261121 },
    );
    // The property is only worth something if the random calendars do get sessions.
    expect(placed).toBeGreaterThan(150);
    expect(alternatives).toBeGreaterThan(50);
  });
});
