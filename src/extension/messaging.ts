/**
 * Typed request/response messaging over `browser.runtime`, in the shape of webext-core's
 * `defineExtensionMessaging<ProtocolMap>()`. Written here rather than imported because
 * @webext-core/messaging 4 calls the callback form of `chrome.runtime.sendMessage`, which WXT's
 * fake browser (used by the unit tests) does not implement; the promise form works in both.
 *
 * The boundary: a request is checked against its schema once, before its handler runs, and a
 * result once, as the page receives it (protocol.ts). The schemas, and zod with them, load on
 * the first message rather than with the page: the popup paints its cached week before it sends
 * anything, and that first paint is what a runner waits for (bench/popup.ts).
 */
import { browser } from 'wxt/browser';
import type { Reply } from './protocol-check';
import type { MessageType, RequestOf, ResultOf } from './protocol';

export type { MessageType, RequestOf, ResultOf } from './protocol';

const loadProtocol = () => import('./protocol-check');

/** Sends a message to the background and returns its result; rejects with the handler's error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<ResultOf<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ ironstride: 1, type, data });
  if (answer === undefined)
    throw new Error(`No answer to "${type}": the background is not listening`);
  const { checkReply } = await loadProtocol();
  return checkReply(type, answer);
}

export type Handlers = {
  [K in MessageType]: (data: RequestOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;
};

/** Validates `data` as a `type` request and runs its handler. */
async function handle<K extends MessageType>(
  handlers: Handlers,
  type: K,
  data: unknown,
): Promise<ResultOf<K>> {
  const { checkRequest } = await loadProtocol();
  return handlers[type](checkRequest(type, data));
}

/**
 * Registers the background's handlers, one per message type. Errors travel back as messages so
 * the popup can show them; messages from other senders are ignored.
 */
export function registerHandlers(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<Reply> | undefined => {
    // Decided at once (no schema to load): a message that is not ours is left to other listeners.
    if (typeof message !== 'object' || message === null) return undefined;
    if (!('ironstride' in message) || message.ironstride !== 1) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    const type = 'type' in message ? String(message.type) : '';
    const data = 'data' in message ? message.data : undefined;
    return loadProtocol()
      .then(({ isMessageType }) => {
        if (!isMessageType(type)) throw new Error(`Unknown message "${type}"`);
        return handle(handlers, type, data);
      })
      .then(
        (result): Reply => ({ ok: true, result }),
        (error: unknown): Reply => ({
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
