/**
 * The feed server as plain JavaScript: `npm run build:server` bundles `main.ts` and its render
 * worker with esbuild into `.output/server/`, so production runs `node .output/server/main.js`
 * with no TypeScript loader (tsx's loader cost memory and start-up time in every process).
 * Dependencies stay in node_modules (PGlite loads its WebAssembly files from its package).
 *
 * Build-time only: imports esbuild (a devDependency); nothing the server runs imports this.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_OUT_DIR = join(ROOT, '.output/server');
export const SERVER_ENTRY = join(SERVER_OUT_DIR, 'main.js');
const META = join(SERVER_OUT_DIR, 'meta.json');

/**
 * Bundles the server; returns the entry's path. Each file is written under a temporary name and
 * renamed into place, so a server starting meanwhile (another `serve`) never reads half a file.
 */
export async function buildServer(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    // The workers land beside main.js, where renderer.ts and embedded-sql.ts look for them.
    entryPoints: [
      'src/server/main.ts',
      'src/server/render-worker.ts',
      { in: 'src/server/store/embedded-sql-worker.mjs', out: 'embedded-sql-worker' },
    ],
    outdir: SERVER_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    write: false,
  });
  mkdirSync(SERVER_OUT_DIR, { recursive: true });
  const files = [
    ...result.outputFiles.map((f) => ({ path: f.path, contents: f.contents })),
    // Last: its presence says the build is whole.
    { path: META, contents: Buffer.from(JSON.stringify(result.metafile)) },
  ];
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  return SERVER_ENTRY;
}

/** Why the built server can't be used as it is, or undefined when it is current. */
export function staleReason(): string | undefined {
  if (!existsSync(SERVER_ENTRY) || !existsSync(META)) return 'not built yet';
  const builtAt = statSync(SERVER_ENTRY).mtimeMs;
  const meta = JSON.parse(readFileSync(META, 'utf8')) as { inputs: Record<string, unknown> };
  for (const input of Object.keys(meta.inputs)) {
    const path = join(ROOT, input);
    if (!existsSync(path) || statSync(path).mtimeMs > builtAt) return `${input} changed`;
  }
  return undefined;
}

/** The built server's entry, (re)built first when it is missing or older than its sources. */
export async function ensureServerBuilt(): Promise<string> {
  if (staleReason() === undefined) return SERVER_ENTRY;
  try {
    return await buildServer();
  } catch (error) {
    throw new Error(
      `the feed server is not built and could not be built (${(error as Error).message}); run npm run build:server`,
      { cause: error },
    );
  }
}
