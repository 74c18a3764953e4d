/**
 * The runner's preferences (SPEC §5): one schema for the file the CLI reads and the object the
 * extension stores. Every field is optional; {@link parsePreferences} fills the defaults.
 */
import { z } from 'zod';
import { isDateString, isValidTimeZone, parseClock, WEEKDAY_KEYS } from './time';
import type { WeekdayKey, Weekday } from './time';

export const PHASE_SETTINGS = [
  'auto',
  'off-season',
  'base',
  'build',
  'taper',
  'race-week',
  'recovery',
] as const;
export type PhaseSetting = (typeof PHASE_SETTINGS)[number];

export const POLICIES = ['hard-days-hard', 'easy-days'] as const;
export type Policy = (typeof POLICIES)[number];

export const EQUIPMENT = [
  'bodyweight',
  'bands',
  'dumbbells',
  'kettlebell',
  'barbell',
  'box',
  'gym',
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const LIFTING_EXPERIENCE = ['new', 'some', 'experienced'] as const;
/** How much lifting the runner has done: a runner new to it learns the movements first (seed 004). */
export type LiftingExperience = (typeof LIFTING_EXPERIENCE)[number];

export const WEIGHT_UNITS = ['kg', 'lb'] as const;
/** What the runner sees and types; the log and the plan JSON are always kilograms (SPEC §6b). */
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

export const RACE_PRIORITIES = ['A', 'B', 'C'] as const;
export type RacePriority = (typeof RACE_PRIORITIES)[number];

function clockMinutes(value: string): number | undefined {
  try {
    return parseClock(value);
  } catch {
    return undefined;
  }
}

const clock = z.string().refine((value) => clockMinutes(value) !== undefined, {
  message: 'expected a time as HH:MM (00:00–24:00)',
});

const window = z.tuple([clock, clock]).refine(
  ([from, to]) => {
    const a = clockMinutes(from);
    const b = clockMinutes(to);
    // A malformed clock is reported by its own element; only compare two valid ones.
    return a === undefined || b === undefined || a < b;
  },
  { message: 'the window must end after it starts' },
);

const date = z.string().refine(isDateString, { message: 'expected a date as YYYY-MM-DD' });

const availabilityShape = Object.fromEntries(
  WEEKDAY_KEYS.map((key) => [key, z.array(window).max(12).optional()]),
) as Record<WeekdayKey, z.ZodOptional<z.ZodArray<typeof window>>>;

/** A race the runner told Ironstride about (races in the calendar are found by the classifier). */
export const raceSchema = z.strictObject({
  date,
  name: z.string().trim().min(1, 'a race needs a name').max(200),
  priority: z.enum(RACE_PRIORITIES).default('A'),
});

export const preferencesSchema = z
  .strictObject({
    timezone: z
      .string()
      .refine(isValidTimeZone, { message: 'expected an IANA time zone such as Europe/London' })
      .optional(),
    weekStartsOn: z.number().int().min(0).max(6).optional(),
    availability: z.strictObject(availabilityShape).optional(),
    sessionMinutes: z.number().int().min(15).max(120).optional(),
    sessionsPerWeek: z.number().int().min(0).max(3).optional(),
    minGapAfterHardRunHours: z.number().min(0).max(12).optional(),
    bufferMinutes: z.number().int().min(0).max(180).optional(),
    defaultRunStart: clock.optional(),
    earliestStart: clock.optional(),
    latestEnd: clock.optional(),
    allowBackToBack: z.boolean().optional(),
    liftingExperience: z.enum(LIFTING_EXPERIENCE).optional(),
    weightUnit: z.enum(WEIGHT_UNITS).optional(),
    equipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
    phase: z.enum(PHASE_SETTINGS).optional(),
    policy: z.enum(POLICIES).optional(),
    races: z.array(raceSchema).max(50).optional(),
  })
  .refine(
    (p) => {
      const from = p.earliestStart === undefined ? undefined : clockMinutes(p.earliestStart);
      const to = p.latestEnd === undefined ? undefined : clockMinutes(p.latestEnd);
      return from === undefined || to === undefined || from < to;
    },
    { message: 'latestEnd must be after earliestStart', path: ['latestEnd'] },
  );

/** Preferences as written in a file or stored by the extension: every field optional. */
export type PreferencesInput = z.input<typeof preferencesSchema>;

/** A time window in minutes since midnight, `[from, to)`. */
export type MinuteWindow = readonly [number, number];

export interface Race {
  date: string;
  name: string;
  priority: RacePriority;
}

/** Preferences with every default filled and clock strings turned into minutes. */
export interface Preferences {
  timezone: string;
  weekStartsOn: Weekday;
  /** Windows per weekday, indexed 0 = Sunday; sorted and merged. */
  availability: readonly (readonly MinuteWindow[])[];
  sessionMinutes: number;
  sessionsPerWeek: number;
  minGapAfterHardRunHours: number;
  bufferMinutes: number;
  /** Minutes since midnight. */
  defaultRunStart: number;
  /** No session starts before this, minutes since midnight (H8). */
  earliestStart: number;
  /** Every session ends by this, minutes since midnight (H8). */
  latestEnd: number;
  /** Run first, lift right after, when no slot with the full gap fits that day (H2). */
  allowBackToBack: boolean;
  liftingExperience: LiftingExperience;
  weightUnit: WeightUnit;
  equipment: readonly Equipment[];
  phase: PhaseSetting;
  policy: Policy;
  races: readonly Race[];
}

/**
 * Windows used when the runner has not said when they are free: early morning and evening on
 * weekdays, the daytime at weekends — when most runners with a day job can lift.
 */
export const DEFAULT_AVAILABILITY: Readonly<Record<WeekdayKey, [string, string][]>> = {
  mon: [
    ['06:00', '08:30'],
    ['17:30', '21:00'],
  ],
  tue: [
    ['06:00', '08:30'],
    ['17:30', '21:00'],
  ],
  wed: [
    ['06:00', '08:30'],
    ['17:30', '21:00'],
  ],
  thu: [
    ['06:00', '08:30'],
    ['17:30', '21:00'],
  ],
  fri: [
    ['06:00', '08:30'],
    ['17:30', '21:00'],
  ],
  sat: [['07:00', '19:00']],
  sun: [['07:00', '19:00']],
};

export const DEFAULT_PREFERENCES = {
  weekStartsOn: 1,
  sessionMinutes: 40,
  sessionsPerWeek: 2,
  minGapAfterHardRunHours: 3,
  bufferMinutes: 15,
  defaultRunStart: '07:00',
  earliestStart: '06:00',
  latestEnd: '21:30',
  allowBackToBack: true,
  liftingExperience: 'some',
  equipment: ['bodyweight', 'bands', 'dumbbells'],
  phase: 'auto',
  policy: 'hard-days-hard',
} as const satisfies PreferencesInput;

/** Thrown by {@link parsePreferences}; the message names every bad field. */
export class PreferencesError extends Error {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'PreferencesError';
  }
}

