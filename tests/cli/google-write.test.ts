/**
 * `plan --write google` end to end in-process: the CLI, its googleapis transport and the shared
 * write logic against the fake Google Calendar. Assertions are on the fake's state.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { googleEventIdForSession } from '../../src/calendar/google/event-id';
import { DEDICATED_CALENDAR_SUMMARY } from '../../src/calendar/google/dedicated-calendar';
import { startFakeGoogleCalendar } from '../fakes/google-calendar-api';
import type { FakeEvent, FakeGoogleCalendar } from '../fakes/google-calendar-api';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

let fake: FakeGoogleCalendar;
beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
});
afterAll(() => fake.close());

let configHome: string;
beforeEach(() => {
  fake.reset();
  configHome = mkdtempSync(join(tmpdir(), 'ironstride-google-cli-'));
});

const scenario = readFileSync(fixturePath('scenarios/two-hard-days/calendar.ics'), 'utf8');

/** The scenario with its tempo moved from Thursday to Friday (and Friday's easy run to Thursday). */
const tempoMoved = scenario
  .replace(/20270506T063000/, 'TEMPO_START')
  .replace(/20270506T072000/, 'TEMPO_END')
  .replace(/20270507T070000/, '20270506T070000')
  .replace(/20270507T073000/, '20270506T073000')
  .replace('TEMPO_START', '20270507T063000')
  .replace('TEMPO_END', '20270507T072000');

/** The scenario with an A race 13 days after the week starts: taper, one session. */
const raceAhead = scenario.replace(
  'END:VCALENDAR',
  'BEGIN:VEVENT\r\nUID:race@scenario.test\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20270516\r\n' +
    'DTEND;VALUE=DATE:20270517\r\nSUMMARY:Berlin Marathon\r\nEND:VEVENT\r\nEND:VCALENDAR',
);

function calendarFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ironstride-ics-')), 'calendar.ics');
  writeFileSync(file, text);
  return file;
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    IRONSTRIDE_GOOGLE_TOKEN: fake.token,
    IRONSTRIDE_GOOGLE_ROOT_URL: fake.rootUrl,
    IRONSTRIDE_GOOGLE_RETRY_SCALE: '0',
    XDG_CONFIG_HOME: configHome,
    ...extra,
  };
}

interface PlanJson {
  sessions: { id: string; start: string; end: string; title: string; description: string }[];
}

async function plan(
  calendar: string,
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
) {
  const run = await runCliForTest(
    [
      'plan',
      '--calendar',
      calendar,
      '--week',
      '2027-05-03',
      '--tz',
      'Europe/London',
      '--format',
      'json',
      '--write',
      'google',
      ...extraArgs,
    ],
    { env: env(extraEnv) },
  );
  const json = run.stdout ? (JSON.parse(run.stdout) as PlanJson) : undefined;
  return { ...run, plan: json };
}

function dedicatedCalendars() {
  return fake.calendarList().filter((c) => c.summary === DEDICATED_CALENDAR_SUMMARY);
}

function ironstrideEvents(calendarId: string, includeDeleted = false): FakeEvent[] {
  return fake
    .storedEvents(calendarId, { includeDeleted })
    .filter((e) => e.extendedProperties?.private?.ironstride === '1');
}

const sessionOf = (e: FakeEvent) => e.extendedProperties?.private?.ironstrideSession;

