import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGoogleExtension } from '../helpers/e2e/build';
import { BUILT_EXTENSION_DIR } from '../helpers/e2e/paths';

/** The manifest `wxt build` wrote: what a runner installs, not the test copy with its grant. */
function builtManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(BUILT_EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('built manifest', () => {
  it('asks for storage and alarms only, and for no site at install', () => {
    const manifest = builtManifest();

    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'storage']);
    expect(manifest).not.toHaveProperty('host_permissions');
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('"tabs"');
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\/\*"/);
  });

  it('asks for nothing Google needs when built without an OAuth client', () => {
    const manifest = builtManifest();
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('oauth2');
    expect(manifest).not.toHaveProperty('key');
  });

  it('leaves each feed site to be granted one at a time, when the runner adds it', () => {
    expect(builtManifest().optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('sets a strict content security policy for its pages', () => {
    const csp = (
      builtManifest().content_security_policy as { extension_pages?: string } | undefined
    )?.extension_pages;

    expect(csp).toBeDefined();
    const directives = new Map(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
  });
});

describe('built manifest with Google', () => {
  it('asks for identity only when Connect Google is pressed, and names the OAuth client and its scopes', () => {
    const dir = buildGoogleExtension({
      clientId: 'manifest-test.apps.googleusercontent.com',
      apiRoot: 'http://127.0.0.1:9/',
      authUrl: 'http://127.0.0.1:9/authorize',
      revokeUrl: 'http://127.0.0.1:9/revoke',
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;

    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'storage']);
    expect(manifest.optional_permissions).toEqual(['identity']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.oauth2).toEqual({
      client_id: 'manifest-test.apps.googleusercontent.com',
      scopes: [
        'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
        'https://www.googleapis.com/auth/calendar.events.readonly',
        'https://www.googleapis.com/auth/calendar.app.created',
      ],
    });
    // googleapis (Node-only) stays out of the service worker's bundle.
    const background = readFileSync(join(dir, 'background.js'), 'utf8');
    expect(background).not.toMatch(/gaxios|google-auth-library|googleapis\.com\/discovery/);
  });
});
