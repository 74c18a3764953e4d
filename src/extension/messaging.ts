/**
 * Typed request/response messaging over `browser.runtime`, in the shape of webext-core's
 * `defineExtensionMessaging<ProtocolMap>()`. Written here rather than imported because
 * @webext-core/messaging 4 calls the callback form of `chrome.runtime.sendMessage`, which WXT's
 * fake browser (used by the unit tests) does not implement; the promise form works in both.
 *
 * The boundary: a request is checked against its schema once, before its handler runs, and a
 * result once, as the page receives it (protocol.ts).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { isMessageType, schemasOf } from './protocol';
import type { MessageType, RequestOf, ResultOf } from './protocol';

export type { MessageType, RequestOf, ResultOf } from './protocol';

const envelopeSchema = z.object({ ironstride: z.literal(1), type: z.string(), data: z.unknown() });

const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
type Reply = z.infer<typeof replySchema>;

/** Sends a message to the background and returns its result; rejects with the handler's error. */
export async function sendMessage<K extends MessageType>(
  type: K,
  data: RequestOf<K>,
): Promise<ResultOf<K>> {
  const answer: unknown = await browser.runtime.sendMessage({ ironstride: 1, type, data });
  if (answer === undefined)
    throw new Error(`No answer to "${type}": the background is not listening`);
  const reply = replySchema.safeParse(answer);
  if (!reply.success) throw new Error(`The background's answer to "${type}" is not a reply`);
  if (!reply.data.ok) throw new Error(reply.data.error);
  const result = z.safeParse(schemasOf[type].result, reply.data.result);
  if (!result.success) {
    throw new Error(
      `The background's answer to "${type}" does not fit the protocol: ${z.prettifyError(result.error)}`,
    );
  }
  return result.data;
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
  const request = z.safeParse(schemasOf[type].request, data);
  if (!request.success) {
    throw new Error(
      `Ironstride got a malformed "${type}" message: ${z.prettifyError(request.error)}`,
    );
  }
  return handlers[type](request.data);
}

/**
 * Registers the background's handlers, one per message type. Errors travel back as messages so
 * the popup can show them; messages from other senders are ignored.
 */
export function registerHandlers(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: { id?: string }): Promise<Reply> | undefined => {
    const envelope = envelopeSchema.safeParse(message);
    if (!envelope.success) return undefined;
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    const { type, data } = envelope.data;
    if (!isMessageType(type))
      return Promise.resolve({ ok: false, error: `Unknown message "${type}"` });
    return handle(handlers, type, data).then(
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
