/**
 * Where a week sits in its 4-week training block (SPEC §6: off-season and base run in blocks of
 * three building weeks and one deload week). Worked out from the calendar alone — the week, the
 * A races and the phase setting — so the extension and the CLI always agree, whatever week a plan
 * starts on; the training log can later hold or restart a block (SPEC §6b) through
 * {@link BlockHistory}.
 *
 * How blocks are laid out, and why (a coach plans backwards from the race):
 * - A base stretch that ends in build (an A race is known) is cut into blocks counted back from
 *   the first build week, so the last base week is always a deload: the runner starts build fresh,
 *   and build's "same weights, fewer sets" follows a full block rather than cutting one off at
 *   its hardest week.
 * - When the stretch also has a known start (the first week after a race's recovery week), the
 *   1–3 weeks that do not make a whole block come first, as a short ramp-in block with no deload:
 *   after a race break the runner eases back in before the first full block.
 * - A stretch with a start but no end yet opens with a 2-week ramp-in block, then counts whole
 *   blocks forward: two weeks after a marathon's recovery week is too soon for a block's heavy
 *   weeks and jumps (the coach review on fresh weeks).
 * - With neither (no races at all, or the phase set by hand), blocks follow a fixed 4-week grid
 *   from Monday 1 January 2024, so every tool lands on the same weeks.
 */
import { phaseForWeek, RECOVERY_DAYS } from '../phases';
import type { Phase, RaceDay } from '../phases';
import type { PhaseSetting } from '../prefs';
import { addDays, daysBetween, isDateString, startOfWeek } from '../time';
import type { DateString, Weekday } from '../time';
import { BLOCK_PHASES } from './doses';

/** Weeks in a full block: three building weeks, then a deload. */
export const BLOCK_WEEKS = 4;
/** Lighter weeks after a race's recovery week when no next A race fixes the layout. */
export const RAMP_IN_AFTER_RACE_WEEKS = 2;
/** Fixed origin of the block grid when the calendar gives no anchor (a Monday). */
export const BLOCK_GRID_ORIGIN: DateString = '2024-01-01';
/** How many weeks back a log adjustment can reach (the log keeps 12 weeks, SPEC §6b). */
const HISTORY_WEEKS = 16;

/**
 * What the training log says about past weeks (SPEC §6b), so the block follows what was done.
 * Issue 13 derives it from the log; the calendar alone gives none.
 */
export interface BlockHistory {
  /**
   * Week starts whose sessions were all skipped: they don't advance the block, so the week after
   * repeats their block week.
   */
  held?: readonly DateString[];
  /** Week starts that begin a fresh block at week 1 (after two empty weeks). */
  restarts?: readonly DateString[];
}

/** A week's place in its block. */
export interface BlockPosition {
  phase: Extract<Phase, 'off-season' | 'base'>;
  /** 1-based week of the block. */
  week: number;
  /** Weeks in this block: 4, or 1–3 for a ramp-in block after a race break. */
  of: number;
  /** The fourth week of a full block: same exercises and loads, about 40 % fewer sets. */
  deload: boolean;
  /** A short block easing back in after a race break (no deload). */
  rampIn: boolean;
  /** The first week of the block. */
  start: DateString;
  /** The log restarted the block this week (two weeks with nothing done). */
  restarted: boolean;
  /** Last week was skipped, so this week repeats its block week. */
  held: boolean;
}

/** Options of {@link blockForWeek}. */
export interface BlockForWeekOptions {
  /** Any day of the week; the week starts on `weekStartsOn`. */
  weekStart: DateString;
  /** The runner's races (prefs and calendar); only A races set phases. */
  races: readonly RaceDay[];
  /** `prefs.phase`: `auto`, or a phase set by hand. */
  phase: PhaseSetting;
  weekStartsOn: Weekday;
  /** What the training log says (SPEC §6b); absent, the calendar alone decides. */
  history?: BlockHistory;
}

type BlockPhase = BlockPosition['phase'];

function isBlockPhase(phase: Phase): phase is BlockPhase {
  return BLOCK_PHASES.has(phase);
}

function weeksBetween(from: DateString, to: DateString): number {
  return Math.floor(daysBetween(from, to) / 7);
}

/**
 * The weeks that are not base in `auto` mode: they lie within 8 weeks before an A race (build,
 * taper, race week) or the week after it (recovery), so only those need checking — a base stretch
 * can be years long without any search limit.
 */
function nonBaseWeeks(races: readonly RaceDay[], weekStartsOn: Weekday): DateString[] {
  const weeks = new Set<DateString>();
  for (const race of races) {
    if (race.priority !== 'A') continue;
    const last = startOfWeek(addDays(race.date, RECOVERY_DAYS), weekStartsOn);
    for (let w = startOfWeek(addDays(race.date, -62), weekStartsOn); w <= last; w = addDays(w, 7)) {
      if (phaseForWeek(w, races, 'auto').phase !== 'base') weeks.add(w);
    }
  }
  return [...weeks].sort();
}

/** Where counting starts, and how long the ramp-in block at the start is. */
interface Layout {
  origin: DateString;
  rampWeeks: number;
}

