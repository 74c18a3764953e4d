import { describe, expect, it } from 'vitest';
import { displayWeight, formatWeight, toKilograms } from '../../src/core/units';

describe('weights the runner’s way', () => {
  it.each([
    [20, 'kg', '20 kg'],
    [21, 'kg', '21 kg'],
    [18, 'kg', '18 kg'],
    [14, 'kg', '14 kg'],
    [22.5, 'kg', '22.5 kg'],
    [20.41, 'kg', '20.5 kg'],
    [20, 'lb', '45 lb'],
    [60, 'lb', '130 lb'],
  ] as const)('%s kg shows as %s', (kg, unit, text) => {
    expect(formatWeight(kg, unit)).toBe(text);
  });

  it('stores what a runner on pounds types as kilograms', () => {
    expect(toKilograms(45, 'lb')).toBe(20.41);
    expect(displayWeight(toKilograms(45, 'lb'), 'lb')).toBe(45);
  });
});
