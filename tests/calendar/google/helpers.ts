/**
 * Shared set-up for the Google tests: a fake per test file, both transports pointed at it, and
 * retries that never wait.
 */
import { createFetchCalendarApi } from '../../../src/calendar/google/fetch-api';
import { createNodeCalendarApi } from '../../../src/calendar/google/node-api';
import type { GoogleCalendarApi } from '../../../src/calendar/google/api';
import type { RetryOptions } from '../../../src/calendar/google/retry';
import type { FakeGoogleCalendar } from '../../fakes/google-calendar-api';

export type TransportName = 'fetch' | 'node';
export const TRANSPORTS: TransportName[] = ['fetch', 'node'];

/** A transport against the fake, with the fake's current token. */
export function apiFor(
  fake: FakeGoogleCalendar,
  transport: TransportName,
  token = fake.token,
): GoogleCalendarApi {
  const getToken = async () => token;
  return transport === 'fetch'
    ? createFetchCalendarApi({ getToken, rootUrl: fake.rootUrl })
    : createNodeCalendarApi({ getToken, rootUrl: fake.rootUrl });
}

/** Retries that record their waits instead of sleeping. */
export function instantRetry(waits: number[] = []): RetryOptions {
  return {
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
}
