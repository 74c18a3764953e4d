import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Module specifiers loaded at runtime: type-only imports erase, so they are fine. */
function runtimeImports(text: string): string[] {
  const patterns = [
    /^\s*import\s+(?!type\b)[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\b)[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? ''));
}

/** googleapis pulls in Node modules that crash an MV3 service worker. */
const forbidden = (spec: string) =>
  spec.startsWith('node:') ||
  spec.startsWith('googleapis') ||
  spec.startsWith('@googleapis/') ||
  spec === 'google-auth-library' ||
  spec.endsWith('/node-api');

const files = [
  ...sourceFiles(join(root, 'src/extension')),
  ...sourceFiles(join(root, 'entrypoints')),
];

describe('the extension’s code', () => {
  it.each(files.map((f) => [relative(root, f), f]))(
    '%s loads no googleapis or Node module at runtime',
    (_name, file) => {
      expect(runtimeImports(readFileSync(file, 'utf8')).filter(forbidden)).toEqual([]);
    },
  );

  it('tells a runtime import from a type-only one (the check itself can fail)', () => {
    const text = `import type { calendar_v3 } from '@googleapis/calendar';\nimport { x } from '../calendar/google/node-api';`;
    expect(runtimeImports(text).filter(forbidden)).toEqual(['../calendar/google/node-api']);
  });
});
