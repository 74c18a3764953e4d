/**
 * A file's own VTIMEZONE (RFC 5545 §3.6.5), read for the years that are asked about.
 *
 * ical.js's `Timezone` expands every observance from its DTSTART up to five years past the
 * current year the first time it is asked, with no bound: one observance starting in year 1 with
 * `FREQ=YEARLY;BYMONTH=1,…,12;BYDAY=SU,…,SA;BYHOUR=0,…,23` is 17 million onsets (45 s, 610 MB),
 * and its expansion also reads the system clock. Here onsets are computed per year on demand:
 * a rule in the usual shape ("last Sunday of October at 03:00") by arithmetic, any other yearly
 * rule by ical.js started just before that year (its instances in a year do not depend on which
 * earlier year it started in). Every step is drawn from the read's step budget, and a zone that
 * changes offset more often than any real one is refused.
 *
 * How an offset is chosen for a wall time follows ical.js (`Timezone#utcOffset`), so zones read
 * the same as before: the last onset whose local time (in the earlier offset for a spring
 * forward, the later one for a fall back) is at or before the wall time wins; a wall time in a
 * fall-back overlap takes standard time. One difference: before a zone's first onset ical.js
 * answers UTC, here the offset the first onset changes from (its TZOFFSETFROM).
 */
import ICAL from 'ical.js';
import {
  parseObservances,
  wallOf,
  yearlyOnset,
  yearOfWall,
  type Change,
  type Observance,
} from './observances';
import { countSteps, StepLimitError, type StepBudget } from './rule-steps';

/** Offset changes one zone may make in a calendar year; real zones make at most four. */
export const MAX_ONSETS_PER_YEAR = 24;
/** Years the arithmetic path looks back for an earlier onset before leaving it to ical.js. */
const MAX_YEARS_BACK = 400;
/** Rule steps one observance may take per calendar year it covers. */
const MAX_STEPS_PER_YEAR = 400;
/** The offsets around a year: onsets of the year and its neighbours, and the last one before. */
interface YearTable {
  /** Sorted by instant, starting with the latest onset before the neighbours, if any. */
  changes: Change[];
  /** The offset before the zone's first onset: what its earliest DTSTART changes from. */
  initial: number;
}

/** What a zone falls back to when its own rules cannot be computed (the runner's zone). */
export interface ZoneFallback {
  /** Seconds east of UTC at a wall time. */
  offsetAtWall(wall: number): number;
  /** Seconds east of UTC at an instant. */
  offsetAtInstant(instant: number): number;
  /** Its name, for the warning. */
  name: string;
}

/** What a custom zone needs from the read around it. */
export interface CustomZoneContext {
  budget: StepBudget;
  /** Observance rules parsed so far in this read, by text (shared: clone before changing). */
  recurs?: Map<string, ICAL.Recur | null>;
  fallback: ZoneFallback;
  warn(message: string): void;
}

class ZoneFailure extends Error {}

/**
 * Offsets of one VTIMEZONE, computed year by year as they are asked for. Build it with
 * {@link parseCustomZone}; it falls back to `context.fallback` (with one warning) for good once a
 * year cannot be computed within the limits.
 */
export class CustomZone {
  private readonly tables = new Map<number, YearTable>();
  private failed = false;

  constructor(
    readonly tzid: string,
    private readonly observances: readonly Observance[],
    private readonly context: CustomZoneContext,
  ) {}

  /** Seconds east of UTC that a wall time (epoch-ms encoded fields) is read with. */
  offsetAtWall(wall: number): number {
    const table = this.table(yearOfWall(wall));
    if (!table) return this.context.fallback.offsetAtWall(wall);
    return offsetForWall(table, wall);
  }

