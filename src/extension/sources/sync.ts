/**
 * Reading the runner's calendars into storage: all of them (the alarm, Sync now, a stale popup),
 * only Google's (after a reconnect), or one new one. A calendar that fails keeps its last good
 * events, with the error to show; nothing read before is lost.
 */
import { GoogleAuthError } from '../../calendar/google';
import type { GoogleSyncState } from '../../calendar/google';
import type { InstantRange } from '../../core/events';
import type { Preferences } from '../../core/prefs';
import type { GoogleConnection } from '../google/connection';
import { readGoogleSource } from '../google/read';
import { flagReconnect, googleSyncItem, loadGoogleSyncStates } from '../google/storage';
import { syncWindow } from '../plan/weeks';
import type { SourceSummary } from '../protocol';
import { eventsItem, sourcesItem } from '../storage';
import type { CalendarSource, FileSource, GoogleSource, SourceEvents, UrlSource } from '../storage';
import { describeSourceError, readSource, summarizeSource } from './read-source';

/** Re-read the calendars when the popup opens and the last sync is older than this. */
export const STALE_AFTER_MS = 10 * 60_000;

export interface SourceSyncDeps {
  now: () => number;
  fetch: typeof globalThis.fetch;
  google: GoogleConnection;
}

export interface SourceSync {
  /** Re-reads the calendars (`only` those it accepts) over the window the shown weeks need. */
  sync(prefs: Preferences, only?: (source: CalendarSource) => boolean): Promise<void>;
  /** A calendar was never read, was read too long ago, or not over the window needed now. */
  isStale(prefs: Preferences): Promise<boolean>;
  /** Reads a feed or file calendar once (over `range`, else the window needed now); throws what went wrong. */
  readIcsSource(
    source: UrlSource | FileSource,
    prefs: Preferences,
    range?: InstantRange,
  ): Promise<SourceEvents>;
  /** Reads a Google calendar, from `state` on when given; throws what went wrong. */
  readGoogle(
    source: GoogleSource,
    prefs: Preferences,
    state: GoogleSyncState | undefined,
  ): Promise<{ events: SourceEvents; state: GoogleSyncState | undefined }>;
  /** Every calendar as the options page lists it. */
  summaries(): Promise<SourceSummary[]>;
}

export function createSourceSync({ now, fetch, google }: SourceSyncDeps): SourceSync {
  const sources: SourceSync = {
    async sync(prefs, only) {
      const all = await sourcesItem.getValue();
      const stored = await eventsItem.getValue();
      const states = await loadGoogleSyncStates();
      const next: Record<string, SourceEvents> = {};
      const nextStates: Record<string, GoogleSyncState> = {};
      const range = syncWindow(prefs, now());
      let refused: string | undefined;
      for (const source of all) {
        const previous = stored[source.id];
        const state = states[source.id];
        if (only !== undefined && !only(source)) {
          if (previous) next[source.id] = previous;
          if (state) nextStates[source.id] = state;
          continue;
        }
        try {
          if (source.kind === 'google') {
            const read = await sources.readGoogle(source, prefs, state);
            next[source.id] = read.events;
            if (read.state) nextStates[source.id] = read.state;
          } else {
            next[source.id] = await sources.readIcsSource(source, prefs, range);
          }
        } catch (error) {
          if (error instanceof GoogleAuthError) refused = error.message;
          // Nothing is lost: the last good read (and its sync state) stays, with the error to show.
          if (state) nextStates[source.id] = state;
          next[source.id] = {
            ...(previous ?? { range, read: 0, skipped: [], events: [] }),
            syncedAt: previous?.syncedAt ?? 0,
            error: describeSourceError(error),
          };
        }
      }
      await eventsItem.setValue(next);
      await googleSyncItem.setValue(nextStates);
      if (refused) await flagReconnect(refused);
    },

    async isStale(prefs) {
      const all = await sourcesItem.getValue();
      const stored = await eventsItem.getValue();
      const range = syncWindow(prefs, now());
      return all.some((s) => {
        const e = stored[s.id];
        return (
          !e ||
          now() - e.syncedAt > STALE_AFTER_MS ||
          e.range.start > range.start ||
          e.range.end < range.end
        );
      });
    },

    readIcsSource: (source, prefs, range = syncWindow(prefs, now())) =>
      readSource(source, {
        timezone: prefs.timezone,
        range,
        fetch,
        now: now(),
      }),

    async readGoogle(source, prefs, state) {
      const api = await google.api();
      if (!api) {
        throw new Error(
          google.available
            ? 'Google is not connected: connect it in Settings to read this calendar'
            : `Google is off: ${google.unavailableReason}`,
        );
      }
      return readGoogleSource(source, {
        api,
        timezone: prefs.timezone,
        range: syncWindow(prefs, now()),
        ...(state ? { state } : {}),
        ...(google.retry ? { retry: google.retry } : {}),
        now: now(),
      });
    },

    async summaries() {
      const all = await sourcesItem.getValue();
      const stored = await eventsItem.getValue();
      return all.map((s) => summarizeSource(s, stored[s.id]));
    },
  };
  return sources;
}
