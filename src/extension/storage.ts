/**
 * Every piece of state the extension keeps, defined once as versioned WXT storage items
 * (wxt-dev/wxt docs/storage.md). All of it lives in `storage.local`, on this device only.
 * Google Calendar's items are in `google/storage.ts`.
 */
import { storage } from 'wxt/utils/storage';
import type { RaceChoice, Retag } from '../core/classify-calendar';
import type { CalendarEvent, SkippedEvent } from '../core/events';
import type { StrengthSession } from '../core/exercises';
import type { Load, Phase } from '../core/phases';
import { EMPTY_LOG } from '../core/log';
import type { TrainingLog } from '../core/log';
import { LOG_VERSION, logStorageMigrations } from './log/migrations';
import type { PreferencesInput } from '../core/prefs';
import type { DateString } from '../core/time';
import type { PopupView, SessionStatus } from './view';

/** Whether a calendar's events are the runner's training or only block time. */
export type SourceRole = 'training' | 'busy';

interface SourceBase {
  id: string;
  name: string;
  role: SourceRole;
  addedAt: number;
}

/** An ICS feed the extension downloads (http(s); webcal is stored as https). */
export interface UrlSource extends SourceBase {
  kind: 'url';
  url: string;
}

/** An .ics file the runner uploaded; its text is kept so it can be re-read every week. */
export interface FileSource extends SourceBase {
  kind: 'file';
  text: string;
}

/** A calendar of the runner's Google account, read through the Calendar API. */
export interface GoogleSource extends SourceBase {
  kind: 'google';
  /** The calendar list id (the primary calendar's is the account's address). */
  calendarId: string;
}

export type CalendarSource = UrlSource | FileSource | GoogleSource;

function isSource(value: unknown): value is CalendarSource {
  if (typeof value !== 'object' || value === null) return false;
  if (!('id' in value) || typeof value.id !== 'string' || !('kind' in value)) return false;
  return value.kind === 'url' || value.kind === 'file' || value.kind === 'google';
}

/**
 * Calendars, version 2. Version 1 (the first prototype) stored a bare list of feed URLs. Google
 * calendars joined later as a third kind: every stored version-2 list is still valid, so no bump.
 */
export const sourcesItem = storage.defineItem<CalendarSource[]>('local:sources', {
  fallback: [],
  version: 2,
  migrations: {
    // Entries that are already sources pass through: if the version marker was lost (storage
    // cleared under a running worker), a migration must never drop the runner's calendars.
    2: (entries: unknown): CalendarSource[] =>
      (Array.isArray(entries) ? entries : []).flatMap((entry, i): CalendarSource[] => {
        if (isSource(entry)) return [entry];
        if (typeof entry !== 'string' || !URL.canParse(entry)) return [];
        const name = new URL(entry).host;
        return [
          {
            id: `src-migrated-${i + 1}`,
            kind: 'url',
            url: entry,
            name,
            role: 'training',
            addedAt: 0,
          },
        ];
      }),
  },
});

/** The runner's preferences exactly as SPEC §5 writes them (validated on every read). */
export const prefsItem = storage.defineItem<PreferencesInput>('local:prefs', {
  fallback: {},
  version: 1,
});

/** Re-tags keyed by occurrence id or, for a whole series, by UID; they win on every sync. */
export const retagsItem = storage.defineItem<Record<string, Retag>>('local:retags', {
  fallback: {},
  version: 1,
});

/**
 * The runner's word on each race found in the calendar (SPEC §3): A, B, C or not a race, keyed
 * by occurrence id like a re-tag, and winning on every re-sync.
 */
export const raceChoicesItem = storage.defineItem<Record<string, RaceChoice>>('local:raceChoices', {
  fallback: {},
  version: 1,
});

/**
 * The training log (SPEC §6b): what the runner did with each session, in the same format as
 * Options' export and `plan --log`. Kilograms, always; validated with the core schema on import.
 * Its version is the document's; a change of shape is one step in log/migrations.ts.
 */
export const logItem = storage.defineItem<TrainingLog>('local:log', {
  fallback: EMPTY_LOG,
  version: LOG_VERSION,
  migrations: logStorageMigrations(),
});

/** What the last sync read from one calendar. */
export interface SourceEvents {
  syncedAt: number;
  /** The instants the occurrences were expanded over. */
  range: { start: number; end: number };
  read: number;
  skipped: SkippedEvent[];
  events: CalendarEvent[];
  /** Set when the last attempt failed; the events are then those of the last good read. */
  error?: string;
}

export const eventsItem = storage.defineItem<Record<string, SourceEvents>>('local:events', {
  fallback: {},
  version: 1,
});

/** A session Ironstride suggested, with what the runner decided about it. */
export interface StoredSession {
  id: string;
  weekStart: DateString;
  start: number;
  end: number;
  title: string;
  description: string;
  phase: Phase;
  load: Load;
  reasons: string[];
  content: StrengthSession;
  alternatives: { start: number; end: number; reasons: string[] }[];
  status: SessionStatus;
  /** A re-plan moved it from the slot it was accepted in. */
  moved?: boolean;
  /** Skipped because the runner deleted its event in Google Calendar (it is never recreated). */
  deletedInGoogle?: boolean;
  /**
   * Exercises the runner swapped, in order (SPEC §6): applied again whenever the session's
   * content is rebuilt, so a swap survives a re-plan and reaches every writer.
   */
  swaps?: { from: string; to: string }[];
}

export interface PlanState {
  /** Weeks the runner pressed "Plan week" for, with when. */
  plannedWeeks: Record<DateString, number>;
  sessions: StoredSession[];
  /** Ids of sessions the runner deleted in Google: never given to a new suggestion. */
  retiredIds?: string[];
}

export const planItem = storage.defineItem<PlanState>('local:plan', {
  fallback: { plannedWeeks: {}, sessions: [] },
  version: 1,
});

/** The popup's last view, so it opens instantly. */
export const viewItem = storage.defineItem<PopupView | null>('local:view', {
  fallback: null,
  version: 1,
});
