import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

function tmpFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'ironstride-cli-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const twoHardDays = fixturePath('scenarios/two-hard-days/calendar.ics');

describe('cli classify', () => {
  it('prints one JSON object per input line', async () => {
    const run = await runCliForTest(['classify'], {
      stdin: 'Track: 6 x 800m @ 5K pace\t\nSprint planning\t\n\nLong run 16 mi\tsteady\n',
    });
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      activity: 'run',
      kind: 'intervals',
      intensity: 'hard',
      key: true,
    });
    expect(lines[1]).toMatchObject({ activity: 'other', kind: null, intensity: null, key: false });
    expect(lines[2]).toMatchObject({ activity: 'run', kind: 'long' });
    expect(Object.keys(lines[0]).sort()).toEqual([
      'activity',
      'confidence',
      'intensity',
      'key',
      'kind',
      'reasons',
    ]);
  });
});

describe('cli plan', () => {
  it('prints SPEC §8 JSON with classified runs', async () => {
    const run = await runCliForTest([
      'plan',
      '--calendar',
      twoHardDays,
      '--week',
      '2027-05-05',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(Object.keys(plan)).toEqual(
      expect.arrayContaining(['timezone', 'weeks', 'runs', 'sessions', 'unplaced', 'warnings']),
    );
    expect(plan.timezone).toBe('Europe/London');
    expect(plan.weeks).toEqual([
      { start: '2027-05-03', phase: 'base', target: 2, max: 2, existing: 0 },
    ]);
    expect(
      plan.runs.map((r: { title: string; kind: string; intensity: string }) => [
        r.title,
        r.kind,
        r.intensity,
      ]),
    ).toEqual([
      ['Easy 4 mi', 'easy', 'easy'],
      ['Intervals 6 x 1000m', 'intervals', 'hard'],
      ['Easy 4 mi', 'easy', 'easy'],
      ['Tempo 4 mi', 'tempo', 'hard'],
      ['Easy 3 mi', 'easy', 'easy'],
      ['Long run 15 mi', 'long', 'moderate'],
    ]);
    expect(plan.runs[1]).toMatchObject({
      start: '2027-05-04T06:30:00+01:00',
      end: '2027-05-04T07:30:00+01:00',
      allDay: false,
      activity: 'run',
      key: true,
    });
  });

  it('uses the bundled sample runner without --calendar', async () => {
    const run = await runCliForTest(['plan', '--format', 'json']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.timezone).toBe('Europe/London');
    // 2027-03-03 is a Wednesday: the week starts on Monday 1 March.
    expect(plan.weeks[0].start).toBe('2027-03-01');
    const kinds = plan.runs.map((r: { kind: string }) => r.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['intervals', 'tempo', 'long', 'recovery', 'easy']),
    );
  });

  it('prints a readable week as text', async () => {
    const run = await runCliForTest([
      'plan',
      '--calendar',
      twoHardDays,
      '--week',
      '2027-05-03',
      '--tz',
      'Europe/London',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Week of Mon 3 May 2027');
    expect(run.stdout).toMatch(
      /Tue 4 May\n\s+06:30–07:30\s+HARD intervals \(key\)\s+Intervals 6 x 1000m/,
    );
    expect(run.stdout).toMatch(/17:30–18:10\s+STRENGTH\s+Strength · .+\(40 min\)/);
    expect(run.stdout).toMatch(/Why: Tuesday: same day as your intervals/);
    expect(run.stdout).toMatch(/1\. .+ — \d × .+, rest \d+ s — /);
  });

  it('plans sessions with exercises, load and reasons in JSON', async () => {
    const run = await runCliForTest([
      'plan',
      '--calendar',
      twoHardDays,
      '--week',
      '2027-05-03',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);
    const plan = JSON.parse(run.stdout);
    expect(plan.sessions.map((s: { start: string }) => s.start.slice(0, 10))).toEqual([
      '2027-05-04',
      '2027-05-06',
    ]);
    for (const s of plan.sessions) {
      expect(s).toMatchObject({ load: 'moderate', title: expect.stringMatching(/^Strength · /) });
      expect(s.id).toMatch(/^s20270503-\d$/);
      expect(s.reasons.length).toBeGreaterThan(2);
      expect(s.exercises.length).toBeGreaterThanOrEqual(4);
      for (const e of s.exercises) {
        expect(e).toMatchObject({
          name: expect.any(String),
          sets: expect.any(Number),
          restSeconds: expect.any(Number),
          cue: expect.any(String),
        });
        expect((e.reps === undefined) !== (e.seconds === undefined)).toBe(true);
      }
      expect(s.description).toContain(s.exercises[0].name);
    }
    expect(plan.unplaced).toEqual([]);
  });

  it('writes the sessions as ICS to --out, readable back', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ironstride-out-')), 'strength.ics');
    const run = await runCliForTest([
      'plan',
      '--calendar',
      twoHardDays,
      '--week',
      '2027-05-03',
      '--tz',
      'Europe/London',
      '--format',
      'ics',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Wrote 2 session\(s\)/);
    const back = await runCliForTest([
      'events',
      '--calendar',
      out,
      '--from',
      '2027-05-03',
      '--to',
      '2027-05-09',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);
    const occurrences = JSON.parse(back.stdout).occurrences;
    expect(
      occurrences.map((o: { start: string; activity: string }) => [o.start, o.activity]),
    ).toEqual([
      ['2027-05-04T17:30:00+01:00', 'strength'],
      ['2027-05-06T17:30:00+01:00', 'strength'],
    ]);
  });
});

describe('cli events', () => {
  it('reports what was read and what was skipped', async () => {
    const file = tmpFile(
      'mixed.ics',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:good',
        'DTSTART:20270302T063000Z',
        'DTEND:20270302T073000Z',
        'SUMMARY:Tempo 20 min',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:broken',
        'SUMMARY:No start at all',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
    );
    const run = await runCliForTest([
      'events',
      '--calendar',
      file,
      '--from',
      '2027-03-01',
      '--to',
      '2027-03-07',
      '--tz',
      'Europe/London',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.read).toBe(1);
    expect(out.skipped).toEqual([expect.objectContaining({ uid: 'broken' })]);
    expect(out.occurrences).toEqual([
      expect.objectContaining({
        uid: 'good',
        title: 'Tempo 20 min',
        kind: 'tempo',
        intensity: 'hard',
        start: '2027-03-02T06:30:00+00:00',
      }),
    ]);
  });
});

describe('cli errors', () => {
  it.each([
    [
      ['plan', '--calendar', '/nope/missing.ics'],
      /Cannot read calendar \/nope\/missing\.ics: no such file/,
    ],
    [['plan', '--tz', 'Mars/Olympus'], /Unknown time zone "Mars\/Olympus"/],
    [['plan', '--week', '2027-02-30'], /--week must be a date as YYYY-MM-DD/],
    [['plan', '--weeks', '0'], /--weeks must be a whole number from 1 to 52/],
    [['plan', '--format', 'xml'], /--format must be one of text, json, ics/],
    [['plan', '--out', '/nope/dir/plan.ics'], /Cannot write \/nope\/dir\/plan\.ics/],
    [['plan', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('%j fails with one clear line', async (argv, message) => {
    const run = await runCliForTest(argv);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a file that is not a calendar', async () => {
    const file = tmpFile('page.ics', '<!DOCTYPE html><html><body>Sign in</body></html>');
    const run = await runCliForTest(['plan', '--calendar', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/page\.ics: .*not an iCalendar file/i);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('names the bad field of invalid preferences', async () => {
    const prefs = tmpFile(
      'prefs.json',
      JSON.stringify({ availability: { mon: [['06:00', '25:00']] } }),
    );
    const run = await runCliForTest(['plan', '--prefs', prefs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/availability\.mon\[0\]\[1\]: expected a time as HH:MM/);
  });

  it('says when preferences are not JSON', async () => {
    const prefs = tmpFile('prefs.json', '{ nope');
    const run = await runCliForTest(['plan', '--prefs', prefs]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/prefs\.json is not valid JSON/);
  });
});

describe('cli calendars from URLs', () => {
  it('reads a calendar served over http on 127.0.0.1', async () => {
    const { createServer } = await import('node:http');
    const { readFileSync } = await import('node:fs');
    const body = readFileSync(twoHardDays);
    const server = createServer((req, res) => {
      if (req.url === '/plan.ics') {
        res.writeHead(200, { 'content-type': 'text/calendar' }).end(body);
      } else {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const ok = await runCliForTest(
        [
          'plan',
          '--calendar',
          `http://127.0.0.1:${port}/plan.ics`,
          '--week',
          '2027-05-03',
          '--tz',
          'Europe/London',
          '--format',
          'json',
        ],
        { fetch: globalThis.fetch },
      );
      expect(ok.stderr).toBe('');
      expect(JSON.parse(ok.stdout).runs).toHaveLength(6);
      const missing = await runCliForTest(
        ['plan', '--calendar', `http://127.0.0.1:${port}/gone.ics`],
        { fetch: globalThis.fetch },
      );
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/answered 404/);
    } finally {
      server.close();
    }
  });
});

describe('cli as a process', () => {
  it('exits non-zero with one line and no stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'plan', '--calendar', 'nope.ics'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('ironstride: Cannot read calendar nope.ics: no such file');
    expect(run.stdout).toBe('');
  });
});