/** A zod issue path as the runner reads it: `availability.mon[0][1]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

function mergeWindows(windows: readonly (readonly [string, string])[]): MinuteWindow[] {
  const sorted = windows
    .map(([from, to]) => [parseClock(from), parseClock(to)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}

/** Options of {@link parsePreferences}. */
export interface ParsePreferencesOptions {
  /** Zone used when the preferences name none (the caller's, e.g. the browser's or `--tz`). */
  defaultTimezone: string;
  /**
   * Unit used when the preferences name none: `lb` where the runner's language is en-US, else
   * `kg` (SPEC §5). The caller reads the language; see {@link defaultWeightUnitFor}.
   */
  defaultWeightUnit?: WeightUnit;
}

/** The weight unit a runner with this language expects: pounds in the US, kilograms elsewhere. */
export function defaultWeightUnitFor(language: string | undefined): WeightUnit {
  return language?.toLowerCase() === 'en-us' ? 'lb' : 'kg';
}

/**
 * Validates raw preferences (parsed JSON or stored object) and fills every default.
 *
 * @throws {PreferencesError} naming each invalid field, e.g. `availability.mon[0][1]: expected a
 *   time as HH:MM (00:00–24:00)`.
 */
export function parsePreferences(raw: unknown, options: ParsePreferencesOptions): Preferences {
  const result = preferencesSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    }));
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new PreferencesError(`Invalid preferences: ${text}`, issues);
  }
  const input = result.data;
  const timezone = input.timezone ?? options.defaultTimezone;
  if (!isValidTimeZone(timezone)) {
    throw new PreferencesError(`Invalid preferences: timezone: unknown zone "${timezone}"`, [
      { path: 'timezone', message: `unknown zone "${timezone}"` },
    ]);
  }
  const availabilityInput = input.availability ?? DEFAULT_AVAILABILITY;
  return {
    timezone,
    weekStartsOn: (input.weekStartsOn ?? DEFAULT_PREFERENCES.weekStartsOn) as Weekday,
    availability: WEEKDAY_KEYS.map((key) => mergeWindows(availabilityInput[key] ?? [])),
    sessionMinutes: input.sessionMinutes ?? DEFAULT_PREFERENCES.sessionMinutes,
    sessionsPerWeek: input.sessionsPerWeek ?? DEFAULT_PREFERENCES.sessionsPerWeek,
    minGapAfterHardRunHours:
      input.minGapAfterHardRunHours ?? DEFAULT_PREFERENCES.minGapAfterHardRunHours,
    bufferMinutes: input.bufferMinutes ?? DEFAULT_PREFERENCES.bufferMinutes,
    defaultRunStart: parseClock(input.defaultRunStart ?? DEFAULT_PREFERENCES.defaultRunStart),
    earliestStart: parseClock(input.earliestStart ?? DEFAULT_PREFERENCES.earliestStart),
    latestEnd: parseClock(input.latestEnd ?? DEFAULT_PREFERENCES.latestEnd),
    allowBackToBack: input.allowBackToBack ?? DEFAULT_PREFERENCES.allowBackToBack,
    liftingExperience: input.liftingExperience ?? DEFAULT_PREFERENCES.liftingExperience,
    weightUnit: input.weightUnit ?? options.defaultWeightUnit ?? 'kg',
    equipment: [...new Set(input.equipment ?? DEFAULT_PREFERENCES.equipment)],
    phase: input.phase ?? DEFAULT_PREFERENCES.phase,
    policy: input.policy ?? DEFAULT_PREFERENCES.policy,
    races: (input.races ?? []).map((r) => ({ ...r })),
  };
}
