/**
 * From validation issues to what the form shows: which input each one belongs to, a label for
 * the summary at the top, and a message in the runner's words. Client-side (zod) and background
 * (`savePrefs`) issues both arrive as `{ path: 'availability.mon[0][1]', message }`.
 */
import { DEFAULT_PREFERENCES, formatIssuePath } from '../../core/prefs';
import { WEEKDAY_KEYS, WEEKDAY_NAMES } from '../../core/time';
import type { WeekdayKey } from '../../core/time';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An issue ready to show: next to the input with `id`, and in the summary as `label: message`. */
export interface ShownIssue {
  /** The input to describe and focus; `undefined` when no input matches (summary only). */
  id: string | undefined;
  label: string;
  message: string;
}

/** The ids of the preferences inputs; the components and the mapping share them. */
export const FIELD_IDS = {
  timezone: 'pref-timezone',
  weekStartsOn: 'pref-week-starts-on',
  sessionMinutes: 'pref-session-minutes',
  sessionsPerWeek: 'pref-sessions-per-week',
  minGapAfterHardRunHours: 'pref-min-gap',
  bufferMinutes: 'pref-buffer',
  defaultRunStart: 'pref-default-run-start',
  earliestStart: 'pref-earliest-start',
  latestEnd: 'pref-latest-end',
  allowBackToBack: 'pref-back-to-back',
  liftingExperience: 'pref-experience',
  weightUnit: 'pref-weight-unit',
  equipment: 'pref-equipment',
  phase: 'pref-phase',
  policy: 'pref-policy',
  races: 'pref-races-add',
} as const;

/** Id of one clock of an availability window. */
export function windowFieldId(day: WeekdayKey, index: number, end: 'from' | 'to'): string {
  return `pref-availability-${day}-${index}-${end}`;
}

/** Id of a day's "add window" button (issues about the day as a whole). */
export function dayFieldId(day: WeekdayKey): string {
  return `pref-availability-${day}-add`;
}

/** Id of one input of a race row. */
export function raceFieldId(index: number, part: 'date' | 'name' | 'priority'): string {
  return `pref-race-${index}-${part}`;
}

/** Id of the element holding the message for the input `id` (its `aria-describedby`). */
export function errorIdFor(id: string): string {
  return `${id}-error`;
}

// Issue paths are written by the one formatter `parsePreferences` uses.
export { formatIssuePath };

/** Splits `availability.mon[0][1]` into `['availability', 'mon', 0, 1]`. */
export function parseIssuePath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) {
    if (match[1] !== undefined) parts.push(Number(match[1]));
    else if (match[2] !== undefined) parts.push(match[2]);
  }
  return parts;
}

function isWeekdayKey(value: unknown): value is WeekdayKey {
  return (WEEKDAY_KEYS as readonly unknown[]).includes(value);
}

