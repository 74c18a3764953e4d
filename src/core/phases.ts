/**
 * Training phases (SPEC §4): how many strength sessions a week gets and how heavy they are,
 * from the distance to the runner's next A race.
 */
import { NO_STRENGTH_DAYS_BEFORE_A_RACE } from './plan/rules/h5-long-runs-and-races';
import type { PhaseSetting, RacePriority } from './prefs';
import { daysBetween } from './time';
import type { DateString } from './time';

export type Phase = Exclude<PhaseSetting, 'auto'>;

/** Each phase's name as the runner reads it, in reasons and on the History page. */
export const PHASE_NAMES: Readonly<Record<Phase, string>> = {
  'off-season': 'Off-season',
  base: 'Base',
  build: 'Build',
  taper: 'Taper',
  'race-week': 'Race week',
  recovery: 'Recovery',
};
export type Load = 'heavy' | 'moderate' | 'light';

export interface PhaseRule {
  /** Sessions a week when the runner asks for the default. */
  target: number;
  /** Never more than this many a week, strength already in the calendar included (H6). */
  max: number;
  load: Load;
  /** Plain words for the plan and the popup. */
  summary: string;
}

export const PHASE_RULES: Readonly<Record<Phase, PhaseRule>> = {
  'off-season': {
    target: 2,
    max: 3,
    load: 'heavy',
    summary: 'off-season: heavier lifting with fewer reps, plus some jumps',
  },
  base: {
    target: 2,
    max: 2,
    load: 'moderate',
    summary: 'base: compound lifts at moderate load',
  },
  build: {
    target: 2,
    max: 2,
    load: 'moderate',
    summary: 'build: maintenance — fewer sets, same loads',
  },
  taper: {
    target: 1,
    max: 1,
    load: 'light',
    summary: 'taper: one light bodyweight session',
  },
  'race-week': {
    target: 1,
    max: 1,
    load: 'light',
    summary: 'race week: at most one very light session, early in the week',
  },
  recovery: {
    target: 1,
    max: 1,
    load: 'light',
    summary: 'recovery: at most one light session after the race',
  },
};

/** A race on the runner's calendar or in their preferences. */
export interface RaceDay {
  date: DateString;
  name: string;
  priority: RacePriority;
  /** Found in the calendar, or listed in the preferences (which always win). */
  source?: 'calendar' | 'prefs';
  /** The calendar occurrence, for races found in the calendar. */
  eventId?: string;
  /** The runner confirmed the priority (every race in the preferences is confirmed). */
  confirmed?: boolean;
  /** The race's distance, when its title or name gives one (H5's half-marathon rule). */
  distanceKm?: number;
}

/** What {@link phaseForWeek} decides for one week. */
export interface WeekPhase {
  phase: Phase;
  /** The A race the phase is counted towards (or recovering from), if any. */
  race?: RaceDay;
  /** Days from the week's first day to that race (negative when it is behind). */
  daysToRace?: number;
}

/** Days after an A race that count as recovery. */
export const RECOVERY_DAYS = 7;

/**
 * The phase of the week starting on `weekStart`.
 *
 * An explicit `setting` other than `auto` wins. Otherwise, by days from `weekStart` to the next
 * A race: 0–6 race week, 7–13 taper, 14–55 build, else base; a week starting within 7 days after
 * an A race is recovery. When two apply, the lighter one wins (race week before recovery before
 * taper), as the stricter safety rule should.
 *
 * @example phaseForWeek('2027-04-19', [{ date: '2027-04-25', name: 'London', priority: 'A' }], 'auto')
 *   // { phase: 'race-week', race: …, daysToRace: 6 }
 */
export function phaseForWeek(
  weekStart: DateString,
  races: readonly RaceDay[],
  setting: PhaseSetting,
): WeekPhase {
  const aRaces = races
    .filter((r) => r.priority === 'A')
    .map((race) => ({ race, days: daysBetween(weekStart, race.date) }))
    .sort((a, b) => a.days - b.days || a.race.name.localeCompare(b.race.name));
  const next = aRaces.find((r) => r.days >= 0);
  const previous = [...aRaces].reverse().find((r) => r.days < 0);

  if (setting !== 'auto') {
    const found = next ?? previous;
    return found
      ? { phase: setting, race: found.race, daysToRace: found.days }
      : { phase: setting };
  }
  if (next && next.days <= 6) return { phase: 'race-week', race: next.race, daysToRace: next.days };
  if (previous && -previous.days <= RECOVERY_DAYS) {
    return { phase: 'recovery', race: previous.race, daysToRace: previous.days };
  }
  if (next && next.days <= 13) return { phase: 'taper', race: next.race, daysToRace: next.days };
  if (next && next.days <= 55) return { phase: 'build', race: next.race, daysToRace: next.days };
  return next ? { phase: 'base', race: next.race, daysToRace: next.days } : { phase: 'base' };
}

/**
 * Sessions to aim for in a week: the runner's wish capped by the phase maximum. In race week
 * there is room only when the race is far enough into the week to lift before the three
 * protected days, so the target drops to 0 otherwise.
 */
export function weeklyTarget(week: WeekPhase, sessionsPerWeek: number): number {
  const rule = PHASE_RULES[week.phase];
  let target = Math.min(sessionsPerWeek, rule.max);
  if (week.phase === 'race-week' && week.daysToRace !== undefined) {
    if (week.daysToRace < NO_STRENGTH_DAYS_BEFORE_A_RACE + 1) target = 0;
  }
  return Math.max(0, target);
}
