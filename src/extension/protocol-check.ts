/**
 * The checks at the message boundary, loaded with the schemas on the first message
 * (messaging.ts): a request before its handler runs, an answer as the page receives it.
 */
import { z } from 'zod';
import { isMessageType, schemasOf } from './protocol';
import type { MessageType, RequestOf, ResultOf } from './protocol';

export { isMessageType };

const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
/** What the background answers every message with: its result, or why it failed. */
export type Reply = z.infer<typeof replySchema>;

/** `data` as a `type` request; throws naming the message and each bad field. */
export function checkRequest<K extends MessageType>(type: K, data: unknown): RequestOf<K> {
  const request = z.safeParse(schemasOf[type].request, data);
  if (!request.success) {
    throw new Error(
      `Ironstride got a malformed "${type}" message: ${z.prettifyError(request.error)}`,
    );
  }
  return request.data;
}

/** The result in the background's `answer` to `type`; throws its error, or what does not fit. */
export function checkReply<K extends MessageType>(type: K, answer: unknown): ResultOf<K> {
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
