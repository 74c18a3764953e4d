/**
 * The training log's messages (SPEC §6b), spread into the one protocol (protocol.ts): logging a
 * session from the popup, Options' export and import, and the History page.
 */
import { z } from 'zod';
import { logEntrySchema } from '../../core/log';
import { popupViewSchema } from '../view';
import { historyViewSchema } from './history-view';

const none = z.strictObject({});
const sessionId = z.string().min(1).max(200);

/** A log of 5000 entries (the schema's limit) with sets is well under this. */
export const MAX_LOG_FILE_CHARS = 5 * 1024 * 1024;

export const logProtocol = {
  /**
   * How an accepted session that has ended went (SPEC §6b), checked with the log's own schema:
   * one entry per session, replacing the last; `null` forgets it. Within 14 days of its end.
   */
  logSession: {
    request: z.object({ sessionId, entry: logEntrySchema.nullable() }),
    result: popupViewSchema,
  },
  /** The whole log as JSON, the format `plan --log` reads. */
  exportLog: {
    request: none,
    result: z.object({ filename: z.string(), text: z.string(), count: z.number() }),
  },
  /**
   * Merges an exported log file into the stored one (a file's entry replaces the same
   * session's). A file that is not a valid log is refused whole, naming the bad field.
   */
  importLog: {
    request: z.object({
      text: z.string().max(MAX_LOG_FILE_CHARS, 'the file is larger than 5 MB: not a training log'),
    }),
    result: z.object({
      imported: z.number(),
      added: z.number(),
      replaced: z.number(),
      total: z.number(),
    }),
  },
  /** The History page: the last 12 weeks. */
  getHistory: { request: none, result: historyViewSchema },
} satisfies Record<string, { request: z.ZodType; result: z.ZodType }>;
