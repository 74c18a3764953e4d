/**
 * Keyboard focus as a sighted keyboard user meets it: which control has it, whether its focus
 * indicator can be seen (an outline or a box shadow whose colour stands out 3:1 from what is
 * around it, WCAG 1.4.11), and whether anything covers it (WCAG 2.4.11).
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Scheme } from './screenshot';

/** What the focused element shows, in one colour scheme. */
export interface FocusIndicator {
  /** The focused element, for messages: `button "Accept Strength…"`. */
  element: string;
  /** `:focus-visible` matches: the browser decided the focus came from the keyboard. */
  focusVisible: boolean;
  kind: 'outline' | 'box-shadow' | 'none';
  /** Thickness of the outline or the shadow's spread, in CSS pixels. */
  width: number;
  /** The indicator's colour against the colour next to it (1 to 21). */
  contrast: number;
  /** What lies at the element's centre is something else (a sticky bar over it). */
  obscured: boolean;
  /** Not within the viewport at all. */
  offscreen: boolean;
}

/** The smallest contrast of a focus indicator against its surroundings (WCAG 1.4.11). */
export const MIN_FOCUS_CONTRAST = 3;

/** Measures the focus indicator of `document.activeElement`; runs inside the page. */
function measureFocus(): FocusIndicator {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  /** Any CSS colour (rgb(), color(srgb …) from color-mix, oklch …) as sRGB bytes and alpha 0–1. */
  function rgba(css: string): [number, number, number, number] {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r!, g!, b!, a! / 255];
  }
  function over(
    top: [number, number, number, number],
    below: [number, number, number],
  ): [number, number, number] {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)) as [number, number, number];
  }
  /** The opaque colour an element's box shows, through every translucent ancestor. */
  function backgroundOf(start: Element | null): [number, number, number] {
    const layers: [number, number, number, number][] = [];
    for (let e = start; e; e = e.parentElement) {
      const layer = rgba(getComputedStyle(e).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] >= 1) break;
    }
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    let colour: [number, number, number] = dark ? [18, 18, 18] : [255, 255, 255];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  }
  function luminance([r, g, b]: [number, number, number]): number {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  }
  function contrast(a: [number, number, number], b: [number, number, number]): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  }

  const element = document.activeElement ?? document.body;
  const style = getComputedStyle(element);
  const name =
    element.getAttribute('aria-label') ??
    (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
  const described = `${role} "${name}"`;

  const outlineWidth = parseFloat(style.outlineWidth) || 0;
  const hasOutline = style.outlineStyle !== 'none' && outlineWidth > 0;
  // A ring drawn outside the box sits on the parent's background; one drawn inside, on the element's.
  const outside = !hasOutline || parseFloat(style.outlineOffset) >= 0;
  const around = backgroundOf(outside ? element.parentElement : element);
  let kind: FocusIndicator['kind'] = 'none';
  let width = 0;
  let ring: [number, number, number] | null = null;
  if (hasOutline) {
    kind = 'outline';
    width = outlineWidth;
    ring = over(rgba(style.outlineColor), around);
  } else if (style.boxShadow !== 'none') {
    // "rgb(…) 0px 0px 0px 3px": the first shadow's colour and spread.
    const match =
      /^(\S+\(.*?\)|#\w+|\w+)\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s*([\d.]+)?/.exec(
        style.boxShadow,
      );
    if (match) {
      kind = 'box-shadow';
      width = parseFloat(match[5] ?? '0') || parseFloat(match[4]!);
      ring = over(rgba(match[1]!), around);
    }
  }

  const rect = element.getBoundingClientRect();
  const offscreen =
    rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth;
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  const obscured = !offscreen && !(hit && (hit === element || element.contains(hit)));
  return {
    element: described,
    focusVisible: element.matches(':focus-visible'),
    kind,
    width,
    contrast: ring ? Math.round(contrast(ring, around) * 100) / 100 : 1,
    obscured,
    offscreen,
  };
}

/** The focus indicator of whatever has focus, in each scheme; leaves no scheme emulated. */
export async function focusIndicators(
  page: Page,
  schemes: Scheme[] = ['light', 'dark'],
): Promise<Record<Scheme, FocusIndicator>> {
  const out = {} as Record<Scheme, FocusIndicator>;
  try {
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      out[scheme] = await page.evaluate(measureFocus);
    }
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
  return out;
}

/** A short description of the focused element: `button "Plan next week, 7–13 Dec"`. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'nothing (body)';
    const name =
      e.getAttribute('aria-label') ??
      (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${e.getAttribute('role') ?? e.tagName.toLowerCase()} "${name}"`;
  });
}

/**
 * Asserts that `target` has focus and shows it: `:focus-visible`, an outline or shadow at least
 * 2 px wide with 3:1 against its surroundings in light and dark, inside the viewport, uncovered.
 */
export async function expectVisibleFocus(page: Page, target: Locator, step: string): Promise<void> {
  const focused = await target.evaluate((e) => e === document.activeElement).catch(() => false);
  expect(focused, `${step}: focus is on ${await describeFocus(page)}`).toBe(true);
  await expectFocusIndicator(page, step);
}

/** The visible-focus half of `expectVisibleFocus`, for whatever has focus. */
export async function expectFocusIndicator(page: Page, step: string): Promise<void> {
  const indicators = await focusIndicators(page);
  for (const [scheme, indicator] of Object.entries(indicators)) {
    const where = `${step} (${scheme}): ${indicator.element}`;
    expect(indicator.focusVisible, `${where} does not match :focus-visible`).toBe(true);
    expect(indicator.kind, `${where} shows no focus indicator`).not.toBe('none');
    expect(indicator.width, `${where}: indicator ${indicator.width}px wide`).toBeGreaterThanOrEqual(
      2,
    );
    expect(indicator.contrast, `${where}: indicator contrast`).toBeGreaterThanOrEqual(
      MIN_FOCUS_CONTRAST,
    );
    expect(indicator.offscreen, `${where} is outside the viewport`).toBe(false);
    expect(indicator.obscured, `${where} is covered by another element`).toBe(false);
  }
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, at most `max` times. Every control passed
 * on the way must show its focus too, and come after the one before it in the document (for
 * Shift+Tab, before it): the order of focus is the order of reading (WCAG 2.4.3). Returns the
 * controls passed, for the test's message.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  step: string,
  { max = 40, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<string[]> {
  const passed: string[] = [];
  let previous = await page.evaluateHandle(() => document.activeElement);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const current = await page.evaluateHandle(() => document.activeElement);
    const inOrder = await page.evaluate(
      ([before, now, back]) =>
        !before ||
        before === document.body ||
        !before.isConnected ||
        Boolean(
          before.compareDocumentPosition(now!) &
          (back ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING),
        ),
      [previous, current, backwards] as const,
    );
    const here = await describeFocus(page);
    expect(inOrder, `${step}: focus jumped out of reading order to ${here}`).toBe(true);
    await previous.dispose();
    previous = current;
    if (await target.evaluate((e) => e === document.activeElement).catch(() => false)) {
      await current.dispose();
      await expectVisibleFocus(page, target, step);
      return passed;
    }
    passed.push(here);
    await expectFocusIndicator(page, `${step}, passing ${here}`);
  }
  await previous.dispose();
  throw new Error(
    `${step}: ${max} presses of Tab never reached the target; passed ${passed.join(', ')}`,
  );
}
