/**
 * The message handlers for Google Calendar: connect and disconnect, the runner's calendars and
 * their roles, where to write, and Add to calendar. The plan store, the source sync and the
 * preferences are the background's; the handlers only add Google's part.
 *
 * Interactive sign-in and Google's calendar list run outside the serial queue: a consent window
 * can stay open for minutes and must not hold up the popup.
 */
import { GOOGLE_SCOPES, GoogleAuthError } from '../../calendar/google';
import type { GoogleDeps, ServiceContext } from '../deps';
import type { Handlers } from '../messaging';
import type { PlanStore } from '../plan/store';
import type { PrefsStore } from '../prefs/store';
import type { GoogleSettings } from '../protocol';
import { describeSourceError } from '../sources/read-source';
import type { SourceSync } from '../sources/sync';
import { eventsItem, sourcesItem } from '../storage';
import type { GoogleSource } from '../storage';
import type { GoogleConnection } from './connection';
import { missingReadScopes, scopesFor } from './connection';
import {
  DISCONNECTED,
  googleAccountItem,
  googleSyncItem,
  googleWriteItem,
  loadGoogleAccount,
  loadGoogleLedger,
  loadGoogleSyncStates,
} from './storage';
import type { GoogleAccount, WriteTarget } from './storage';
import { queueGoogleWrite } from './write-start';
import type { WriteQueue } from './write-queue';

export interface GoogleHandlerContext extends ServiceContext {
  connection: GoogleConnection;
  queue: WriteQueue;
  /** The browser's side of signing in; undefined when Google is off. */
  identity: Pick<GoogleDeps, 'identityGranted' | 'redirectUrl'> | undefined;
  prefs: PrefsStore;
  store: PlanStore;
  sources: SourceSync;
}

type GoogleHandlers = Pick<
  Handlers,
  | 'getGoogle'
  | 'connectGoogle'
  | 'disconnectGoogle'
  | 'setGoogleCalendarRole'
  | 'setGoogleWriteTarget'
  | 'addToCalendar'
