/**
 * `plan --google`: the runner's Google calendars, read from the fake, plan like ICS files do.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());

let dir: string;
beforeEach(() => {
  fake.reset();
  dir = mkdtempSync(join(tmpdir(), 'ironstride-google-read-'));
});

const prefsFile = () => {
  const file = join(dir, 'prefs.json');
  writeFileSync(file, readFileSync(fixturePath('scenarios/two-hard-days/prefs.json')));
  return file;
};

const at = (date: string, from: string, to: string) => ({
  start: { dateTime: `${date}T${from}:00+01:00`, timeZone: 'Europe/London' },
  end: { dateTime: `${date}T${to}:00+01:00`, timeZone: 'Europe/London' },
});

/** The two-hard-days week, as it would sit in Google Calendar. */
function seedWeek(calendarId = 'primary'): void {
  fake.seedEvent(calendarId, {
    summary: 'Work',
    ...at('2027-05-03', '09:00', '17:00'),
    recurrence: ['RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10'],
  });
  fake.seedEvent(calendarId, { summary: 'Easy 4 mi', ...at('2027-05-03', '07:00', '07:40') });
  fake.seedEvent(calendarId, {
    summary: 'Intervals 6 x 1000m',
    ...at('2027-05-04', '06:30', '07:30'),
  });
  fake.seedEvent(calendarId, { summary: 'Easy 4 mi', ...at('2027-05-05', '07:00', '07:40') });
  fake.seedEvent(calendarId, { summary: 'Tempo 4 mi', ...at('2027-05-06', '06:30', '07:20') });
  fake.seedEvent(calendarId, { summary: 'Easy 3 mi', ...at('2027-05-07', '07:00', '07:30') });
  fake.seedEvent(calendarId, {
    summary: 'Long run 15 mi',
    start: { date: '2027-05-09' },
    end: { date: '2027-05-10' },
  });
}

interface PlanJson {
  runs: { title: string; start: string; allDay: boolean; kind: string }[];
  sessions: { id: string; start: string }[];
  weeks: { existing: number }[];
  skipped: unknown[];
}

async function plan(args: string[] = []) {
  const run = await runCliForTest(
    [
      'plan',
      '--google',
      '--week',
      '2027-05-03',
      '--prefs',
      prefsFile(),
      '--format',
      'json',
      ...args,
    ],
    {
      env: {
        IRONSTRIDE_GOOGLE_TOKEN: fake.token,
        IRONSTRIDE_GOOGLE_ROOT_URL: fake.rootUrl,
        IRONSTRIDE_GOOGLE_RETRY_SCALE: '0',
        XDG_CONFIG_HOME: dir,
      },
    },
  );
  return { ...run, plan: run.code === 0 ? (JSON.parse(run.stdout) as PlanJson) : undefined };
}

const sessionDays = (p: PlanJson) => p.sessions.map((s) => s.start.slice(0, 16));

describe('cli plan --google', () => {
  it('plans from the primary calendar as it would from the same week in ICS', async () => {
    seedWeek();
    const fromGoogle = await plan();
    const fromIcs = await runCliForTest([
      'plan',
      '--calendar',
      fixturePath('scenarios/two-hard-days/calendar.ics'),
      '--week',
      '2027-05-03',
      '--prefs',
      prefsFile(),
      '--format',
      'json',
    ]);

    expect(fromGoogle.stderr).toBe('');
    expect(fromGoogle.code).toBe(0);
    expect(sessionDays(fromGoogle.plan!)).toEqual(['2027-05-04T17:30', '2027-05-06T17:30']);
    expect(sessionDays(fromGoogle.plan!)).toEqual(
      sessionDays(JSON.parse(fromIcs.stdout) as PlanJson),
    );
    expect(fromGoogle.plan!.runs.find((r) => r.title === 'Long run 15 mi')).toMatchObject({
      allDay: true,
      kind: 'long',
    });
    expect(fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it("drops deleted events, lets transparent ones through and ignores Ironstride's own sessions", async () => {
    seedWeek();
    // Deleted: Thursday's tempo is gone.
    const tempo = fake.storedEvents('primary').find((e) => e.summary === 'Tempo 4 mi')!;
    fake.deleteEventAsUser('primary', tempo.id!);
    // Transparent ("free"): does not block Tuesday evening.
    fake.seedEvent('primary', {
      summary: 'Book club',
      transparency: 'transparent',
      ...at('2027-05-04', '17:00', '21:00'),
    });
    // Ironstride's own session on Monday: not the runner's strength, so Tuesday stays legal (H3).
    fake.seedEvent('primary', {
      summary: 'Strength · lower body + core (40 min)',
      ...at('2027-05-03', '17:30', '18:10'),
      extendedProperties: { private: { ironstride: '1', ironstrideSession: 's20270426-9' } },
    });

    const run = await plan();

    expect(run.code).toBe(0);
    expect(run.plan!.runs.map((r) => r.kind)).not.toContain('tempo');
    expect(run.plan!.weeks[0]!.existing).toBe(0);
    expect(sessionDays(run.plan!)).toContain('2027-05-04T17:30');
  });

  it('counts a busy calendar as busy time only, never as training', async () => {
    seedWeek();
    const club = fake.addCalendar({ summary: 'Run club', timeZone: 'Europe/London' });
    fake.seedEvent(club, {
      summary: 'Track session: 8 x 400m',
      ...at('2027-05-06', '17:00', '19:00'),
    });

    const training = await plan(['--read-calendar', 'primary', '--read-calendar', club]);
    const busy = await plan(['--busy-calendar', club]);

    expect(training.plan!.runs.map((r) => r.title)).toContain('Track session: 8 x 400m');
    expect(busy.plan!.runs.map((r) => r.title)).not.toContain('Track session: 8 x 400m');
    expect(sessionDays(busy.plan!)).not.toContain('2027-05-06T17:30');
  });

  it('merges Google with --calendar files', async () => {
    fake.seedEvent('primary', { summary: 'Dentist', ...at('2027-05-04', '17:00', '19:30') });
    const run = await plan(['--calendar', fixturePath('scenarios/two-hard-days/calendar.ics')]);
    expect(run.code).toBe(0);
    expect(sessionDays(run.plan!)).not.toContain('2027-05-04T17:30');
  });

  it('names the calendar Google cannot find', async () => {
    const run = await plan(['--read-calendar', 'nobody@example.com']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'ironstride: Google Calendar: list events of nobody@example.com: 404 Not Found (notFound)\n',
    );
  });
});
