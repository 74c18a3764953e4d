import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import config from '../wxt.config';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
  command: string;
}) => Record<string, unknown>;

interface Gecko {
  id?: string;
  strict_min_version?: string;
  data_collection_permissions?: { required?: string[]; optional?: string[] };
}

const root = resolve(__dirname, '..');

function manifestFor(browser: string, manifestVersion: 2 | 3, wxtConfig = config) {
  const manifest = wxtConfig.manifest as unknown as ManifestFn;
  return manifest({ browser, manifestVersion, mode: 'production', command: 'build' });
}

function geckoOf(m: Record<string, unknown>): Gecko | undefined {
  return (m.browser_specific_settings as { gecko?: Gecko } | undefined)?.gecko;
}

/** The config as a build with `WXT_GOOGLE_CLIENT_ID` set reads it (the variable is read at import). */
async function configWithGoogle(): Promise<typeof config> {
  vi.stubEnv('WXT_GOOGLE_CLIENT_ID', 'manifest-test.apps.googleusercontent.com');
  vi.resetModules();
  return (await import('../wxt.config')).default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('wxt.config manifest', () => {
  it('asks Chromium for storage and alarms, with feed hosts optional per origin', () => {
    const m = manifestFor('chrome', 3);
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.host_permissions).toBeUndefined();
  });

  it('puts the feed hosts in optional_permissions for Firefox MV2, which has no optional_host_permissions', () => {
    const m = manifestFor('firefox', 2);
    expect(m.permissions).toEqual(['storage', 'alarms']);
    expect(m.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('gives every Firefox build the same add-on id, with Google or without', async () => {
    const plain = geckoOf(manifestFor('firefox', 2));
    const google = geckoOf(manifestFor('firefox', 2, await configWithGoogle()));

    expect(plain?.id).toBe('ironstride@ironstride.app');
    expect(google?.id).toBe(plain?.id);
    expect(geckoOf(manifestFor('firefox', 3))?.id).toBe(plain?.id);
  });

  it('keeps Gecko settings out of the Chromium manifest', () => {
    expect(manifestFor('chrome', 3).browser_specific_settings).toBeUndefined();
  });

  it('declares what leaves the device in Mozilla’s taxonomy: training data, to Google or a feed server', () => {
    const permissions = geckoOf(manifestFor('firefox', 2))?.data_collection_permissions;

    // browser_specific_settings.gecko.data_collection_permissions as addons-linter 10 validates it:
    // `required` is "none" alone or personal-data types; technicalAndInteraction only optional.
    const personal = [
      'authenticationInfo',
      'bookmarksInfo',
      'browsingActivity',
      'financialAndPaymentInfo',
      'healthInfo',
      'locationInfo',
      'personalCommunications',
      'personallyIdentifyingInfo',
      'searchTerms',
      'websiteActivity',
      'websiteContent',
    ] as const;
    const shape = z.strictObject({
      required: z.union([z.tuple([z.literal('none')]), z.array(z.enum(personal)).min(1)]),
      optional: z.array(z.enum([...personal, 'technicalAndInteraction'])).optional(),
    });
    expect(shape.safeParse(permissions).error).toBeUndefined();
    // Not "none": accepted sessions (times, exercises, loads) go to Google or a feed server when
    // the runner connects one. Nothing else leaves: no analytics, no browsing data.
    expect(permissions).toEqual({ required: ['healthInfo'] });
  });

  it('requires the Firefox that shows that declaration at install: 140 on desktop, 142 on Android', () => {
    const m = manifestFor('firefox', 2);
    const settings = m.browser_specific_settings as {
      gecko_android?: { strict_min_version?: string };
    };
    expect(geckoOf(m)?.strict_min_version).toBe('140.0');
    expect(settings.gecko_android?.strict_min_version).toBe('142.0');
  });

  it('leaves out of the AMO sources zip what the build does not need', () => {
    const exclude = config.zip?.excludeSources ?? [];
    expect(exclude).toEqual(expect.arrayContaining(['tests/**', 'bench/**', 'docs/**']));
    // What `npm ci && npm run zip` reads must stay in.
    for (const needed of ['src/**', 'entrypoints/**', 'public/**', 'package.json', 'wxt.config.ts'])
      expect(exclude).not.toContain(needed);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** The module specifiers of a file's static imports, in order. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?:type\s+)?(?:[^'"]*?\bfrom\s*)?['"]([^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  );
}

describe('what the addons-linter warnings the README explains rest on', () => {
  it('makes zod jitless when imported', async () => {
    vi.resetModules();
    const { z: fresh } = await import('zod');
    // zod keeps its config on globalThis: start from the default so the import must change it.
    fresh.config({ jitless: false });
    await import('../src/extension/zod-jitless');
    expect(fresh.config().jitless).toBe(true);
    fresh.config({ jitless: false });
  });

  it.each([
    'entrypoints/background/index.ts',
    'entrypoints/popup/main.tsx',
    'entrypoints/options/main.tsx',
  ])('%s imports zod-jitless before anything else, so no schema is built first', (entry) => {
    expect(importsOf(join(root, entry))[0]).toBe('../../src/extension/zod-jitless');
  });

  it('never hands React raw HTML (the innerHTML the linter finds is React’s unused path)', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'entrypoints'))];
    const offenders = files
      .filter((f) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
