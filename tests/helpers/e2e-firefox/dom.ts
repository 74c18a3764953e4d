/**
 * Finding things on an extension page in Firefox the way a runner (or a screen reader) names
 * them: by role and accessible name, as the Chromium suite does with Playwright's `getByRole`.
 * puppeteer's ARIA selectors match whole names only, and the popup's names carry dates and
 * counts ("Plan next week, 24–30 Nov"), so names are matched here with a pattern, in the page.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** A small subset of implicit ARIA roles: what the core flows press and read. */
const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  tab: '[role="tab"]',
  status: '[role="status"], output',
  heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
  article: 'article',
  form: 'form[aria-label], form[aria-labelledby], [role="form"]',
  combobox: 'select',
  /** Not an ARIA role: a file input, named by its label. */
  file: 'input[type="file"]',
};

export interface RoleQuery {
  role: keyof typeof ROLE_SELECTORS;
  /** Matched against the accessible name (`aria-label`, `aria-labelledby`, else the text). */
  name?: RegExp | string;
  /**
   * Only inside: the element matching a CSS selector, or the closest `closest` ancestor of the
   * heading whose text is `heading` (a day of the week: `{ heading: 'Tue 24 Nov', closest: 'li' }`).
   */
  within?: string | { heading: string; closest: string };
}

/** The first element with `role` whose accessible name matches, or null. */
export async function findByRole(
  page: Page,
  query: RoleQuery,
): Promise<ElementHandle<Element> | null> {
  const pattern =
    query.name === undefined
      ? null
      : typeof query.name === 'string'
        ? { source: `^${query.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' }
        : { source: query.name.source, flags: query.name.flags };
  const handle = await page.evaluateHandle(
    (selector, within, pattern) => {
      const scope =
        within === null
          ? document
          : typeof within === 'string'
            ? document.querySelector(within)
            : ([...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
                .find((h) => (h.textContent ?? '').trim() === within.heading)
                ?.closest(within.closest) ?? null);
      if (!scope) return null;
      const nameOf = (element: Element): string => {
        const label = element.getAttribute('aria-label');
        if (label) return label.trim();
        const ids = element.getAttribute('aria-labelledby');
        if (ids)
          return ids
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
        const labels = (element as HTMLInputElement).labels;
        if (labels && labels.length > 0)
          return [...labels]
            .map((l) => l.textContent ?? '')
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim();
        return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      };
      const re = pattern ? new RegExp(pattern.source, pattern.flags) : null;
      return (
        [...scope.querySelectorAll(selector)].find((element) => !re || re.test(nameOf(element))) ??
        null
      );
    },
    ROLE_SELECTORS[query.role]!,
    query.within ?? null,
    pattern,
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) await handle.dispose();
  return element;
}

/** Like `findByRole`, waiting for it (default 20 s). */
export async function waitForRole(
  page: Page,
  query: RoleQuery,
  timeout = 20_000,
): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const element = await findByRole(page, query);
    if (element) return element;
    if (Date.now() > deadline)
      throw new Error(`No ${query.role} named ${String(query.name)} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Presses the button (or tab) with that name, with a real click. */
export async function press(page: Page, query: RoleQuery): Promise<void> {
  const element = await waitForRole(page, query);
  await element.click();
  await element.dispose();
}

/** Waits until a live status region says `text` and returns what it says. */
export async function waitForStatus(
  page: Page,
  text: RegExp | string,
  timeout = 20_000,
): Promise<string> {
  const element = await waitForRole(
    page,
    { role: 'status', name: typeof text === 'string' ? new RegExp(escape(text)) : text },
    timeout,
  );
  const said = await element.evaluate((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  await element.dispose();
  return said;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
