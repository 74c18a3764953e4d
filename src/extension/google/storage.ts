/**
 * What the extension keeps about Google, defined once as versioned WXT storage items
 * (wxt-dev/wxt docs/storage.md). Everything read back is validated with zod: a value an older
 * version or a half-finished write left behind is dropped (or reset) rather than trusted.
 *
 * - `local:google`: whether the runner connected, the scopes Google granted, where to write.
 * - `local:googleSync`: each Google calendar's incremental-sync state (a cache; safe to drop).
 * - `local:googleLedger`: the shared write ledger (which events Ironstride deleted itself, the
 *   dedicated calendar's id). Kept on disconnect: it is about Google's objects, holds no token,
 *   and losing it would make Ironstride's own deletions look like the runner's.
 * - `local:googleWrite`: the write queue — one job with its sessions snapshot and per-session
 *   progress, so a stopped service worker resumes it.
 * - `session:googleToken`: the launchWebAuthFlow access token, in memory only
 *   (`storage.session` is cleared when the browser exits and is not shown to content scripts).
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { emptyLedgerData, parseLedgerData } from '../../calendar/google';
import type {
  DesiredSession,
  GoogleSyncState,
  SessionWriteResult,
  WriteLedgerData,
} from '../../calendar/google';

/** Where Add to calendar writes. */
export type WriteTarget =
  { kind: 'dedicated' } | { kind: 'existing'; calendarId: string; name: string };

export interface GoogleAccount {
  /** The runner connected Google and has not disconnected. */
  connected: boolean;
  /** Google refused the token and a silent renewal failed: why, until the runner reconnects. */
  reconnect?: string;
  /** Scopes Google granted at the last interactive sign-in. */
  grantedScopes: string[];
  /** The account's address (its primary calendar's id), once seen. */
  account?: string;
  writeTarget: WriteTarget;
}

const writeTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dedicated') }),
  z.object({ kind: z.literal('existing'), calendarId: z.string().min(1), name: z.string() }),
]);

const accountSchema = z.object({
  connected: z.boolean(),
  reconnect: z.string().optional(),
  grantedScopes: z.array(z.string()),
  account: z.string().optional(),
  writeTarget: writeTargetSchema,
});

export const DISCONNECTED: GoogleAccount = {
  connected: false,
  grantedScopes: [],
  writeTarget: { kind: 'dedicated' },
};

export const googleAccountItem = storage.defineItem<GoogleAccount | null>('local:google', {
  fallback: null,
  version: 1,
});

/** The stored account, or "not connected" when there is none or it does not validate. */
export async function loadGoogleAccount(): Promise<GoogleAccount> {
  const parsed = accountSchema.safeParse(await googleAccountItem.getValue());
  if (!parsed.success) return DISCONNECTED;
  const { reconnect, account, ...rest } = parsed.data;
  return { ...rest, ...(reconnect ? { reconnect } : {}), ...(account ? { account } : {}) };
}

/** Google refused the token and could not renew it: the runner must reconnect (call in `serial`). */
export async function flagReconnect(message: string): Promise<void> {
  const account = await loadGoogleAccount();
  if (account.connected && account.reconnect !== message)
    await googleAccountItem.setValue({ ...account, reconnect: message });
}

const syncStateSchema = z.object({
  version: z.literal(1),
  calendarId: z.string().min(1),
  range: z.object({ start: z.number(), end: z.number() }),
  syncToken: z.string().min(1),
  // Google's event resources, as the shared reader trimmed them; it reads every field defensively.
  events: z.record(z.string(), z.looseObject({ id: z.string().optional() })),
});

export const googleSyncItem = storage.defineItem<Record<string, GoogleSyncState>>(
  'local:googleSync',
  {
    fallback: {},
    version: 1,
  },
);

/** Sync states by source id; an entry that does not validate is dropped (its calendar then syncs in full). */
export async function loadGoogleSyncStates(): Promise<Record<string, GoogleSyncState>> {
  const raw: unknown = await googleSyncItem.getValue();
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, GoogleSyncState> = {};
  for (const [id, value] of Object.entries(raw)) {
    const parsed = syncStateSchema.safeParse(value);
    if (parsed.success) out[id] = parsed.data as GoogleSyncState;
  }
  return out;
}