describe('cli plan --write google', () => {
  it('writes the same plan three times through 30% faults: each session exactly once, in full', async () => {
    const file = calendarFile(scenario);
    const foreign = fake.seedEvent('primary', {
      summary: 'Dentist',
      description: 'Bring the forms',
      start: { dateTime: '2027-05-04T17:30:00+01:00', timeZone: 'Europe/London' },
      end: { dateTime: '2027-05-04T18:30:00+01:00', timeZone: 'Europe/London' },
    });
    const foreignBefore = JSON.stringify(fake.storedEvent('primary', foreign.id!));
    fake.setFaults({ rate: 0.3, seed: 5 });
    // Lost answers on the first writes, whatever the seed draws.
    fake.failNext('commit-then-503', { method: 'POST', path: /^calendars$/ });
    fake.failNext(['commit-then-503', 'commit-then-reset'], { method: 'POST', path: /\/events$/ });

    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await plan(file));
    fake.setFaults(null);

    for (const run of runs) {
      expect(run.stderr).not.toMatch(/FAILED|ironstride:/);
      expect(run.code).toBe(0);
    }
    expect(fake.requests.filter((r) => r.fault !== undefined).length).toBeGreaterThan(3);
    expect(dedicatedCalendars()).toHaveLength(1);
    const calendarId = dedicatedCalendars()[0]!.id!;
    const sessions = runs[0]!.plan!.sessions;
    expect(sessions.length).toBe(2);
    const events = ironstrideEvents(calendarId, true);
    expect(events.map(sessionOf).sort()).toEqual(sessions.map((s) => s.id).sort());
    for (const s of sessions) {
      const event = events.find((e) => sessionOf(e) === s.id)!;
      expect(event).toMatchObject({
        id: await googleEventIdForSession(s.id),
        status: 'confirmed',
        summary: s.title,
        description: s.description,
        start: { dateTime: s.start, timeZone: 'Europe/London' },
        end: { dateTime: s.end, timeZone: 'Europe/London' },
      });
    }
    expect(JSON.stringify(fake.storedEvent('primary', foreign.id!))).toBe(foreignBefore);
    expect(runs[0]!.stderr).toMatch(
      /Google Calendar "Strength · Ironstride" \(created\): 2 created/,
    );
    expect(runs[2]!.stderr).toMatch(/: 2 unchanged\n/);
  });

  it('keeps its ledger and the calendar id in a file only the runner can read', async () => {
    await plan(calendarFile(scenario));
    const ledgerPath = join(configHome, 'ironstride', 'google-ledger.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dedicatedCalendarId: string };
    expect(ledger.dedicatedCalendarId).toBe(dedicatedCalendars()[0]!.id);
    expect(statSync(ledgerPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(configHome, 'ironstride')).mode & 0o777).toBe(0o700);
  });

  it("writes into a chosen calendar and leaves the runner's own events there byte-identical", async () => {
    const foreign = fake.seedEvent('primary', {
      summary: 'Strength class at the gym',
      start: { dateTime: '2027-05-05T18:00:00+01:00' },
      end: { dateTime: '2027-05-05T19:00:00+01:00' },
      extendedProperties: { private: { someOtherApp: 'x' } },
    });
    const before = JSON.stringify(fake.storedEvent('primary', foreign.id!));
    const file = calendarFile(scenario);

    const first = await plan(file, ['--google-calendar', 'primary']);
    const replanned = await plan(calendarFile(raceAhead), ['--google-calendar', 'primary']);

    expect(first.code).toBe(0);
    expect(replanned.code).toBe(0);
    expect(dedicatedCalendars()).toHaveLength(0);
    expect(ironstrideEvents('runner@example.com')).toHaveLength(1);
    expect(JSON.stringify(fake.storedEvent('primary', foreign.id!))).toBe(before);
    expect(fake.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(foreign.id!))).toEqual(
      [],
    );
  });

  it('does not recreate a session the runner deleted in Google, and reports it skipped', async () => {
    const file = calendarFile(scenario);
    const first = await plan(file);
    const calendarId = dedicatedCalendars()[0]!.id!;
    const deleted = first.plan!.sessions[1]!;
    fake.deleteEventAsUser(calendarId, await googleEventIdForSession(deleted.id));

    const second = await plan(file);
    const third = await plan(file);

    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/1 unchanged, 1 skipped/);
    expect(second.stderr).toMatch(/skipped .*you deleted this session in Google Calendar/);
    expect(third.stderr).toMatch(/1 unchanged, 1 skipped/);
    const live = ironstrideEvents(calendarId);
    expect(live.map(sessionOf)).toEqual([first.plan!.sessions[0]!.id]);
    expect(fake.storedEvent(calendarId, await googleEventIdForSession(deleted.id))!.status).toBe(
      'cancelled',
    );
  });

  it('moves an event when a re-plan moves its session, and withdraws a dropped one', async () => {
    const first = await plan(calendarFile(scenario));
    const calendarId = dedicatedCalendars()[0]!.id!;
    const moved = await plan(calendarFile(tempoMoved));
    const dropped = await plan(calendarFile(raceAhead));

    const [s1, s2] = first.plan!.sessions;
    const s2Moved = moved.plan!.sessions.find((s) => s.id === s2!.id)!;
    expect(s2Moved.start).not.toBe(s2!.start);
    // Session 1 stays put; its description changes (its reasons mention the tempo), so it is patched too.
    expect(moved.plan!.sessions.find((s) => s.id === s1!.id)!.start).toBe(s1!.start);
    expect(moved.stderr).toMatch(/: 2 moved\/updated\n/);
    expect(dropped.plan!.sessions.map((s) => s.id)).toEqual([s1!.id]);
    expect(dropped.stderr).toMatch(/1 withdrawn/);

    const all = ironstrideEvents(calendarId, true);
    expect(all).toHaveLength(2);
    const event2 = all.find((e) => sessionOf(e) === s2!.id)!;
    expect(event2.id).toBe(await googleEventIdForSession(s2!.id));
    expect(event2.start?.dateTime).toBe(s2Moved.start);
    expect(event2.status).toBe('cancelled');
    expect(ironstrideEvents(calendarId).map(sessionOf)).toEqual([s1!.id]);

    const back = await plan(calendarFile(tempoMoved));
    expect(back.stderr).toMatch(/1 restored/);
    expect(ironstrideEvents(calendarId)).toHaveLength(2);
  });

  it('prints the plan on stdout and the write summary on stderr', async () => {
    const run = await runCliForTest(
      [
        'plan',
        '--calendar',
        calendarFile(scenario),
        '--week',
        '2027-05-03',
        '--tz',
        'Europe/London',
        '--write',
        'google',
      ],
      { env: env() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Week of Mon 3 May 2027');
    expect(run.stdout).not.toContain('created');
    expect(run.stderr).toMatch(
      /^Google Calendar "Strength · Ironstride" \(created\): 2 created\n {2}created +Tue 4 May 17:30 +Strength · /,
    );
  });

  it('exits 1 with one line when a session cannot be written, and writes the others', async () => {
    fake.failNext(['503', '503', '503', '503', '503', '503'], {
      method: 'POST',
      path: /\/events$/,
    });
    const run = await plan(calendarFile(scenario));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/FAILED .*kept failing to insert event/);
    expect(run.stderr.trim().split('\n').at(-1)).toBe(
      'ironstride: 1 session(s) could not be written to Google Calendar; run the same command again to retry',
    );
    expect(ironstrideEvents(dedicatedCalendars()[0]!.id!)).toHaveLength(1);
  });

  it('asks for a fresh token when Google refuses it', async () => {
    const run = await plan(calendarFile(scenario), [], { IRONSTRIDE_GOOGLE_TOKEN: 'revoked' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^ironstride: Google refused IRONSTRIDE_GOOGLE_TOKEN; set a fresh access token/,
    );
    expect(fake.calendarList()).toHaveLength(1);
  });

  it('says how to connect when there is no token at all', async () => {
    const run = await plan(calendarFile(scenario), [], { IRONSTRIDE_GOOGLE_TOKEN: '' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'ironstride: Not connected to Google: run `npm run cli -- google login` first (or set IRONSTRIDE_GOOGLE_TOKEN)\n',
    );
  });

  it.each([
    [['--write', 'outlook'], /--write only knows "google"/],
    [['--google-calendar', 'primary'], /--google-calendar needs --write google/],
    [['--read-calendar', 'primary'], /--read-calendar and --busy-calendar need --google/],
  ])('refuses %j as a usage mistake', async (args, message) => {
    const run = await runCliForTest(['plan', ...args], { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(fake.requests).toEqual([]);
  });
});
