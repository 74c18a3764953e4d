/**
 * Layout and motion as a page of the extension meets the runner's settings: zoomed to 200 %
 * (WCAG 1.4.4, 1.4.10: nothing wider than the window, no control cut off) and with
 * `prefers-reduced-motion` (WCAG 2.3.3: nothing spins, pulses or slides).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';
import type { Scheme } from './screenshot';

/** A browser window, in device-independent pixels. */
export interface WindowSize {
  width: number;
  height: number;
}

/** Chrome's largest toolbar popup: it grows to fit its page up to this, then scrolls. */
export const MAX_POPUP_WINDOW: WindowSize = { width: 800, height: 600 };

/** A page zoomed by `zoomPage`. */
export interface Zoom {
  /**
   * PNGs of the window as the runner sees it, `<name>-<scheme>.png` in artifacts/e2e, after
   * scrolling `scrollTo` to the top of the window. Taken through the zoom's own DevTools session:
   * Playwright's screenshots would put its viewport back for the capture.
   */
  screenshot(name: string, options?: { schemes?: Scheme[]; scrollTo?: Locator }): Promise<string[]>;
  /** Ends the zoom: the page gets Playwright's viewport back. */
  end(): Promise<void>;
}

/**
 * Zooms `page` as the browser's zoom does in a window of `window` pixels: the page gets
 * `window / factor` CSS pixels, each drawn `factor` device pixels wide.
 */
export async function zoomPage(page: Page, factor: number, window: WindowSize): Promise<Zoom> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: Math.floor(window.width / factor),
    height: Math.floor(window.height / factor),
    deviceScaleFactor: factor,
    mobile: false,
  });
  return {
    async screenshot(name, { schemes = ['light', 'dark'] as Scheme[], scrollTo } = {}) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.mouse.move(0, 0);
      await scrollTo?.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      const paths: string[] = [];
      for (const scheme of schemes) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
        const path = join(ARTIFACTS_DIR, `${name}-${scheme}.png`);
        writeFileSync(path, Buffer.from(data, 'base64'));
        paths.push(path);
      }
      await page.emulateMedia({ colorScheme: null, reducedMotion: null });
      return paths;
    },
    async end() {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await cdp.detach();
    },
  };
}

/**
 * What does not reflow in the page as it is laid out now: the page or a scrolling box that
 * scrolls sideways, a control reaching outside the window, cut off by a box that hides its
 * overflow, or whose own text does not fit it, and unwrappable text running out of its box over
 * its neighbours. Empty when all is well.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (e: Element) => {
      const name =
        e.getAttribute('aria-label') ??
        (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const cls =
        typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : '';
      const id = e.id ? `#${e.id}` : '';
      return `${e.tagName.toLowerCase()}${id}${cls} "${name}"`;
    };
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) {
      // Name the innermost boxes that stick out: they are what to fix.
      const out = [...document.querySelectorAll('body *')].filter(
        (e) => e.getBoundingClientRect().right > width + 1,
      );
      const innermost = out
        .filter((e) => !out.some((o) => o !== e && e.contains(o)))
        .slice(0, 3)
        .map(describe);
      problems.push(
        `the page scrolls sideways: ${root.scrollWidth} px wide in a ${width} px window (${innermost.join(', ')})`,
      );
    }
    for (const e of document.querySelectorAll('body *')) {
      const style = getComputedStyle(e);
      if (
        (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
        e.scrollWidth > e.clientWidth + 1
      )
        problems.push(`${describe(e)} scrolls sideways (${e.scrollWidth} px in ${e.clientWidth})`);
    }
    const controls = document.querySelectorAll(
      'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="tab"], [tabindex]:not([tabindex="-1"])',
    );
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      // Not drawn (display: none, collapsed) or visually hidden on purpose (.sr-only).
      if (box.width <= 1 || box.height <= 1 || control.closest('.sr-only, .visually-hidden'))
        continue;
      if (box.left < -1 || box.right > width + 1)
        problems.push(
          `${describe(control)} reaches outside the window (${Math.round(box.left)} to ${Math.round(box.right)} of ${width})`,
        );
      for (let a = control.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        const r = a.getBoundingClientRect();
        const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip';
        const clipsY = s.overflowY === 'hidden' || s.overflowY === 'clip';
        if (clipsX && (box.left < r.left - 1 || box.right > r.right + 1))
          problems.push(`${describe(control)} is cut off at the side by ${describe(a)}`);
        if (clipsY && (box.top < r.top - 1 || box.bottom > r.bottom + 1))
          problems.push(`${describe(control)} is cut off at the top or bottom by ${describe(a)}`);
      }
      const display = getComputedStyle(control).display;
      const boxed = display !== 'inline' && display !== 'contents';
      const own =
        ['BUTTON', 'SUMMARY'].includes(control.tagName) || control.getAttribute('role') === 'tab';
      if (boxed && own && control.scrollWidth > control.clientWidth + 1)
        problems.push(
          `${describe(control)}: its text does not fit (${control.scrollWidth} px in ${control.clientWidth})`,
        );
    }
    // Text that may not wrap (white-space: nowrap) running out of the box it sits in: drawn over
    // its neighbours, or under them, though nothing scrolls. Text a box clips on purpose (an
    // ellipsis) is not counted; a control cut off is found above.
    for (const e of document.querySelectorAll('body *')) {
      if (!getComputedStyle(e).whiteSpace.includes('nowrap') || !e.textContent?.trim()) continue;
      if (e.closest('.sr-only, .visually-hidden')) continue;
      let box = e.parentElement;
      while (box && ['inline', 'contents'].includes(getComputedStyle(box).display))
        box = box.parentElement;
      if (!box || box === document.body) continue;
      let clipped = false;
      for (let a: Element | null = e; a && a !== box.parentElement; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
      if (clipped) continue;
      const range = document.createRange();
      range.selectNodeContents(e);
      const text = range.getBoundingClientRect();
      const room = box.getBoundingClientRect();
      if (text.width > 1 && (text.right > room.right + 1 || text.left < room.left - 1))
        problems.push(`${describe(e)}: its text runs out of ${describe(box)}`);
    }
    return problems;
  });
}

/** What moves on the page now: running animations and transitions, and styles that would move. */
export interface MotionReport {
  /** Animations and transitions playing (`document.getAnimations()`), by name. */
  running: string[];
  /** Elements and pseudo-elements whose style animates or transitions for longer than 0 s. */
  styled: string[];
}

/** Takes the motion report of the page as it is now. */
export async function motionReport(page: Page): Promise<MotionReport> {
  return page.evaluate(() => {
    const moves = (durations: string) => durations.split(',').some((d) => Number.parseFloat(d) > 0);
    const running = document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) =>
        a instanceof CSSAnimation
          ? `animation ${a.animationName}`
          : a instanceof CSSTransition
            ? `transition ${a.transitionProperty}`
            : 'script animation',
      );
    const styled: string[] = [];
    for (const e of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(e, pseudo);
        const what = `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}${pseudo ?? ''}`;
        if (s.animationName !== 'none' && moves(s.animationDuration))
          styled.push(`${what}: animation ${s.animationName} ${s.animationDuration}`);
        if (moves(s.transitionDuration))
          styled.push(`${what}: transition ${s.transitionProperty} ${s.transitionDuration}`);
      }
    }
    return { running, styled: [...new Set(styled)] };
  });
}
