import { describe, expect, it } from 'vitest';
import { GoogleApiError, GoogleAuthError, parseRetryAfter } from '../../../src/calendar/google/api';
import {
  backoffDelay,
  GoogleRetryError,
  isRetryable,
  withRetry,
} from '../../../src/calendar/google/retry';

function apiError(status: number, reason?: string, retryAfterSeconds?: number): GoogleApiError {
  return new GoogleApiError({
    status,
    message: 'boom',
    operation: 'insert event abcde in primary',
    ...(reason ? { reason } : {}),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** A call that fails with `errors` in turn, then answers 'ok'. */
function failing(errors: unknown[]): { call: () => Promise<string>; calls: () => number } {
  let n = 0;
  return {
    call: async () => {
      const error = errors[n++];
      if (error) throw error;
      return 'ok';
    },
    calls: () => n,
  };
}

describe('isRetryable', () => {
  it.each([
    [apiError(403, 'rateLimitExceeded'), true],
    [apiError(403, 'userRateLimitExceeded'), true],
    [apiError(429, 'rateLimitExceeded'), true],
    [apiError(500, 'backendError'), true],
    [apiError(503), true],
    [apiError(0, 'networkError'), true],
    [apiError(403, 'forbidden'), false],
    [apiError(403, 'quotaExceeded'), false],
    [apiError(400, 'invalid'), false],
    [apiError(401, 'authError'), false],
    [apiError(404, 'notFound'), false],
    [apiError(409, 'duplicate'), false],
    [apiError(410, 'fullSyncRequired'), false],
    [new GoogleAuthError(), false],
    [new Error('programmer error'), false],
  ])('%s → %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it('draws up to base · 2^(attempt-1), capped', () => {
    const top = { random: () => 0.999999, baseDelayMs: 500, maxDelayMs: 8000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, undefined, top))).toEqual([
      499, 999, 1999, 3999, 7999, 7999,
    ]);
    expect(backoffDelay(3, undefined, { random: () => 0 })).toBe(0);
  });

  it('never waits less than Retry-After', () => {
    expect(backoffDelay(1, apiError(429, 'rateLimitExceeded', 7), { random: () => 0.5 })).toBe(
      7000,
    );
  });

  it('scales every wait, Retry-After included', () => {
    expect(
      backoffDelay(1, apiError(429, 'rateLimitExceeded', 7), { random: () => 0.5, scale: 0 }),
    ).toBe(0);
  });
});

describe('withRetry', () => {
  it('retries rate limits and server errors, then returns the answer', async () => {
    const waits: number[] = [];
    const f = failing([
      apiError(403, 'rateLimitExceeded'),
      apiError(503),
      apiError(429, 'rateLimitExceeded', 2),
    ]);
    const result = await withRetry('x', f.call, {
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    expect(result).toBe('ok');
    expect(f.calls()).toBe(4);
    expect(waits).toEqual([250, 500, 2000]);
  });

  it('returns an answer that is not retryable at once', async () => {
    const f = failing([apiError(409, 'duplicate')]);
    await expect(withRetry('x', f.call, { sleep: async () => {} })).rejects.toMatchObject({
      status: 409,
    });
    expect(f.calls()).toBe(1);
  });

  it('gives up after the attempts run out, naming the operation', async () => {
    const f = failing(Array.from({ length: 10 }, () => apiError(500, 'backendError')));
    const error = await withRetry('x', f.call, { sleep: async () => {}, maxAttempts: 4 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GoogleRetryError);
    expect((error as Error).message).toBe(
      'Google Calendar kept failing to insert event abcde in primary after 4 attempt(s): 500 boom',
    );
    expect(f.calls()).toBe(4);
  });

  it('does not wait for an unreasonable Retry-After', async () => {
    const f = failing([apiError(429, 'rateLimitExceeded', 3600)]);
    await expect(withRetry('x', f.call, { sleep: async () => {} })).rejects.toBeInstanceOf(
      GoogleRetryError,
    );
    expect(f.calls()).toBe(1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2027, 2, 1, 12);
  it.each([
    ['120', 120],
    ['0', 0],
    ['Mon, 01 Mar 2027 12:00:30 GMT', 30],
    ['Mon, 01 Mar 2027 11:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
