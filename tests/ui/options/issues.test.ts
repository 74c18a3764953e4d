import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../../../src/core/prefs';
import {
  describeIssue,
  describeIssues,
  formatIssuePath,
  parseIssuePath,
  raceFieldId,
  toFieldIssues,
  windowFieldId,
} from '../../../src/ui/options/issues';

describe('parseIssuePath', () => {
  it('splits names and indexes', () => {
    expect(parseIssuePath('availability.mon[0][1]')).toEqual(['availability', 'mon', 0, 1]);
  });

  it('reads back what formatIssuePath writes', () => {
    const path = ['races', 2, 'name'];

    expect(parseIssuePath(formatIssuePath(path))).toEqual(path);
  });
});

describe('describeIssue', () => {
  it.each([
    ['availability.mon[0][1]', windowFieldId('mon', 0, 'to'), 'Monday, window 1, until'],
    ['availability.sun[2][0]', windowFieldId('sun', 2, 'from'), 'Sunday, window 3, from'],
    ['availability.wed[1]', windowFieldId('wed', 1, 'to'), 'Wednesday, window 2'],
    ['availability.fri', 'pref-availability-fri-add', 'Friday'],
    ['races[0].date', raceFieldId(0, 'date'), 'Race 1, date'],
    ['races[3].priority', raceFieldId(3, 'priority'), 'Race 4, priority'],
    ['races', 'pref-races-add', 'Races'],
    ['sessionMinutes', 'pref-session-minutes', 'Session length'],
    ['timezone', 'pref-timezone', 'Time zone'],
    ['equipment[1]', 'pref-equipment', 'Equipment'],
  ])('maps %s to its input', (path, id, label) => {
    const shown = describeIssue({ path, message: 'whatever zod said' });

    expect(shown).toMatchObject({ id, label });
  });

  it('says what a number field accepts and what empty means', () => {
    const shown = describeIssue({
      path: 'sessionsPerWeek',
      message: 'Too big: expected number to be <=3',
    });

    expect(shown.message).toBe('Enter 0, 1, 2 or 3, or leave it empty for 2.');
  });

  it('keeps the schema message as a sentence for a window that ends before it starts', () => {
    const shown = describeIssue({
      path: 'availability.mon[1]',
      message: 'the window must end after it starts',
    });

    expect(shown.message).toBe('The window must end after it starts.');
  });

  it('shows an unknown path in the summary only', () => {
    const shown = describeIssue({ path: '(root)', message: 'unrecognized key: "colour"' });

    expect(shown).toEqual({
      id: undefined,
      label: 'Preferences',
      message: 'Unrecognized key: "colour".',
    });
  });
});

describe('describeIssues', () => {
  it('maps every issue the schema reports to an input', () => {
    const result = preferencesSchema.safeParse({
      sessionMinutes: 5,
      availability: { tue: [['18:00', '17:00']] },
      races: [{ date: '2027-13-01', name: ' ', priority: 'A' }],
    });
    if (result.success) throw new Error('expected the schema to reject these preferences');

    const shown = describeIssues(toFieldIssues(result.error.issues));

    expect(shown.map((issue) => issue.id)).toEqual([
      windowFieldId('tue', 0, 'to'),
      'pref-session-minutes',
      raceFieldId(0, 'date'),
      raceFieldId(0, 'name'),
    ]);
  });

  it('keeps one message per input', () => {
    const shown = describeIssues([
      { path: 'sessionMinutes', message: 'a' },
      { path: 'sessionMinutes', message: 'b' },
    ]);

    expect(shown).toHaveLength(1);
  });
});
