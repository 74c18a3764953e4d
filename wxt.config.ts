import { defineConfig } from 'wxt';
import { googleScopesFor } from './src/calendar/google/scopes';

/**
 * Google Calendar is built in only when an OAuth client id is given (README, "Google Calendar in
 * the extension"): `WXT_GOOGLE_CLIENT_ID=… npm run build`. Without one, the build asks for
 * nothing Google needs and the options page says it cannot connect.
 */
const googleClientId = process.env.WXT_GOOGLE_CLIENT_ID?.trim() || undefined;
/** The manifest `key` (a public key) pins the extension id, which a "Chrome extension" OAuth client names. */
const manifestKey = process.env.IRONSTRIDE_EXTENSION_KEY?.trim() || undefined;

/** Any feed's site may be asked for — one origin at a time, when the runner adds that feed. */
const FEED_HOSTS = ['https://*/*', 'http://*/*'];

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: easier to read, and tests/architecture.test.ts can see them.
  imports: false,
  // No desktop browser to launch on CI machines or in containers.
  webExt: { disabled: true },
  // A second build for automation (the e2e tests' Google-enabled copy) goes elsewhere, so it
  // never replaces the one in .output that a runner loads.
  outDir: process.env.IRONSTRIDE_OUT_DIR || '.output',
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: 'Ironstride',
      description: 'Fits strength sessions around your runs: hard days hard, easy days easy.',
      // Least privilege: storage for your settings and plan, alarms for the hourly re-sync.
      // Firefox cannot ask for `identity` later (it is not an optional permission there), and
      // shows no prompt for it, so a Google-enabled Firefox build has it from the start.
      permissions: ['storage', 'alarms', ...(googleClientId && firefox ? ['identity'] : [])],
      // Chromium: `identity` is asked for when you press Connect Google (options page).
      ...(googleClientId && !firefox ? { optional_permissions: ['identity'] } : {}),
      // Feed hosts are asked for one origin at a time, when you add a feed (options page). Google's
      // APIs answer CORS, so www.googleapis.com needs no host permission. Firefox's MV2 manifest
      // has no optional_host_permissions (WXT drops it there): host patterns go in
      // optional_permissions instead.
      ...(firefox
        ? { optional_permissions: FEED_HOSTS }
        : { optional_host_permissions: FEED_HOSTS }),
      // chrome.identity.getAuthToken reads the client and its scopes from here.
      ...(googleClientId && !firefox
        ? {
            oauth2: {
              client_id: googleClientId,
              scopes: googleScopesFor({ writeExisting: false }),
            },
          }
        : {}),
      ...(manifestKey && !firefox ? { key: manifestKey } : {}),
      // A fixed add-on id keeps identity.getRedirectURL() (the OAuth redirect) the same across installs.
      ...(googleClientId && firefox
        ? { browser_specific_settings: { gecko: { id: 'ironstride@ironstride.app' } } }
        : {}),
      icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
      action: { default_title: 'Ironstride' },
      content_security_policy: {
        extension_pages:
          "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      },
    };
  },
});
