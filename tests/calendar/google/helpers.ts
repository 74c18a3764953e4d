/**
 * Shared set-up for the Google tests: a fake per test file, both transports pointed at it, and
 * retries that never wait.
 */
import { createFetchCalendarApi } from '../../../src/calendar/google/fetch-api';
import { createNodeCalendarApi } from '../../../src/calendar/google/node-api';
import type { GoogleCalendarApi } from '../../../src/calendar/google/api';
import type { RetryOptions } from '../../../src/calendar/google/retry';
import type { DesiredSession } from '../../../src/calendar/google/write-sessions';
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

/** A session in London, `day` in March 2027 at `hour`:00 for 40 minutes. */
export function makeSession(
  id: string,
  day: number,
  hour = 17,
  extra: Partial<DesiredSession> = {},
): DesiredSession {
  const start = Date.UTC(2027, 2, day, hour);
  return {
    id,
    start,
    end: start + 40 * 60_000,
    title: `Strength · lower body + core (40 min)`,
    description: `Goblet squat — 3 × 6–8, rest 90 s\nSession ${id}\nCreated by Ironstride`,
    timeZone: 'Europe/London',
    ...extra,
  };
}