  /** Seconds east of UTC in force at an instant. */
  offsetAtInstant(instant: number): number {
    const table = this.table(yearOfWall(instant));
    if (!table) return this.context.fallback.offsetAtInstant(instant);
    const { changes } = table;
    let lo = 0;
    let hi = changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((changes[mid] as Change).utc <= instant) lo = mid + 1;
      else hi = mid;
    }
    return changes[lo - 1]?.to ?? table.initial;
  }

  private table(year: number): YearTable | null {
    if (this.failed) return null;
    let table = this.tables.get(year);
    if (table) return table;
    try {
      table = this.computeTable(year);
    } catch (error) {
      if (!(error instanceof ZoneFailure || error instanceof StepLimitError)) throw error;
      this.failed = true;
      const why =
        error instanceof ZoneFailure
          ? error.message
          : "could not be computed within the calendar's step budget";
      this.context.warn(
        `VTIMEZONE ${JSON.stringify(this.tzid)} ${why}: its times are read in ${this.context.fallback.name}`,
      );
      return null;
    }
    this.tables.set(year, table);
    return table;
  }

  /** Onsets in `year - 1 … year + 1` and the latest one before. */
  private computeTable(year: number): YearTable {
    const first = year - 1;
    const last = year + 1;
    const changes: Change[] = [];
    let prior: Change | null = null;
    const later = (a: Change | null, b: Change): Change => (a && a.utc >= b.utc ? a : b);
    for (const o of this.observances) {
      for (const c of o.explicit) {
        if (c.year > last) continue;
        if (c.year < first) prior = later(prior, c);
        else changes.push(c);
      }
      if (o.rule) {
        const found = this.ruleOnsets(o, o.rule, first, last);
        changes.push(...found.changes);
        if (found.prior) prior = later(prior, found.prior);
      }
    }
    const perYear = new Map<number, number>();
    for (const c of changes) {
      const n = (perYear.get(c.year) ?? 0) + 1;
      if (n > MAX_ONSETS_PER_YEAR) throw this.tooDense();
      perYear.set(c.year, n);
    }
    changes.sort((a, b) => a.utc - b.utc);
    if (prior) changes.unshift(prior);
    return { changes, initial: this.initial };
  }

  /** Every observance's first onset is its DTSTART, so the earliest of those comes first. */
  private get initial(): number {
    let first: Change | null = null;
    for (const o of this.observances) {
      const start = o.explicit[0] as Change;
      if (!first || start.utc < first.utc) first = start;
    }
    return first ? first.from : 0;
  }

  private tooDense(): ZoneFailure {
    return new ZoneFailure(`changes offset more than ${MAX_ONSETS_PER_YEAR} times a year`);
  }

  /**
   * The rule's onsets in years `first…last`, and its latest onset before `first`. A rule without
   * COUNT is started at its DTSTART's date in an earlier year (a whole number of INTERVALs on),
   * looking further back only while no earlier onset turns up.
   */
  private ruleOnsets(
    o: Observance,
    rule: ICAL.Recur,
    first: number,
    last: number,
  ): { changes: Change[]; prior: Change | null } {
    if (o.yearly) {
      const found = this.yearlyOnsets(o, first, last);
      if (found) return found;
    }
    const interval = Math.max(1, rule.interval);
    // Jumping keeps the month and day of DTSTART: a 29 February would not exist in most years.
    const canJump = rule.count === null && !(o.start.month === 2 && o.start.day === 29);
    for (let lookback = 2; ; lookback *= 4) {
      let startYear = o.start.year;
      const target = first - lookback;
      if (canJump && target > startYear) {
        startYear += Math.floor((target - startYear) / interval) * interval;
      }
      const jumped = startYear !== o.start.year;
      const found = this.iterate(o, rule, startYear, jumped, first, last);
      if (found.prior || !jumped) return found;
    }
  }

  /**
   * `ruleOnsets` for a rule in the usual shape, without ical.js: one onset a year at most.
   * `null` when no earlier onset turns up within `MAX_YEARS_BACK` (then ical.js looks further).
   */
  private yearlyOnsets(
    o: Observance,
    first: number,
    last: number,
  ): { changes: Change[]; prior: Change | null } | null {
    const form = o.yearly as NonNullable<Observance['yearly']>;
    const budget = this.context.budget;
    const change = (wall: number): Change => ({
      utc: wall - o.from * 1000,
      from: o.from,
      to: o.to,
      daylight: o.daylight,
      year: yearOfWall(wall),
    });
    const changes: Change[] = [];
    for (let year = Math.max(first, o.start.year); year <= last; year++) {
      if (--budget.steps < 0) throw new StepLimitError('read');
      const wall = yearlyOnset(form, year);
      if (wall !== null) changes.push(change(wall));
    }
    // The latest onset before `first`: from UNTIL's year if that is earlier, back to DTSTART.
    const latest = form.until === null ? first - 1 : Math.min(first - 1, yearOfWall(form.until));
    for (let year = latest; year >= o.start.year; year--) {
      if (latest - year > MAX_YEARS_BACK) return null;
      if (--budget.steps < 0) throw new StepLimitError('read');
      const wall = yearlyOnset(form, year);
      if (wall !== null) return { changes, prior: change(wall) };
    }
    return { changes, prior: null };
  }

  private iterate(
    o: Observance,
    rule: ICAL.Recur,
    startYear: number,
    jumped: boolean,
    first: number,
    last: number,
  ): { changes: Change[]; prior: Change | null } {
    const recur = rule.clone();
    // ical.js reads a UTC UNTIL in the observance's prior offset (Timezone#_expandComponent).
    if (recur.until && recur.until.zone === ICAL.Timezone.utcTimezone) {
      const until = recur.until.clone();
      until.adjust(0, 0, 0, o.from);
      recur.until = new ICAL.Time(
        {
          year: until.year,
          month: until.month,
          day: until.day,
          hour: until.hour,
          minute: until.minute,
          second: until.second,
          isDate: until.isDate,
        },
        ICAL.Timezone.localTimezone,
      );
    }
    const dtstart = new ICAL.Time({ ...o.start, year: startYear }, ICAL.Timezone.localTimezone);
    const iterator = recur.iterator(dtstart);
    const budget = this.context.budget;
    let stepYear = startYear;
    let stepsThisYear = 0;
    const span = Math.max(1, last - startYear + 1);
    let stepsLeft = span * MAX_STEPS_PER_YEAR;
    countSteps(iterator, () => {
      if (--budget.steps < 0) throw new StepLimitError('read');
      if (--stepsLeft < 0) throw this.tooDense();
      const y = (iterator as unknown as { last: ICAL.Time }).last.year;
      if (y !== stepYear) {
        stepYear = y;
        stepsThisYear = 0;
      }
      if (++stepsThisYear > MAX_STEPS_PER_YEAR) throw this.tooDense();
    });
    const changes: Change[] = [];
    let prior: Change | null = null;
    let countYear = startYear;
    let inYear = 0;
    for (;;) {
      const t = iterator.next();
      if (!t || t.year > last) break;
      if (t.year !== countYear) {
        countYear = t.year;
        inYear = 0;
      }
      if (++inYear > MAX_ONSETS_PER_YEAR) throw this.tooDense();
      // The year a jumped rule starts in lacks the instances before DTSTART's date.
      if (jumped && t.year === startYear) continue;
      const change: Change = {
        utc: wallOf(t) - o.from * 1000,
        from: o.from,
        to: o.to,
        daylight: o.daylight,
        year: t.year,
      };
      if (t.year < first) prior = change;
      else changes.push(change);
    }
    return { changes, prior };
  }
}

