import { describe, expect, it } from 'vitest';
import { LOOK_AHEAD_DAYS, LOOK_BACK_DAYS, readWindow } from '../../src/core/read-window';
import { addDays, dateInZone, daysBetween, minutesInZone } from '../../src/core/time';

describe('readWindow', () => {
  it('reads from 8 days before the first week to 63 days after the last', () => {
    const range = readWindow({ firstWeek: '2027-05-03', weeks: 2, timeZone: 'Europe/London' });

    expect(dateInZone(range.start, 'Europe/London')).toBe(addDays('2027-05-03', -LOOK_BACK_DAYS));
    expect(dateInZone(range.end, 'Europe/London')).toBe(addDays('2027-05-17', LOOK_AHEAD_DAYS));
    expect(daysBetween('2027-05-17', dateInZone(range.end, 'Europe/London'))).toBe(63);
  });

  it('runs from midnight to midnight in the runner’s zone', () => {
    const range = readWindow({ firstWeek: '2027-03-22', weeks: 1, timeZone: 'America/New_York' });

    expect(minutesInZone(range.start, 'America/New_York')).toBe(0);
    expect(minutesInZone(range.end, 'America/New_York')).toBe(0);
  });
});