function sentence(message: string): string {
  const text = message.trim();
  if (!text) return 'This value is not valid.';
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const SIMPLE: Record<string, { id: string; label: string; message: (original: string) => string }> =
  {
    timezone: {
      id: FIELD_IDS.timezone,
      label: 'Time zone',
      message: () => 'Pick a time zone from the list.',
    },
    weekStartsOn: {
      id: FIELD_IDS.weekStartsOn,
      label: 'Week starts on',
      message: () => 'Pick the first day of your week.',
    },
    sessionMinutes: {
      id: FIELD_IDS.sessionMinutes,
      label: 'Session length',
      message: () =>
        `Enter whole minutes from 15 to 120, or leave it empty for ${DEFAULT_PREFERENCES.sessionMinutes}.`,
    },
    sessionsPerWeek: {
      id: FIELD_IDS.sessionsPerWeek,
      label: 'Sessions per week',
      message: () =>
        `Enter 0, 1, 2 or 3, or leave it empty for ${DEFAULT_PREFERENCES.sessionsPerWeek}.`,
    },
    minGapAfterHardRunHours: {
      id: FIELD_IDS.minGapAfterHardRunHours,
      label: 'Rest after a hard run',
      message: () =>
        `Enter hours from 0 to 12, or leave it empty for ${DEFAULT_PREFERENCES.minGapAfterHardRunHours}.`,
    },
    bufferMinutes: {
      id: FIELD_IDS.bufferMinutes,
      label: 'Buffer around other events',
      message: () =>
        `Enter whole minutes from 0 to 180, or leave it empty for ${DEFAULT_PREFERENCES.bufferMinutes}.`,
    },
    defaultRunStart: {
      id: FIELD_IDS.defaultRunStart,
      label: 'Default run start',
      message: () =>
        `Enter a time such as 07:00, or leave it empty for ${DEFAULT_PREFERENCES.defaultRunStart}.`,
    },
    earliestStart: {
      id: FIELD_IDS.earliestStart,
      label: 'Earliest start',
      message: () =>
        `Enter a time such as 06:00, or leave it empty for ${DEFAULT_PREFERENCES.earliestStart}.`,
    },
    latestEnd: {
      id: FIELD_IDS.latestEnd,
      label: 'Latest finish',
      message: (original) =>
        original.includes('after')
          ? 'Make the latest finish later than the earliest start.'
          : `Enter a time such as 21:30, or leave it empty for ${DEFAULT_PREFERENCES.latestEnd}.`,
    },
    allowBackToBack: {
      id: FIELD_IDS.allowBackToBack,
      label: 'Lift right after a late hard run',
      message: sentence,
    },
    liftingExperience: {
      id: FIELD_IDS.liftingExperience,
      label: 'Lifting experience',
      message: () => 'Pick one of the three.',
    },
    weightUnit: { id: FIELD_IDS.weightUnit, label: 'Weights in', message: () => 'Pick kg or lb.' },
    equipment: { id: FIELD_IDS.equipment, label: 'Equipment', message: sentence },
    phase: {
      id: FIELD_IDS.phase,
      label: 'Training phase',
      message: () => 'Pick one of the phases.',
    },
    policy: {
      id: FIELD_IDS.policy,
      label: 'Policy',
      message: () => 'Pick one of the two policies.',
    },
  };

/** The input an issue belongs to, its label and a message in the runner's words. */
export function describeIssue(issue: FieldIssue): ShownIssue {
  const parts = parseIssuePath(issue.path);
  const [head, second, third, fourth] = parts;

  if (parts.length === 1 && typeof head === 'string' && SIMPLE[head]) {
    const field = SIMPLE[head];
    return { id: field.id, label: field.label, message: field.message(issue.message) };
  }
  if (head === 'equipment') {
    return {
      id: FIELD_IDS.equipment,
      label: 'Equipment',
      message: 'Pick equipment from the list.',
    };
  }

  if (head === 'availability' && isWeekdayKey(second)) {
    const dayName = WEEKDAY_NAMES[WEEKDAY_KEYS.indexOf(second)] ?? second;
    if (typeof third === 'number') {
      const windowLabel = `${dayName}, window ${third + 1}`;
      if (fourth === 0 || fourth === 1) {
        return {
          id: windowFieldId(second, third, fourth === 0 ? 'from' : 'to'),
          label: `${windowLabel}, ${fourth === 0 ? 'from' : 'until'}`,
          message: 'Enter a time such as 17:30.',
        };
      }
      // A window-level issue (it ends before it starts): the end is what to fix.
      return {
        id: windowFieldId(second, third, 'to'),
        label: windowLabel,
        message: sentence(issue.message),
      };
    }
    if (parts.length === 2) {
      return { id: dayFieldId(second), label: dayName, message: sentence(issue.message) };
    }
  }

  if (head === 'races') {
    if (typeof second === 'number') {
      const raceLabel = `Race ${second + 1}`;
      if (third === 'date')
        return {
          id: raceFieldId(second, 'date'),
          label: `${raceLabel}, date`,
          message: 'Pick the race date.',
        };
      if (third === 'name')
        return {
          id: raceFieldId(second, 'name'),
          label: `${raceLabel}, name`,
          message: 'Give the race a name.',
        };
      if (third === 'priority') {
        return {
          id: raceFieldId(second, 'priority'),
          label: `${raceLabel}, priority`,
          message: 'Pick A, B or C.',
        };
      }
      return {
        id: raceFieldId(second, 'name'),
        label: raceLabel,
        message: sentence(issue.message),
      };
    }
    if (parts.length === 1)
      return { id: FIELD_IDS.races, label: 'Races', message: sentence(issue.message) };
  }

  const label = issue.path === '(root)' || issue.path === '' ? 'Preferences' : issue.path;
  return { id: undefined, label, message: sentence(issue.message) };
}

/**
 * Every issue described, one per input (the first message wins: one fix at a time reads better
 * than two overlapping complaints), in the order they came.
 */
export function describeIssues(issues: readonly FieldIssue[]): ShownIssue[] {
  const seen = new Set<string>();
  const out: ShownIssue[] = [];
  for (const issue of issues) {
    const shown = describeIssue(issue);
    const key = shown.id ?? `${shown.label}: ${shown.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(shown);
  }
  return out;
}

/** Zod's issues as `{ path, message }`, the shape the background answers with. */
export function toFieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldIssue[] {
  return issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}