/**
 * The calendar-only layout, with its origin far enough back (when the stretch allows) that a
 * log adjustment within the last {@link HISTORY_WEEKS} weeks is walked over.
 */
function calendarLayout(
  week: DateString,
  start: DateString | undefined,
  end: DateString | undefined,
  weekStartsOn: Weekday,
): Layout {
  if (start !== undefined && end !== undefined) {
    return { origin: start, rampWeeks: weeksBetween(start, end) % BLOCK_WEEKS };
  }
  if (start !== undefined) return { origin: start, rampWeeks: RAMP_IN_AFTER_RACE_WEEKS };
  // Open-ended behind: any week on the block grid far enough back.
  const grid = end ?? startOfWeek(BLOCK_GRID_ORIGIN, weekStartsOn);
  const back = weeksBetween(grid, addDays(week, -7 * HISTORY_WEEKS));
  const blocks = Math.floor(back / BLOCK_WEEKS);
  return { origin: addDays(grid, 7 * BLOCK_WEEKS * blocks), rampWeeks: 0 };
}

/**
 * The place of a week in its off-season or base block, or `undefined` in build, taper, race week
 * and recovery (which don't run in blocks).
 *
 * Deterministic and calendar-only: the same week, races and setting always give the same answer,
 * whichever week a plan starts on. The layout is explained at the top of this module; with a
 * `history`, held weeks don't advance the count and the latest restart begins a new full block.
 *
 * @throws {RangeError} when `weekStart` isn't a `YYYY-MM-DD` date (a programmer error).
 * @example blockForWeek({ weekStart: '2027-02-22', races: [{ date: '2027-04-25', name: 'London', priority: 'A' }],
 *   phase: 'auto', weekStartsOn: 1 })
 *   // { phase: 'base', week: 4, of: 4, deload: true, … } — the week before build starts
 */
export function blockForWeek(options: BlockForWeekOptions): BlockPosition | undefined {
  if (!isDateString(options.weekStart)) {
    throw new RangeError(
      `weekStart must be a YYYY-MM-DD date, got ${JSON.stringify(options.weekStart)}`,
    );
  }
  const week = startOfWeek(options.weekStart, options.weekStartsOn);
  const phase = phaseForWeek(week, options.races, options.phase).phase;
  if (!isBlockPhase(phase)) return undefined;

  // A phase set by hand covers every week: the stretch is open both ways. In `auto`, the stretch
  // runs from just after the last non-base week before it to the first one after it.
  const boundaries =
    options.phase === 'auto' ? nonBaseWeeks(options.races, options.weekStartsOn) : [];
  const before = boundaries.filter((w) => w < week).pop();
  const start = before === undefined ? undefined : addDays(before, 7);
  const end = boundaries.find((w) => w > week);
  let { origin, rampWeeks } = calendarLayout(week, start, end, options.weekStartsOn);

  const inStretch = (w: DateString) => w >= origin && w <= week;
  const restarts = (options.history?.restarts ?? [])
    .map((w) => startOfWeek(w, options.weekStartsOn))
    .filter(inStretch)
    .sort();
  const latestRestart = restarts[restarts.length - 1];
  if (latestRestart !== undefined) {
    origin = latestRestart;
    rampWeeks = 0;
  }
  const held = new Set(
    (options.history?.held ?? [])
      .map((w) => startOfWeek(w, options.weekStartsOn))
      .filter((w) => w >= origin && w < week),
  );

  const counted = weeksBetween(origin, week) - held.size;
  const flags = {
    restarted: latestRestart === week,
    held: held.has(addDays(week, -7)),
  };
  if (counted < rampWeeks) {
    return {
      phase,
      week: counted + 1,
      of: rampWeeks,
      deload: false,
      rampIn: true,
      start: blockStartOf(week, counted, held),
      ...flags,
    };
  }
  const inBlock = (counted - rampWeeks) % BLOCK_WEEKS;
  return {
    phase,
    week: inBlock + 1,
    of: BLOCK_WEEKS,
    deload: inBlock === BLOCK_WEEKS - 1,
    rampIn: false,
    start: blockStartOf(week, inBlock, held),
    ...flags,
  };
}

/** The calendar week the current block began: `weeksIn` counted weeks back, held weeks skipped. */
function blockStartOf(
  week: DateString,
  weeksIn: number,
  held: ReadonlySet<DateString>,
): DateString {
  let w = week;
  let left = weeksIn;
  while (left > 0) {
    w = addDays(w, -7);
    if (!held.has(w)) left--;
  }
  return w;
}

/**
 * The session's short block label: "Base · week 3 of 4", "Off-season · ramp-in week 1 of 2".
 *
 * @example formatBlock({ phase: 'base', week: 3, of: 4, … }) // 'Base · week 3 of 4'
 */
export function formatBlock(
  block: Pick<BlockPosition, 'phase' | 'week' | 'of' | 'rampIn'>,
): string {
  const phase = block.phase === 'base' ? 'Base' : 'Off-season';
  return `${phase} · ${block.rampIn ? 'ramp-in ' : ''}week ${block.week} of ${block.of}`;
}
