/**
 * The weeks issue "Read the week like a coach" was about, through the CLI a runner uses: a
 * race-pace workout that must not invent a race, and an evening track session that must not
 * push lifting to 22:15.
 */
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

interface PlanJson {
  weeks: { start: string; phase: string }[];
  runs: { title: string; kind: string }[];
  races: unknown[];
  sessions: { start: string; end: string; reasons: string[] }[];
}

async function planJson(args: string[]): Promise<PlanJson> {
  const run = await runCliForTest(['plan', ...args, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as PlanJson;
}

describe('cli plan, read like a coach', () => {
  it('keeps a week with "Half Marathon Race Pace 3 x 3km" in base, with no race', async () => {
    const plan = await planJson([
      '--calendar',
      fixturePath('coach-weeks/half-marathon-race-pace.ics'),
      '--week',
      '2027-05-03',
      '--weeks',
      '8',
      '--tz',
      'Europe/London',
    ]);

    expect(plan.races).toEqual([]);
    expect(new Set(plan.weeks.map((w) => w.phase))).toEqual(new Set(['base']));
    const workout = plan.runs.find((r) => r.title.startsWith('Half Marathon Race Pace'));
    expect(workout?.kind).toBe('tempo');
    expect(plan.sessions.length).toBe(16);
  });

  it('lifts right after an evening track session, never past 21:30', async () => {
    const plan = await planJson([
      '--calendar',
      fixturePath('scenarios/club-night-back-to-back/calendar.ics'),
      '--prefs',
      fixturePath('coach-weeks/evening-track-prefs.json'),
      '--week',
      '2027-05-03',
    ]);

    expect(plan.sessions).toHaveLength(2);
    for (const s of plan.sessions) {
      expect(s.end.slice(11, 16) <= '21:30').toBe(true);
      expect(s.reasons[0]).toMatch(/run first, lift right after/);
    }
    expect(plan.sessions.map((s) => s.start.slice(11, 16))).toEqual(['20:00', '19:45']);
  });
});

describe('cli plan, a race with a cross-training word in its name', () => {
  const args = [
    '--calendar',
    fixturePath('coach-weeks/surf-city-10k.ics'),
    '--week',
    '2027-05-17',
    '--weeks',
    '2',
    '--tz',
    'Europe/London',
  ];

  it('reads "Surf City 10K" as a C race and keeps its day and the day after free', async () => {
    const plan = await planJson(args);

    expect(plan.races).toEqual([
      expect.objectContaining({ title: 'Surf City 10K', priority: 'C', confirmed: false }),
    ]);
    const days = plan.sessions.map((s) => s.start.slice(0, 10));
    expect(days).not.toContain('2027-05-23');
    expect(days).not.toContain('2027-05-24');
  });

  it('asks the runner to confirm the priority it inferred, in the text', async () => {
    const run = await runCliForTest(['plan', ...args]);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Races found in your calendar, priority inferred — confirm or change them:\n {2}- Sun 23 May 2027 {2}Surf City 10K: read as C/,
    );
  });
});
