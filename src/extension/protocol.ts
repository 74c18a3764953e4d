/**
 * The one message protocol between the popup/options pages and the background, as a map from
 * message type to its data and result (the shape of webext-core's `ProtocolMap`).
 */
import type { RetagChoice } from './retag';
import type { PreferencesInput } from '../core/prefs';
import type { DateString } from '../core/time';
import type { SourceRole } from './storage';
import type { PopupView } from './view';

/** A calendar as the options page lists it. */
export interface SourceSummary {
  id: string;
  kind: 'url' | 'file';
  name: string;
  role: SourceRole;
  /** The feed address (url sources). */
  url?: string;
  syncedAt?: number;
  /** VEVENTs read at the last sync, and how many were skipped. */
  read?: number;
  skipped?: number;
  error?: string;
}

export type AddSourceInput =
  | { kind: 'url'; url: string; name?: string; role?: SourceRole }
  | { kind: 'file'; name: string; text: string; role?: SourceRole };

export type SavePrefsResult = { ok: true } | { ok: false; issues: { path: string; message: string }[] };

export interface Settings {
  sources: SourceSummary[];
  prefs: PreferencesInput;
  /** The zone used when the preferences name none (the browser's). */
  browserTimeZone: string;
}

export interface ProtocolMap {
  /** The current view; re-syncs first when the calendars are stale. */
  getView(data: { refresh?: boolean }): PopupView;
  /** Suggest sessions for one week (accepted sessions stay; earlier suggestions are replaced). */
  planWeek(data: { weekStart: DateString }): PopupView;
  acceptSession(data: { sessionId: string }): PopupView;
  acceptWeek(data: { weekStart: DateString }): PopupView;
  skipSession(data: { sessionId: string }): PopupView;
  /** Undo a skip or an accept: back to a suggestion. */
  resetSession(data: { sessionId: string }): PopupView;
  moveSession(data: { sessionId: string; alternative: number }): PopupView;
  /** After a calendar change: move the accepted sessions that now break a rule, and only those. */
  replan(data: Record<string, never>): PopupView;
  /** "This is actually a tempo run": kept per event (or per series) and re-plans. */
  retagEvent(data: { eventId: string; uid: string; series: boolean; retag: RetagChoice | null }): PopupView;
  /** The accepted sessions as an .ics file. */
  exportIcs(data: Record<string, never>): { filename: string; text: string; count: number };
  getSettings(data: Record<string, never>): Settings;
  /** Adds a calendar and reads it once; the options page asks for host permission first. */
  addSource(data: AddSourceInput): SourceSummary;
  updateSource(data: { id: string; name?: string; role?: SourceRole }): SourceSummary;
  removeSource(data: { id: string }): void;
  syncNow(data: Record<string, never>): SourceSummary[];
  savePrefs(data: PreferencesInput): SavePrefsResult;
}
