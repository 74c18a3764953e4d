/**
 * Typed request/response messaging over `browser.runtime`, in the shape of webext-core's
 * `defineExtensionMessaging<ProtocolMap>()`. Written here rather than imported because
 * @webext-core/messaging 4 calls the callback form of `chrome.runtime.sendMessage`, which WXT's
 * fake browser (used by the unit tests) does not implement; the promise form works in both.
 */
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

type MessageType = keyof ProtocolMap;
type DataOf<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
type ResultOf<K extends MessageType> = ReturnType<ProtocolMap[K]>;

interface Envelope {
  ironstride: 1;
  type: MessageType;
  data: unknown;
}

type Reply = { ok: true; result: unknown } | { ok: false; error: string };

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).ironstride === 1;
}

/** Sends a message to the background and returns its result; rejects with the handler's error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: DataOf<K>,
): Promise<ResultOf<K>> {
  const envelope: Envelope = { ironstride: 1, type, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply | undefined;
  if (!reply) throw new Error(`No answer to "${type}": the background is not listening`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.result as ResultOf<K>;
}

export type Handlers = {
  [K in MessageType]: (data: DataOf<K>) => Promise<ResultOf<K>> | ResultOf<K>;
};

/**
 * Registers the background's handlers, one per message type. Errors travel back as messages so
 * the popup can show them; messages from other senders are ignored.
 */
export function registerHandlers(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    const handler = handlers[message.type] as ((data: unknown) => unknown) | undefined;
    if (!handler)
      return Promise.resolve({ ok: false, error: `Unknown message "${String(message.type)}"` });
    return Promise.resolve()
      .then(() => handler(message.data))
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
