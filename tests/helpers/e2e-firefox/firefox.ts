/**
 * The built add-on in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no
 * geckodriver), one fresh profile per launch: its pages, storage, the protocol the pages speak to
 * the background, errors on its pages, downloads and the colour scheme.
 *
 * What Firefox needs, measured here (shared/FIREFOX-E2E.md):
 * - `--remote-allow-system-access`, else BiDi refuses to navigate a tab to `moz-extension://`;
 * - the pref `extensions.webextensions.uuids` fixing the add-on's origin in advance (its id is in
 *   the manifest), so page URLs are known before it installs;
 * - no load events for extension pages (Firefox bug 1755014): open with `waitUntil: []`, then
 *   wait for `document.readyState`;
 * - no console or pageerror events either: errors are read from the parent process's console
 *   service, through BiDi in the browser's own ("chrome") scope.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type { WxtBrowser } from 'wxt/browser';
import type { ProtocolMap } from '../../../src/extension/protocol';
import { assertFirefox } from './build';
import { FIREFOX_BUILD_DIR, FIREFOX_PATH } from './paths';

/** `browser.*` inside an extension page, for the callbacks passed to `evaluate` (types only). */
type ExtensionGlobals = { browser: WxtBrowser };

export const POPUP_VIEWPORT = { width: 400, height: 600 };
const PAGE_VIEWPORT = { width: 1000, height: 1000 };

/** The sample runner trains in London; Firefox lives there too, so every clock agrees. */
export const TIME_ZONE = 'Europe/London';

type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type ResultOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export type Scheme = 'light' | 'dark';

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
}

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on id Firefox installed it under (the manifest's `browser_specific_settings.gecko.id`). */
  id: string;
  /** The origin's host, fixed by pref before install: pages are `moz-extension://<uuid>/…`. */
  uuid: string;
  /** Where Firefox saves downloads, without asking. */
  downloads: string;
  url(path: string): string;
  openPage(path: string, options?: OpenPageOptions): Promise<Page>;
  /** popup.html in a tab at the popup's size. */
  openPopup(options?: OpenPageOptions): Promise<Page>;
  openOptions(options?: OpenPageOptions): Promise<Page>;
  /** Reloads an extension page (Firefox sends no load event for it) and waits until it is loaded. */
  reload(page: Page): Promise<void>;
  /** A protocol message to the real background, sent from an extension page. */
  send<K extends MessageType>(type: K, data: DataOf<K>): Promise<ResultOf<K>>;
  /** One `storage.local` key as the add-on stored it (WXT item `local:x` is key `x`). */
  stored<T>(key: string): Promise<T | undefined>;
  /** Empties `storage.local` (keeping WXT's version markers, as the Chromium harness explains). */
  resetStorage(): Promise<void>;
  /** Errors logged by the add-on's pages and background since the last `clearErrors()`. */
  errors(): Promise<string[]>;
  clearErrors(): Promise<void>;
  /** What `prefers-color-scheme` answers in every page, live. */
  setColorScheme(scheme: Scheme): Promise<void>;
  /** Waits until Firefox has finished saving `filename` into `downloads`; returns its text. */
  waitForDownload(filename: string, timeout?: number): Promise<string>;
  /** Closes every page a test opened. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** Opens `url` in a new tab and waits until its document has loaded. */
async function openTab(browser: Browser, url: string, viewport: OpenPageOptions['viewport']) {
  const page = await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  await page.goto(url, { waitUntil: [] });
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 20_000 });
  return page;
}

/**
 * BiDi in the browser's own scope: a function run in the parent process, where `Services` lives.
 * `browser.connection` is puppeteer's BiDi connection (not in its public types).
 */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

