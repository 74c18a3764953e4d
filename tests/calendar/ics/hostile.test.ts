import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstantRange } from '../../../src/core/events';
import { read, vcalendar, vevent } from './make-ics';

const WEEK: InstantRange = { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 0, 11) };

function inRange(range: InstantRange) {
  return (e: { start: number; end: number }): boolean =>
    e.start < range.end && e.end >= range.start;
}

describe('readIcs', () => {
  describe('hostile input', () => {
    it('bounds FREQ=SECONDLY from 1970 and counts its whole stretch of the range as busy', () => {
      const text = vcalendar(
        vevent('UID:s', 'DTSTART:19700101T000000Z', 'RRULE:FREQ=SECONDLY', 'SUMMARY:Tempo run'),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped).toEqual([
        {
          uid: 's',
          reason:
            'too many occurrences in the range (RRULE "FREQ=SECONDLY" needs more than 288 steps a day); its time in the range is counted as busy',
        },
      ]);
      expect(result.events).toEqual([
        {
          id: 's#not-expanded',
          uid: 's',
          title: 'Tempo run',
          description: '',
          start: WEEK.start,
          end: WEEK.end,
          allDay: false,
          transparent: false,
          unexpanded: true,
        },
      ]);
    });

    it('stands in for a series too dense to expand until its UNTIL, not beyond', () => {
      const text = vcalendar(
        vevent(
          'UID:u',
          'DTSTART;TZID=Europe/London:20270105T090000',
          'RRULE:FREQ=SECONDLY;UNTIL=20270105T100000Z',
          'DURATION:PT1M',
          'SUMMARY:u',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped[0]?.reason).toMatch(/^too many occurrences in the range/);
      expect(result.events).toMatchObject([
        { unexpanded: true, start: Date.UTC(2027, 0, 5, 9), end: Date.UTC(2027, 0, 5, 10, 1) },
      ]);
    });

    it('stands in for an all-day series with the days of the range it may cover', () => {
      const text = vcalendar(
        vevent(
          'UID:a',
          'DTSTART;VALUE=DATE:18000101',
          'RRULE:FREQ=DAILY;BYMONTHDAY=6',
          'SUMMARY:a',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped[0]?.reason).toMatch(/^too many occurrences before the range/);
      expect(result.events).toMatchObject([
        { allDay: true, startDate: '2027-01-04', endDate: '2027-01-11', unexpanded: true },
      ]);
    });

    it('skips a COUNT rule that needs too many steps before the range, and stands in for it', () => {
      const text = vcalendar(
        vevent(
          'UID:m',
          'DTSTART:19700101T000000Z',
          'RRULE:FREQ=MINUTELY;BYMONTHDAY=1,15;COUNT=1000000000',
          'SUMMARY:m',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped[0]?.reason).toBe(
        'too many occurrences before the range (RRULE "FREQ=MINUTELY;BYMONTHDAY=1,15;COUNT=1000000000" stopped after 50,000 steps); its time in the range is counted as busy',
      );
      expect(result.events.map((e) => [e.id, e.start, e.end])).toEqual([
        ['m#not-expanded', WEEK.start, WEEK.end],
      ]);
    });

    it('jumps a COUNT rule to the range, counting the occurrences it skips', () => {
      const text = vcalendar(
        vevent(
          'UID:c',
          'DTSTART:19700101T063000Z',
          // 1970-01-01 + 20,456 days is 2026-01-04; 20,830 days reach 2027-01-13.
          'RRULE:FREQ=DAILY;COUNT=20830',
          'SUMMARY:c',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped).toEqual([]);
      expect(result.events.map((e) => new Date(e.start).toISOString().slice(0, 10))).toEqual([
        '2027-01-04',
        '2027-01-05',
        '2027-01-06',
        '2027-01-07',
        '2027-01-08',
        '2027-01-09',
        '2027-01-10',
      ]);
    });

    it('reads a rule that can never match (BYMONTH=2;BYMONTHDAY=30) as its DTSTART alone', () => {
      const text = vcalendar(
        vevent(
          'UID:n',
          'DTSTART:20270105T070000Z',
          'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30,31',
          'SUMMARY:n',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result).toMatchObject({ read: 1, skipped: [] });
      expect(result.events.map((e) => e.id)).toEqual(['n#20270105T070000Z']);
    });

    it('skips a rule that finds nothing for 10,000 steps instead of looping, and stands in for it', () => {
      const text = vcalendar(
        vevent('UID:n', 'DTSTART:20270101T000000Z', 'RRULE:FREQ=SECONDLY;BYMONTH=3', 'SUMMARY:n'),
      );

      const result = read(text, { range: WEEK });

      expect(result.skipped[0]?.reason).toBe(
        'RRULE "FREQ=SECONDLY;BYMONTH=3" finds no occurrence in 10,000 steps (stopped after 50,000); its time in the range is counted as busy',
      );
      expect(result.events.map((e) => e.unexpanded)).toEqual([true]);
    });

    it('ignores the impossible days ical.js would roll over (BYMONTH=2;BYMONTHDAY=30 is never 2 March)', () => {
      const text = vcalendar(
        vevent(
          'UID:y',
          'DTSTART:20200101T070000Z',
          'RRULE:FREQ=YEARLY;BYMONTH=2,3;BYMONTHDAY=30',
          'SUMMARY:y',
        ),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 1, 1), end: Date.UTC(2027, 3, 1) },
      });

      expect(result.events.map((e) => e.id)).toEqual(['y#20270330T070000Z']);
      expect(result).toMatchObject({ read: 1, skipped: [] });
    });

    it('expands "daily since 1970" within the range', () => {
      const text = vcalendar(
        vevent(
          'UID:d',
          'DTSTART;TZID=Europe/London:19700101T063000',
          'RRULE:FREQ=DAILY',
          'SUMMARY:d',
        ),
      );

      const result = read(text, { range: WEEK });

      expect(result.events.map((e) => e.id)).toEqual(
        Array.from({ length: 7 }, (_, i) => `d#202701${String(4 + i).padStart(2, '0')}T063000Z`),
      );
    });

    it('stops expanding series once the read budget is used up, and still reads single events', () => {
      // Each needs over 50,000 steps to reach March from January 2020: twenty use up the budget.
      const hostile = Array.from({ length: 30 }, (_, i) =>
        vevent(
          `UID:h${i}`,
          'DTSTART:20200101T000000Z',
          'RRULE:FREQ=MINUTELY;BYMONTH=3',
          'SUMMARY:h',
        ),
      );
      const text = vcalendar(
        vevent(
          'UID:before',
          'DTSTART:20270105T070000Z',
          'RRULE:FREQ=DAILY;COUNT=2',
          'SUMMARY:before',
        ),
        ...hostile,
        vevent(
          'UID:after',
          'DTSTART:20270105T070000Z',
          'RRULE:FREQ=DAILY;COUNT=2',
          'SUMMARY:after',
        ),
        vevent('UID:single', 'DTSTART:20270105T090000Z', 'SUMMARY:single'),
      );

      const result = read(text, { range: WEEK });

      expect(result.events.filter((e) => !e.unexpanded).map((e) => e.uid)).toEqual([
        'before',
        'single',
        'before',
      ]);
      expect(result.events.filter((e) => e.unexpanded)).toHaveLength(31);
      expect(result.skipped).toHaveLength(31);
      expect(result.skipped.at(-1)).toEqual({
        uid: 'after',
        reason:
          'not expanded: the calendar\'s recurrences need more than 1,000,000 steps in total (RRULE "FREQ=DAILY;COUNT=2"); its time in the range is counted as busy',
      });
    });

    it('reads a 5 MB DESCRIPTION', () => {
      const text = vcalendar(
        vevent(
          'UID:big',
          'DTSTART:20270105T070000Z',
          `DESCRIPTION:${'x'.repeat(5_000_000)}`,
          'SUMMARY:big',
        ),
      );

      const [event] = read(text, { range: WEEK }).events;

      expect(event?.description).toHaveLength(5_000_000);
    });

    it('reads past a 20 MB line of quotes, colons and semicolons', () => {
      const junk = `X-JUNK;A="${'a;b:c"'.repeat(3_400_000)}`;
      const text = vcalendar(
        junk,
        vevent('UID:after', 'DTSTART:20270105T070000Z', 'SUMMARY:after'),
      );

      expect(read(text, { range: WEEK }).events.map((e) => e.uid)).toEqual(['after']);
    });

    it('reads 200,000 EXDATEs', () => {
      const exdates = Array.from({ length: 200_000 }, (_, i) =>
        new Date(Date.UTC(2000, 0, 5 + i, 7)).toISOString().replace(/[-:]|\.000/g, ''),
      );
      const text = vcalendar(
        vevent(
          'UID:x',
          'DTSTART:20000105T070000Z',
          'RRULE:FREQ=DAILY',
          `EXDATE:${exdates.join(',')}`,
          'SUMMARY:x',
        ),
      );

      expect(read(text, { range: WEEK })).toMatchObject({ events: [], read: 1 });
    });
  });

  describe('random rules', () => {
    const list = (min: number, max: number) =>
      fc
        .array(fc.oneof(fc.integer({ min, max }), fc.integer({ min: -400, max: 400 })), {
          minLength: 1,
          maxLength: 4,
        })
        .map((a) => a.join(','));
    const part = fc.oneof(
      fc
        .constantFrom('SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY')
        .map((f) => `FREQ=${f}`),
      fc
        .oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 40 }))
        .map((n) => `INTERVAL=${n}`),
      fc.integer({ min: 0, max: 5000 }).map((n) => `COUNT=${n}`),
      list(0, 59).map((v) => `BYMINUTE=${v}`),
      list(0, 23).map((v) => `BYHOUR=${v}`),
      fc
        .array(
          fc.tuple(
            fc.integer({ min: -60, max: 60 }),
            fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'),
          ),
          { minLength: 1, maxLength: 4 },
        )
        .map((a) => `BYDAY=${a.map(([n, d]) => (n === 0 ? d : `${n}${d}`)).join(',')}`),
      list(-31, 31).map((v) => `BYMONTHDAY=${v}`),
      list(-366, 366).map((v) => `BYYEARDAY=${v}`),
      list(-53, 53).map((v) => `BYWEEKNO=${v}`),
      list(1, 12).map((v) => `BYMONTH=${v}`),
      list(-366, 366).map((v) => `BYSETPOS=${v}`),
      fc.constantFrom(
        'WKST=MO',
        'WKST=SU',
        'UNTIL=20270301T000000Z',
        'UNTIL=20200101',
        'UNTIL=99991231T235959Z',
      ),
    );

    it('returns for any rule, with only in-range occurrences or a reason', () => {
      fc.assert(
        fc.property(
          fc.array(part, { minLength: 1, maxLength: 5 }),
          fc.constantFrom('19700101T000000Z', '20261231T235959', '20270131', '16010101T000000'),
          (parts, dtstart) => {
            const text = vcalendar(
              vevent('UID:f', `DTSTART:${dtstart}`, `RRULE:${parts.join(';')}`, 'SUMMARY:f'),
            );

            const result = read(text, { range: WEEK });

            expect(result.events.every(inRange(WEEK))).toBe(true);
            expect(result.read + result.skipped.length).toBe(1);
          },
        ),
        { numRuns: 300, seed: 1601 },
      );
    });
  });

  describe('starting long series near the range', () => {
    const FREQS = ['HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
    const rule = fc.record({
      freq: fc.constantFrom(...FREQS),
      interval: fc.integer({ min: 1, max: 5 }),
      byday: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], {
        minLength: 0,
        maxLength: 3,
      }),
      byhour: fc.subarray([6, 7, 18], { minLength: 0, maxLength: 2 }),
      startDay: fc.integer({ min: 0, max: 3 * 365 }),
      startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      rangeOffsetDays: fc.integer({ min: 30, max: 400 }),
      rangeDays: fc.integer({ min: 1, max: 20 }),
      zone: fc.constantFrom('Europe/London', 'America/New_York', 'UTC'),
    });

    it('gives the same occurrences as expanding from DTSTART', () => {
      fc.assert(
        fc.property(rule, (r) => {
          // HOURLY with BYHOUR over a long stretch is slow for ical.js; keep the property fast.
          if (r.freq === 'HOURLY' && r.rangeOffsetDays > 120) return;
          const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
          if (r.byday.length > 0 && r.freq !== 'MONTHLY' && r.freq !== 'YEARLY')
            parts.push(`BYDAY=${r.byday.join(',')}`);
          if (r.byhour.length > 0 && (r.freq === 'HOURLY' || r.freq === 'DAILY'))
            parts.push(`BYHOUR=${r.byhour.join(',')}`);
          const start = new Date(Date.UTC(2022, 0, 1 + r.startDay, 0, r.startMinute));
          const dtstart = start.toISOString().replace(/[-:]|\.000Z/g, '');
          const text = vcalendar(
            vevent(
              'UID:p',
              `DTSTART;TZID=${r.zone}:${dtstart}`,
              'DURATION:PT45M',
              `RRULE:${parts.join(';')}`,
              'SUMMARY:p',
            ),
          );
          const range = {
            start: start.getTime() + r.rangeOffsetDays * 86_400_000,
            end: start.getTime() + (r.rangeOffsetDays + r.rangeDays) * 86_400_000,
          };

          const near = read(text, { timezone: 'UTC', range });
          const full = read(text, {
            timezone: 'UTC',
            range: { start: start.getTime() - 86_400_000, end: range.end },
          });

          expect(near.skipped).toEqual([]);
          expect(near.events).toEqual(
            full.events
              .filter(inRange(range))
              .filter((e) => e.end > range.start || e.start >= range.start),
          );
        }),
        { numRuns: 60, seed: 20270104 },
      );
    });

    const counted = fc.record({
      freq: fc.constantFrom('HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
      interval: fc.integer({ min: 1, max: 4 }),
      count: fc.integer({ min: 1, max: 1500 }),
      byday: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], {
        minLength: 0,
        maxLength: 4,
      }),
      byhour: fc.subarray([6, 7, 18], { minLength: 0, maxLength: 2 }),
      byminute: fc.subarray([0, 30], { minLength: 0, maxLength: 2 }),
      wkst: fc.constantFrom('MO', 'SU', 'WE'),
      allDay: fc.boolean(),
      startDay: fc.integer({ min: 0, max: 2 * 365 }),
      startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      rangeOffsetDays: fc.integer({ min: 10, max: 700 }),
      rangeDays: fc.integer({ min: 1, max: 30 }),
      zone: fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Sydney', 'UTC'),
    });

    it('gives a COUNT rule the same occurrences as expanding from DTSTART', () => {
      fc.assert(
        fc.property(counted, (r) => {
          const timed = !r.allDay || r.freq === 'HOURLY';
          // HOURLY over a long stretch is slow for ical.js; keep the property fast.
          if (r.freq === 'HOURLY' && r.rangeOffsetDays > 120) return;
          const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`, `COUNT=${r.count}`];
          parts.push(`WKST=${r.wkst}`);
          if (r.byday.length > 0 && r.freq !== 'MONTHLY' && r.freq !== 'YEARLY')
            parts.push(`BYDAY=${r.byday.join(',')}`);
          if (timed && r.byhour.length > 0 && r.freq !== 'MONTHLY' && r.freq !== 'YEARLY')
            parts.push(`BYHOUR=${r.byhour.join(',')}`);
          if (timed && r.byminute.length > 0 && (r.freq === 'HOURLY' || r.freq === 'DAILY'))
            parts.push(`BYMINUTE=${r.byminute.join(',')}`);
          const start = new Date(Date.UTC(2022, 0, 1 + r.startDay, 0, timed ? r.startMinute : 0));
          const stamp = start.toISOString().replace(/[-:]|\.000Z/g, '');
          const dtstart = timed
            ? `DTSTART;TZID=${r.zone}:${stamp}`
            : `DTSTART;VALUE=DATE:${stamp.slice(0, 8)}`;
          const text = vcalendar(
            vevent(
              'UID:p',
              dtstart,
              timed ? 'DURATION:PT45M' : 'DURATION:P1D',
              `RRULE:${parts.join(';')}`,
              'SUMMARY:p',
            ),
          );
          const range = {
            start: start.getTime() + r.rangeOffsetDays * 86_400_000,
            end: start.getTime() + (r.rangeOffsetDays + r.rangeDays) * 86_400_000,
          };

          const near = read(text, { timezone: r.zone, range });
          const full = read(text, {
            timezone: r.zone,
            range: { start: start.getTime() - 2 * 86_400_000, end: range.end },
          });

          expect(near.skipped).toEqual([]);
          expect(near.events).toEqual(
            full.events
              .filter(inRange(range))
              .filter((e) => e.end > range.start || e.start >= range.start),
          );
        }),
        { numRuns: 120, seed: 20270105 },
      );
    });
  });
});
