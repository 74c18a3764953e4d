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

/**
 * The Firefox add-on id, in every Firefox build. addons.mozilla.org needs one, and
 * `identity.getRedirectURL()` (the OAuth redirect Google must know) is derived from it: without a
 * fixed id every temporary install gets a random one.
 */
export const GECKO_ID = 'ironstride@ironstride.app';

/**
 * Firefox 140 (desktop; an ESR) is the first to show the data-collection consent declared below
 * at install. Supporting older versions would oblige the add-on to build its own consent screen
 * (Mozilla's add-on policies), so 140 is the floor; every API Ironstride uses is older
 * (`storage.session` 115, `permissions.request` for origins 55, `alarms` 45). Android shows the
 * consent from 142.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * What leaves the device, in Mozilla's taxonomy (PRIVACY.md says it in words). Nothing goes to
 * Ironstride. But when the runner connects Google Calendar or creates a subscribable feed, the
 * accepted strength sessions — times, exercises, sets, reps and loads — are sent to Google or to
 * the feed server they chose, and Mozilla counts any data handled outside the add-on, to anyone,
 * as transmitted. Training data is fitness data; the nearest category is `healthInfo` (its
 * examples include heart-rate data). Reading calendars sends nothing of the runner's: a feed is a
 * GET to the address they gave, Google's API is read with their own token.
 */
export const FIREFOX_DATA_COLLECTION = { required: ['healthInfo'] };

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
  // `npm run zip`: one zip per store, plus (for Firefox) the sources addons.mozilla.org rebuilds
  // the add-on from. WXT already leaves out dotfiles, node_modules, *.test.* and the output; the
  // rest of what is not needed for `npm ci && npm run zip` stays out too (fixtures, benches,
  // store material), so a reviewer reads only what ships.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'docs/**',
      'scripts/**',
      'artifacts/**',
      'coverage/**',
    ],
  },
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
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: GECKO_ID,
                strict_min_version: FIREFOX_MIN_VERSION,
                data_collection_permissions: FIREFOX_DATA_COLLECTION,
              },
              gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
            },
          }
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