async function chromeScope(browser: Browser) {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' }))
    .result as { contexts: { context: string }[] };
  const context = tree.contexts[0]?.context;
  if (!context) throw new Error('Firefox has no browser window to run chrome-scope scripts in');
  return async function run(functionDeclaration: string): Promise<string> {
    const reply = (
      await connection.send('script.callFunction', {
        functionDeclaration,
        target: { context },
        awaitPromise: true,
      })
    ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (reply.type !== 'success')
      throw new Error(`Chrome-scope script failed: ${reply.exceptionDetails?.text}`);
    return String(reply.result?.value ?? '');
  };
}

/** Starts firefox-esr with a fresh profile and installs the built add-on. */
export async function launchFirefoxExtension(
  buildDir = FIREFOX_BUILD_DIR,
): Promise<FirefoxExtension> {
  assertFirefox();
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId)
    throw new Error(`${buildDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const uuid = randomUUID();
  const downloads = mkdtempSync(join(tmpdir(), 'ironstride-firefox-downloads-'));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    // Time inputs and dates follow the locale Firefox takes from the environment.
    env: { ...process.env, TZ: TIME_ZONE, LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // permissions.request() grants without a prompt (headless Firefox never settles one).
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.regional_prefs.use_os_locales': true,
      'intl.accept_languages': 'en-GB, en',
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'ui.prefersReducedMotion': 1,
      'layout.css.prefers-color-scheme.content-override': 1,
      // Closing a test's last tab must not close the window (and quit Firefox).
      'browser.tabs.closeWindowWithLastTab': false,
    },
  });
  try {
    const run = await chromeScope(browser);
    // Uncaught errors and CSP refusals reach the parent's console service from every process.
    await run(`() => {
      const errors = [];
      Services.console.registerListener({
        observe(message) {
          if (!(message instanceof Ci.nsIScriptError)) return;
          if (message.flags & Ci.nsIScriptError.warningFlag) return;
          errors.push(message.sourceName + ':' + message.lineNumber + ': [' + message.category + '] ' + message.errorMessage);
        },
      });
      globalThis.__ironstrideErrors = errors;
      return 'ok';
    }`);
    const [blank] = await browser.pages();
    const id = await browser.installExtension(buildDir);
    const url = (path: string) => `moz-extension://${uuid}/${path}`;
    const openPage = (path: string, options: OpenPageOptions = {}) =>
      openTab(browser, url(path), options.viewport ?? PAGE_VIEWPORT);

    let messenger: Page | undefined;
    async function messengerPage(): Promise<Page> {
      // Any extension page can message the background and read storage; options.html serves.
      if (!messenger || messenger.isClosed()) messenger = await openPage('options.html');
      return messenger;
    }

    return {
      browser,
      id,
      uuid,
      downloads,
      url,
      openPage,
      openPopup: (options) => openPage('popup.html', { viewport: POPUP_VIEWPORT, ...options }),
      openOptions: (options) => openPage('options.html', options),
      async reload(page) {
        await page.evaluate(() => location.reload());
        await page.waitForFunction(() => document.readyState === 'complete', { timeout: 20_000 });
      },
      async send(type, data) {
        const page = await messengerPage();
        const reply = await page.evaluate(
          async (type, data) => {
            const { browser } = globalThis as unknown as ExtensionGlobals;
            return (await browser.runtime.sendMessage({ ironstride: 1, type, data })) as
              { ok: true; result: unknown } | { ok: false; error: string } | undefined;
          },
          type,
          data as unknown,
        );
        if (!reply) throw new Error(`No answer to "${type}" from the background`);
        if (!reply.ok) throw new Error(`"${type}" failed in the background: ${reply.error}`);
        return reply.result as ResultOf<typeof type>;
      },
      async stored<T>(key: string) {
        const page = await messengerPage();
        return (await page.evaluate(async (k) => {
          const { browser } = globalThis as unknown as ExtensionGlobals;
          return (await browser.storage.local.get(k))[k];
        }, key)) as T | undefined;
      },
      async resetStorage() {
        const page = await messengerPage();
        await page.evaluate(async () => {
          const { browser } = globalThis as unknown as ExtensionGlobals;
          const all = await browser.storage.local.get(null);
          const markers = Object.fromEntries(
            Object.entries(all).filter(([key]) => key.endsWith('$')),
          );
          await browser.storage.local.clear();
          await browser.storage.local.set(markers);
          await browser.storage.session?.clear();
        });
      },
      async errors() {
        const all = JSON.parse(
          await run(`() => JSON.stringify(globalThis.__ironstrideErrors)`),
        ) as string[];
        return all.filter((line) => line.startsWith('moz-extension:'));
      },
      async clearErrors() {
        await run(`() => { globalThis.__ironstrideErrors.length = 0; return 'ok'; }`);
      },
      async setColorScheme(scheme) {
        // emulateMediaFeatures needs CDP; this pref is what Firefox's own settings change.
        await run(
          `() => { Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); return 'ok'; }`,
        );
      },
      async waitForDownload(filename, timeout = 20_000) {
        const path = join(downloads, filename);
        const deadline = Date.now() + timeout;
        // Firefox writes `<name>.part` and renames it to `<name>` when the download is complete.
        while (!existsSync(path) || readdirSync(downloads).some((f) => f.endsWith('.part'))) {
          if (Date.now() > deadline) {
            throw new Error(
              `No download "${filename}" after ${timeout} ms; the folder holds: ${readdirSync(downloads).join(', ') || 'nothing'}`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return readFileSync(path, 'utf8');
      },
      async closePages() {
        const pages = await browser.pages();
        await Promise.all(
          pages
            .filter((p) => p !== messenger && p !== blank && !p.isClosed())
            .map((p) => p.close()),
        );
      },
      async close() {
        await browser.close();
        rmSync(downloads, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
}