>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createGoogleHandlers(ctx: GoogleHandlerContext): GoogleHandlers {
  const { connection, serial } = ctx;

  function assertAvailable(): void {
    if (!connection.available)
      throw new Error(`Ironstride can't connect to Google: ${connection.unavailableReason}`);
  }

  /** The settings the options page shows; lists the calendars when connected. */
  async function settings(): Promise<GoogleSettings> {
    const account = await loadGoogleAccount();
    const base: GoogleSettings = {
      available: connection.available,
      ...(connection.unavailableReason ? { unavailableReason: connection.unavailableReason } : {}),
      ...(connection.auth ? { flow: connection.auth.flow } : {}),
      identityGranted: ctx.identity?.identityGranted() ?? false,
      connected: account.connected,
      ...(account.reconnect ? { reconnect: account.reconnect } : {}),
      ...(account.account ? { account: account.account } : {}),
      calendars: [],
      writeTarget: account.writeTarget,
      canWriteExisting: account.grantedScopes.includes(GOOGLE_SCOPES.events),
      missingScopes: account.connected ? missingReadScopes(account.grantedScopes) : [],
    };
    if (connection.auth?.flow === 'web-auth-flow') {
      const redirectUrl = ctx.identity?.redirectUrl();
      if (redirectUrl) base.redirectUrl = redirectUrl;
    }
    if (!account.connected || !connection.available) return base;
    try {
      const ledger = await loadGoogleLedger();
      const calendars = await connection.listCalendars(
        ledger.dedicatedCalendarId ? { dedicatedId: ledger.dedicatedCalendarId } : {},
      );
      const primary = calendars.find((c) => c.primary)?.id;
      if (primary && primary !== account.account) {
        await serial(async () => {
          const now = await loadGoogleAccount();
          if (now.connected) await googleAccountItem.setValue({ ...now, account: primary });
        });
        base.account = primary;
      }
      return { ...base, calendars };
    } catch (error) {
      if (error instanceof GoogleAuthError) {
        await serial(async () => {
          const now = await loadGoogleAccount();
          if (now.connected) await googleAccountItem.setValue({ ...now, reconnect: error.message });
        });
        return { ...base, reconnect: error.message, calendarsError: error.message };
      }
      return {
        ...base,
        calendarsError: `Could not list your Google calendars: ${messageOf(error)}`,
      };
    }
  }

  async function removeGoogleSources(only?: string): Promise<void> {
    const sources = await sourcesItem.getValue();
    const gone = new Set(
      sources
        .filter((s) => s.kind === 'google' && (only === undefined || s.calendarId === only))
        .map((s) => s.id),
    );
    if (gone.size === 0) return;
    await sourcesItem.setValue(sources.filter((s) => !gone.has(s.id)));
    await eventsItem.setValue(
      Object.fromEntries(
        Object.entries(await eventsItem.getValue()).filter(([id]) => !gone.has(id)),
      ),
    );
    await googleSyncItem.setValue(
      Object.fromEntries(
        Object.entries(await loadGoogleSyncStates()).filter(([id]) => !gone.has(id)),
      ),
    );
  }

  return {
    getGoogle: () => settings(),

    async connectGoogle(input) {
      assertAvailable();
      const auth = connection.auth;
      if (!auth) throw new Error('Ironstride cannot sign in to Google in this build');
      const before = await loadGoogleAccount();
      const target: WriteTarget = input.writeTarget ?? before.writeTarget;
      let grantedScopes: string[];
      try {
        ({ grantedScopes } = await auth.signIn(scopesFor({ writeTarget: target })));
      } catch (error) {
        throw new Error(`Google sign-in did not finish: ${messageOf(error)}`, { cause: error });
      }
      // Google's consent screen lets the runner untick scopes; writing elsewhere then stays off.
      const canWriteExisting = grantedScopes.includes(GOOGLE_SCOPES.events);
      const account: GoogleAccount = {
        connected: true,
        grantedScopes,
        writeTarget:
          target.kind === 'existing' && !canWriteExisting ? { kind: 'dedicated' } : target,
        ...(before.account ? { account: before.account } : {}),
      };
      await serial(async () => {
        await googleAccountItem.setValue(account);
        const prefs = await ctx.prefs.load();
        // Calendars that failed while Google refused the token are read again now.
        await ctx.sources.sync(prefs, (source) => source.kind === 'google');
        await ctx.store.inputsChanged(prefs);
      });
      // A write Google's refusal stopped carries on.
      void ctx.queue.run({ afterReconnect: true });
      const result = await settings();
      if (target.kind === 'existing' && !canWriteExisting) {
        throw new Error(
          `Google did not grant permission to edit events, which writing into “${target.name}” needs; Ironstride keeps writing to its own calendar`,
        );
      }
      return result;
    },

    async disconnectGoogle() {
      ctx.queue.cancel();
      // Revoke first: the token is needed to revoke it.
      await connection.auth?.signOut();
      await serial(async () => {
        await googleWriteItem.removeValue();
        await googleAccountItem.setValue(DISCONNECTED);
        // Google's data leaves this browser with the connection; the write ledger stays (it
        // records which events Ironstride itself deleted, so a later write never mistakes them
        // for the runner's deletions).
        await removeGoogleSources();
        await ctx.store.inputsChanged(await ctx.prefs.load());
      });
      return settings();
    },

    setGoogleCalendarRole: ({ calendarId, name, role }) =>
      serial(async () => {
        const prefs = await ctx.prefs.load();
        const sources = await sourcesItem.getValue();
        const existing = sources.find(
          (s): s is GoogleSource => s.kind === 'google' && s.calendarId === calendarId,
        );
        if (role === 'ignore') {
          await removeGoogleSources(calendarId);
        } else if (existing) {
          await sourcesItem.setValue(
            sources.map((s) => (s.id === existing.id ? { ...existing, role } : s)),
          );
        } else {
          const source: GoogleSource = {
            id: ctx.newId(),
            kind: 'google',
            calendarId,
            name,
            role,
            addedAt: ctx.now(),
          };
          let read;
          try {
            read = await ctx.sources.readGoogle(source, prefs, undefined);
          } catch (error) {
            throw new Error(`Could not read ${name}: ${describeSourceError(error)}`, {
              cause: error,
            });
          }
          await sourcesItem.setValue([...sources, source]);
          await eventsItem.setValue({ ...(await eventsItem.getValue()), [source.id]: read.events });
          const readState = read.state;
          if (readState)
            await googleSyncItem.setValue({
              ...(await loadGoogleSyncStates()),
              [source.id]: readState,
            });
        }
        await ctx.store.inputsChanged(prefs);
        return ctx.sources.summaries();
      }),

    async setGoogleWriteTarget({ target }) {
      await serial(async () => {
        const account = await loadGoogleAccount();
        if (!account.connected) throw new Error('Connect Google first');
        if (target.kind === 'existing' && !account.grantedScopes.includes(GOOGLE_SCOPES.events)) {
          throw new Error(
            'Writing into a calendar you already have needs permission to edit its events: connect again to grant it',
          );
        }
        await googleAccountItem.setValue({ ...account, writeTarget: target });
        await ctx.store.rebuildView();
      });
      return settings();
    },

    addToCalendar: (_data) =>
      serial(async () => {
        assertAvailable();
        const account = await loadGoogleAccount();
        if (!account.connected) throw new Error('Connect Google in Settings first');
        const prefs = await ctx.prefs.load();
        await queueGoogleWrite(ctx, prefs, account.writeTarget);
        return ctx.store.rebuildView(prefs);
      }),
  };
}
