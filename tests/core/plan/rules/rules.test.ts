/**
 * Ties every rule of SPEC §4 to its module and its tests, the way refined-github ties features
 * to files: a rule added to the spec without a module, or a module without tests, fails here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, DAY_RULES, RULE_IDS, RULES, TIME_RULES } from '../../../../src/core/plan/rules';

const ROOT = resolve(__dirname, '../../../..');
const RULES_DIR = resolve(ROOT, 'src/core/plan/rules');
const TESTS_DIR = __dirname;

function specRuleIds(): string[] {
  const spec = readFileSync(resolve(ROOT, 'docs/SPEC.md'), 'utf8');
  const section = spec.slice(spec.indexOf('## 4. Planning rules'), spec.indexOf('## 5.'));
  return [...new Set([...section.matchAll(/\*\*(H\d+)\*\*/g)].map((m) => m[1]!))];
}

describe('the planning rules', () => {
  it('has one rule per id of SPEC §4, in order', () => {
    expect(specRuleIds()).toEqual([...RULE_IDS]);
    expect(ALL_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
  });

  it.each([...RULE_IDS])('%s has its own module and its own tests', (id) => {
    const n = id.slice(1);
    const modules = readdirSync(RULES_DIR).filter(
      (f) => f.startsWith(`h${n}-`) && f.endsWith('.ts'),
    );
    expect(modules, `src/core/plan/rules/h${n}-*.ts`).toHaveLength(1);
    const module = modules[0]!;
    expect(readFileSync(resolve(RULES_DIR, module), 'utf8')).toMatch(new RegExp(`id: '${id}'`));
    expect(
      existsSync(resolve(TESTS_DIR, module.replace(/\.ts$/, '.test.ts'))),
      `tests for ${module}`,
    ).toBe(true);
    expect(RULES[id].summary.length).toBeGreaterThan(10);
  });

  it('asks every day and time rule when judging a day or a slot', () => {
    const judged = [...DAY_RULES, ...TIME_RULES].map((r) => r.id).sort();
    expect(judged).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H7', 'H8']);
  });

  it('is the only place the planner, the checker and the warnings learn the rules from', () => {
    for (const file of [
      'plan-weeks.ts',
      'check-sessions.ts',
      'warnings.ts',
      'slots.ts',
      'candidates.ts',
    ]) {
      const text = readFileSync(resolve(ROOT, 'src/core/plan', file), 'utf8');
      expect(text, file).toMatch(/from '\.\/rules'/);
      expect(text, file).not.toMatch(/NO_STRENGTH_DAYS|BACK_TO_BACK|zonedInstant\(/);
    }
  });
});
