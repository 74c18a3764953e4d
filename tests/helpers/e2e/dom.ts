/** Small DOM questions the tests ask through Playwright, in the words of assistive technology. */
import type { Locator, Page } from 'playwright-core';

/** The text of the elements an element's `aria-describedby` names, joined as a screen reader reads them. */
export async function accessibleDescription(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
}

/** Waits until a live status region says `text` and returns what it says. */
export async function waitForStatus(
  page: Page,
  text: RegExp | string,
  timeout = 20_000,
): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: text }).first();
  await status.waitFor({ timeout });
  return (await status.textContent()) ?? '';
}
