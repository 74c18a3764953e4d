/**
 * The preferences form's state and its conversion to and from {@link PreferencesInput}.
 *
 * The form holds what the inputs hold (strings for numbers and clocks), so a half-typed value is
 * kept and reported by the schema instead of silently dropped. Two rules keep the stored object
 * as small as the runner left it:
 * - an emptied number, clock or time-zone field means "use the default" and is left out;
 * - a field that was absent and still shows its default stays absent, so a later, better default
 *   reaches runners who never chose one.
 */
import { DEFAULT_AVAILABILITY, DEFAULT_PREFERENCES, EQUIPMENT } from '../../core/prefs';
import type {
  Equipment,
  LiftingExperience,
  PhaseSetting,
  Policy,
  PreferencesInput,
  RacePriority,
  WeightUnit,
} from '../../core/prefs';
import { WEEKDAY_KEYS } from '../../core/time';
import type { WeekdayKey } from '../../core/time';

/** One availability window as two `HH:MM` inputs. */
export type WindowForm = [from: string, to: string];

export interface RaceForm {
  date: string;
  name: string;
  priority: RacePriority;
}

/** The number fields, typed as the inputs hold them. */
export const NUMBER_FIELDS = [
  'sessionMinutes',
  'sessionsPerWeek',
  'minGapAfterHardRunHours',
  'bufferMinutes',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export interface PreferencesForm {
  /** An IANA zone, or `''` for the browser's zone. */
  timezone: string;
  /** `'0'` (Sunday) … `'6'` (Saturday). */
  weekStartsOn: string;
  availability: Record<WeekdayKey, WindowForm[]>;
  sessionMinutes: string;
  sessionsPerWeek: string;
  minGapAfterHardRunHours: string;
  bufferMinutes: string;
  /** `HH:MM`, or `''` for the default. */
  defaultRunStart: string;
  /** `HH:MM`, or `''` for the default: no session starts earlier (H8). */
  earliestStart: string;
  /** `HH:MM`, or `''` for the default: every session ends by then (H8). */
  latestEnd: string;
  /** Run first, lift right after, when the full gap after a hard run does not fit (H2). */
  allowBackToBack: boolean;
  liftingExperience: LiftingExperience;
  weightUnit: WeightUnit;
  /** Always contains `bodyweight`; in {@link EQUIPMENT} order. */
  equipment: Equipment[];
  phase: PhaseSetting;
  policy: Policy;
  races: RaceForm[];
}

function copyAvailability(
  source: Partial<Record<WeekdayKey, readonly (readonly [string, string])[]>>,
): Record<WeekdayKey, WindowForm[]> {
  return Object.fromEntries(
    WEEKDAY_KEYS.map((key) => [
      key,
      (source[key] ?? []).map(([from, to]): WindowForm => [from, to]),
    ]),
  ) as Record<WeekdayKey, WindowForm[]>;
}

/** Availability filled with {@link DEFAULT_AVAILABILITY}, for the "use defaults" button. */
export function defaultAvailabilityForm(): Record<WeekdayKey, WindowForm[]> {
  return copyAvailability(DEFAULT_AVAILABILITY);
}

/** Equipment with bodyweight added (it is always available) in {@link EQUIPMENT} order. */
export function normaliseEquipment(equipment: readonly Equipment[]): Equipment[] {
  const chosen = new Set<Equipment>(equipment);
  chosen.add('bodyweight');
  return EQUIPMENT.filter((item) => chosen.has(item));
}

/**
 * The form as stored preferences fill it: every field shows its value or, when absent, the
 * default the planner would use.
 */
export function preferencesToForm(
  prefs: PreferencesInput,
  defaultWeightUnit: WeightUnit = 'kg',
): PreferencesForm {
  const number = (field: NumberField): string => String(prefs[field] ?? DEFAULT_PREFERENCES[field]);
  return {
    timezone: prefs.timezone ?? '',
    weekStartsOn: String(prefs.weekStartsOn ?? DEFAULT_PREFERENCES.weekStartsOn),
    availability: copyAvailability(prefs.availability ?? DEFAULT_AVAILABILITY),
    sessionMinutes: number('sessionMinutes'),
    sessionsPerWeek: number('sessionsPerWeek'),
    minGapAfterHardRunHours: number('minGapAfterHardRunHours'),
    bufferMinutes: number('bufferMinutes'),
    defaultRunStart: prefs.defaultRunStart ?? DEFAULT_PREFERENCES.defaultRunStart,
    earliestStart: prefs.earliestStart ?? DEFAULT_PREFERENCES.earliestStart,
    latestEnd: prefs.latestEnd ?? DEFAULT_PREFERENCES.latestEnd,
    allowBackToBack: prefs.allowBackToBack ?? DEFAULT_PREFERENCES.allowBackToBack,
    liftingExperience: prefs.liftingExperience ?? DEFAULT_PREFERENCES.liftingExperience,
    weightUnit: prefs.weightUnit ?? defaultWeightUnit,
    equipment: normaliseEquipment(prefs.equipment ?? DEFAULT_PREFERENCES.equipment),
    phase: prefs.phase ?? DEFAULT_PREFERENCES.phase,
    policy: prefs.policy ?? DEFAULT_PREFERENCES.policy,
    races: (prefs.races ?? []).map((race) => ({
      date: race.date,
      name: race.name,
      priority: race.priority ?? 'A',
    })),
  };
}

/**
 * A number input's text as the schema should see it: `undefined` when empty (the default),
 * `NaN` when it is not a number, so the schema names the field instead of the form guessing.
 */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(trimmed) ? Number(trimmed) : NaN;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The preferences to validate and save. `base` is what was stored when the form was filled: a
 * field it lacked stays out while the form still shows that field's default.
 */
export function formToPreferences(
  form: PreferencesForm,
  base: PreferencesInput,
  defaultWeightUnit: WeightUnit = 'kg',
): PreferencesInput {
  const out: PreferencesInput = {};
  const keep = <K extends keyof PreferencesInput>(
    key: K,
    value: PreferencesInput[K] | undefined,
    fallback: unknown,
  ): void => {
    if (value === undefined) return;
    if (base[key] === undefined && sameJson(value, fallback)) return;
    out[key] = value;
  };

  keep('timezone', form.timezone === '' ? undefined : form.timezone, undefined);
  keep('weekStartsOn', readNumber(form.weekStartsOn), DEFAULT_PREFERENCES.weekStartsOn);
  keep('availability', copyAvailability(form.availability), copyAvailability(DEFAULT_AVAILABILITY));
  for (const field of NUMBER_FIELDS)
    keep(field, readNumber(form[field]), DEFAULT_PREFERENCES[field]);
  keep(
    'defaultRunStart',
    form.defaultRunStart === '' ? undefined : form.defaultRunStart,
    DEFAULT_PREFERENCES.defaultRunStart,
  );
  for (const clock of ['earliestStart', 'latestEnd'] as const) {
    keep(clock, form[clock] === '' ? undefined : form[clock], DEFAULT_PREFERENCES[clock]);
  }
  keep('allowBackToBack', form.allowBackToBack, DEFAULT_PREFERENCES.allowBackToBack);
  keep('liftingExperience', form.liftingExperience, DEFAULT_PREFERENCES.liftingExperience);
  keep('weightUnit', form.weightUnit, defaultWeightUnit);
  keep(
    'equipment',
    normaliseEquipment(form.equipment),
    normaliseEquipment(DEFAULT_PREFERENCES.equipment),
  );
  keep('phase', form.phase, DEFAULT_PREFERENCES.phase);
  keep('policy', form.policy, DEFAULT_PREFERENCES.policy);
  keep(
    'races',
    form.races.map((race) => ({
      date: race.date,
      name: race.name.trim(),
      priority: race.priority,
    })),
    [],
  );
  return out;
}

/** Whether two form states hold the same values (the unsaved-changes indicator). */
export function sameForm(a: PreferencesForm, b: PreferencesForm): boolean {
  return sameJson(a, b);
}
