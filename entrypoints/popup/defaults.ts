/** The popup's real browser actions, which tests replace through `AppProps`. */
import { browser } from 'wxt/browser';

export const openOptionsPage = (): Promise<void> => browser.runtime.openOptionsPage();
export const openHistoryPage = (): Promise<unknown> =>
  browser.tabs.create({ url: browser.runtime.getURL('/history.html') });

export function markFirstRender(): void {
  if (performance.getEntriesByName('ironstride:first-render').length === 0) {
    performance.mark('ironstride:first-render');
  }
}
