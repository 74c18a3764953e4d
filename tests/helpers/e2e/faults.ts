/**
 * A background that is slow or gone, for a popup page: some of the page's protocol messages are
 * held (never answered: the page stays busy) or fail as Chrome fails a message nobody receives.
 * Every other message still goes to the real background. For the states a runner sees only when
 * something goes wrong, or for a moment: loading, "Couldn't load", a failed action, a spinner.
 */
import type { Page } from 'playwright-core';
import type { MessageType } from '../../../src/extension/protocol';

/** Message types, or `all` of them. */
export type MessageTypes = readonly MessageType[] | 'all';

export interface Faults {
  hold?: MessageTypes;
  fail?: MessageTypes;
}

/** What Chrome rejects `runtime.sendMessage` with when no listener answers. */
export const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

interface FaultGlobals {
  chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
  ironstrideFaults: Faults;
}

/** Installs the faults before the page's own scripts run; call before `goto` (`beforeLoad`). */
export async function withFaults(page: Page, faults: Faults = {}): Promise<void> {
  await page.addInitScript(
    ({ initial, refusal }) => {
      const globals = globalThis as unknown as FaultGlobals;
      globals.ironstrideFaults = initial;
      const send = globals.chrome.runtime.sendMessage.bind(globals.chrome.runtime);
      globals.chrome.runtime.sendMessage = (message: unknown) => {
        const m = message as { ironstride?: number; type?: MessageType };
        const type = m.ironstride === 1 ? m.type : undefined;
        const listed = (types: MessageTypes | undefined) =>
          type !== undefined && (types === 'all' || (types?.includes(type) ?? false));
        if (listed(globals.ironstrideFaults.fail)) return Promise.reject(new Error(refusal));
        if (listed(globals.ironstrideFaults.hold)) return new Promise(() => undefined);
        return send(message);
      };
    },
    { initial: faults, refusal: NO_RECEIVER },
  );
}

/** Changes the faults of a page `withFaults` prepared, from the next message on. */
export async function setFaults(page: Page, faults: Faults): Promise<void> {
  await page.evaluate((next) => {
    (globalThis as unknown as FaultGlobals).ironstrideFaults = next;
  }, faults);
}
