/**
 * Every real-world calendar in `tests/fixtures/ics-wild` reads without throwing, with pinned
 * counts, and a few are checked against what their producers meant.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIcs, type ReadIcsResult } from '../../../src/calendar/ics';
import { zonedInstant } from '../../../src/core/time';
import { sharedFixture } from './make-ics';

const DIR = sharedFixture('ics-wild');
const WIDE = { start: Date.UTC(1990, 0, 1), end: Date.UTC(2040, 0, 1) };

function readWild(file: string, timezone = 'Europe/London', range = WIDE): ReadIcsResult {
  return readIcs(readFileSync(`${DIR}/${file}`), { timezone, range, source: file });
}

/** VEVENT counts from SOURCES.md's table, which counted `BEGIN:VEVENT` in each file. */
function sourcesVeventCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(`${DIR}/SOURCES.md`, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+\.ics)`$/.exec(cells[1] ?? '')?.[1];
    const count = Number((cells[8] ?? '').replaceAll(',', ''));
    if (file && Number.isInteger(count) && !counts.has(file)) counts.set(file, count);
  }
  return counts;
}

/**
 * [file, VEVENTs read, VEVENTs skipped], read over 1990–2040 in Europe/London. Two files have
 * skips, each a genuinely unreadable VEVENT:
 * - icsparser__ICal.ics: `DTSTART:20171032T000000` (October 32nd).
 * - libical__large.ics: 300 iTIP messages without DTSTART (METHOD:REPLY, REFRESH,
 *   DECLINECOUNTER, and CANCELs that uninvite attendees rather than cancel), which name an
 *   event but carry no time. Its 1,158 read include 1,139 copies of the same RFC examples
 *   (superseded by the highest SEQUENCE) and the 90 STATUS:CANCELLED cancellations.
 * Differences from a naive count: icalnet__ProdID2.ics has no UIDs at all (synthesized, all 40
 * distinct; one game is dated 1969 and falls outside the range); nodeical__test_with_tz_list.ics
 * reads its one event but shows nothing (its only instance is EXDATE'd and UNTIL precedes DTSTART).
 */
const EXPECTED: [file: string, read: number, skipped: number][] = [
  ['haical__apple_ical.ics', 8, 0],
  ['haical__google_calendar_public_holidays.ics', 111, 0],
  ['haical__office_356_custom_timezone.ics', 2, 0],
  ['haical__office_360_nz_tz.ics', 3, 0],
  ['ical4j__1106817412.ics', 1, 0],
  ['ical4j__2207678.ics', 1, 0],
  ['ical4j__EstoniaHolidays.ics', 152, 0],
  ['ical4j__Packers.ics', 66, 0],
  ['ical4j__SwedishHolidays2003-2006.ics', 52, 0],
  ['ical4j__afl2004.ics', 207, 0],
  ['ical4j__apple-iphone-os-26-structured-location.ics', 1, 0],
  ['ical4j__calconnect6.ics', 1, 0],
  ['ical4j__evolution2.ics', 1, 0],
  ['ical4j__google_aus_holidays.ics', 96, 0],
  ['ical4j__lastfm.ics', 33, 0],
  ['ical4j__maritz.ics', 1, 0],
  ['ical4j__mathBirthdays.ics', 1321, 0],
  ['ical4j__sunbird_sample.ics', 182, 0],
  ['icalnet__Attachment3.ics', 1, 0],
  ['icalnet__EmptyLines4.ics', 28, 0],
  ['icalnet__Event3.ics', 91, 0],
  ['icalnet__Language1.ics', 53, 0],
  ['icalnet__Language2.ics', 6, 0],
  ['icalnet__Outlook2007LineFolds.ics', 1, 0],
  ['icalnet__ProdID2.ics', 40, 0],
  ['icalnet__Trigger1.ics', 10, 0],
  ['icalrs__ical_example_2.ics', 1, 0],
  ['icalrs__o365_meeting.ics', 1, 0],
  ['icsparser__ICal.ics', 20, 1],
  ['libical__large.ics', 1158, 300],
  ['nodeical__Office-2012-owa.ics', 4, 0],
  ['nodeical__exchange_whole_day_moved_recurrence.ics', 2, 0],
  ['nodeical__google-calendar-kiev-tz.ics', 2, 0],
  ['nodeical__meetup-timed-tz.ics', 1, 0],
  ['nodeical__ms_timezones.ics', 4, 0],
  ['nodeical__sabredav-school-holidays.ics', 1, 0],
  ['nodeical__tentative-apple-calendar.ics', 4, 0],
  ['nodeical__test_with_tz_list.ics', 1, 0],
  ['nodeical__vfreebusy-zimbra.ics', 0, 0],
  ['nodeical__vtimezone-year-0001-dtstart.ics', 1, 0],
  ['nodeical__vtodo-vfreebusy.ics', 3, 0],
  ['nodeical__whole_day_moved_over_dst_change_berlin.ics', 2, 0],
  ['pyical__alarm_etar_notification.ics', 1, 0],
  ['pyical__issue_348_exception_parsing_value.ics', 1, 0],
  ['pyical__issue_350.ics', 1, 0],
  ['radicale__event_issue2151.ics', 2, 0],
  ['radicale__event_timezone_seconds.ics', 1, 0],
  ['rie__Germany.ics', 159, 0],
  ['rie__alarm_removed_and_moved.ics', 4, 0],
  ['rie__daylight_saving_time.ics', 64, 0],
  ['rie__discourse_no_dtend.ics', 4, 0],
  ['rie__issue_173_only_modifications_error.ics', 677, 0],
  ['rie__issue_20_exdate_ignored.ics', 1, 0],
  ['rie__issue_28_rrule_with_UTC_endinginZ.ics', 5, 0],
  ['rie__issue_48_dst.ics', 13, 0],
  ['stravamcp__training_plan.ics', 24, 0],
];

const iso = (instant: number): string => new Date(instant).toISOString();

describe('readIcs', () => {
  describe('ics-wild', () => {
    it('covers every file in the folder', () => {
      const files = readdirSync(DIR)
        .filter((f) => f.endsWith('.ics'))
        .sort();

      expect(EXPECTED.map(([file]) => file).sort()).toEqual(files);
    });

    const veventCounts = sourcesVeventCounts();

    it.each(EXPECTED)('reads %s: %i read, %i skipped', (file, read, skipped) => {
      const result = readWild(file);

      expect({ read: result.read, skipped: result.skipped.length }).toEqual({ read, skipped });
      // Every BEGIN:VEVENT is accounted for, as SOURCES.md counted them.
      expect(result.read + result.skipped.length).toBe(veventCounts.get(file));
      expect(result.events.every((e) => e.start < WIDE.end && e.end >= WIDE.start)).toBe(true);
      expect(new Set(result.events.map((e) => e.id)).size).toBe(result.events.length);
    });

    it('says why each skipped event was skipped', () => {
      expect(readWild('icsparser__ICal.ics').skipped).toEqual([
        {
          uid: 'f81b0b41a2e138ae0903daee0a966e1e',
          reason: 'DTSTART "20171032T000000" is not a date-time',
          source: 'icsparser__ICal.ics',
        },
      ]);
      const reasons = new Set(readWild('libical__large.ics').skipped.map((s) => s.reason));
      expect([...reasons].sort()).toEqual([
        'no DTSTART (an iTIP CANCEL message, not an event)',
        'no DTSTART (an iTIP DECLINECOUNTER message, not an event)',
        'no DTSTART (an iTIP REFRESH message, not an event)',
        'no DTSTART (an iTIP REPLY message, not an event)',
      ]);
    });

    it('reads Exchange Windows zones, and repairs the TZID quote that swallowed a value (ms_timezones)', () => {
      const result = readWild('nodeical__ms_timezones.ics', 'Europe/London', {
        start: Date.UTC(2020, 5, 1),
        end: Date.UTC(2020, 8, 30),
      });
      const byTitle = (title: string): string[] =>
        result.events.filter((e) => e.title === title).map((e) => iso(e.start));

      expect(byTitle('test')).toEqual(['2020-09-10T07:00:00.000Z']);
      expect(byTitle('Not the actual summary 1')).toEqual(['2020-09-15T15:30:00.000Z']);
      expect(byTitle("Log Yesterday's Jira time").slice(0, 2)).toEqual([
        '2020-06-09T07:00:00.000Z',
        '2020-06-10T07:00:00.000Z',
      ]);
      // Pacific Standard Time series on TU, TH, FR, SU with EXDATEs on 21, 23 and 28 July.
      expect(
        byTitle('Not the actual summary either').filter(
          (s) => s.startsWith('2020-07-1') || s.startsWith('2020-07-2'),
        ),
      ).toEqual([
        '2020-07-10T19:00:00.000Z',
        '2020-07-12T19:00:00.000Z',
        '2020-07-14T19:00:00.000Z',
        '2020-07-16T19:00:00.000Z',
        '2020-07-17T19:00:00.000Z',
        '2020-07-19T19:00:00.000Z',
        '2020-07-24T19:00:00.000Z',
        '2020-07-26T19:00:00.000Z',
      ]);
    });

    it('reads OWA display-name TZIDs without VTIMEZONE (Office-2012-owa)', () => {
      const result = readWild('nodeical__Office-2012-owa.ics', 'Europe/London', {
        start: Date.UTC(2020, 9, 28),
        end: Date.UTC(2020, 9, 29),
      });

      expect(result.events.map((e) => [e.title, iso(e.start)])).toEqual([
        // "(GMT+10:00) Canberra, Melbourne, Sydney": AEDT, UTC+11, on 28 October 2020.
        ['TEST Syd', '2020-10-28T02:30:00.000Z'],
        // "(UTC-05:00) Eastern Time (US & Canada)": EDT, UTC-4.
        ['TEST', '2020-10-28T17:30:00.000Z'],
      ]);
      expect(result.warnings).toEqual([]);
    });

    it('reads "Kuala Lumpur, Singapore", escaped in the VTIMEZONE and quoted on DTSTART (2207678)', () => {
      const result = readWild('ical4j__2207678.ics', 'Asia/Kuala_Lumpur', {
        start: Date.UTC(2008, 9, 1),
        end: Date.UTC(2008, 10, 8),
      });

      expect(result.events.map((e) => iso(e.start))).toEqual([
        '2008-10-31T01:30:00.000Z',
        '2008-11-07T01:30:00.000Z',
      ]);
    });

    it('moves a whole-day instance across the October DST change without shifting it (Berlin)', () => {
      const result = readWild(
        'nodeical__whole_day_moved_over_dst_change_berlin.ics',
        'Europe/Berlin',
      );

      expect(
        result.events.map((e) => [e.id.split('#')[1], e.startDate, e.endDate, e.start]),
      ).toEqual([
        ['20241027', '2024-10-27', '2024-10-28', zonedInstant('2024-10-27', 0, 'Europe/Berlin')],
        ['20241029', '2024-10-29', '2024-10-30', zonedInstant('2024-10-29', 0, 'Europe/Berlin')],
        ['20241028', '2024-10-30', '2024-10-31', zonedInstant('2024-10-30', 0, 'Europe/Berlin')],
      ]);
    });

    it('honours EXDATEs written in UTC for a Berlin series (rie issue 20)', () => {
      const result = readWild('rie__issue_20_exdate_ignored.ics', 'Europe/Berlin');

      expect(result.events.map((e) => iso(e.start))).toEqual([
        '2019-10-29T15:15:00.000Z',
        '2019-11-12T15:15:00.000Z',
        '2019-12-10T15:15:00.000Z',
        '2020-01-07T15:15:00.000Z',
        '2020-01-14T15:15:00.000Z',
        '2020-01-21T15:15:00.000Z',
        '2020-01-28T15:15:00.000Z',
      ]);
      expect(result.events.every((e) => e.end - e.start === 90 * 60_000)).toBe(true);
    });

    it('reads a floating EXDATE and a moved instance of a "W. Europe Standard Time" series (radicale 2151)', () => {
      const result = readWild('radicale__event_issue2151.ics', 'Europe/Berlin', {
        start: Date.UTC(2026, 0, 26),
        end: Date.UTC(2026, 3, 11),
      });
      const starts = result.events.map((e) => iso(e.start));

      expect(starts[0]).toBe('2026-01-30T09:30:00.000Z');
      expect(starts).not.toContain('2026-04-03T09:00:00.000Z');
      expect(starts.at(-1)).toBe('2026-04-10T09:00:00.000Z');
    });

    it('reads Lotus Notes "Eastern" from its VTIMEZONE (calconnect6)', () => {
      const [event] = readWild('ical4j__calconnect6.ics', 'America/New_York').events;

      expect(event && iso(event.start)).toBe('2005-04-26T14:00:00.000Z');
    });

    it('reads DTSTART:20021225 without VALUE=DATE as an all-day date (google_aus_holidays)', () => {
      const result = readWild('ical4j__google_aus_holidays.ics', 'Australia/Sydney', {
        start: zonedInstant('2008-12-25', 0, 'Australia/Sydney'),
        end: zonedInstant('2008-12-26', 0, 'Australia/Sydney'),
      });

      expect(result.events.map((e) => [e.title, e.allDay, e.startDate])).toEqual([
        ['Christmas', true, '2008-12-25'],
      ]);
    });

    it('decodes windows-1252 and mostly-UTF-8 files', () => {
      expect(readWild('icalnet__ProdID2.ics').events[0]?.title).toBe(
        'UNC vs. St. Augustine’s (exhibition)',
      );
      expect(readWild('ical4j__1106817412.ics').events[0]?.title).toMatch(/^2005年日本国際/);
    });
  });
});
