/**
 * Scores the classifier on titles a running coach wrote for this project without seeing the
 * classifier (`tests/fixtures/workout-titles-coach.tsv`: 220 rows in five languages, half of
 * them the traps of SPEC §3's "Reading the week like a coach"), including the accessory and
 * full-rest flags. Printed so a regression shows what it got wrong, and held to 97 %.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../../../src/core/classify';
import { fixturePath } from '../../helpers/shared';

const COLUMNS = 'title\tdescription\tactivity\tkind\tintensity\taccessory\tfullRest';

describe('classifyEvent on the coach-written set', () => {
  it('reads at least 97 % of the rows exactly, flags included', () => {
    const [header, ...lines] = readFileSync(fixturePath('workout-titles-coach.tsv'), 'utf8')
      .replace(/\r\n/g, '\n')
      .trimEnd()
      .split('\n');
    expect(header).toBe(COLUMNS);
    const misses: string[] = [];
    for (const line of lines) {
      const [title = '', description = '', ...want] = line.split('\t');
      const got = classifyEvent(description ? { title, description } : { title });
      const read = [
        got.activity,
        got.kind ?? '-',
        got.intensity ?? '-',
        got.accessory ? 'yes' : '-',
        got.fullRest ? 'yes' : '-',
      ];
      if (read.join(' ') !== want.join(' ')) {
        misses.push(`  ${title}: want ${want.join(' ')}, got ${read.join(' ')}`);
      }
    }
    const score = (lines.length - misses.length) / lines.length;
    console.log(
      `workout-titles-coach.tsv: ${(score * 100).toFixed(1)}% exact (${lines.length - misses.length}/${lines.length})\n${misses.join('\n')}`,
    );
    expect(lines.length).toBeGreaterThanOrEqual(200);
    expect(score).toBeGreaterThanOrEqual(0.97);
  });
});
