import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEDICATED_CALENDAR_SUMMARY,
  findOrCreateDedicatedCalendar,
  isDedicatedCalendar,
} from '../../../src/calendar/google/dedicated-calendar';
import { startFakeGoogleCalendar } from '../../fakes/google-calendar-api';
import type { FakeGoogleCalendar } from '../../fakes/google-calendar-api';
import { apiFor, instantRetry } from './helpers';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ours = () => fake.calendarList().filter((c) => c.summary === DEDICATED_CALENDAR_SUMMARY);
const find = (rememberedId?: string) =>
  findOrCreateDedicatedCalendar({
    api: apiFor(fake, 'node'),
    timeZone: 'Europe/London',
    retry: instantRetry(),
    ...(rememberedId ? { rememberedId } : {}),
  });

describe('findOrCreateDedicatedCalendar', () => {
  it("creates the calendar once, in the runner's zone, and finds it again", async () => {
    const first = await find();
    const second = await find();

    expect(first.created).toBe(true);
    expect(second).toEqual({ calendarId: first.calendarId, created: false });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]).toMatchObject({ timeZone: 'Europe/London', accessRole: 'owner' });
    expect(isDedicatedCalendar(ours()[0]!)).toBe(true);
  });

  it('does not take a calendar of the same name without the marker', async () => {
    const lookalike = fake.addCalendar({
      summary: DEDICATED_CALENDAR_SUMMARY,
      description: 'My own',
    });
    const found = await find();
    expect(found.created).toBe(true);
    expect(found.calendarId).not.toBe(lookalike);
  });

  it('keeps using the remembered calendar after the runner renames it', async () => {
    const renamed = fake.addCalendar({ summary: 'Gym', description: 'whatever' });
    expect(await find(renamed)).toEqual({ calendarId: renamed, created: false });
    expect(ours()).toHaveLength(0);
  });

  it('creates a new one when the remembered calendar was deleted', async () => {
    const found = await find('gone@group.calendar.google.com');
    expect(found.created).toBe(true);
  });

  it('never creates two calendars when the create answer is lost', async () => {
    fake.failNext(['commit-then-503'], { method: 'POST', path: /^calendars$/ });
    fake.failNext(['commit-then-reset'], { method: 'POST', path: /^calendars$/ });

    const found = await find();

    expect(ours()).toHaveLength(1);
    expect(found).toEqual({ calendarId: ours()[0]!.id, created: true });
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([503]);
  });
});
