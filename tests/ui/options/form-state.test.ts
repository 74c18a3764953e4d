import { describe, expect, it } from 'vitest';
import { DEFAULT_AVAILABILITY, parsePreferences, preferencesSchema } from '../../../src/core/prefs';
import type { PreferencesInput } from '../../../src/core/prefs';
import {
  defaultAvailabilityForm,
  formToPreferences,
  normaliseEquipment,
  preferencesToForm,
  readNumber,
  sameForm,
} from '../../../src/ui/options/form-state';

const full: PreferencesInput = {
  timezone: 'Europe/London',
  weekStartsOn: 0,
  availability: {
    mon: [
      ['06:00', '08:30'],
      ['17:30', '21:00'],
    ],
    sat: [['07:00', '19:00']],
  },
  sessionMinutes: 45,
  sessionsPerWeek: 3,
  minGapAfterHardRunHours: 4.5,
  bufferMinutes: 10,
  defaultRunStart: '06:30',
  equipment: ['bodyweight', 'kettlebell', 'gym'],
  phase: 'base',
  policy: 'easy-days',
  races: [{ date: '2027-04-25', name: 'London Marathon', priority: 'A' }],
};

describe('preferencesToForm', () => {
  it('shows the defaults the planner would use for empty preferences', () => {
    const form = preferencesToForm({});

    expect(form).toMatchObject({
      timezone: '',
      weekStartsOn: '1',
      sessionMinutes: '40',
      sessionsPerWeek: '2',
      minGapAfterHardRunHours: '3',
      bufferMinutes: '15',
      defaultRunStart: '07:00',
      equipment: ['bodyweight', 'bands', 'dumbbells'],
      phase: 'auto',
      policy: 'hard-days-hard',
      races: [],
    });
    expect(form.availability.mon).toEqual(DEFAULT_AVAILABILITY.mon);
  });

  it('shows a weekday missing from stored availability as no time', () => {
    const form = preferencesToForm({ availability: { sat: [['07:00', '12:00']] } });

    expect(form.availability.mon).toEqual([]);
    expect(form.availability.sat).toEqual([['07:00', '12:00']]);
  });

  it('fills a race without priority as an A race, as the schema does', () => {
    const form = preferencesToForm({ races: [{ date: '2027-04-25', name: 'London' }] });

    expect(form.races[0]?.priority).toBe('A');
  });
});

describe('formToPreferences', () => {
  it('writes nothing for untouched empty preferences', () => {
    expect(formToPreferences(preferencesToForm({}), {})).toEqual({});
  });

  it('gives back every field the runner set', () => {
    const result = formToPreferences(preferencesToForm(full), full);

    expect(parsePreferences(result, { defaultTimezone: 'UTC' })).toEqual(
      parsePreferences(full, { defaultTimezone: 'UTC' }),
    );
    expect(result).toMatchObject({ ...full, availability: { ...full.availability, tue: [] } });
  });

  it('keeps a stored value even when it equals the default', () => {
    const stored: PreferencesInput = { sessionMinutes: 40, policy: 'hard-days-hard' };

    expect(formToPreferences(preferencesToForm(stored), stored)).toEqual(stored);
  });

  it('reads an emptied number, clock or zone as "use the default"', () => {
    const form = {
      ...preferencesToForm(full),
      sessionMinutes: '',
      defaultRunStart: '',
      timezone: '',
    };

    const result = formToPreferences(form, full);

    expect(result).not.toHaveProperty('sessionMinutes');
    expect(result).not.toHaveProperty('defaultRunStart');
    expect(result).not.toHaveProperty('timezone');
  });

  it('passes a number that is not one as NaN, so the schema names the field', () => {
    const form = { ...preferencesToForm({}), bufferMinutes: '1o' };

    const result = preferencesSchema.safeParse(formToPreferences(form, {}));

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['bufferMinutes']);
  });

  it('writes an availability with every day empty as no time at all, not the defaults', () => {
    const form = preferencesToForm({});
    for (const day of Object.keys(form.availability) as (keyof typeof form.availability)[])
      form.availability[day] = [];

    const result = formToPreferences(form, {});

    expect(parsePreferences(result, { defaultTimezone: 'UTC' }).availability.flat()).toEqual([]);
  });

  it('writes a changed window', () => {
    const form = preferencesToForm({});
    form.availability.mon = [['05:30', '07:00']];

    const result = formToPreferences(form, {});

    expect(result.availability?.mon).toEqual([['05:30', '07:00']]);
    expect(result.availability?.tue).toEqual(DEFAULT_AVAILABILITY.tue);
  });

  it('always includes bodyweight in the equipment', () => {
    const form = { ...preferencesToForm({}), equipment: normaliseEquipment(['gym']) };

    expect(formToPreferences(form, {}).equipment).toEqual(['bodyweight', 'gym']);
  });

  it('trims race names', () => {
    const form = {
      ...preferencesToForm({}),
      races: [{ date: '2027-10-10', name: ' Chicago ', priority: 'B' as const }],
    };

    expect(formToPreferences(form, {}).races).toEqual([
      { date: '2027-10-10', name: 'Chicago', priority: 'B' },
    ]);
  });
});

describe('readNumber', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['40', 40],
    ['2.5', 2.5],
    ['abc', NaN],
    ['1e3', NaN],
  ])('reads %j as %s', (text, expected) => {
    expect(readNumber(text)).toEqual(expected);
  });
});

describe('defaultAvailabilityForm', () => {
  it('returns a copy the editor can change without touching the defaults', () => {
    const form = defaultAvailabilityForm();
    form.mon[0]![0] = '05:00';

    expect(DEFAULT_AVAILABILITY.mon[0]![0]).toBe('06:00');
  });
});

describe('sameForm', () => {
  it('tells an edited form from the saved one', () => {
    const saved = preferencesToForm(full);

    expect(sameForm(saved, preferencesToForm(full))).toBe(true);
    expect(sameForm(saved, { ...saved, sessionMinutes: '50' })).toBe(false);
  });
});
