import { describe, expect, it } from 'vitest';
import config from '../wxt.config';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
  command: string;
}) => Record<string, unknown>;

function manifestFor(browser: string, manifestVersion: 2 | 3) {
  const manifest = config.manifest as unknown as ManifestFn;
  return manifest({ browser, manifestVersion, mode: 'production', command: 'build' });
}

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
});
