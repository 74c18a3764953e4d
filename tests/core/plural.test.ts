import { describe, expect, it } from 'vitest';
import { plural } from '../../src/core/plural';

describe('plural', () => {
  it.each([
    [0, 'session', undefined, '0 sessions'],
    [1, 'session', undefined, '1 session'],
    [2, 'session', undefined, '2 sessions'],
    [1, 'calendar', 'calendars', '1 calendar'],
    [3, 'child', 'children', '3 children'],
  ])('says %i %s as "%s"', (count, one, other, text) => {
    expect(plural(count, one, other)).toBe(text);
  });
});
