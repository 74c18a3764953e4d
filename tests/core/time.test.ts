import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dateInZone,
  daysBetween,
  formatInstant,
  isValidTimeZone,
  minutesInZone,
  parseClock,
  startOfWeek,
  weekdayOf,
  zonedInstant,
  zonedParts,
  zoneOffsetMinutes,
} from '../../src/core/time';

describe('zonedInstant', () => {
  it.each([
    ['2027-03-02', '06:30', 'Europe/London', '2027-03-02T06:30:00.000Z'],
    ['2027-07-02', '06:30', 'Europe/London', '2027-07-02T05:30:00.000Z'],
    ['2027-05-04', '18:00', 'Europe/Berlin', '2027-05-04T16:00:00.000Z'],
    ['2027-05-04', '07:00', 'America/New_York', '2027-05-04T11:00:00.000Z'],
    ['2027-01-10', '07:00', 'Pacific/Auckland', '2027-01-09T18:00:00.000Z'],
    ['2027-01-10', '07:00', 'Asia/Kolkata', '2027-01-10T01:30:00.000Z'],
  ])('maps %s %s in %s to %s', (date, clock, tz, iso) => {
    expect(new Date(zonedInstant(date, parseClock(clock), tz)).toISOString()).toBe(iso);
  });

  it('moves a wall time in the spring-forward gap past the gap', () => {
    // Europe/London jumps from 01:00 to 02:00 on 2027-03-28.
    const instant = zonedInstant('2027-03-28', parseClock('01:30'), 'Europe/London');
    expect(formatInstant(instant, 'Europe/London')).toBe('2027-03-28T02:30:00+01:00');
  });

  it('takes the earlier instant in the autumn overlap', () => {
    const instant = zonedInstant('2027-10-31', parseClock('01:30'), 'Europe/London');
    expect(formatInstant(instant, 'Europe/London')).toBe('2027-10-31T01:30:00+01:00');
  });

  // @date-fns/tz's TZDate constructor gives 01:30 GMT here when the process runs in UTC and
  // 01:30 BST when it runs in Europe/London: these pin the earlier instant whatever the host.
  it.each([
    ['2027-10-31', '01:30', 'Europe/London', '2027-10-31T00:30:00.000Z'],
    ['2027-11-07', '01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
    ['2027-04-04', '02:30', 'Pacific/Auckland', '2027-04-03T13:30:00.000Z'],
  ])('takes the earlier of the two %s %s in %s', (date, clock, tz, iso) => {
    expect(new Date(zonedInstant(date, parseClock(clock), tz)).toISOString()).toBe(iso);
  });

  it.each([
    ['2027-03-14', '02:30', 'America/New_York', '2027-03-14T07:30:00.000Z'],
    ['2027-09-26', '02:30', 'Pacific/Auckland', '2027-09-25T14:30:00.000Z'],
    // Lord Howe Island moves its clocks by half an hour.
    ['2027-10-03', '02:15', 'Australia/Lord_Howe', '2027-10-02T15:45:00.000Z'],
  ])('moves %s %s in %s past the gap', (date, clock, tz, iso) => {
    expect(new Date(zonedInstant(date, parseClock(clock), tz)).toISOString()).toBe(iso);
  });

  it('keeps wall-clock distance across a DST day', () => {
    const midnight = zonedInstant('2027-03-28', 0, 'Europe/London');
    const nextMidnight = zonedInstant('2027-03-29', 0, 'Europe/London');
    expect((nextMidnight - midnight) / 3_600_000).toBe(23);
  });
});

describe('whatever zone the process runs in', () => {
  const hostZone = process.env.TZ;
  afterEach(() => {
    if (hostZone === undefined) delete process.env.TZ;
    else process.env.TZ = hostZone;
  });

  function answers() {
    return {
      overlap: zonedInstant('2027-10-31', parseClock('01:30'), 'Europe/London'),
      gap: zonedInstant('2027-03-28', parseClock('01:30'), 'Europe/London'),
      auckland: zonedInstant('2027-04-04', parseClock('02:30'), 'Pacific/Auckland'),
      day: dateInZone(Date.UTC(2027, 4, 3, 23, 30), 'Europe/London'),
      week: startOfWeek('2027-03-28', 1),
      days: daysBetween('2027-03-27', '2027-03-29'),
      added: addDays('2027-03-27', 2),
    };
  }

  it.each(['UTC', 'Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Apia'])(
    'gives the same answers in %s',
    (zone) => {
      const expected = answers();
      process.env.TZ = zone;

      expect(answers()).toEqual(expected);
    },
  );
});

describe('zoneOffsetMinutes and zonedParts', () => {
  it.each([
    // Europe/London was -00:01:15 before railway time; @date-fns/tz's tzOffset says +1.25.
    ['Europe/London', Date.UTC(1800, 0, 1), -1],
    ['Africa/Monrovia', Date.UTC(1970, 0, 1), -44],
  ])('keeps the sign of an offset under an hour west of UTC (%s)', (zone, instant, minutes) => {
    expect(zoneOffsetMinutes(instant, zone)).toBe(minutes);
  });

  it('reads the wall clock on the far side of a transition', () => {
    expect(zonedParts(Date.UTC(2027, 2, 28, 1, 0), 'Europe/London')).toEqual({
      year: 2027,
      month: 3,
      day: 28,
      hour: 2,
      minute: 0,
      second: 0,
    });
  });

  it('throws for a zone it does not know', () => {
    expect(() => zonedParts(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatInstant', () => {
  it('prints the zone offset as SPEC §8 asks', () => {
    expect(formatInstant(Date.UTC(2027, 2, 2, 6, 30), 'Europe/London')).toBe(
      '2027-03-02T06:30:00+00:00',
    );
    expect(formatInstant(Date.UTC(2027, 4, 4, 11), 'America/New_York')).toBe(
      '2027-05-04T07:00:00-04:00',
    );
    expect(formatInstant(Date.UTC(2027, 0, 10, 1, 30), 'Asia/Kolkata')).toBe(
      '2027-01-10T07:00:00+05:30',
    );
  });
});

describe('dateInZone and minutesInZone', () => {
  it('read the local calendar day and wall time', () => {
    const instant = Date.UTC(2027, 4, 3, 23, 30);
    expect(dateInZone(instant, 'Europe/London')).toBe('2027-05-04');
    expect(minutesInZone(instant, 'Europe/London')).toBe(30);
    expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2027-05-03');
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2027-03-01', '2027-04-25')).toBe(55);
    expect(daysBetween('2027-04-25', '2027-03-01')).toBe(-55);
  });

  it('finds the first day of the week for Monday and Sunday weeks', () => {
    expect(weekdayOf('2027-05-05')).toBe(3);
    expect(startOfWeek('2027-05-05', 1)).toBe('2027-05-03');
    expect(startOfWeek('2027-05-05', 0)).toBe('2027-05-02');
    expect(startOfWeek('2027-05-02', 1)).toBe('2027-04-26');
  });

  it('finds week starts across a year end and on the start day itself', () => {
    expect(startOfWeek('2027-01-01', 1)).toBe('2026-12-28');
    expect(startOfWeek('2027-05-02', 0)).toBe('2027-05-02');
    expect(startOfWeek('2027-05-08', 6)).toBe('2027-05-08');
  });

  it('counts calendar days, not 24-hour spans, across a DST change', () => {
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
  });

  it('rejects dates that do not exist', () => {
    expect(() => addDays('2027-02-30', 1)).toThrow(/2027-02-30/);
  });
});

describe('parseClock', () => {
  it('parses HH:MM and rejects anything else with the value', () => {
    expect(parseClock('06:30')).toBe(390);
    expect(parseClock('24:00')).toBe(1440);
    expect(() => parseClock('25:00')).toThrow(/25:00/);
    expect(() => parseClock('6pm')).toThrow(/6pm/);
  });
});

describe('isValidTimeZone', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
