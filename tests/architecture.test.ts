import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) specs.push(m[1]);
  return specs;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const layers = ['core', 'calendar', 'extension', 'ui', 'server', 'cli'] as const;
type Layer = (typeof layers)[number];
/** What each layer may import from (SPEC/STYLE: core ← calendar ← extension, ui, server, cli). */
const allowed: Record<Layer, Layer[]> = {
  core: ['core'],
  calendar: ['core', 'calendar'],
  extension: ['core', 'calendar', 'extension'],
  ui: ['core', 'calendar', 'extension', 'ui'],
  server: ['core', 'calendar', 'server'],
  cli: ['core', 'calendar', 'server', 'cli'],
};

function layerOf(file: string): Layer | undefined {
  const rel = relative(join(root, 'src'), file).split(/[\\/]/)[0];
  return layers.find((l) => l === rel);
}

const coreFiles = sourceFiles(join(root, 'src/core'));

describe('src/core', () => {
  it('has source files to check', () => {
    expect(coreFiles.length).toBeGreaterThan(3);
  });

  it.each(coreFiles.map((f) => [relative(root, f), f]))(
    '%s imports no wxt, node:* or browser APIs',
    (_name, file) => {
      const specs = importsOf(readFileSync(file, 'utf8'));
      const bad = specs.filter(
        (s) =>
          s === 'wxt' ||
          s.startsWith('wxt/') ||
          s.startsWith('@wxt-dev/') ||
          s.startsWith('node:') ||
          [
            'fs',
            'path',
            'os',
            'url',
            'crypto',
            'child_process',
            'http',
            'https',
            'react',
            'react-dom',
          ].includes(s) ||
          s.includes('webextension') ||
          s === '@webext-core/messaging',
      );
      expect(bad).toEqual([]);
    },
  );

  it.each(coreFiles.map((f) => [relative(root, f), f]))(
    '%s reads no clock, env, DOM or extension globals',
    (_name, file) => {
      const code = stripComments(readFileSync(file, 'utf8'));
      const forbidden: [string, RegExp][] = [
        ['Date.now()', /\bDate\.now\s*\(/],
        ['new Date() without arguments', /\bnew\s+Date\s*\(\s*\)/],
        ['performance.now()', /\bperformance\.now\s*\(/],
        ['process', /\bprocess\s*\./],
        ['import.meta.env', /\bimport\.meta\.env\b/],
        ['document', /\bdocument\s*\./],
        ['window', /\bwindow\s*\./],
        ['localStorage', /\blocalStorage\b/],
        ['navigator', /\bnavigator\s*\./],
        ['chrome.*', /\bchrome\s*\.\s*[a-z]/],
        ['browser.*', /\bbrowser\s*\.\s*[a-z]/],
        ['the system time zone', /resolvedOptions\s*\(\s*\)\s*\.\s*timeZone/],
        ['Math.random()', /\bMath\.random\s*\(/],
      ];
      const found = forbidden.filter(([, re]) => re.test(code)).map(([name]) => name);
      expect(found).toEqual([]);
    },
  );
});

describe('layering', () => {
  const files = sourceFiles(join(root, 'src'));
  it.each(files.map((f) => [relative(root, f), f]))(
    '%s imports only from layers below it',
    (_name, file) => {
      const layer = layerOf(file);
      if (!layer) return;
      const bad = importsOf(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s))
        .filter((target) => target.startsWith(join(root, 'src')))
        .map((target) => layerOf(target))
        .filter(
          (target): target is Layer => target !== undefined && !allowed[layer].includes(target),
        );
      expect(bad).toEqual([]);
    },
  );

  it('catches a forbidden import (the checker itself can fail)', () => {
    expect(
      importsOf(`import { x } from 'node:fs';\nimport type { Y } from "wxt/browser";`),
    ).toEqual(['node:fs', 'wxt/browser']);
  });
});

describe('src/extension', () => {
  const extensionFiles = sourceFiles(join(root, 'src/extension'));
  const handlerFiles = extensionFiles.filter((f) => f.endsWith('/handlers.ts'));

  it('has a handlers module per concern', () => {
    expect(handlerFiles.map((f) => relative(join(root, 'src/extension'), f)).sort()).toEqual([
      'feed/handlers.ts',
      'google/handlers.ts',
      'log/handlers.ts',
      'plan/handlers.ts',
      'prefs/handlers.ts',
      'sources/handlers.ts',
    ]);
  });

  it.each(handlerFiles.map((f) => [relative(root, f), f]))(
    '%s reaches other concerns through their stores, never their handlers',
    (_name, file) => {
      const others = importsOf(readFileSync(file, 'utf8'))
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(file), s))
        .filter((target) => target.endsWith('/handlers') && target !== file.replace(/\.ts$/, ''));
      expect(others).toEqual([]);
    },
  );
});

describe('file sizes (issue 12)', () => {
  const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;
  const over = (files: string[], max: number) =>
    files.filter((f) => lines(f) > max).map((f) => `${relative(root, f)}: ${lines(f)} lines`);

  it('keeps the composition root short', () => {
    expect(lines(join(root, 'src/extension/background-service.ts'))).toBeLessThan(80);
  });

  it('keeps every extension module under 300 lines', () => {
    expect(over(sourceFiles(join(root, 'src/extension')), 300)).toEqual([]);
  });

  it('keeps every React component file under 250 lines', () => {
    const components = [
      ...sourceFiles(join(root, 'src/ui')),
      ...sourceFiles(join(root, 'entrypoints')),
    ].filter((f) => f.endsWith('.tsx'));
    expect(over(components, 250)).toEqual([]);
  });
});
