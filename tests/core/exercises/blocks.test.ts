import { describe, expect, it } from 'vitest';
import { blockForWeek, formatBlock } from '../../../src/core/exercises';
import type { BlockForWeekOptions, BlockPosition } from '../../../src/core/exercises';
import type { RaceDay } from '../../../src/core/phases';
import { addDays } from '../../../src/core/time';

const SPRING: RaceDay = { date: '2027-04-25', name: 'Spring Marathon', priority: 'A' };
const AUTUMN: RaceDay = { date: '2026-10-04', name: 'Autumn Half', priority: 'A' };

function at(weekStart: string, overrides: Partial<BlockForWeekOptions> = {}) {
  return blockForWeek({ weekStart, races: [], phase: 'auto', weekStartsOn: 1, ...overrides });
}

/** `count` consecutive Mondays from `first`, as "week/of" labels ("4/4D" for a deload). */
function labels(first: string, count: number, overrides: Partial<BlockForWeekOptions> = {}) {
  return Array.from({ length: count }, (_, i) => {
    const block = at(addDays(first, 7 * i), overrides);
    return block ? `${block.week}/${block.of}${block.deload ? 'D' : ''}` : '-';
  });
}

describe('blockForWeek', () => {
  it('runs 3 building weeks and a deload, over and over, for 12 weeks', () => {
    expect(labels('2024-01-01', 12)).toEqual([
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
    ]);
  });

  it('gives every week the same answer whichever day of it is asked about', () => {
    const monday = at('2027-03-08');
    for (let d = 1; d < 7; d++) expect(at(addDays('2027-03-08', d))).toEqual(monday);
  });

  it('follows the week start: a Sunday week is placed as a whole', () => {
    const sunday = at('2027-03-07', { weekStartsOn: 0 });
    expect(at('2027-03-13', { weekStartsOn: 0 })).toEqual(sunday);
    expect(sunday?.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts base blocks back from build, so the last base week is a deload', () => {
    const races = [AUTUMN, SPRING];

    // Base runs 12 Oct 2026 – 22 Feb 2027 (20 weeks); build starts on 1 Mar, 55 days out.
    expect(at('2027-02-22', { races })).toMatchObject({ phase: 'base', week: 4, deload: true });
    expect(at('2027-03-01', { races })).toBeUndefined();
    expect(labels('2027-01-04', 12, { races })).toEqual([
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '-',
      '-',
      '-',
      '-',
    ]);
  });

  it('starts the stretch after a race break with a short ramp-in block when the weeks do not divide', () => {
    // Recovery is the week of 19 Oct; base runs 26 Oct 2026 – 22 Feb 2027: 18 weeks = 2 + 4 × 4.
    const races: RaceDay[] = [{ date: '2026-10-18', name: 'Autumn 10K', priority: 'A' }, SPRING];

    expect(at('2026-10-19', { races })).toBeUndefined();
    expect(labels('2026-10-26', 7, { races })).toEqual([
      '1/2',
      '2/2',
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '1/4',
    ]);
    expect(at('2026-10-26', { races })).toMatchObject({ rampIn: true, deload: false });
    expect(at('2027-02-22', { races })).toMatchObject({ week: 4, deload: true });
  });

  it('eases back in for two weeks after a race break, then counts whole blocks forward, when no next race is known', () => {
    const block = at('2026-10-12', { races: [AUTUMN] });

    expect(block).toMatchObject({ week: 1, of: 2, start: '2026-10-12', rampIn: true });
    expect(labels('2026-10-12', 7, { races: [AUTUMN] })).toEqual([
      '1/2',
      '2/2',
      '1/4',
      '2/4',
      '3/4',
      '4/4D',
      '1/4',
    ]);
  });

  it('follows the fixed 4-week grid for an off-season set by hand, races or not', () => {
    expect(at('2024-01-22', { phase: 'off-season', races: [SPRING] })).toMatchObject({
      phase: 'off-season',
      week: 4,
      deload: true,
    });
    expect(at('2027-03-01', { phase: 'off-season' })).toEqual(
      at('2027-03-01', { phase: 'off-season', races: [SPRING, AUTUMN] }),
    );
  });

  it('has no block in build, taper, race week or recovery', () => {
    for (const week of ['2027-03-29', '2027-04-12', '2027-04-19', '2027-04-26']) {
      expect(at(week, { races: [SPRING] }), week).toBeUndefined();
    }
    expect(at('2027-03-01', { phase: 'build' })).toBeUndefined();
  });

  it('ignores B and C races when it looks for the stretch', () => {
    const races: RaceDay[] = [{ ...AUTUMN, priority: 'B' }, SPRING];
    expect(at('2026-12-28', { races })).toEqual(at('2026-12-28', { races: [SPRING] }));
  });

  describe('with a history from the training log', () => {
    const history = { held: ['2024-01-08'] };

    it('does not advance the block over a skipped week', () => {
      expect(labels('2024-01-01', 6, { history })).toEqual([
        '1/4',
        '2/4',
        '2/4',
        '3/4',
        '4/4D',
        '1/4',
      ]);
      expect(at('2024-01-15', { history })).toMatchObject({ held: true, week: 2 });
    });

    it('restarts at week 1 after two empty weeks', () => {
      const restarted = { restarts: ['2024-01-29'] };

      expect(labels('2024-01-22', 6, { history: restarted })).toEqual([
        '4/4D',
        '1/4',
        '2/4',
        '3/4',
        '4/4D',
        '1/4',
      ]);
      expect(at('2024-01-29', { history: restarted })).toMatchObject({
        restarted: true,
        start: '2024-01-29',
      });
      expect(at('2024-02-12', { history: { restarts: ['2024-01-31'] } })).toMatchObject({
        week: 3,
      });
    });

    it('gives the block start with skipped weeks counted out', () => {
      const block = at('2024-01-22', { history }) as BlockPosition;
      expect(block.week).toBe(3);
      expect(block.start).toBe('2024-01-01');
    });

    it('ignores log weeks after the week asked about', () => {
      expect(
        at('2024-01-08', { history: { held: ['2024-01-15'], restarts: ['2024-01-22'] } }),
      ).toEqual(at('2024-01-08'));
    });
  });

  it('refuses a week that is not a date', () => {
    expect(() => at('next monday')).toThrow('"next monday"');
  });
});

describe('formatBlock', () => {
  it.each([
    [{ phase: 'base', week: 3, of: 4, rampIn: false }, 'Base · week 3 of 4'],
    [{ phase: 'off-season', week: 1, of: 2, rampIn: true }, 'Off-season · ramp-in week 1 of 2'],
  ] as const)('formats %j as %s', (block, text) => {
    expect(formatBlock(block)).toBe(text);
  });
});
