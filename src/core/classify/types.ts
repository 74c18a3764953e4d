/** What an event is, as far as training goes (SPEC §3). */
import type { RacePriority } from './infer-race-priority';

export type Activity = 'run' | 'strength' | 'cross' | 'rest' | 'other';

/** The kind of a run. */
export const RUN_KINDS = [
  'recovery',
  'easy',
  'steady',
  'long',
  'tempo',
  'intervals',
  'hills',
  'race',
] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** How hard a run is; `rest` for rest days. Not graded for other activities. */
export type Intensity = 'easy' | 'moderate' | 'hard' | 'rest';

export const ACTIVITIES: readonly Activity[] = ['run', 'strength', 'cross', 'rest', 'other'];
export const INTENSITIES: readonly Intensity[] = ['easy', 'moderate', 'hard', 'rest'];

/** Kinds of run the planner protects: no strength the day before, none on long-run/race days. */
export const KEY_KINDS: readonly RunKind[] = ['long', 'tempo', 'intervals', 'hills', 'race'];

/** The classification of one event. */
export interface Classification {
  activity: Activity;
  /** Runs only; `null` otherwise. */
  kind: RunKind | null;
  /** Runs and rest days; `null` for other activities. */
  intensity: Intensity | null;
  /** `kind` is long, tempo, intervals, hills or race. */
  key: boolean;
  /** 0–1: how sure the classifier is. */
  confidence: number;
  /** Plain-word reasons, e.g. `"title says \"tempo\""`. */
  reasons: string[];
  /** Parsed duration of the workout, minutes, when the title/description gives one. */
  durationMinutes?: number;
  /** Parsed distance of the workout, km, when the title/description gives one. */
  distanceKm?: number;
  /**
   * Accessory strength (SPEC §3): core, mobility, stretching, prehab, foam rolling, or any
   * strength event of 25 minutes or less. Shown, never counted by the planning rules.
   */
  accessory?: true;
  /** A full rest day ("full rest", "no training"): no strength either (H7). */
  fullRest?: true;
  /** Races only: how much the race matters, as inferred or as the runner confirmed it. */
  racePriority?: RacePriority;
  /** Races only: the runner confirmed the priority (SPEC §3), so it is no longer a guess. */
  raceConfirmed?: true;
}

/** Input of {@link classifyEvent}. */
export interface ClassifyInput {
  title: string;
  description?: string;
  /** Length of the calendar event in minutes, when it is timed. */
  eventMinutes?: number;
  /**
   * The runner said this is not a race (SPEC §3): race words are read as anything but a race,
   * and the run gets the kind its other words give.
   */
  notARace?: boolean;
}