/** ical.js's choice of change for a wall time (`Timezone#utcOffset`), over one year's table. */
function offsetForWall(table: YearTable, wall: number): number {
  const { changes } = table;
  const threshold = (c: Change): number => c.utc + Math.min(c.to, c.from) * 1000;
  // Thresholds follow the onsets' order for any zone whose changes are hours apart.
  let lo = 0;
  let hi = changes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (threshold(changes[mid] as Change) <= wall) lo = mid + 1;
    else hi = mid;
  }
  const index = lo - 1;
  const change = changes[index];
  if (!change) return table.initial;
  // In a fall-back overlap ical.js keeps standard time: a DAYLIGHT observance that moves the
  // clock back yields to the standard one before it.
  const previous = changes[index - 1];
  if (
    change.to < change.from &&
    previous &&
    wall < change.utc + change.from * 1000 &&
    change.daylight &&
    !previous.daylight
  ) {
    return previous.to;
  }
  return change.to;
}

/**
 * A VTIMEZONE's lines → a lazily computed zone, or `null` when it is unusable: an offset beyond
 * ±18 h, a malformed DTSTART or RDATE, a rule that is not yearly, more than 500 observances or
 * 2,000 RDATEs, or no observance with DTSTART, TZOFFSETFROM and TZOFFSETTO. Nothing is expanded
 * here; onsets are computed when a time in the zone is first converted.
 */
export function parseCustomZone(
  lines: readonly string[],
  tzid: string,
  context: CustomZoneContext,
): CustomZone | null {
  const observances = parseObservances(lines, context.recurs);
  if (!observances || observances.length === 0) return null;
  return new CustomZone(tzid, observances, context);
}
