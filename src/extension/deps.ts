/**
 * What the background is given (globals injected so unit tests run it against WXT's fake
 * browser), what it offers the worker, and what its parts share.
 */
import type { RetryOptions } from '../calendar/google';
import type { GoogleAuth } from './google/auth';
import type { GoogleBuildConfig } from './google/config';
import type { RunWritesOptions } from './google/write-queue';
import type { SetTimer } from './feed/publisher';
import type { Handlers } from './messaging';
import type { Serial } from './serial-queue';

export interface BackgroundDeps {
  now: () => number;
  fetch: typeof globalThis.fetch;
  /** The browser's IANA zone, used when the preferences name none. */
  browserTimeZone: () => string;
  /**
   * The browser's language (`navigator.language`): its clock and date order, and the weight unit
   * when the preferences name none (SPEC §1, §5). Without it: 24-hour clock, day first, kg.
   */
  browserLanguage?: () => string | undefined;
  /** Shows (or clears, with '') the toolbar badge. */
  setBadge: (badge: { text: string; title: string }) => Promise<void>;
  newId: () => string;
  /** Google Calendar; without it Google is off, as in a build without an OAuth client id. */
  google?: GoogleDeps;
  /** The subscribable feed's timing; tests shorten it. */
  feed?: FeedDeps;
}

export interface FeedDeps {
  /** Quiet time after the last change before an automatic publish (default 2 s). */
  debounceMs?: number;
  setTimer?: SetTimer;
  /** A request to the feed server that takes longer is abandoned (default 15 s). */
  timeoutMs?: number;
}

export interface GoogleDeps {
  config: GoogleBuildConfig;
  /** The sign-in; undefined when the build has no client id. */
  auth?: GoogleAuth;
  /** Whether the optional `identity` permission is granted (the options page asks otherwise). */
  identityGranted: () => boolean;
  /** Where launchWebAuthFlow's redirect goes (`identity.getRedirectURL()`), when known. */
  redirectUrl: () => string | undefined;
  /** Backoff settings for Google's rate limits and 5xx; tests inject `sleep`. */
  retry?: RetryOptions;
}

/** What every part of the background shares: one queue over storage, the clock, new ids. */
export interface ServiceContext {
  serial: Serial;
  now: () => number;
  newId: () => string;
}

export interface BackgroundService {
  handlers: Handlers;
  /** Re-reads every calendar, then rebuilds the view and the badge (the periodic alarm). */
  syncAll: () => Promise<void>;
  /**
   * Runs the persisted Google write queue: an interrupted job at every start, failed ones too on
   * the hourly alarm. Resolves when the queue is idle.
   */
  runGoogleWrites: (options?: RunWritesOptions) => Promise<void>;
  /**
   * Publishes to the subscribable feed if it is behind the accepted sessions: at every start of
   * the worker (a publish it was stopped before or during), with `retry` on the hourly alarm
   * (failures that may pass, too).
   */
  runFeedPublish: (options?: { retry?: boolean }) => Promise<void>;
  /** Resolves once no automatic publish is scheduled or running. */
  feedSettled: () => Promise<void>;
}
