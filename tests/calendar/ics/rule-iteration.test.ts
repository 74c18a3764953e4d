import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { iterateSimple, simpleRule } from '../../../src/calendar/ics/rule-iteration';

const DAY = 86_400_000;

function fields(wall: number) {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function floating(wall: number, isDate: boolean): ICAL.Time {
  return new ICAL.Time({ ...fields(wall), isDate }, ICAL.Timezone.localTimezone);
}

/** What ical.js itself yields in `[lo, hi)`: the reference the arithmetic must match. */
function icalWalls(recur: ICAL.Recur, start: number, isDate: boolean, lo: number, hi: number) {
  const iterator = recur.iterator(floating(start, isDate));
  const walls: number[] = [];
  for (let guard = 0; guard < 100_000; guard++) {
    const t = iterator.next();
    if (!t) break;
    const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
    if (wall >= hi) break;
    if (wall >= lo) walls.push(wall);
  }
  return walls;
}

function arithmeticWalls(recur: ICAL.Recur, start: number, lo: number, hi: number) {
  const until = recur.until
    ? Date.UTC(
        recur.until.year,
        recur.until.month - 1,
        recur.until.day,
        recur.until.hour,
        recur.until.minute,
        recur.until.second,
      )
    : null;
  const rule = simpleRule(recur, start, until);
  if (!rule) return null;
  const walls: number[] = [];
  iterateSimple(rule, start, lo, hi, (wall) => walls.push(wall));
  return walls;
}

describe('simpleRule', () => {
  it.each([
    ['FREQ=DAILY', 'every'],
    ['FREQ=DAILY;INTERVAL=3;COUNT=10', 'every'],
    ['FREQ=WEEKLY', 'every'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'every'],
    ['FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270301T000000', 'weekdays'],
  ])('computes %s arithmetically (%s)', (text, kind) => {
    // 4 January 2027 is a Monday.
    expect(simpleRule(ICAL.Recur.fromString(text), Date.UTC(2027, 0, 4, 7), null)?.kind).toBe(kind);
  });

  it.each([
    'FREQ=DAILY;BYDAY=MO',
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
    'FREQ=WEEKLY;BYHOUR=7',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=MONTHLY',
    'FREQ=HOURLY',
  ])('leaves %s to ical.js', (text) => {
    expect(simpleRule(ICAL.Recur.fromString(text), Date.UTC(2027, 0, 4, 7), null)).toBeNull();
  });

  it('yields exactly what ical.js yields, for any simple rule and range', () => {
    const rule = fc.record({
      freq: fc.constantFrom('DAILY', 'WEEKLY'),
      interval: fc.constantFrom(1, 1, 1, 2, 3, 5),
      byday: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], {
        minLength: 0,
        maxLength: 4,
      }),
      wkst: fc.constantFrom('MO', 'SU', 'TH'),
      count: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
      untilDays: fc.option(fc.integer({ min: -3, max: 800 }), { nil: undefined }),
      allDay: fc.boolean(),
      startDay: fc.integer({ min: 0, max: 700 }),
      startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      loDays: fc.integer({ min: -10, max: 900 }),
      spanDays: fc.integer({ min: 0, max: 60 }),
    });
    let checked = 0;

    fc.assert(
      fc.property(rule, (r) => {
        const start = Date.UTC(2025, 0, 1 + r.startDay) + (r.allDay ? 0 : r.startMinute * 60_000);
        const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`, `WKST=${r.wkst}`];
        if (r.byday.length > 0) parts.push(`BYDAY=${r.byday.join(',')}`);
        if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
        const recur = ICAL.Recur.fromString(parts.join(';'));
        if (r.untilDays !== undefined) {
          // As the reader hands it over: a floating time on the series' clock.
          recur.until = floating(start + r.untilDays * DAY + (r.allDay ? 0 : 3_600_000), r.allDay);
        }
        const lo = start + r.loDays * DAY - (r.allDay ? 0 : 5 * 3_600_000);
        const hi = lo + r.spanDays * DAY + 1;

        const ours = arithmeticWalls(recur, start, lo, hi);
        if (ours === null) return;
        checked++;

        expect(ours).toEqual(icalWalls(recur, start, r.allDay, lo, hi));
      }),
      { numRuns: 500, seed: 20270104 },
    );
    // Most generated rules are simple ones, so the comparison really ran.
    expect(checked).toBeGreaterThan(150);
  });
});
