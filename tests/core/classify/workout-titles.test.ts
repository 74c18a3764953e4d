/**
 * Scores the classifier on the labelled development set (`tests/fixtures/workout-titles.tsv`,
 * SPEC §3). A different held-out set of the same kind is used to judge it, so this test prints
 * what it gets wrong rather than only failing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../../src/core/classify';
import type { Classification } from '../../../src/core/classify';
import { fixturePath } from '../../helpers/shared';

interface LabelledRow {
  title: string;
  description: string;
  activity: string;
  /** `null` where the file says `-`. */
  kind: string | null;
  intensity: string | null;
}

function readDevSet(): LabelledRow[] {
  const [header, ...lines] = readFileSync(fixturePath('workout-titles.tsv'), 'utf8')
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split('\n');
  expect(header).toBe('title\tdescription\tactivity\tkind\tintensity');
  return lines.map((line) => {
    const [title = '', description = '', activity = '', kind = '-', intensity = '-'] =
      line.split('\t');
    return {
      title,
      description,
      activity,
      kind: kind === '-' ? null : kind,
      intensity: intensity === '-' ? null : intensity,
    };
  });
}

function describeMiss(row: LabelledRow, got: Classification): string {
  const text = row.description ? `${row.title} | ${row.description}` : row.title;
  const want = `${row.activity}/${row.kind ?? '-'}/${row.intensity ?? '-'}`;
  const was = `${got.activity}/${got.kind ?? '-'}/${got.intensity ?? '-'}`;
  return `  ${text}: want ${want}, got ${was} (${got.reasons.join('; ')})`;
}

describe('classifyEvent on the development set', () => {
  it('meets the accuracy targets for activity, kind and intensity', () => {
    const rows = readDevSet();
    let activityHits = 0;
    let runs = 0;
    let kindHits = 0;
    let intensityHits = 0;
    const misses: string[] = [];

    for (const row of rows) {
      const got = classifyEvent(
        row.description ? { title: row.title, description: row.description } : { title: row.title },
      );
      const activityOk = got.activity === row.activity;
      const kindOk = got.kind === row.kind;
      const intensityOk = got.intensity === row.intensity;
      if (activityOk) activityHits += 1;
      if (intensityOk) intensityHits += 1;
      if (row.activity === 'run') {
        runs += 1;
        if (kindOk) kindHits += 1;
      }
      if (!activityOk || !intensityOk || (row.activity === 'run' && !kindOk)) {
        misses.push(describeMiss(row, got));
      }
    }

    const activity = activityHits / rows.length;
    const kind = kindHits / runs;
    const intensity = intensityHits / rows.length;
    console.log(
      [
        `workout-titles.tsv: ${rows.length} rows, ${runs} runs`,
        `  activity accuracy  ${(activity * 100).toFixed(1)}% (${activityHits}/${rows.length})`,
        `  kind accuracy      ${(kind * 100).toFixed(1)}% (${kindHits}/${runs}, runs only)`,
        `  intensity accuracy ${(intensity * 100).toFixed(1)}% (${intensityHits}/${rows.length})`,
        misses.length > 0 ? `misclassified:\n${misses.join('\n')}` : 'misclassified: none',
      ].join('\n'),
    );

    expect(rows.length).toBeGreaterThan(100);
    expect(activity).toBeGreaterThanOrEqual(0.97);
    expect(kind).toBeGreaterThanOrEqual(0.95);
    expect(intensity).toBeGreaterThanOrEqual(0.97);
  });
});