export const googleLedgerItem = storage.defineItem<WriteLedgerData | null>('local:googleLedger', {
  fallback: null,
  version: 1,
});

/** The ledger; one that does not validate starts over (Ironstride then never recreates a cancelled event). */
export async function loadGoogleLedger(): Promise<WriteLedgerData> {
  try {
    return parseLedgerData(await googleLedgerItem.getValue());
  } catch {
    return emptyLedgerData();
  }
}

/** `queued`/`running`: to run (a `running` job found at start was interrupted). */
export type WriteJobState = 'queued' | 'running' | 'done' | 'retry' | 'needs-auth' | 'failed';

/** What happened to one session (or one withdrawn event) in a job: the shared layer's result. */
export type WriteJobResult = SessionWriteResult;

export interface GoogleWriteJob {
  id: string;
  createdAt: number;
  updatedAt: number;
  state: WriteJobState;
  target: WriteTarget;
  /** The runner's zone: events are written in it, and a new dedicated calendar gets it. */
  timeZone: string;
  /** The calendar written to, once found or created. */
  calendarId?: string;
  calendarName?: string;
  /** The accepted sessions when the runner pressed Add to calendar, as they are written. */
  sessions: DesiredSession[];
  /** The weeks the runner planned: Ironstride's events there that are not in `sessions` are withdrawn. */
  withdrawIn?: { start: number; end: number };
  attempts: number;
  /** Of the current (or last) attempt. */
  progress: { done: number; total: number };
  /** By session id, merged over attempts. */
  results: Record<string, WriteJobResult>;
  /** Why the last attempt stopped short, when it did. */
  error?: string;
}

const STATUSES = [
  'created',
  'updated',
  'unchanged',
  'restored',
  'deleted',
  'skipped-deleted-by-you',
  'failed',
] as const;

const jobSchema = z.object({
  id: z.string().min(1),
  createdAt: z.number(),
  updatedAt: z.number(),
  state: z.enum(['queued', 'running', 'done', 'retry', 'needs-auth', 'failed']),
  target: writeTargetSchema,
  timeZone: z.string().min(1),
  calendarId: z.string().min(1).optional(),
  calendarName: z.string().optional(),
  sessions: z.array(
    z.object({
      id: z.string().min(1),
      start: z.number(),
      end: z.number(),
      title: z.string(),
      description: z.string(),
      timeZone: z.string().min(1),
    }),
  ),
  withdrawIn: z.object({ start: z.number(), end: z.number() }).optional(),
  attempts: z.number().int().min(0),
  progress: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  results: z.record(
    z.string(),
    z.object({
      sessionId: z.string(),
      eventId: z.string(),
      status: z.enum(STATUSES),
      message: z.string().optional(),
      title: z.string().optional(),
      start: z.number().optional(),
    }),
  ),
  error: z.string().optional(),
});

export const googleWriteItem = storage.defineItem<GoogleWriteJob | null>('local:googleWrite', {
  fallback: null,
  version: 1,
});

/** The write job, or null when there is none or what is stored is not a job. */
export async function loadWriteJob(): Promise<GoogleWriteJob | null> {
  const parsed = jobSchema.safeParse(await googleWriteItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** A launchWebAuthFlow access token. Never logged, never in `storage.local`. */
export interface StoredToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  scopes: string[];
}

const tokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  scopes: z.array(z.string()),
});

export const googleTokenItem = storage.defineItem<StoredToken | null>('session:googleToken', {
  fallback: null,
});

/** Where the access token lives between calls. */
export interface TokenStore {
  get(): Promise<StoredToken | null>;
  set(token: StoredToken): Promise<void>;
  clear(): Promise<void>;
}

/** `storage.session`: memory-only, survives a service-worker restart, gone when the browser exits. */
export const sessionTokenStore: TokenStore = {
  async get() {
    const parsed = tokenSchema.safeParse(await googleTokenItem.getValue());
    return parsed.success ? parsed.data : null;
  },
  set: (token) => googleTokenItem.setValue(token),
  clear: () => googleTokenItem.removeValue(),
};

/** For browsers without `storage.session`: the token lives as long as the background does. */
export function memoryTokenStore(): TokenStore {
  let token: StoredToken | null = null;
  return {
    get: async () => token,
    set: async (next) => {
      token = next;
    },
    clear: async () => {
      token = null;
    },
  };
}
