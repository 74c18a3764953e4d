/** Deterministic builders of classified events for planner tests. */
import type { Classification, RunKind } from '../../src/core/classify/types';
import type { ClassifiedEvent } from '../../src/core/classify-calendar';
import { parsePreferences } from '../../src/core/prefs';
import type { Preferences, PreferencesInput } from '../../src/core/prefs';
import { collectCalendarFacts } from '../../src/core/plan/calendar-facts';
import type { RuleContext } from '../../src/core/plan/rules';
import { collectRaces } from '../../src/core/races';
import { DEFAULT_TEXT_STYLE } from '../../src/core/text-style';
import { addDays, parseClock, zonedInstant } from '../../src/core/time';

let counter = 0;

function intensityOf(kind: RunKind): Classification['intensity'] {
  if (kind === 'recovery' || kind === 'easy') return 'easy';
  if (kind === 'steady' || kind === 'long') return 'moderate';
  return 'hard';
}

export interface MakeEventOptions {
  date: string;
  /** `HH:MM` in `tz`; omit for an all-day event. */
  at?: string;
  minutes?: number;
  tz?: string;
  title?: string;
  transparent?: boolean;
  ironstrideSessionId?: string;
}

function base(o: MakeEventOptions, classification: Classification): ClassifiedEvent {
  const tz = o.tz ?? 'Europe/London';
  const id = `evt-${++counter}`;
  if (o.at === undefined) {
    return {
      id,
      uid: id,
      title: o.title ?? 'event',
      description: '',
      start: zonedInstant(o.date, 0, tz),
      end: zonedInstant(addDays(o.date, 1), 0, tz),
      allDay: true,
      startDate: o.date,
      endDate: addDays(o.date, 1),
      transparent: o.transparent ?? false,
      classification,
    };
  }
  const start = zonedInstant(o.date, parseClock(o.at), tz);
  return {
    id,
    uid: id,
    title: o.title ?? 'event',
    description: '',
    start,
    end: start + (o.minutes ?? 60) * 60_000,
    allDay: false,
    transparent: o.transparent ?? false,
    classification,
    ...(o.ironstrideSessionId ? { ironstrideSessionId: o.ironstrideSessionId } : {}),
  };
}

/** A run of the given kind. All-day when `at` is omitted. */
export function makeRun(
  kind: RunKind,
  o: MakeEventOptions & { parsedMinutes?: number },
): ClassifiedEvent {
  return base(
    { title: `${kind} run`, ...o },
    {
      activity: 'run',
      kind,
      intensity: intensityOf(kind),
      key: ['long', 'tempo', 'intervals', 'hills', 'race'].includes(kind),
      confidence: 0.9,
      reasons: [],
      ...(o.parsedMinutes ? { durationMinutes: o.parsedMinutes } : {}),
    },
  );
}

function nonRun(activity: Classification['activity'], o: MakeEventOptions): ClassifiedEvent {
  return base(
    { title: activity, ...o },
    {
      activity,
      kind: null,
      intensity: activity === 'rest' ? 'rest' : null,
      key: false,
      confidence: 0.9,
      reasons: [],
    },
  );
}

/** Something that is not training (a meeting, work). */
export const makeBusy = (o: MakeEventOptions) => nonRun('other', { title: 'Meeting', ...o });
/** Strength the runner already has in the calendar; `accessory` for core or mobility work. */
export function makeStrength(o: MakeEventOptions & { accessory?: boolean }): ClassifiedEvent {
  const event = nonRun('strength', { title: o.accessory ? 'Core & mobility' : 'Gym', ...o });
  if (o.accessory) event.classification.accessory = true;
  return event;
}
/** A rest-day marker; `full` for a full rest day (no strength either). */
export function makeRest(o: MakeEventOptions & { full?: boolean }): ClassifiedEvent {
  const event = nonRun('rest', { title: o.full ? 'Full rest' : 'Rest day', ...o });
  if (o.full) event.classification.fullRest = true;
  return event;
}
/** A race found in the calendar, with its priority and, when given, its distance. */
export function makeRace(
  o: MakeEventOptions & { priority?: 'A' | 'B' | 'C'; km?: number },
): ClassifiedEvent {
  const event = makeRun('race', { title: 'Race', ...o });
  event.classification.racePriority = o.priority ?? 'A';
  if (o.km !== undefined) event.classification.distanceKm = o.km;
  return event;
}

const EVENINGS = {
  mon: [['17:30', '21:00']],
  tue: [['17:30', '21:00']],
  wed: [['17:30', '21:00']],
  thu: [['17:30', '21:00']],
  fri: [['17:30', '21:00']],
  sat: [['08:00', '19:00']],
  sun: [['08:00', '19:00']],
} as const;

/** The rules' view of a calendar, as the planner builds it (no sessions placed yet). */
export function makeRuleContext(
  events: readonly ClassifiedEvent[],
  prefs: Preferences,
  strengthDays: ReadonlyMap<string, string> = new Map(),
): RuleContext {
  return {
    facts: collectCalendarFacts(events, prefs),
    races: collectRaces(events, prefs.races, prefs.timezone),
    prefs,
    strengthDays,
    text: DEFAULT_TEXT_STYLE,
  };
}

/** Preferences with evening windows on weekdays and daytime at weekends, unless overridden. */
export function makePrefs(input: PreferencesInput = {}): Preferences {
  return parsePreferences(
    {
      timezone: 'Europe/London',
      availability: EVENINGS as unknown as PreferencesInput['availability'],
      ...input,
    },
    { defaultTimezone: 'UTC' },
  );
}

/** An instant on `date` at the wall clock `HH:MM` in London, the zone of {@link makePrefs}. */
export function londonAt(date: string, clock: string): number {
  return zonedInstant(date, parseClock(clock), 'Europe/London');
}

/** A candidate session on `date` from `from` to `to` (London wall clock), for rule tests. */
export function sessionOn(date: string, from: string, to: string) {
  return { date, start: londonAt(date, from), end: londonAt(date, to) };
}
