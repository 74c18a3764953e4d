#!/usr/bin/env node
// Mozilla's addons-linter on the Firefox zip `npm run zip` made, as addons.mozilla.org runs it on
// upload. Fails on any error, and on any warning or notice that is not one of the few explained in
// the README ("addons-linter: what it still says, and why"). An explained warning is recognised by
// the code around it, not by its file name (chunk names are hashed), so a new eval or innerHTML
// somewhere else fails here until it is fixed or explained.
//
// Usage: node scripts/lint-firefox.mjs [path/to/firefox.zip]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const zip = resolve(process.argv[2] ?? join(root, `.output/ironstride-${version}-firefox.zip`));
// The directory WXT zipped: the same bytes, readable without an unzip library.
const unpacked = join(root, '.output/firefox-mv2');

/** Warnings the README explains, each recognised by text next to where the linter points. */
const EXPLAINED = [
  {
    code: 'DANGEROUS_EVAL',
    // zod 4's `allowsEval` probe: `if (globalConfig.jitless || …) return false; try { Function('') … }`.
    marker:
      /jitless\|\|typeof navigator<`u`&&navigator\?\.userAgent\?\.includes\(`Cloudflare`\)\)return!1;try\{return Function\(``\)/,
    why: "zod's eval probe, never run: src/extension/zod-jitless.ts sets jitless before any schema exists",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // React DOM applying `dangerouslySetInnerHTML={{ __html }}`, which Ironstride never passes.
    marker: /__html[^;]{0,80}\.innerHTML=/,
    why: "React DOM's dangerouslySetInnerHTML path, never used by Ironstride (tests/manifest-config.test.ts)",
  },
];

/** The text just before and at the linter's position (line and column are 1-based). */
function around(file, line, column) {
  const path = join(unpacked, file);
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8').split('\n')[(line ?? 1) - 1] ?? '';
  const at = (column ?? 1) - 1;
  return text.slice(Math.max(0, at - 200), at + 200);
}

if (!existsSync(zip)) {
  console.error(`No Firefox zip at ${zip}: run \`npm run zip\` first.`);
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/addons-linter/bin/addons-linter'), '--output', 'json', '--boring', zip],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`addons-linter gave no report (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  process.exit(1);
}

const problems = [];
for (const m of report.errors) problems.push(`error ${m.code} ${m.file ?? ''}: ${m.message}`);
for (const m of [...report.warnings, ...report.notices]) {
  const where = `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column}` : ''}`;
  const rule = EXPLAINED.find(
    (r) => r.code === m.code && m.file && r.marker.test(around(m.file, m.line, m.column)),
  );
  if (rule) console.log(`explained  ${m._type} ${m.code} ${where}: ${rule.why}`);
  else problems.push(`${m._type} ${m.code} ${where}: ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(
  `addons-linter ${zip.replace(`${root}/`, '')}: ${errors} errors, ${warnings} warnings, ${notices} notices`,
);
if (problems.length > 0) {
  console.error(
    `Not explained (fix it, or explain it in the README and in scripts/lint-firefox.mjs):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
