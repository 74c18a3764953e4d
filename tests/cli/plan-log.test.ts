import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliForTest } from '../helpers/cli';
import { fixturePath } from '../helpers/shared';

const SAMPLE_LOG = fixturePath('logs/sample-runner-log.json');

function tmpFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ironstride-log-')), name);
  writeFileSync(file, content);
  return file;
}

interface JsonExercise {
  name: string;
  kg?: number;
}

interface JsonSession {
  id: string;
  description: string;
  exercises: JsonExercise[];
}

/** Each session's exercises that carry a target weight, as `name → kg`. */
function targetWeights(sessions: JsonSession[]): Record<string, number>[] {
  return sessions.map((s) =>
    Object.fromEntries(
      s.exercises.filter((e) => e.kg !== undefined).map((e) => [e.name, e.kg as number]),
    ),
  );
}

describe('cli plan --log', () => {
  // The bundled sample runner's November: the goblet squat reached 3 × 8 at 16 kg, the deload
  // held it there, and 30 Nov starts a new block where the step up shows.
  const week = ['plan', '--log', SAMPLE_LOG, '--week', '2026-11-30'];

  it('shows target weights in the text plan', async () => {
    const run = await runCliForTest(week);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Goblet squat — 3 × 6–8, rest 90 s — One weight held at the chest, torso tall, elbows inside the knees at the bottom — With dumbbells at 18 kg;',
    );
    expect(run.stdout).toContain(
      'Target: 18 kg for 6 reps (every set reached 8 last time with reps to spare: up a step).',
    );
    expect(run.stdout).toContain('Target: 20 kg for 8 reps (one more rep a set than last time).');
  });

  it('gives each exercise its target kg in the JSON plan', async () => {
    const run = await runCliForTest([...week, '--format', 'json']);

    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { sessions: JsonSession[] };
    expect(plan.sessions.map((s) => s.id)).toEqual(['s20261130-1', 's20261130-2']);
    expect(targetWeights(plan.sessions)).toEqual([
      { 'Goblet squat': 18, 'Single-leg Romanian deadlift': 9, 'Standing calf raise': 14 },
      { 'Romanian deadlift': 20, 'Step-up': 8 },
    ]);
  });

  it('has no target weights without a log', async () => {
    const run = await runCliForTest(['plan', '--week', '2026-11-30', '--format', 'json']);

    const plan = JSON.parse(run.stdout) as { sessions: JsonSession[] };
    expect(targetWeights(plan.sessions)).toEqual([{}, {}]);
  });

  it('shows a runner on pounds their targets in pounds, and keeps kilograms in the JSON', async () => {
    const prefs = tmpFile('prefs.json', JSON.stringify({ weightUnit: 'lb' }));

    const text = await runCliForTest([...week, '--prefs', prefs]);
    const json = await runCliForTest([...week, '--prefs', prefs, '--format', 'json']);

    expect(text.stdout).toContain('Target: 40 lb for 6 reps');
    expect(text.stdout).not.toMatch(/Target: [\d.]+ kg/);
    const plan = JSON.parse(json.stdout) as { sessions: JsonSession[] };
    // 16 kg is 35 lb: the next pound dumbbell is 40 lb, stored as 18.14 kg.
    expect(targetWeights(plan.sessions)[0]).toMatchObject({ 'Goblet squat': 18.14 });
  });

  it('echoes a logged session’s result in its description and text', async () => {
    const json = await runCliForTest([
      'plan',
      '--log',
      SAMPLE_LOG,
      '--week',
      '2026-11-23',
      '--format',
      'json',
    ]);
    const text = await runCliForTest(['plan', '--log', SAMPLE_LOG, '--week', '2026-11-23']);

    const plan = JSON.parse(json.stdout) as { sessions: JsonSession[] };
    const line =
      'Done · RPE 5 · goblet squat 2 × 8 @ 16 kg · single-leg Romanian deadlift 2 × 12 @ 8 kg · standing calf raise 2 × 15 @ 12 kg';
    expect(plan.sessions[0]?.description.split('\n\n')[0]).toBe(line);
    expect(plan.sessions[0]?.description.match(/^Done · /gm)).toHaveLength(1);
    expect(text.stdout).toContain(`Logged: ${line}`);
  });

  describe('refuses a log it cannot use, with one line and no plan', () => {
    const sample = readFileSync(SAMPLE_LOG, 'utf8');
    // Entry 4 is a skipped session; logged as done with a weight typed wrong.
    const negative = JSON.parse(sample) as { entries: Record<string, unknown>[] };
    negative.entries[3] = {
      ...negative.entries[3],
      status: 'done',
      exercises: [
        {
          name: 'Goblet squat',
          sets: [
            { reps: 8, kg: 16 },
            { reps: 8, kg: -5 },
          ],
        },
      ],
    };

    it.each([
      [
        'a negative weight',
        JSON.stringify(negative),
        /^ironstride: .*bad\.json: Invalid training log \(entry 4\): entries\[3\]\.exercises\[0\]\.sets\[1\]\.kg: a weight cannot be negative \(got -5\)\n$/,
      ],
      [
        'an unknown field',
        JSON.stringify({
          version: 1,
          entries: [{ sessionId: 'a', date: '2026-11-03', status: 'done', effort: 7 }],
        }),
        /^ironstride: .*bad\.json: Invalid training log \(entry 1\): entries\[0\]: Unrecognized key: "effort"\n$/,
      ],
      ['broken JSON', sample.slice(0, 200), /^ironstride: .*bad\.json is not valid JSON: .+\n$/],
    ])('%s', async (_what, content, message) => {
      const run = await runCliForTest(['plan', '--log', tmpFile('bad.json', content)]);

      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    });

    it('a missing file', async () => {
      const missing = join(mkdtempSync(join(tmpdir(), 'ironstride-log-')), 'nope.json');

      const run = await runCliForTest(['plan', '--log', missing]);

      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`ironstride: Cannot read training log ${missing}: no such file\n`);
    });
  });
});
