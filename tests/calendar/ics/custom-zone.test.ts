import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildVtimezone } from '../../../src/calendar/ics';
import {
  MAX_ONSETS_PER_YEAR,
  parseCustomZone,
  type CustomZoneContext,
} from '../../../src/calendar/ics/custom-zone';
import { parseObservances, wallOf, yearlyOnset } from '../../../src/calendar/ics/observances';
import { MAX_TOTAL_STEPS } from '../../../src/calendar/ics/rule-steps';
import { zonedInstant } from '../../../src/core/time';
import {
  manyZonesCalendar,
  manyZonesTzid,
  zoneOffsetMinutes,
} from '../../fixtures/hostile/many-zones';
import { read, sharedFixture } from './make-ics';

const WEEK = { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 0, 11) };
const HOUR = 3_600_000;

function hostile(name: string): Buffer {
  return readFileSync(sharedFixture('hostile', name));
}

/** A zone context whose fallback is UTC+00:00, recording warnings and the steps it spends. */
function context(steps = MAX_TOTAL_STEPS): CustomZoneContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    budget: { steps },
    fallback: { name: 'UTC', offsetAtWall: () => 0, offsetAtInstant: () => 0 },
    warn: (message) => warnings.push(message),
    warnings,
  };
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.length > 0);
}

const EXCHANGE_BERLIN = `BEGIN:VTIMEZONE
TZID:W. Europe (custom)
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`;

const US_EASTERN_HISTORY = `BEGIN:VTIMEZONE
TZID:US Eastern (history)
BEGIN:DAYLIGHT
DTSTART:19670430T020000
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19730429T070000Z
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:19671029T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19870405T020000
RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:DAYLIGHT
DTSTART:20070311T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
DTSTART:20071104T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
END:VTIMEZONE`;

const SYDNEY_MONTHDAYS = `BEGIN:VTIMEZONE
TZID:Sydney (old Apple style)
BEGIN:STANDARD
DTSTART:20080406T030000
RRULE:FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=1,2,3,4,5,6,7;BYDAY=SU
TZOFFSETFROM:+1100
TZOFFSETTO:+1000
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20081005T020000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU
TZOFFSETFROM:+1000
TZOFFSETTO:+1100
END:DAYLIGHT
END:VTIMEZONE`;

const YEAR_ONE = `BEGIN:VTIMEZONE
TZID:Since year 1
BEGIN:STANDARD
DTSTART:00011028T030000
TZOFFSETFROM:+0300
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:00010325T020000
TZOFFSETFROM:+0200
TZOFFSETTO:+0300
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE`;

/** ical.js's own reading of a VTIMEZONE, the reference the windowed one must agree with. */
function icalOffset(text: string): (wall: number) => number {
  const component = new ICAL.Component(ICAL.parse(text.replaceAll('\n', '\r\n')) as unknown[]);
  const zone = new ICAL.Timezone({ component, tzid: 'reference' });
  return (wall) => {
    const d = new Date(wall);
    const time = new ICAL.Time(
      {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: 0,
        isDate: false,
      },
      ICAL.Timezone.localTimezone,
    );
    return zone.utcOffset(time);
  };
}

