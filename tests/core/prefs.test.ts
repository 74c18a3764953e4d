import { describe, expect, it } from 'vitest';
import { parsePreferences, PreferencesError } from '../../src/core/prefs';

const defaults = { defaultTimezone: 'Europe/London' };

describe('parsePreferences', () => {
  it('fills every default from an empty object', () => {
    const prefs = parsePreferences({}, defaults);
    expect(prefs).toMatchObject({
      timezone: 'Europe/London',
      weekStartsOn: 1,
      sessionMinutes: 40,
      sessionsPerWeek: 2,
      minGapAfterHardRunHours: 3,
      bufferMinutes: 15,
      defaultRunStart: 420,
      phase: 'auto',
      policy: 'hard-days-hard',
      races: [],
    });
    expect(prefs.availability[1]).toEqual([
      [360, 510],
      [1050, 1260],
    ]);
  });

  it('reads a missing weekday as no time that day', () => {
    const prefs = parsePreferences({ availability: { sat: [['07:00', '12:00']] } }, defaults);
    expect(prefs.availability[6]).toEqual([[420, 720]]);
    expect(prefs.availability[1]).toEqual([]);
  });

  it('merges overlapping windows', () => {
    const prefs = parsePreferences(
      {
        availability: {
          mon: [
            ['17:00', '19:00'],
            ['06:00', '07:00'],
            ['18:30', '21:00'],
          ],
        },
      },
      defaults,
    );
    expect(prefs.availability[1]).toEqual([
      [360, 420],
      [1020, 1260],
    ]);
  });

  it.each([
    [{ availability: { mon: [['06:00', '25:00']] } }, 'availability.mon[0][1]'],
    [{ availability: { mon: [['08:00', '06:00']] } }, 'availability.mon[0]'],
    [{ availability: { monday: [] } }, 'availability'],
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ sessionMinutes: 5 }, 'sessionMinutes'],
    [{ policy: 'whenever' }, 'policy'],
    [{ races: [{ date: '2027-02-30', name: 'X' }] }, 'races[0].date'],
    [{ equipment: ['treadmill'] }, 'equipment[0]'],
    [{ colour: 'red' }, '(root)'],
  ])('names the bad field in %j', (raw, field) => {
    expect(() => parsePreferences(raw, defaults)).toThrow(PreferencesError);
    expect(() => parsePreferences(raw, defaults)).toThrow(field);
  });

  it('defaults a race to priority A', () => {
    const prefs = parsePreferences(
      { races: [{ date: '2027-04-25', name: 'London Marathon' }] },
      defaults,
    );
    expect(prefs.races).toEqual([{ date: '2027-04-25', name: 'London Marathon', priority: 'A' }]);
  });
});
