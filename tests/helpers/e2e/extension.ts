/**
 * The built extension in Debian's Chromium, one fresh profile per launch: the id, its pages, its
 * storage and its badge, and the protocol the pages speak to the background.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import type { ProtocolMap } from '../../../src/extension/protocol';
import { assertChromium } from './build';
import { BUILT_EXTENSION_DIR, CHROMIUM_PATH } from './paths';

/** `chrome.*` inside the browser, for the callbacks passed to `evaluate` (types only). */
export type Chrome = WxtBrowser;

/** The popup's size in Chrome's toolbar. */
export const POPUP_VIEWPORT = { width: 400, height: 600 };
const PAGE_VIEWPORT = { width: 1000, height: 1000 };

/** The sample runner trains in London; the browser lives there too, so every clock agrees. */
export const TIME_ZONE = 'Europe/London';

type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type ResultOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

export interface LaunchExtensionOptions {
  /**
   * Host permissions the copy's manifest grants at install, as if the runner had clicked Allow
   * once. Headless Chromium cannot show `chrome.permissions.request`'s prompt: the promise never
   * settles. For an origin already granted the request resolves `true` at once, so the options
   * page's real flow (request, then add) runs unchanged. The shipped manifest is never touched.
   */
  grantedHosts?: string[];
  /** Files added to the copy (the bench's blank reference page), by path inside the extension. */
  extraFiles?: Record<string, string>;
  /** The build to copy (default `.output/chrome-mv3`; the Google tests build their own). */
  buildDir?: string;
  /**
   * Optional API permissions the copy grants at install (moved from `optional_permissions` to
   * `permissions`), for the same reason as `grantedHosts`: a prompt headless Chromium cannot show.
   */
  grantedPermissions?: string[];
  /**
   * Draw scrollbars as a desktop browser on Linux or Windows does, taking room from the page.
   * Playwright hides them in headless Chromium (`--hide-scrollbars`), which would hide a page
   * that is only too wide once its scrollbar takes its room.
   */
  showScrollbars?: boolean;
}

export interface OpenPageOptions {
  viewport?: { width: number; height: number };
  /** Runs before the page loads (to add an init script that observes it). */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

export interface ExtensionHarness {
  context: BrowserContext;
  /** The extension id: the host of its service worker's URL. */
  id: string;
  /** The patched copy Chromium loaded. */
  dir: string;
  /** Uncaught errors of every page, as "url: message". */
  pageErrors: string[];
  url(path: string): string;
  serviceWorker(): Promise<Worker>;
  /**
   * Stops the service worker, as Chrome does to an idle or busy worker after its time is up:
   * through the DevTools protocol (`ServiceWorker.stopAllWorkers`) from an extension page, which
   * ends its in-flight requests and its memory. Resolves once Chromium reports it stopped. A new
   * worker starts for the next event (with DevTools attached, Chromium starts one at once);
   * Playwright keeps talking to it through the same `Worker`.
   */
  stopServiceWorker(): Promise<void>;
  /** popup.html in a tab at the popup's size. */
  openPopup(options?: OpenPageOptions): Promise<Page>;
  openOptions(options?: OpenPageOptions): Promise<Page>;
  openPage(path: string, options?: OpenPageOptions): Promise<Page>;
  /** One `chrome.storage.local` key as the extension stored it (WXT item `local:x` is key `x`). */
  stored<T>(key: string): Promise<T | undefined>;
  /** Empties `chrome.storage.local` (and `.session`) as a fresh install has them, for a test that starts over. */
  resetStorage(): Promise<void>;
  badgeText(): Promise<string>;
  /** Closes every page a test opened (a failed test leaves its pages behind). */
  closePages(): Promise<void>;
  /** A protocol message to the real background, sent from an extension page. */
  send<K extends MessageType>(type: K, data: DataOf<K>): Promise<ResultOf<K>>;
  close(): Promise<void>;
}

function copyWithGrants(options: LaunchExtensionOptions, dir: string): void {
  cpSync(options.buildDir ?? BUILT_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = options.grantedHosts ?? ['http://127.0.0.1/*'];
  const granted = options.grantedPermissions ?? [];
  if (granted.length > 0) {
    manifest.permissions = [...((manifest.permissions as string[] | undefined) ?? []), ...granted];
    const optional = ((manifest.optional_permissions as string[] | undefined) ?? []).filter(
      (p) => !granted.includes(p),
    );
    if (optional.length > 0) manifest.optional_permissions = optional;
    else delete manifest.optional_permissions;
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  for (const [path, text] of Object.entries(options.extraFiles ?? {}))
    writeFileSync(join(dir, path), text);
}

/** Sends one message in the envelope `src/extension/messaging.ts` uses, from `page`. */
export async function sendFrom<K extends MessageType>(
  page: Page,
  type: K,
  data: DataOf<K>,
): Promise<ResultOf<K>> {
  const reply = await page.evaluate(
    async ({ type, data }) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return (await chrome.runtime.sendMessage({ ironstride: 1, type, data })) as
        { ok: true; result: unknown } | { ok: false; error: string } | undefined;
    },
    { type, data },
  );
  if (!reply) throw new Error(`No answer to "${type}" from the background`);
  if (!reply.ok) throw new Error(`"${type}" failed in the background: ${reply.error}`);
  return reply.result as ResultOf<K>;
}

/** Copies the build, grants the test hosts, and starts Chromium with a fresh profile. */
export async function launchExtension(
  options: LaunchExtensionOptions = {},
): Promise<ExtensionHarness> {
  assertChromium();
  const work = mkdtempSync(join(tmpdir(), 'ironstride-e2e-'));
  const dir = join(work, 'extension');
  copyWithGrants(options, dir);
  const context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: PAGE_VIEWPORT,
    locale: 'en-GB',
    timezoneId: TIME_ZONE,
    acceptDownloads: true,
    ...(options.showScrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    // The service worker does not get Playwright's time zone emulation; the process zone it reads.
    // Time inputs follow the UI language, which Chromium on Linux takes from the environment.
    env: { ...process.env, TZ: TIME_ZONE, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB:en' },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      // Chromium 137+ ignores --load-extension unless this feature is turned off.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-GB',
    ],
  });
  const pageErrors: string[] = [];
  context.on('page', (page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });

  async function serviceWorker(): Promise<Worker> {
    return context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
  }

  let id: string;
  try {
    id = new URL((await serviceWorker()).url()).host;
  } catch (error) {
    await context.close();
    rmSync(work, { recursive: true, force: true });
    throw new Error('Chromium started but the extension’s service worker never appeared', {
      cause: error,
    });
  }
  const url = (path: string) => `chrome-extension://${id}/${path}`;

  async function openPage(path: string, options: OpenPageOptions = {}): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(options.viewport ?? PAGE_VIEWPORT);
    await options.beforeLoad?.(page);
    await page.goto(url(path));
    return page;
  }