describe('parseCustomZone', () => {
  it.each([
    ['Exchange 1601 rules', EXCHANGE_BERLIN, 2026, 2028],
    ['US rules with UNTIL, changed in 2007', US_EASTERN_HISTORY, 2005, 2008],
    ['southern-hemisphere rules with BYMONTHDAY', SYDNEY_MONTHDAYS, 2026, 2028],
    ['rules starting in year 1', YEAR_ONE, 2026, 2027],
    [
      'Casablanca as written by Ironstride',
      buildVtimezone('Africa/Casablanca', 2025, 2029),
      2026,
      2028,
    ],
    [
      'Lord Howe as written by Ironstride',
      buildVtimezone('Australia/Lord_Howe', 2025, 2029),
      2026,
      2028,
    ],
    [
      'New York as written by Ironstride',
      buildVtimezone('America/New_York', 2025, 2029),
      2026,
      2028,
    ],
  ])('reads %s with the offsets ical.js gives, hour by hour', (_name, text, from, to) => {
    const zone = parseCustomZone(lines(text), 'z', context());
    const reference = icalOffset(text);
    const mismatches: string[] = [];

    for (let wall = Date.UTC(from, 0, 1); wall < Date.UTC(to + 1, 0, 1); wall += HOUR) {
      const ours = zone?.offsetAtWall(wall);
      const theirs = reference(wall);
      if (ours !== theirs) mismatches.push(`${new Date(wall).toISOString()}: ${ours} ≠ ${theirs}`);
    }

    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('computes yearly rules of the usual shapes as ical.js does', () => {
    const days = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
    const rule = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      weekday: fc.constantFrom(...days),
      // Ordinals every month has, so each rule has onsets before the year compared (ical.js and
      // this differ only before a zone's first onset); 5 and -5 are tested on their own below.
      ordinal: fc.constantFrom(1, 2, 3, 4, -1, -2, 0),
      fromDay: fc.constantFrom(1, 8, 15, 22),
      hour: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      // After every DTSTART: a rule ending before its DTSTART leaves only the DTSTART onset,
      // which ical.js does not count.
      untilYear: fc.option(fc.integer({ min: 2008, max: 2030 }), { nil: undefined }),
    });
    const ruleText = (r: typeof rule extends fc.Arbitrary<infer T> ? T : never): string => {
      const parts = [`FREQ=YEARLY`, `BYMONTH=${r.month}`];
      if (r.ordinal === 0) {
        const list = Array.from({ length: 7 }, (_, i) => r.fromDay + i);
        parts.push(`BYMONTHDAY=${list.join(',')}`, `BYDAY=${r.weekday}`);
      } else parts.push(`BYDAY=${r.ordinal}${r.weekday}`);
      if (r.hour !== undefined) parts.push(`BYHOUR=${r.hour}`);
      if (r.untilYear !== undefined) parts.push(`UNTIL=${r.untilYear}0601T000000Z`);
      return parts.join(';');
    };

    fc.assert(
      fc.property(
        rule,
        rule,
        fc.constantFrom('16010101T020000', '19700329T010000', '20070311T020000'),
        // Two years past every DTSTART: ical.js does not count DTSTART itself as an onset.
        fc.integer({ min: 2009, max: 2032 }),
        (standard, daylight, dtstart, year) => {
          const text = `BEGIN:VTIMEZONE
TZID:Random
BEGIN:STANDARD
DTSTART:${dtstart}
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:${ruleText(standard)}
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:${dtstart}
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:${ruleText(daylight)}
END:DAYLIGHT
END:VTIMEZONE`;
          const zone = parseCustomZone(lines(text), 'z', context());
          const reference = icalOffset(text);

          for (let wall = Date.UTC(year, 0, 1); wall < Date.UTC(year + 1, 0, 1); wall += 3 * HOUR) {
            expect([new Date(wall).toISOString(), zone?.offsetAtWall(wall)]).toEqual([
              new Date(wall).toISOString(),
              reference(wall),
            ]);
          }
        },
      ),
      { numRuns: 40, seed: 16010101 },
    );
  });

  it.each(['5SU', '-5SU', '5WE', '-5FR'])(
    'finds the onsets of BYDAY=%s in the years that have one, as ical.js does',
    (byday) => {
      for (const month of [1, 2, 3, 5, 10]) {
        const text = `BEGIN:VTIMEZONE
TZID:Fifth
BEGIN:STANDARD
DTSTART:19990101T020000
TZOFFSETFROM:+0000
TZOFFSETTO:+0000
RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${byday}
END:STANDARD
END:VTIMEZONE`;
        const [observance] = parseObservances(lines(text)) ?? [];
        const recur = ICAL.Recur.fromString(`FREQ=YEARLY;BYMONTH=${month};BYDAY=${byday}`);
        const iterator = recur.iterator(ICAL.Time.fromDateTimeString('1999-01-01T02:00:00'));
        const expected = new Map<number, string>();
        for (let t = iterator.next(); t && t.year <= 2040; t = iterator.next()) {
          expected.set(t.year, t.toString());
        }

        for (let year = 1999; year <= 2040; year++) {
          const wall = observance?.yearly ? yearlyOnset(observance.yearly, year) : undefined;
          const ours =
            wall === null || wall === undefined
              ? undefined
              : new Date(wall).toISOString().slice(0, 19);
          expect([year, ours]).toEqual([year, expected.get(year)]);
        }
      }
    },
  );

  it('converts instants with the offset in force at that instant', () => {
    const zone = parseCustomZone(lines(EXCHANGE_BERLIN), 'z', context());

    // Summer time ends at 01:00 UTC on 31 October 2027.
    expect(zone?.offsetAtInstant(Date.UTC(2027, 9, 31, 0, 59))).toBe(7200);
    expect(zone?.offsetAtInstant(Date.UTC(2027, 9, 31, 1, 0))).toBe(3600);
  });

  it('computes only the years asked about, never from year 1', () => {
    const ctx = context();
    const zone = parseCustomZone(lines(YEAR_ONE), 'z', ctx);

    zone?.offsetAtWall(Date.UTC(2027, 6, 1, 12));

    expect(MAX_TOTAL_STEPS - ctx.budget.steps).toBeLessThan(50);
  });

  it('computes nothing until a time is converted', () => {
    const ctx = context();

    parseCustomZone(lines(YEAR_ONE), 'z', ctx);

    expect(ctx.budget.steps).toBe(MAX_TOTAL_STEPS);
  });

  it('reads times before the first onset with the offset that onset changes from', () => {
    const text = `BEGIN:VTIMEZONE
TZID:Later
BEGIN:STANDARD
DTSTART:20300101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0200
END:STANDARD
END:VTIMEZONE`;
    const zone = parseCustomZone(lines(text), 'z', context());

    expect(zone?.offsetAtWall(Date.UTC(2027, 0, 5, 7))).toBe(3 * 3600);
    expect(zone?.offsetAtWall(Date.UTC(2031, 0, 5, 7))).toBe(2 * 3600);
  });

  it('encodes wall times of years below 100, which Date.UTC would move to the 1900s', () => {
    expect(
      new Date(wallOf({ year: 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 })).toISOString(),
    ).toBe('0001-01-01T00:00:00.000Z');
  });

  it('refuses, after a few hundred steps, a zone that changes offset every hour', () => {
    const ctx = context();
    const bomb = lines(hostile('tz-bomb.ics').toString('utf8').replaceAll('\r\n ', ''));
    const start = bomb.indexOf('BEGIN:VTIMEZONE');
    const zone = parseCustomZone(bomb.slice(start, bomb.indexOf('END:VTIMEZONE') + 1), 'Bomb', ctx);

    const offset = zone?.offsetAtWall(Date.UTC(2027, 0, 5, 7));

    expect(offset).toBe(0);
    expect(MAX_TOTAL_STEPS - ctx.budget.steps).toBeLessThan(1000);
    expect(ctx.warnings).toEqual([
      `VTIMEZONE "Bomb" changes offset more than ${MAX_ONSETS_PER_YEAR} times a year: its times are read in UTC`,
    ]);
  });

  it('falls back, with one warning, once the read has no steps left for it', () => {
    const ctx = context(0);
    const zone = parseCustomZone(lines(EXCHANGE_BERLIN), 'Berlin-ish', ctx);

    zone?.offsetAtWall(Date.UTC(2027, 0, 5, 7));
    zone?.offsetAtWall(Date.UTC(2028, 0, 5, 7));

    expect(ctx.warnings).toEqual([
      'VTIMEZONE "Berlin-ish" could not be computed within the calendar\'s step budget: its times are read in UTC',
    ]);
  });

  it.each([
    ['a rule that is not yearly', 'RRULE:FREQ=MONTHLY;BYDAY=-1SU'],
    ['an offset beyond 18 hours', 'TZOFFSETFROM:+1900'],
    ['a malformed DTSTART', 'DTSTART:2027-13-01'],
  ])('refuses %s', (_name, line) => {
    const text = `BEGIN:VTIMEZONE
TZID:Broken
BEGIN:STANDARD
${line}
DTSTART:20000101T000000
TZOFFSETFROM:+0100
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE`;

    expect(parseCustomZone(lines(text), 'Broken', context())).toBeNull();
  });
});

