/**
 * The write ledger: what Ironstride remembers about each session it wrote to Google, per
 * calendar. Google is the source of truth for what exists; the ledger only answers what Google
 * cannot — "did *we* delete this cancelled event?" — and remembers the dedicated calendar's id.
 *
 * The shared logic sees the {@link WriteLedger} interface; {@link WriteLedgerData} is the JSON
 * both surfaces persist (the CLI in a 0600 file next to its token, the extension in
 * `storage.local`), so a ledger can move between them.
 */
import { z } from 'zod';

/** What is remembered about one session in one calendar. */
export interface WriteLedgerEntry {
  /** The Google event id (deterministic, see `event-id.ts`). */
  eventId: string;
  /** Content hash of what was last written. */
  hash: string;
  /**
   * Set *before* Ironstride deletes a withdrawn session's event, so a crash or a lost answer
   * never makes our own deletion look like the runner's.
   */
  deletedByUs?: boolean;
  /** The runner deleted the event in Google: the session is skipped and never recreated. */
  skippedByRunner?: boolean;
}

/** The ledger as the write logic uses it; implementations persist every `set`. */
export interface WriteLedger {
  get(calendarId: string, sessionId: string): Promise<WriteLedgerEntry | undefined>;
  set(calendarId: string, sessionId: string, entry: WriteLedgerEntry): Promise<void>;
}

/** The persisted form. */
export interface WriteLedgerData {
  version: 1;
  /** The "Strength · Ironstride" calendar found or created earlier. */
  dedicatedCalendarId?: string;
  /** calendar id → session id → entry */
  calendars: Record<string, Record<string, WriteLedgerEntry>>;
}

const entrySchema = z.object({
  eventId: z.string().min(1),
  hash: z.string(),
  deletedByUs: z.boolean().optional(),
  skippedByRunner: z.boolean().optional(),
});

const dataSchema = z.object({
  version: z.literal(1),
  dedicatedCalendarId: z.string().min(1).optional(),
  calendars: z.record(z.string(), z.record(z.string(), entrySchema)),
});

/** A ledger with nothing in it. */
export function emptyLedgerData(): WriteLedgerData {
  return { version: 1, calendars: {} };
}

/** Thrown by {@link parseLedgerData} for stored data that is not a ledger. */
export class LedgerDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedgerDataError';
  }
}

/** Validates stored ledger data (a file, a storage item); `undefined`/`null` is an empty ledger. */
export function parseLedgerData(raw: unknown): WriteLedgerData {
  if (raw === undefined || raw === null) return emptyLedgerData();
  const parsed = dataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'ledger';
    throw new LedgerDataError(
      `Not an Ironstride write ledger (${where}: ${issue?.message ?? 'invalid'})`,
      {
        cause: parsed.error,
      },
    );
  }
  const data: WriteLedgerData = { version: 1, calendars: {} };
  if (parsed.data.dedicatedCalendarId) data.dedicatedCalendarId = parsed.data.dedicatedCalendarId;
  for (const [calendarId, sessions] of Object.entries(parsed.data.calendars)) {
    data.calendars[calendarId] = {};
    for (const [sessionId, entry] of Object.entries(sessions))
      data.calendars[calendarId][sessionId] = cleanEntry(entry);
  }
  return data;
}

function cleanEntry(entry: WriteLedgerEntry): WriteLedgerEntry {
  return {
    eventId: entry.eventId,
    hash: entry.hash,
    ...(entry.deletedByUs ? { deletedByUs: true } : {}),
    ...(entry.skippedByRunner ? { skippedByRunner: true } : {}),
  };
}

/** A {@link WriteLedger} over `data` that calls `persist` with the whole data after each change. */
export function createLedger(
  data: WriteLedgerData,
  persist: (data: WriteLedgerData) => Promise<void> = async () => {},
): WriteLedger & { readonly data: WriteLedgerData } {
  return {
    data,
    async get(calendarId, sessionId) {
      const entry = data.calendars[calendarId]?.[sessionId];
      return entry ? { ...entry } : undefined;
    },
    async set(calendarId, sessionId, entry) {
      const calendar = (data.calendars[calendarId] ??= {});
      calendar[sessionId] = cleanEntry(entry);
      await persist(data);
    },
  };
}
