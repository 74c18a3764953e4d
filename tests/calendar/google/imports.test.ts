import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(__dirname, '../../../src/calendar/google');
/** Only the CLI's transport may load googleapis or Node modules at runtime. */
const NODE_ONLY = new Set(['node-api.ts']);

/** Module specifiers a file loads at runtime (type-only imports erase, so they are fine). */
function runtimeImports(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\b)[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs;
}

const forbidden = (spec: string) =>
  spec.startsWith('node:') ||
  spec.startsWith('googleapis') ||
  spec.startsWith('@googleapis/') ||
  spec === 'google-auth-library' ||
  spec === 'gaxios' ||
  ['fs', 'path', 'os', 'url', 'crypto', 'http', 'https', 'net', 'stream', 'child_process'].includes(
    spec,
  ) ||
  spec.endsWith('/node-api') ||
  spec.endsWith('/node-api.ts');

const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !NODE_ONLY.has(f));

describe('src/calendar/google (bundled into the extension)', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(8);
  });

  it.each(files)('%s loads no node:* or googleapis at runtime', (file) => {
    const bad = runtimeImports(readFileSync(join(dir, file), 'utf8')).filter(forbidden);
    expect(bad).toEqual([]);
  });

  it('tells a runtime import from a type-only one (the check itself can fail)', () => {
    const text = `import type { calendar_v3 } from '@googleapis/calendar';\nimport { calendar } from '@googleapis/calendar';\nimport { x } from './node-api';`;
    expect(runtimeImports(text).filter(forbidden)).toEqual(['@googleapis/calendar', './node-api']);
  });
});
