import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WINDOWS_DISPLAY_NAMES, WINDOWS_ZONES } from '../../../src/calendar/ics/windows-zones';
import { isValidTimeZone, zonedInstant } from '../../../src/core/time';
import { read, sharedFixture, vcalendar, vevent } from './make-ics';

const YEAR_2027 = { start: Date.UTC(2027, 0, 1), end: Date.UTC(2028, 0, 1) };

/** A calendar with one event at 09:00 wall time on `date` in `tzid` (quoted), and nothing else. */
function at(tzid: string, date: string, ...extra: string[]): string {
  return vcalendar(
    ...extra,
    vevent('UID:z', `DTSTART;TZID="${tzid}":${date.replaceAll('-', '')}T090000`, 'SUMMARY:z'),
  );
}

describe('readIcs', () => {
  describe('time zones', () => {
    it.each([
      ['W. Europe Standard Time', 'Europe/Berlin'],
      ['GMT Standard Time', 'Europe/London'],
      ['Pacific Standard Time', 'America/Los_Angeles'],
      ['Central European Standard Time', 'Europe/Warsaw'],
      ['New Zealand Standard Time', 'Pacific/Auckland'],
      ['Arabian Standard Time', 'Asia/Dubai'],
      ['(GMT+10:00) Canberra, Melbourne, Sydney', 'Australia/Sydney'],
      ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
      ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'],
      [
        'Amsterdam, Belgrade, Berlin, Brussels, Budapest, Madrid, Paris, Prague, Stockholm',
        'Europe/Berlin',
      ],
      ['Kuala Lumpur, Singapore', 'Asia/Singapore'],
      ['/freeassociation.sourceforge.net/Tzfile/Europe/London', 'Europe/London'],
      ['/mozilla.org/20070129_1/America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
      ['US/Central', 'America/Chicago'],
      ['Europe/Kiev', 'Europe/Kiev'],
      ['US-Eastern', 'America/New_York'],
      ['tzone://Microsoft/Utc', 'UTC'],
    ])('reads TZID %j in %s, summer and winter', (tzid, iana) => {
      for (const date of ['2027-01-15', '2027-07-15']) {
        const [event] = read(at(tzid, date), { range: YEAR_2027 }).events;

        expect(event?.start).toBe(zonedInstant(date, 9 * 60, iana));
      }
    });

    it('reads the scenario calendar written in "W. Europe Standard Time" in Berlin time', () => {
      const text = readFileSync(
        sharedFixture('scenarios', 'windows-zone-busy-times', 'calendar.ics'),
      );

      const result = read(text, {
        timezone: 'Europe/Berlin',
        range: { start: Date.UTC(2027, 4, 3), end: Date.UTC(2027, 4, 4) },
      });

      expect(result.events.map((e) => [e.title, e.start])).toEqual([
        ['Arbeit', zonedInstant('2027-05-03', 8 * 60 + 30, 'Europe/Berlin')],
      ]);
      expect(result.warnings).toEqual([]);
    });

    it('reads an IANA TZID with no VTIMEZONE from the runtime zone data', () => {
      const [event] = read(at('America/Vancouver', '2027-07-15'), { range: YEAR_2027 }).events;

      expect(event?.start).toBe(Date.UTC(2027, 6, 15, 16));
    });

    it('uses the file VTIMEZONE for a TZID no zone name matches, as Lotus Notes writes', () => {
      const eastern = [
        'BEGIN:VTIMEZONE',
        'TZID:Eastern',
        'BEGIN:STANDARD',
        'DTSTART:19501029T020000',
        'TZOFFSETFROM:-0400',
        'TZOFFSETTO:-0500',
        'RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=-1SU;BYMONTH=10',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:19500402T020000',
        'TZOFFSETFROM:-0500',
        'TZOFFSETTO:-0400',
        'RRULE:FREQ=YEARLY;BYMINUTE=0;BYHOUR=2;BYDAY=1SU;BYMONTH=4',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
      ].join('\r\n');

      const winter = read(at('Eastern', '2027-01-15', eastern), { range: YEAR_2027 });
      const summer = read(at('Eastern', '2027-07-15', eastern), { range: YEAR_2027 });

      expect(winter.events[0]?.start).toBe(Date.UTC(2027, 0, 15, 14));
      expect(summer.events[0]?.start).toBe(Date.UTC(2027, 6, 15, 13));
      expect(summer.warnings).toEqual([]);
    });

    it('prefers the runtime zone over a VTIMEZONE that names an IANA zone', () => {
      const stale = [
        'BEGIN:VTIMEZONE',
        'TZID:Europe/Berlin',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0500',
        'TZOFFSETTO:+0500',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n');

      const [event] = read(at('Europe/Berlin', '2027-07-15', stale), { range: YEAR_2027 }).events;

      expect(event?.start).toBe(Date.UTC(2027, 6, 15, 7));
    });

    it('matches a quoted TZID to a VTIMEZONE whose TZID escapes the comma', () => {
      const custom = [
        'BEGIN:VTIMEZONE',
        'TZID:Somewhere\\, Else',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n');

      const [event] = read(at('Somewhere, Else', '2027-07-15', custom), {
        range: YEAR_2027,
      }).events;

      expect(event?.start).toBe(Date.UTC(2027, 6, 15, 6));
    });

    it('reads the offset of a (UTC±hh:mm) name it cannot match to a zone', () => {
      const [event] = read(at('(UTC+05:30) Somewhere New', '2027-07-15'), {
        range: YEAR_2027,
      }).events;

      expect(event?.start).toBe(Date.UTC(2027, 6, 15, 3, 30));
    });

    it('reads an unknown TZID without VTIMEZONE in the runner zone, with one warning', () => {
      const text = vcalendar(
        vevent('UID:a', 'DTSTART;TZID=Customized Time Zone:20270715T090000', 'SUMMARY:a'),
        vevent('UID:b', 'DTSTART;TZID=Customized Time Zone:20270716T090000', 'SUMMARY:b'),
      );

      const result = read(text, { timezone: 'America/Chicago', range: YEAR_2027 });

      expect(result.events.map((e) => e.start)).toEqual([
        Date.UTC(2027, 6, 15, 14),
        Date.UTC(2027, 6, 16, 14),
      ]);
      expect(result.warnings).toEqual([
        {
          uid: null,
          message:
            'TZID "Customized Time Zone" is neither a known zone nor defined by a usable VTIMEZONE: its times are read in America/Chicago',
        },
      ]);
    });

    it('refuses a VTIMEZONE whose rules are not yearly, instead of expanding them', () => {
      const hostile = [
        'BEGIN:VTIMEZONE',
        'TZID:Busy',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'RRULE:FREQ=SECONDLY',
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n');

      const result = read(at('Busy', '2027-07-15', hostile), { range: YEAR_2027 });

      expect(result.events).toHaveLength(1);
      expect(result.warnings[0]?.message).toMatch(/^TZID "Busy" is neither a known zone/);
    });
  });
});

describe('WINDOWS_ZONES', () => {
  it.each(Object.entries(WINDOWS_ZONES))(
    'maps %j to a zone this runtime knows (%s)',
    (_windows, iana) => {
      expect(isValidTimeZone(iana)).toBe(true);
    },
  );

  it('covers the common Windows ids', () => {
    expect(Object.keys(WINDOWS_ZONES).length).toBeGreaterThanOrEqual(140);
  });
});

describe('WINDOWS_DISPLAY_NAMES', () => {
  it.each(Object.entries(WINDOWS_DISPLAY_NAMES))(
    'maps %j to a Windows id in WINDOWS_ZONES (%s)',
    (_display, windowsId) => {
      expect(WINDOWS_ZONES[windowsId]).toBeDefined();
    },
  );
});
