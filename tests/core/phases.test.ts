import { describe, expect, it } from 'vitest';
import { phaseForWeek, weeklyTarget } from '../../src/core/phases';
import type { RaceDay } from '../../src/core/phases';

const marathon: RaceDay = { date: '2027-04-25', name: 'London Marathon', priority: 'A' };

describe('phaseForWeek', () => {
  it.each([
    ['2027-01-04', 'base', 111],
    ['2027-02-22', 'base', 62],
    ['2027-03-01', 'build', 55],
    ['2027-03-08', 'build', 48],
    ['2027-04-05', 'build', 20],
    ['2027-04-12', 'taper', 13],
    ['2027-04-19', 'race-week', 6],
    ['2027-04-26', 'recovery', -1],
    ['2027-05-03', 'base', undefined],
  ] as const)('week of %s is %s', (week, phase, days) => {
    const result = phaseForWeek(week, [marathon], 'auto');
    expect(result.phase).toBe(phase);
    if (days !== undefined) expect(result.daysToRace).toBe(days);
  });

  it('ignores B and C races', () => {
    expect(phaseForWeek('2027-04-19', [{ ...marathon, priority: 'B' }], 'auto').phase).toBe('base');
  });

  it('lets an explicit phase win', () => {
    expect(phaseForWeek('2027-04-19', [marathon], 'off-season').phase).toBe('off-season');
  });

  it('prefers race week over recovery when a second A race is close', () => {
    const races = [marathon, { date: '2027-04-30', name: 'Second', priority: 'A' as const }];
    expect(phaseForWeek('2027-04-26', races, 'auto').phase).toBe('race-week');
  });
});

describe('weeklyTarget', () => {
  it('caps the runner’s wish at the phase maximum', () => {
    expect(weeklyTarget({ phase: 'base' }, 3)).toBe(2);
    expect(weeklyTarget({ phase: 'off-season' }, 3)).toBe(3);
    expect(weeklyTarget({ phase: 'taper' }, 2)).toBe(1);
    expect(weeklyTarget({ phase: 'build' }, 1)).toBe(1);
  });

  it('leaves no session in a race week whose race is too early to lift before', () => {
    expect(weeklyTarget({ phase: 'race-week', daysToRace: 2 }, 2)).toBe(0);
    expect(weeklyTarget({ phase: 'race-week', daysToRace: 6 }, 2)).toBe(1);
  });
});