describe('readIcs', () => {
  describe('hostile time zones', () => {
    it.each(['tz-bomb.ics', 'tz-bomb-6-observances.ics'])(
      'reads %s, whose zone changes offset every hour since year 1, in the runner zone',
      (file) => {
        const result = read(hostile(file), { range: WEEK });

        expect(result.events.map((e) => [e.uid, e.start, e.end])).toEqual([
          ['bomb@hostile.test', Date.UTC(2027, 0, 5, 7), Date.UTC(2027, 0, 5, 7, 45)],
        ]);
        expect(result.warnings.map((w) => w.message)).toEqual([
          `VTIMEZONE "Bomb" changes offset more than ${MAX_ONSETS_PER_YEAR} times a year: its times are read in Europe/London`,
        ]);
      },
    );

    it('computes only the zones events use among 10,000, and reads each used one right', () => {
      const used = [0, 1234, 9999];
      const text = manyZonesCalendar({ zones: 10_000, used });
      // An unused bomb among them is never computed, so it never warns.
      const bomb = hostile('tz-bomb.ics').toString('utf8');
      const bombZone = bomb.slice(bomb.indexOf('BEGIN:VTIMEZONE'), bomb.indexOf('BEGIN:VEVENT'));
      const withBomb = text.replace('BEGIN:VTIMEZONE', `${bombZone}BEGIN:VTIMEZONE`);

      const result = read(withBomb, { range: WEEK });

      expect(result.warnings).toEqual([]);
      expect(result.events.map((e) => [e.uid, e.start])).toEqual(
        used
          .map((i) => [
            `zone-${i}@hostile.test`,
            Date.UTC(2027, 0, 5, 7) - zoneOffsetMinutes(i) * 60_000,
          ])
          .sort((a, b) => (a[1] as number) - (b[1] as number)),
      );
    });

    it('reads an event in every one of 1,000 custom zones', () => {
      const used = Array.from({ length: 1000 }, (_, i) => i);

      const result = read(manyZonesCalendar({ zones: 1000, used }), { range: WEEK });

      expect(result.warnings).toEqual([]);
      expect(result.events).toHaveLength(1000);
      const byUid = new Map(result.events.map((e) => [e.uid, e.start]));
      for (const i of [0, 17, 500, 999]) {
        expect(byUid.get(`zone-${i}@hostile.test`)).toBe(
          zonedInstant('2027-01-05', 7 * 60, 'UTC') - zoneOffsetMinutes(i) * 60_000,
        );
      }
      expect(manyZonesTzid(3)).toBe('Custom Zone 3');
    });
  });
});
