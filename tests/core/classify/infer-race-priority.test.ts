import { describe, expect, it } from 'vitest';
import { inferRacePriority } from '../../../src/core/classify';
import type { RacePriority } from '../../../src/core/classify';

describe('inferRacePriority', () => {
  it.each<[title: string, description: string | undefined, priority: RacePriority]>([
    // A goal race unless the text says otherwise.
    ['Berlin Marathon', undefined, 'A'],
    ['Half marathon race', undefined, 'A'],
    ['Race day - 5K', undefined, 'A'],
    ['Chicago Half', 'Goal: sub 1:45', 'A'],
    // Explicit markers win over everything else.
    ['A race: Marathon', undefined, 'A'],
    ['B race: 10K', undefined, 'B'],
    ['Valencia Half (B)', undefined, 'B'],
    ['City 10K [C]', undefined, 'C'],
    ['Tune-up half marathon (A race)', undefined, 'A'],
    ['parkrun', 'Priority B: treat it as a hard effort', 'B'],
    ['Spring 10 Miler', 'C-race, run it as a workout', 'C'],
    // Tune-ups and time trials sharpen for the goal race: C until the runner says otherwise.
    ['Tune-up half marathon', undefined, 'C'],
    ['Tune up 10K', undefined, 'C'],
    ['Time trial 1 mile', undefined, 'C'],
    ['5K TT', undefined, 'C'],
    // Races run for training or for fun.
    ['Parkrun (race effort)', undefined, 'C'],
    ['parkrun (race!)', undefined, 'C'],
    ['Charity 10K Fun Run', undefined, 'C'],
    ['Turkey Trot', undefined, 'C'],
    ['Race', 'Local fun run with the kids', 'C'],
    ['Volkslauf 10 km', undefined, 'C'],
  ])('rates %j (%j) as %s', (title, description, priority) => {
    expect(inferRacePriority(title, description)).toBe(priority);
  });

  it('does not read a stray "a" as priority A', () => {
    expect(inferRacePriority('Tune-up: a 10K before the marathon')).toBe('C');
  });
});
