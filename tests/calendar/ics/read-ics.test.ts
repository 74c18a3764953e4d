import { describe, expect, it } from 'vitest';
import { IcsError, readIcs } from '../../../src/calendar/ics';
import { startOfDayInstant, zonedInstant } from '../../../src/core/time';
import { read, starts, vcalendar, vevent } from './make-ics';

const WEEKLY_RUN = [
  'UID:run@test',
  'DTSTART;TZID=Europe/London:20270104T070000',
  'DTEND;TZID=Europe/London:20270104T080000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO',
  'SUMMARY:Easy run',
];

describe('readIcs', () => {
  describe('recurrences', () => {
    it('expands a weekly RRULE over the range only, with slot ids', () => {
      const text = vcalendar(vevent(...WEEKLY_RUN));

      const result = read(text, {
        range: { start: Date.UTC(2027, 0, 10), end: Date.UTC(2027, 0, 26) },
      });

      expect(result.events.map((e) => e.id)).toEqual([
        'run@test#20270111T070000Z',
        'run@test#20270118T070000Z',
        'run@test#20270125T070000Z',
      ]);
      expect(result.events[0]).toMatchObject({
        uid: 'run@test',
        title: 'Easy run',
        allDay: false,
        transparent: false,
      });
      expect(result.events[0]?.end).toBe(Date.UTC(2027, 0, 11, 8));
      expect(result.read).toBe(1);
    });

    it('removes EXDATE instances, also when the EXDATE is written in UTC or as a DATE', () => {
      const text = vcalendar(
        vevent(
          ...WEEKLY_RUN,
          'EXDATE;TZID=Europe/London:20270111T070000',
          'EXDATE:20270118T070000Z',
          'EXDATE;VALUE=DATE:20270125',
        ),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 1, 2) },
      });

      expect(starts(result)).toEqual(['2027-01-04T07:00:00.000Z', '2027-02-01T07:00:00.000Z']);
    });

    it('adds RDATE instances, a PERIOD one with its own end', () => {
      const text = vcalendar(
        vevent(
          ...WEEKLY_RUN.filter((l) => !l.startsWith('RRULE')),
          'RDATE;TZID=Europe/London:20270106T180000',
          'RDATE;VALUE=PERIOD:20270108T120000Z/20270108T123000Z',
        ),
      );

      const result = read(text);

      expect(starts(result)).toEqual([
        '2027-01-04T07:00:00.000Z',
        '2027-01-06T18:00:00.000Z',
        '2027-01-08T12:00:00.000Z',
      ]);
      expect(result.events[1]?.end).toBe(Date.UTC(2027, 0, 6, 19));
      expect(result.events[2]?.end).toBe(Date.UTC(2027, 0, 8, 12, 30));
      expect(result.events.map((e) => e.id)[1]).toBe('run@test#20270106T180000Z');
    });

    it('replaces an occurrence by its RECURRENCE-ID override, which keeps the slot id', () => {
      const text = vcalendar(
        vevent(...WEEKLY_RUN),
        vevent(
          'UID:run@test',
          'RECURRENCE-ID;TZID=Europe/London:20270111T070000',
          'DTSTART;TZID=Europe/London:20270112T180000',
          'DTEND;TZID=Europe/London:20270112T190000',
          'SUMMARY:Easy run (moved)',
        ),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 0, 10), end: Date.UTC(2027, 0, 19) },
      });

      expect(result.events.map((e) => [e.id, e.title, new Date(e.start).toISOString()])).toEqual([
        ['run@test#20270111T070000Z', 'Easy run (moved)', '2027-01-12T18:00:00.000Z'],
        ['run@test#20270118T070000Z', 'Easy run', '2027-01-18T07:00:00.000Z'],
      ]);
      expect(result.read).toBe(2);
    });

    it('applies an override written before its master, as Google exports them', () => {
      const override = vevent(
        'UID:run@test',
        'RECURRENCE-ID:20270111T070000Z',
        'DTSTART:20270111T170000Z',
        'DTEND:20270111T180000Z',
        'SUMMARY:Evening instead',
      );
      const text = vcalendar(override, vevent(...WEEKLY_RUN));

      const result = read(text, {
        range: { start: Date.UTC(2027, 0, 10), end: Date.UTC(2027, 0, 12) },
      });

      expect(result.events.map((e) => e.title)).toEqual(['Evening instead']);
    });

    it('matches an override written in UTC to a series in a zone', () => {
      const text = vcalendar(
        vevent(
          ...WEEKLY_RUN.map((l) =>
            l
              .replace('20270104T070000', '20270607T070000')
              .replace('20270104T080000', '20270607T080000'),
          ),
        ),
        vevent(
          'UID:run@test',
          'RECURRENCE-ID:20270614T060000Z',
          'DTSTART:20270614T160000Z',
          'SUMMARY:Moved',
        ),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 5, 13), end: Date.UTC(2027, 5, 15) },
      });

      expect(result.events.map((e) => [e.id, e.title])).toEqual([
        ['run@test#20270614T060000Z', 'Moved'],
      ]);
      // An override without an end of its own lasts as long as the series' instances.
      expect(result.events[0]?.end).toBe(Date.UTC(2027, 5, 14, 17));
    });

    it('drops the slot of a cancelled override', () => {
      const text = vcalendar(
        vevent(...WEEKLY_RUN),
        vevent(
          'UID:run@test',
          'RECURRENCE-ID;TZID=Europe/London:20270111T070000',
          'DTSTART;TZID=Europe/London:20270111T070000',
          'STATUS:CANCELLED',
        ),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 0, 4), end: Date.UTC(2027, 0, 19) },
      });

      expect(starts(result)).toEqual(['2027-01-04T07:00:00.000Z', '2027-01-18T07:00:00.000Z']);
      expect(result.read).toBe(2);
    });

    it('drops a cancelled series with its overrides', () => {
      const text = vcalendar(
        vevent(...WEEKLY_RUN, 'STATUS:CANCELLED'),
        vevent(
          'UID:run@test',
          'RECURRENCE-ID;TZID=Europe/London:20270111T070000',
          'DTSTART:20270111T170000Z',
          'SUMMARY:Moved',
        ),
      );

      expect(read(text).events).toEqual([]);
    });

    it('reads overrides whose master is missing as single events', () => {
      const text = vcalendar(
        vevent(
          'UID:orphan@test',
          'RECURRENCE-ID:20270111T070000Z',
          'DTSTART:20270111T170000Z',
          'DTEND:20270111T180000Z',
          'SUMMARY:A',
        ),
        vevent(
          'UID:orphan@test',
          'RECURRENCE-ID:20270118T070000Z',
          'DTSTART:20270118T170000Z',
          'SUMMARY:B',
        ),
      );

      const result = read(text);

      expect(result.events.map((e) => [e.id, e.title, e.end - e.start])).toEqual([
        ['orphan@test#20270111T070000Z', 'A', 3_600_000],
        ['orphan@test#20270118T070000Z', 'B', 0],
      ]);
    });

    it('keeps DTSTART as the first instance even when the rule would not produce it (RFC 5545 §3.8.5.3)', () => {
      const text = vcalendar(
        vevent(
          'UID:x',
          'DTSTART:20270104T070000Z',
          'RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=2',
          'SUMMARY:x',
        ),
      );

      expect(starts(read(text))).toEqual([
        '2027-01-04T07:00:00.000Z',
        '2027-01-06T07:00:00.000Z',
        '2027-01-13T07:00:00.000Z',
      ]);
    });

    it('ends a series at COUNT, and at an UNTIL in UTC compared in the series zone', () => {
      const text = vcalendar(
        vevent(
          'UID:count',
          'DTSTART;TZID=Europe/Berlin:20270104T070000',
          'RRULE:FREQ=DAILY;COUNT=3',
          'SUMMARY:c',
        ),
        // 07:00 Berlin is 06:00Z: an UNTIL of 06:00Z on the 6th keeps the 6th.
        vevent(
          'UID:until',
          'DTSTART;TZID=Europe/Berlin:20270104T070000',
          'RRULE:FREQ=DAILY;UNTIL=20270106T060000Z',
          'SUMMARY:u',
        ),
      );

      const result = read(text);

      expect(result.events.filter((e) => e.uid === 'count')).toHaveLength(3);
      expect(
        result.events.filter((e) => e.uid === 'until').map((e) => new Date(e.start).toISOString()),
      ).toEqual([
        '2027-01-04T06:00:00.000Z',
        '2027-01-05T06:00:00.000Z',
        '2027-01-06T06:00:00.000Z',
      ]);
    });

    it('reads an UNTIL given as a DATE for a timed series as the whole day', () => {
      const text = vcalendar(
        vevent('UID:x', 'DTSTART:20270104T180000Z', 'RRULE:FREQ=DAILY;UNTIL=20270106', 'SUMMARY:x'),
      );

      expect(read(text).events).toHaveLength(3);
    });

    it('keeps a weekly 07:00 Europe/London run at 07:00 local across the March change', () => {
      const text = vcalendar(vevent(...WEEKLY_RUN));

      const result = read(text, {
        range: { start: Date.UTC(2027, 2, 15), end: Date.UTC(2027, 3, 6) },
      });

      expect(starts(result)).toEqual([
        '2027-03-15T07:00:00.000Z',
        '2027-03-22T07:00:00.000Z',
        '2027-03-29T06:00:00.000Z',
        '2027-04-05T06:00:00.000Z',
      ]);
      expect(result.events.every((e) => e.end - e.start === 3_600_000)).toBe(true);
    });

    it('moves a wall time inside the spring-forward gap past the gap', () => {
      const text = vcalendar(
        vevent('UID:gap', 'DTSTART;TZID=Europe/London:20270328T013000', 'SUMMARY:gap'),
      );

      const result = read(text, {
        range: { start: Date.UTC(2027, 2, 27), end: Date.UTC(2027, 2, 29) },
      });

      expect(result.events[0]?.start).toBe(zonedInstant('2027-03-28', 90, 'Europe/London'));
    });

    it('lasts a nominal DURATION of days across a DST change in wall time', () => {
      const text = vcalendar(
        vevent('UID:d', 'DTSTART;TZID=Europe/London:20270327T120000', 'DURATION:P1D', 'SUMMARY:d'),
      );

      const event = read(text, {
        range: { start: Date.UTC(2027, 2, 1), end: Date.UTC(2027, 3, 1) },
      }).events[0];

      expect(event?.end).toBe(zonedInstant('2027-03-28', 12 * 60, 'Europe/London'));
    });
  });

  describe('all-day events', () => {
    it.each(['America/Los_Angeles', 'Pacific/Auckland', 'Europe/London'])(
      'never shifts dates for a runner in %s',
      (timezone) => {
        const text = vcalendar(
          vevent(
            'UID:race',
            'DTSTART;VALUE=DATE:20270110',
            'DTEND;VALUE=DATE:20270112',
            'SUMMARY:Race weekend',
          ),
        );

        const [event] = read(text, { timezone }).events;

        expect(event).toMatchObject({
          allDay: true,
          startDate: '2027-01-10',
          endDate: '2027-01-12',
        });
        expect(event?.start).toBe(startOfDayInstant('2027-01-10', timezone));
        expect(event?.end).toBe(startOfDayInstant('2027-01-12', timezone));
      },
    );

    it('reads DTSTART:20021225 without VALUE=DATE as a date', () => {
      const text = vcalendar(
        vevent('UID:xmas', 'DTSTART:20271225', 'DTEND:20271226', 'SUMMARY:Christmas'),
      );

      const [event] = read(text, {
        range: { start: Date.UTC(2027, 11, 1), end: Date.UTC(2028, 0, 1) },
      }).events;

      expect(event).toMatchObject({ allDay: true, startDate: '2027-12-25', endDate: '2027-12-26' });
    });

    it('gives a date without an end one day, and a date-time without one no length (RFC 5545 §3.6.1)', () => {
      const text = vcalendar(
        vevent('UID:day', 'DTSTART;VALUE=DATE:20270110', 'SUMMARY:day'),
        vevent('UID:moment', 'DTSTART:20270110T090000Z', 'SUMMARY:moment'),
      );

      const [day, moment] = [...read(text).events].sort((a, b) => a.uid.localeCompare(b.uid));

      expect(day).toMatchObject({ uid: 'day', startDate: '2027-01-10', endDate: '2027-01-11' });
      expect(moment).toMatchObject({
        uid: 'moment',
        start: Date.UTC(2027, 0, 10, 9),
        end: Date.UTC(2027, 0, 10, 9),
      });
    });

    it('ignores a TZID on a DATE, as SabreDAV writes it', () => {
      const text = vcalendar(
        vevent(
          'UID:h',
          'DTSTART;TZID=Europe/Berlin;VALUE=DATE:20270201',
          'DTEND;TZID=Europe/Berlin;VALUE=DATE:20270215',
          'SUMMARY:Holidays',
        ),
      );

      const [event] = read(text, { timezone: 'America/New_York' }).events;

      expect(event).toMatchObject({ startDate: '2027-02-01', endDate: '2027-02-15' });
    });

    it('expands an all-day daily series with a moved instance by date', () => {
      const text = vcalendar(
        vevent(
          'UID:g',
          'DTSTART;VALUE=DATE:20270327',
          'DTEND;VALUE=DATE:20270328',
          'RRULE:FREQ=DAILY;COUNT=3',
          'SUMMARY:g',
        ),
        vevent(
          'UID:g',
          'RECURRENCE-ID;VALUE=DATE:20270328',
          'DTSTART;VALUE=DATE:20270331',
          'DTEND;VALUE=DATE:20270401',
          'SUMMARY:g',
        ),
      );

      const result = read(text, {
        timezone: 'Europe/Berlin',
        range: { start: Date.UTC(2027, 2, 1), end: Date.UTC(2027, 3, 2) },
      });

      expect(result.events.map((e) => [e.id, e.startDate])).toEqual([
        ['g#20270327', '2027-03-27'],
        ['g#20270329', '2027-03-29'],
        ['g#20270328', '2027-03-31'],
      ]);
    });
  });

  describe('floating times', () => {
    it('reads floating times in the runner zone', () => {
      const text = vcalendar(vevent('UID:f', 'DTSTART:20270104T070000', 'SUMMARY:f'));

      expect(read(text, { timezone: 'America/New_York' }).events[0]?.start).toBe(
        Date.UTC(2027, 0, 4, 12),
      );
    });

    it('reads floating times in the calendar X-WR-TIMEZONE, as Google and Apple do', () => {
      const text = vcalendar(
        'X-WR-TIMEZONE:Europe/Berlin',
        vevent('UID:f', 'DTSTART:20270104T070000', 'SUMMARY:f'),
      );

      expect(read(text, { timezone: 'America/New_York' }).events[0]?.start).toBe(
        Date.UTC(2027, 0, 4, 6),
      );
    });

    it('warns and uses the runner zone when X-WR-TIMEZONE names no zone', () => {
      const text = vcalendar(
        'X-WR-TIMEZONE:Middle Earth',
        vevent('UID:f', 'DTSTART:20270104T070000', 'SUMMARY:f'),
      );

      const result = read(text);

      expect(result.events[0]?.start).toBe(Date.UTC(2027, 0, 4, 7));
      expect(result.warnings.map((w) => w.message)).toEqual([
        expect.stringContaining('X-WR-TIMEZONE "Middle Earth"'),
      ]);
    });
  });

  describe('event properties', () => {
    it('marks TRANSP:TRANSPARENT events transparent', () => {
      const text = vcalendar(
        vevent('UID:t', 'DTSTART:20270104T070000Z', 'TRANSP:TRANSPARENT', 'SUMMARY:t'),
      );

      expect(read(text).events[0]?.transparent).toBe(true);
    });

    it('drops STATUS:CANCELLED events but counts them as read', () => {
      const text = vcalendar(
        vevent('UID:c', 'DTSTART:20270104T070000Z', 'STATUS:CANCELLED', 'SUMMARY:c'),
      );

      expect(read(text)).toMatchObject({ events: [], read: 1, skipped: [] });
    });

    it('unescapes and trims SUMMARY, DESCRIPTION and LOCATION', () => {
      const text = vcalendar(
        vevent(
          'UID:u',
          'DTSTART:20270104T070000Z',
          'SUMMARY:  Tempo\\, 3 x 10 min\\; hard  ',
          'DESCRIPTION:Line one\\nLine two\\\\',
          'LOCATION:Track\\, lane 1',
        ),
      );

      expect(read(text).events[0]).toMatchObject({
        title: 'Tempo, 3 x 10 min; hard',
        description: 'Line one\nLine two\\',
        location: 'Track, lane 1',
      });
    });

    it('synthesizes the same UID for the same DTSTART and SUMMARY when UID is missing', () => {
      const text = vcalendar(vevent('DTSTART:20270104T070000Z', 'SUMMARY:No uid'));

      const first = read(text).events[0];
      const second = read(text).events[0];

      expect(first?.uid).toMatch(/^ironstride-[0-9a-f]{14}$/);
      expect(second?.id).toBe(first?.id);
    });

    it('reads X-IRONSTRIDE-SESSION back into ironstrideSessionId', () => {
      const text = vcalendar(
        vevent(
          'UID:s',
          'DTSTART:20270104T170000Z',
          'SUMMARY:Strength',
          'X-IRONSTRIDE-SESSION:2027-01-04-a',
        ),
      );

      expect(read(text).events[0]?.ironstrideSessionId).toBe('2027-01-04-a');
    });

    it('labels events and skipped entries with the source', () => {
      const text = vcalendar(
        vevent('UID:ok', 'DTSTART:20270104T070000Z', 'SUMMARY:ok'),
        vevent('UID:bad', 'SUMMARY:bad'),
      );

      const result = read(text, { source: 'plan.ics' });

      expect(result.events[0]?.source).toBe('plan.ics');
      expect(result.skipped).toEqual([{ uid: 'bad', reason: 'no DTSTART', source: 'plan.ics' }]);
    });
  });

  describe('malformed events', () => {
    it.each([
      ['DTSTART:2027-13-45', 'DTSTART "2027-13-45" is not a date'],
      ['DTSTART:20270230T070000Z', 'DTSTART "20270230T070000Z" is not a date-time'],
      ['SUMMARY:no start', 'no DTSTART'],
      ['DTSTART;TZID=Europe/London', 'DTSTART has no value'],
    ])('skips an event with %s', (line, reason) => {
      const text = vcalendar(
        vevent('UID:bad', line),
        vevent('UID:good', 'DTSTART:20270104T070000Z', 'SUMMARY:good'),
      );

      const result = read(text);

      expect(result.skipped).toEqual([{ uid: 'bad', reason }]);
      expect(result.events.map((e) => e.uid)).toEqual(['good']);
      expect(result.read).toBe(1);
    });

    it.each([
      ['RRULE:FREQ=FORTNIGHTLY', /^RRULE "FREQ=FORTNIGHTLY" is invalid: invalid frequency/],
      ['RRULE:FREQ=WEEKLY;BYDAY=XX', /^RRULE "FREQ=WEEKLY;BYDAY=XX" is invalid/],
      ['RRULE:FREQ=DAILY;UNTIL=tomorrow', /^RRULE "FREQ=DAILY;UNTIL=tomorrow" is invalid/],
      [
        'RRULE:FREQ=WEEKLY;BYMONTHDAY=3',
        /^RRULE "FREQ=WEEKLY;BYMONTHDAY=3" is invalid: For WEEKLY/,
      ],
      ['RECURRENCE-ID:yesterday', /^RECURRENCE-ID "yesterday" is not a date$/],
    ])('skips an event with %s', (line, reason) => {
      const text = vcalendar(vevent('UID:bad', 'DTSTART:20270104T070000Z', line, 'SUMMARY:bad'));

      const result = read(text);

      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0]?.reason).toMatch(reason);
      expect(result.read).toBe(0);
    });

    it('skips a VEVENT the file ends inside, and keeps the ones before it', () => {
      const text = `${vcalendar(vevent('UID:a', 'DTSTART:20270104T070000Z', 'SUMMARY:a')).replace('END:VCALENDAR\r\n', '')}BEGIN:VEVENT\r\nUID:cut\r\nDTSTART:2027`;

      const result = read(text);

      expect(result.events.map((e) => e.uid)).toEqual(['a']);
      expect(result.skipped).toEqual([
        { uid: 'cut', reason: 'VEVENT is not closed (no END:VEVENT: the file may be cut short)' },
      ]);
    });

    it('reads case-insensitive rule parts and tolerates a repeated property name', () => {
      const text = vcalendar(
        vevent('UID:r', 'DTSTART:20270104T070000Z', 'RRULE:RRULE:freq=daily;count=2', 'SUMMARY:r'),
      );

      expect(read(text).events).toHaveLength(2);
    });

    it('drops a broken DTEND, EXDATE or RDATE value with a warning and reads the event', () => {
      const text = vcalendar(
        vevent(
          'UID:w',
          'DTSTART:20270104T070000Z',
          'DTEND:soon',
          'RRULE:FREQ=DAILY;COUNT=2',
          'EXDATE:never',
          'RDATE:20271399T000000Z',
          'SUMMARY:w',
        ),
      );

      const result = read(text);

      expect(result.events).toHaveLength(2);
      expect(result.warnings).toEqual([
        { uid: 'w', message: 'DTEND "soon" is not a date: ignored' },
        { uid: 'w', message: 'RDATE "20271399T000000Z" is not a date or period: ignored' },
        { uid: 'w', message: 'EXDATE "never" is not a date: ignored' },
      ]);
    });

    it('keeps read + skipped equal to the number of VEVENTs', () => {
      const text = vcalendar(
        vevent('UID:1', 'DTSTART:20270104T070000Z', 'SUMMARY:1'),
        vevent('UID:2', 'DTSTART:nope'),
        vevent('UID:3', 'DTSTART:20270104T070000Z', 'RRULE:FREQ=SECONDLY;BYMONTH=3', 'SUMMARY:3'),
        vevent('UID:4', 'STATUS:CANCELLED'),
      );

      const result = read(text);

      expect(result.read + result.skipped.length).toBe(4);
      expect(result.skipped.map((s) => s.uid)).toEqual(['2', '3']);
    });
  });

  describe('copies of one UID', () => {
    it('keeps the highest SEQUENCE of a UID repeated across VCALENDARs, counting every copy as read', () => {
      const one = vcalendar(
        vevent('UID:m', 'SEQUENCE:2', 'DTSTART:20270104T070000Z', 'SUMMARY:second'),
      );
      const two = vcalendar(
        vevent('UID:m', 'SEQUENCE:1', 'DTSTART:20270105T070000Z', 'SUMMARY:first'),
      );
      const three = vcalendar(
        vevent('UID:m', 'SEQUENCE:2', 'DTSTART:20270106T070000Z', 'SUMMARY:second, again'),
      );

      const result = read(one + two + three);

      expect(result.events.map((e) => [e.id, e.title])).toEqual([['m', 'second, again']]);
      expect(result.read).toBe(3);
      expect(result.warnings.map((w) => w.message)).toContain(
        '2 VEVENTs repeated the UID (and RECURRENCE-ID) of another: the highest SEQUENCE, or the last, was used',
      );
    });

    it('keeps different events that share a UID in one VCALENDAR, with distinct ids', () => {
      const text = vcalendar(
        vevent('UID:same', 'DTSTART:20270104T070000Z', 'SUMMARY:Game 1'),
        vevent('UID:same', 'DTSTART:20270111T070000Z', 'SUMMARY:Game 2'),
      );

      const result = read(text);

      expect(result.events.map((e) => [e.id, e.uid, e.title])).toEqual([
        ['same', 'same', 'Game 1'],
        ['same~2', 'same', 'Game 2'],
      ]);
    });

    it('collapses identical copies in one VCALENDAR', () => {
      const copy = vevent('UID:dup', 'DTSTART:20270104T070000Z', 'SUMMARY:dup');

      const result = read(vcalendar(copy, copy));

      expect(result.events).toHaveLength(1);
      expect(result.read).toBe(2);
    });
  });

  describe('files that are not calendars', () => {
    it.each([
      [
        'an HTML page',
        '<!DOCTYPE html>\n<html><body>Not found</body></html>',
        'not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT found (starts with "<!DOCTYPE html>")',
      ],
      [
        'JSON',
        '{"items": []}',
        'not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT found (starts with "{\\"items\\": []}")',
      ],
      ['an empty file', '', 'not an iCalendar file: the input is empty'],
      ['blank lines', '\r\n \r\n', 'not an iCalendar file: the input is empty'],
      [
        'a vCard',
        'BEGIN:VCARD\r\nFN:Runner\r\nEND:VCARD\r\n',
        'not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT found (starts with "BEGIN:VCARD")',
      ],
    ])('throws one IcsError for %s', (_what, input, message) => {
      expect(() => read(input)).toThrow(new IcsError(message));
    });

    it('throws an IcsError for PNG bytes', () => {
      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]);

      expect(() => read(png)).toThrow(IcsError);
      expect(() => read(png)).toThrow(
        /^not an iCalendar file: no BEGIN:VCALENDAR or BEGIN:VEVENT found \(starts with ".PNG"\)$/,
      );
    });

    it('reads a calendar without VEVENTs (only VTODO and VFREEBUSY) as zero events', () => {
      const text = vcalendar(
        'BEGIN:VTODO',
        'UID:todo',
        'SUMMARY:Buy shoes',
        'END:VTODO',
        'BEGIN:VFREEBUSY',
        'FREEBUSY:20270104T070000Z/PT1H',
        'END:VFREEBUSY',
      );

      expect(read(text)).toEqual({ events: [], read: 0, skipped: [], warnings: [] });
    });

    it('rejects invalid options with the value it received', () => {
      const text = vcalendar();

      expect(() =>
        readIcs(text, { timezone: 'Mars/Olympus', range: { start: 0, end: 1 } }),
      ).toThrow(new RangeError('readIcs: unknown time zone "Mars/Olympus"'));
      expect(() => readIcs(text, { timezone: 'UTC', range: { start: 2, end: 1 } })).toThrow(
        new RangeError(
          'readIcs: range must be finite instants with start <= end, got {"start":2,"end":1}',
        ),
      );
      expect(() =>
        readIcs(42 as unknown as string, { timezone: 'UTC', range: { start: 0, end: 1 } }),
      ).toThrow(new TypeError('readIcs: input must be a string or a Uint8Array, got number 42'));
    });
  });
});
