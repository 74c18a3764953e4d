/**
 * Retries for the Calendar API, as Google asks of clients: exponential backoff with jitter on
 * rate limits (403 `rateLimitExceeded` / `userRateLimitExceeded`, 429) and server errors (5xx),
 * honouring `Retry-After` (https://developers.google.com/calendar/api/guides/errors).
 * Network failures (status 0) are retried too: a lost answer is the same as a 503.
 * Everything else (400, 401 after its refresh, 403 forbidden, 404, 409, 410) is an answer and is
 * returned to the caller at once.
 */
import { GoogleApiError } from './api';
import type { GoogleCalendarApi } from './api';

export interface RetryOptions {
  /** Attempts in all, the first one included (default 6). */
  maxAttempts?: number;
  /** First backoff ceiling in ms (default 500); it doubles each attempt. */
  baseDelayMs?: number;
  /** Backoff ceiling (default 32 s). */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this (default 120 s) is not waited for: the call fails. */
  maxRetryAfterMs?: number;
  /** Multiplies every wait, `Retry-After` included (default 1; 0 in tests and automation). */
  scale?: number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); injected so tests are deterministic. */
  random?: () => number;
  /** Told before each wait, e.g. to show "rate limited, retrying". */
  onRetry?: (info: {
    operation: string;
    attempt: number;
    delayMs: number;
    error: GoogleApiError;
  }) => void;
}

/** Thrown when every attempt failed; names the operation and carries the last error as cause. */
export class GoogleRetryError extends Error {
  readonly operation: string;
  readonly attempts: number;
  readonly lastError: GoogleApiError;

  constructor(operation: string, attempts: number, lastError: GoogleApiError) {
    const why = lastError.message.startsWith(`${operation}: `)
      ? lastError.message.slice(operation.length + 2)
      : lastError.message;
    super(`Google Calendar kept failing to ${operation} after ${attempts} attempt(s): ${why}`, {
      cause: lastError,
    });
    this.name = 'GoogleRetryError';
    this.operation = operation;
    this.attempts = attempts;
    this.lastError = lastError;
  }
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

/** Whether Google asks to try this again later. */
export function isRetryable(error: unknown): error is GoogleApiError {
  if (!(error instanceof GoogleApiError)) return false;
  if (error.status === 0 || error.status === 429 || error.status >= 500) return true;
  return error.status === 403 && error.reason !== undefined && RATE_LIMIT_REASONS.has(error.reason);
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The wait before retry number `attempt` (1 = after the first failure): "full jitter", a random
 * time up to `base · 2^(attempt-1)` capped at `maxDelayMs`, and never less than `Retry-After`.
 */
export function backoffDelay(
  attempt: number,
  error: GoogleApiError | undefined,
  options: RetryOptions = {},
): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 32_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  const retryAfterMs = (error?.retryAfterSeconds ?? 0) * 1000;
  return Math.round(Math.max(jittered, retryAfterMs) * (options.scale ?? 1));
}

/**
 * Runs `call`, retrying what {@link isRetryable} allows. Returns its result, rethrows an error
 * that is not retryable, and throws {@link GoogleRetryError} when the attempts run out or
 * `Retry-After` asks for longer than `maxRetryAfterMs`.
 */
export async function withRetry<T>(
  operation: string,
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 6);
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const tooLong = (error.retryAfterSeconds ?? 0) * 1000 > (options.maxRetryAfterMs ?? 120_000);
      if (attempt >= maxAttempts || tooLong)
        throw new GoogleRetryError(error.operation || operation, attempt, error);
      const delayMs = backoffDelay(attempt, error, options);
      options.onRetry?.({ operation, attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** The same API with every call wrapped in {@link withRetry}. */
export function withRetries(api: GoogleCalendarApi, options: RetryOptions = {}): GoogleCalendarApi {
  return {
    listCalendars: (pageToken) =>
      withRetry('list calendars', () => api.listCalendars(pageToken), options),
    insertCalendar: (calendar) =>
      withRetry('create a calendar', () => api.insertCalendar(calendar), options),
    listEvents: (calendarId, params) =>
      withRetry('list events', () => api.listEvents(calendarId, params), options),
    getEvent: (calendarId, eventId) =>
      withRetry('get an event', () => api.getEvent(calendarId, eventId), options),
    insertEvent: (calendarId, event) =>
      withRetry('insert an event', () => api.insertEvent(calendarId, event), options),
    patchEvent: (calendarId, eventId, patch) =>
      withRetry('patch an event', () => api.patchEvent(calendarId, eventId, patch), options),
    deleteEvent: (calendarId, eventId) =>
      withRetry('delete an event', () => api.deleteEvent(calendarId, eventId), options),
  };
}
