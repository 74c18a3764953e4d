/**
 * What the options page needs from the extension, as types the components receive as props so a
 * test or a screenshot script can pass fakes (STYLE: inject globals as default parameters).
 */
import type { sendMessage } from '../../extension/messaging';

/** `sendMessage` from `src/extension/messaging`. */
export type SendMessage = typeof sendMessage;

/** The part of `browser.permissions` the page uses: one site's host permission at a time. */
export interface HostPermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** The part of `browser.permissions` Connect Google uses: the optional `identity` permission. */
export interface ApiPermissions {
  request(permissions: { permissions: 'identity'[] }): Promise<boolean>;
}

/**
 * How long a section waits for the background to load its settings before saying so. Long
 * enough for the slowest, Google's calendar list, which is read from Google on each load.
 */
export const LOAD_TIMEOUT_MS = 15_000;

/** The message of anything thrown, for a line on the page. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `message` after `prefix`, unless it already says what failed ("Could not add Coach: HTTP 404"
 * from the background needs no second "Could not add").
 */
export function explainFailure(prefix: string, message: string): string {
  return /^(could not|couldn’t|couldn't)\b/i.test(message) ? message : `${prefix}: ${message}`;
}

/** `promise`, or a rejection naming `what` when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
