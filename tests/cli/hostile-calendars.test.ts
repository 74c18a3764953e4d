/**
 * The CLI over calendars that once stalled or misled the reader (issue 16): the time-zone bomb
 * reads as a normal calendar with a warning, and a series too dense to expand is reported the
 * same way by `events` and `plan` and is busy time for the planner, never free.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

const twoHardDays = readFileSync(fixturePath('scenarios/two-hard-days/calendar.ics'), 'utf8');
const prefs = fixturePath('scenarios/two-hard-days/prefs.json');

/** The two-hard-days scenario plus one every-minute series from Wednesday 5 May 2027 on. */
function withDenseSeries(): string {
  const dense = [
    'BEGIN:VEVENT',
    'UID:every-minute@hostile.test',
    'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Europe/London:20270505T000000',
    'DURATION:PT1M',
    'RRULE:FREQ=MINUTELY',
    'SUMMARY:Tempo run reminder',
    'END:VEVENT',
  ].join('\r\n');
  return twoHardDays.replace('END:VCALENDAR', `${dense}\r\nEND:VCALENDAR`);
}

function tmpFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ironstride-hostile-')), name);
  writeFileSync(file, content);
  return file;
}

const WEDNESDAY = Date.parse('2027-05-05T00:00:00+01:00');

describe('cli events', () => {
  it('reads the time-zone bomb in the runner zone and says why', async () => {
    const run = await runCliForTest([
      'events',
      '--calendar',
      fixturePath('hostile/tz-bomb.ics'),
      '--from',
      '2027-01-04',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);

    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.occurrences).toEqual([
      expect.objectContaining({ uid: 'bomb@hostile.test', start: '2027-01-05T07:00:00+00:00' }),
    ]);
    expect(out.warnings).toEqual([
      {
        uid: null,
        message:
          'VTIMEZONE "Bomb" changes offset more than 24 times a year: its times are read in Europe/London',
        source: fixturePath('hostile/tz-bomb.ics'),
      },
    ]);
  });

  it('lists a series too dense to expand as skipped and as one busy stretch, with its reason', async () => {
    const file = tmpFile('dense.ics', withDenseSeries());

    const json = await runCliForTest([
      'events',
      '--calendar',
      file,
      '--from',
      '2027-05-03',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);
    const text = await runCliForTest([
      'events',
      '--calendar',
      file,
      '--from',
      '2027-05-03',
      '--tz',
      'Europe/London',
    ]);

    const out = JSON.parse(json.stdout);
    expect(out.skipped).toEqual([
      {
        uid: 'every-minute@hostile.test',
        reason:
          'too many occurrences in the range (RRULE "FREQ=MINUTELY" needs more than 288 steps a day); its time in the range is counted as busy',
        source: file,
      },
    ]);
    const dense = out.occurrences.filter(
      (o: { uid: string }) => o.uid === 'every-minute@hostile.test',
    );
    expect(dense).toEqual([
      expect.objectContaining({
        activity: 'other',
        start: '2027-05-05T00:00:00+01:00',
        end: '2027-05-10T00:00:00+01:00',
      }),
    ]);
    expect(text.stdout).toMatch(
      /busy +Tempo run reminder {2}— a series with too many occurrences to list/,
    );
  });
});

describe('cli plan', () => {
  it('reports the dense series like events does, and places nothing in its time', async () => {
    const file = tmpFile('dense.ics', withDenseSeries());
    const args = ['--calendar', file, '--tz', 'Europe/London', '--prefs', prefs];

    const plan = await runCliForTest(['plan', ...args, '--week', '2027-05-03', '--format', 'json']);
    const events = await runCliForTest([
      'events',
      ...args,
      '--from',
      '2027-05-03',
      '--format',
      'json',
    ]);

    expect(plan.code).toBe(0);
    const out = JSON.parse(plan.stdout);
    expect(out.skipped).toEqual(JSON.parse(events.stdout).skipped);
    // The scenario's plan puts sessions on Tuesday and Thursday; Thursday is now busy.
    expect(out.sessions.length).toBeGreaterThan(0);
    for (const session of out.sessions as { end: string }[]) {
      expect(Date.parse(session.end)).toBeLessThanOrEqual(WEDNESDAY);
    }
  });

  it('places the Thursday session when the dense series is absent (the control)', async () => {
    const file = tmpFile('plain.ics', twoHardDays);

    const plan = await runCliForTest([
      'plan',
      '--calendar',
      file,
      '--tz',
      'Europe/London',
      '--prefs',
      prefs,
      '--week',
      '2027-05-03',
      '--format',
      'json',
    ]);

    const ends = JSON.parse(plan.stdout).sessions.map((s: { end: string }) => Date.parse(s.end));
    expect(ends.some((end: number) => end > WEDNESDAY)).toBe(true);
  });
});