  let messenger: Page | undefined;
  async function messengerPage(): Promise<Page> {
    // Any extension page can message the background; a blank tab of the extension's own origin
    // would need a file the build does not have, so the options page serves.
    if (!messenger || messenger.isClosed()) messenger = await openPage('options.html');
    return messenger;
  }

  return {
    context,
    id,
    dir,
    pageErrors,
    url,
    serviceWorker,
    openPopup: (options) => openPage('popup.html', { viewport: POPUP_VIEWPORT, ...options }),
    openOptions: (options) => openPage('options.html', options),
    openPage,
    async stored<T>(key: string) {
      const worker = await serviceWorker();
      return worker.evaluate(async (k) => {
        const { chrome } = globalThis as unknown as { chrome: Chrome };
        return (await chrome.storage.local.get(k))[k];
      }, key) as Promise<T | undefined>;
    },
    async stopServiceWorker() {
      const page = await messengerPage();
      const cdp = await context.newCDPSession(page);
      const script = url('background.js');
      try {
        const done = new Promise<void>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL === script && v.runningStatus === 'stopped')) {
              resolve();
            }
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await done;
      } finally {
        await cdp.detach();
      }
    },
    async resetStorage() {
      const worker = await serviceWorker();
      // WXT storage items decide once per page whether their next write must record their
      // version (`sources$`): only when nothing was stored when the page started. The running
      // worker decided long ago, so it would write `sources` without `sources$`, and the next
      // page to start would take the list for version 1 (bare URLs) and migrate it to nothing.
      // A fresh install never meets this; keeping the version markers keeps the reset faithful.
      await worker.evaluate(async () => {
        const { chrome } = globalThis as unknown as { chrome: Chrome };
        const all = await chrome.storage.local.get(null);
        const markers = Object.fromEntries(
          Object.entries(all).filter(([key]) => key.endsWith('$')),
        );
        await chrome.storage.local.clear();
        await chrome.storage.local.set(markers);
        // The memory-only area too (a Google token), as after a browser restart.
        await chrome.storage.session?.clear();
      });
    },
    async badgeText() {
      const worker = await serviceWorker();
      return worker.evaluate(() => {
        const { chrome } = globalThis as unknown as { chrome: Chrome };
        return chrome.action.getBadgeText({});
      });
    },
    async closePages() {
      await Promise.all(
        context
          .pages()
          .filter((p) => p !== messenger)
          .map((p) => p.close()),
      );
    },
    async send(type, data) {
      return sendFrom(await messengerPage(), type, data);
    },
    async close() {
      await context.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
