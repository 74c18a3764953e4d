/**
 * Everything the background does, behind the message protocol: sync the calendars, plan, keep
 * the runner's decisions, export, write to Google Calendar, and flag accepted sessions a calendar
 * change made illegal. Globals (clock, fetch, badge, the sign-in) are injected so unit tests run
 * it against WXT's fake browser.
 */
import { GoogleAuthError } from '../calendar/google';
import type { GoogleSyncState, RetryOptions } from '../calendar/google';
import { exportIcs } from '../calendar/export-ics';
import { BUSY_ONLY, classifyCalendar } from '../core/classify-calendar';
import type { ClassifiedEvent, Retag } from '../core/classify-calendar';
import type { CalendarEvent } from '../core/events';
import { planWeeks } from '../core/plan';
import type { PlanResult } from '../core/plan';
import { checkSessions } from '../core/plan/check-sessions';
import { parsePreferences, PreferencesError, preferencesSchema } from '../core/prefs';
import type { Preferences, PreferencesInput } from '../core/prefs';
import { readWindow } from '../core/read-window';
import { addDays, dateInZone, startOfWeek } from '../core/time';
import type { DateString } from '../core/time';
import type { GoogleAuth } from './google/auth';
import type { GoogleBuildConfig } from './google/config';
import { createGoogleConnection } from './google/connection';
import { createGoogleHandlers } from './google/handlers';
import { readGoogleSource } from './google/read';
import {
  googleAccountItem,
  googleSyncItem,
  loadGoogleAccount,
  loadGoogleSyncStates,
  loadWriteJob,
} from './google/storage';
import { withGoogle } from './google/write-view';
import { createWriteQueue } from './google/write-queue';
import type { RunWritesOptions } from './google/write-queue';
import { buildFeedBody } from './feed/body';
import { createFeedClient } from './feed/client';
import { createFeedHandlers } from './feed/handlers';
import { createFeedPublisher, shouldPublish } from './feed/publisher';
import type { SetTimer } from './feed/publisher';
import { loadFeedConnection, loadPublishState } from './feed/storage';
import { withFeed } from './feed/view';
import type { FeedViewInput } from './feed/view';
import type { Handlers } from './messaging';
import type { SourceSummary } from './protocol';
import { RETAG_VALUES, retagFor } from './retag';
import type { RetagChoice } from './retag';
import { createSerialQueue } from './serial-queue';
import {
  activeSessions,
  mergeWeekPlan,
  moveToAlternative,
  pruneAlternatives,
  weekOf,
} from './sessions';
import {
  describeSourceError,
  newSource,
  readSource,
  summarizeSource,
  updateSourceSchema,
} from './sources';
import { eventsItem, planItem, prefsItem, retagsItem, sourcesItem, viewItem } from './storage';
import type { CalendarSource, GoogleSource, SourceEvents, StoredSession } from './storage';
import { buildView } from './build-view';
import type { PopupView } from './view';
import { z } from 'zod';

export interface BackgroundDeps {
  now: () => number;
  fetch: typeof globalThis.fetch;
  /** The browser's IANA zone, used when the preferences name none. */
  browserTimeZone: () => string;
  /** Shows (or clears, with '') the toolbar badge. */
  setBadge: (badge: { text: string; title: string }) => Promise<void>;
  newId: () => string;
  /** Google Calendar; without it Google is off, as in a build without an OAuth client id. */
  google?: GoogleDeps;
  /** The subscribable feed's timing; tests shorten it. */
  feed?: FeedDeps;
}

export interface FeedDeps {
  /** Quiet time after the last change before an automatic publish (default 2 s). */
  debounceMs?: number;
  setTimer?: SetTimer;
  /** A request to the feed server that takes longer is abandoned (default 15 s). */
  timeoutMs?: number;
}

export interface GoogleDeps {
  config: GoogleBuildConfig;
  /** The sign-in; undefined when the build has no client id. */
  auth?: GoogleAuth;
  /** Whether the optional `identity` permission is granted (the options page asks otherwise). */
  identityGranted: () => boolean;
  /** Where launchWebAuthFlow's redirect goes (`identity.getRedirectURL()`), when known. */
  redirectUrl: () => string | undefined;
  /** Backoff settings for Google's rate limits and 5xx; tests inject `sleep`. */
  retry?: RetryOptions;
}

/** Re-read the calendars when the popup opens and the last sync is older than this. */
export const STALE_AFTER_MS = 10 * 60_000;

const idSchema = z.object({ sessionId: z.string().min(1).max(200) });
const weekSchema = z.object({ weekStart: z.iso.date() });
const moveSchema = z.object({
  sessionId: z.string().min(1).max(200),
  alternative: z.number().int().min(0).max(10),
});
const retagSchema = z.object({
  eventId: z.string().min(1).max(2000),
  uid: z.string().min(1).max(2000),
  series: z.boolean(),
  retag: z.enum(RETAG_VALUES).nullable(),
});

export interface BackgroundService {
  handlers: Handlers;
  /** Re-reads every calendar, then rebuilds the view and the badge (the periodic alarm). */
  syncAll: () => Promise<void>;
  /**
   * Runs the persisted Google write queue: an interrupted job at every start, failed ones too on
   * the hourly alarm. Resolves when the queue is idle.
   */
  runGoogleWrites: (options?: RunWritesOptions) => Promise<void>;
  /**
   * Publishes to the subscribable feed if it is behind the accepted sessions: at every start of
   * the worker (a publish it was stopped before or during), with `retry` on the hourly alarm
   * (failures that may pass, too).
   */
  runFeedPublish: (options?: { retry?: boolean }) => Promise<void>;
  /** Resolves once no automatic publish is scheduled or running. */
  feedSettled: () => Promise<void>;
}

/** Creates the background's handlers over the extension storage. */
export function createBackgroundService(deps: BackgroundDeps): BackgroundService {
  const serial = createSerialQueue();
  const google = createGoogleConnection({
    config: deps.google?.config ?? {
      apiRoot: '',
      authUrl: '',
      revokeUrl: '',
      flow: 'auto',
      problem: 'Google Calendar is off',
    },
    ...(deps.google?.auth ? { auth: deps.google.auth } : {}),
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.google?.retry ? { retry: deps.google.retry } : {}),
  });
  const queue = createWriteQueue({
    api: () => google.api(),
    ...(google.retry ? { retry: google.retry } : {}),
    now: deps.now,
    serial,
    onChange: async (job) => {
      // Progress goes into the cached view the popup watches, without planning again.
      const view = await viewItem.getValue();
      if (!view) return;
      const prefs = await loadPrefs();
      const { sessions } = await planItem.getValue();
      const input = {
        available: google.available,
        account: await loadGoogleAccount(),
        job,
        sessions,
        timeZone: prefs.timezone,
      };
      await viewItem.setValue(
        withGoogle({ ...view, generatedAt: Math.max(view.generatedAt, deps.now()) }, input),
      );
    },
    onFinished: async (job) => {
      if (job.state === 'needs-auth')
        await flagReconnect(job.error ?? 'Google refused the access token');
      // A session the runner deleted in Google is skipped in the plan too, and never recreated.
      const deleted = new Set(
        Object.values(job.results)
          .filter((r) => r.status === 'skipped-deleted-by-you')
          .map((r) => r.sessionId),
      );
      if (deleted.size > 0) {
        const state = await planItem.getValue();
        await planItem.setValue({
          ...state,
          sessions: state.sessions.map((s) =>
            deleted.has(s.id) && s.status === 'accepted'
              ? { ...s, status: 'skipped', deletedInGoogle: true }
              : s,
          ),
        });
      }
      await rebuildView();
    },
  });

  const feedClient = createFeedClient({
    fetch: deps.fetch,
    ...(deps.feed?.timeoutMs !== undefined ? { timeoutMs: deps.feed.timeoutMs } : {}),
  });
  const feedPublisher = createFeedPublisher({
    client: feedClient,
    serial,
    now: deps.now,
    loadPrefs,
    ...(deps.feed?.debounceMs !== undefined ? { debounceMs: deps.feed.debounceMs } : {}),
    ...(deps.feed?.setTimer ? { setTimer: deps.feed.setTimer } : {}),
    // Publishing… and its outcome go into the cached view the popup watches, without planning again.
    onChange: () =>
      serial(async () => {
        const view = await viewItem.getValue();
        if (!view) return;
        const prefs = await loadPrefs();
        const { sessions } = await planItem.getValue();
        const input = await feedViewInput(sessions, prefs.timezone);
        await viewItem.setValue(
          withFeed({ ...view, generatedAt: Math.max(view.generatedAt, deps.now()) }, input),
        );
      }),
  });

  /** The feed's state against the body the accepted sessions make now. */
  async function feedViewInput(
    sessions: readonly StoredSession[],
    timeZone: string,
  ): Promise<FeedViewInput> {
    const desired = buildFeedBody(sessions, timeZone, deps.now());
    return {
      connection: await loadFeedConnection(),
      publish: await loadPublishState(),
      desired: { hash: desired.hash, count: desired.count },
      now: deps.now(),
      timeZone,
    };
  }

  /** Google refused the token and could not renew it: the runner must reconnect (in `serial`). */
  async function flagReconnect(message: string): Promise<void> {
    const account = await loadGoogleAccount();
    if (account.connected && account.reconnect !== message)
      await googleAccountItem.setValue({ ...account, reconnect: message });
  }

  async function readGoogle(
    source: GoogleSource,
    prefs: Preferences,
    state: GoogleSyncState | undefined,
  ) {
    const api = await google.api();
    if (!api) {
      throw new Error(
        google.available
          ? 'Google is not connected: connect it in Settings to read this calendar'
          : `Google is off: ${google.unavailableReason}`,
      );
    }
    return readGoogleSource(source, {
      api,
      timezone: prefs.timezone,
      range: syncRange(prefs),
      ...(state ? { state } : {}),
      ...(google.retry ? { retry: google.retry } : {}),
      now: deps.now(),
    });
  }

  async function loadPrefs(): Promise<Preferences> {
    const raw = await prefsItem.getValue();
    try {
      return parsePreferences(raw, { defaultTimezone: deps.browserTimeZone() });
    } catch (error) {
      // Stored preferences were validated on save; if an older version left something odd,
      // plan with the defaults rather than not at all.
      if (error instanceof PreferencesError)
        return parsePreferences({}, { defaultTimezone: deps.browserTimeZone() });
      throw error;
    }
  }

  function thisWeek(prefs: Preferences): DateString {
    return startOfWeek(dateInZone(deps.now(), prefs.timezone), prefs.weekStartsOn);
  }

  function shownWeeks(prefs: Preferences): DateString[] {
    const first = thisWeek(prefs);
    return [first, addDays(first, 7)];
  }

  function syncRange(prefs: Preferences) {
    return readWindow({ firstWeek: thisWeek(prefs), weeks: 2, timeZone: prefs.timezone });
  }

  async function syncSources(
    prefs: Preferences,
    only?: (source: CalendarSource) => boolean,
  ): Promise<void> {
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    const states = await loadGoogleSyncStates();
    const next: Record<string, SourceEvents> = {};
    const nextStates: Record<string, GoogleSyncState> = {};
    const range = syncRange(prefs);
    let refused: string | undefined;
    for (const source of sources) {
      const previous = stored[source.id];
      const state = states[source.id];
      if (only !== undefined && !only(source)) {
        if (previous) next[source.id] = previous;
        if (state) nextStates[source.id] = state;
        continue;
      }
      try {
        if (source.kind === 'google') {
          const read = await readGoogle(source, prefs, state);
          next[source.id] = read.events;
          if (read.state) nextStates[source.id] = read.state;
        } else {
          next[source.id] = await readSource(source, {
            timezone: prefs.timezone,
            range,
            fetch: deps.fetch,
            now: deps.now(),
          });
        }
      } catch (error) {
        if (error instanceof GoogleAuthError) refused = error.message;
        // Nothing is lost: the last good read (and its sync state) stays, with the error to show.
        if (state) nextStates[source.id] = state;
        next[source.id] = {
          ...(previous ?? { range, read: 0, skipped: [], events: [] }),
          syncedAt: previous?.syncedAt ?? 0,
          error: describeSourceError(error),
        };
      }
    }
    await eventsItem.setValue(next);
    await googleSyncItem.setValue(nextStates);
    if (refused) await flagReconnect(refused);
  }

  async function loadCalendar(): Promise<{ events: ClassifiedEvent[]; retagged: Set<string> }> {
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    const retags = await retagsItem.getValue();
    const raw: CalendarEvent[] = [];
    const busyIds = new Set<string>();
    for (const source of sources) {
      for (const event of stored[source.id]?.events ?? []) {
        // The same UID can come from two calendars; keep them apart.
        const id = `${source.id}:${event.id}`;
        raw.push({ ...event, id });
        if (source.role === 'busy') busyIds.add(id);
      }
    }
    const retagMap = new Map<string, Retag>(Object.entries(retags));
    for (const id of busyIds) if (!retagMap.has(id)) retagMap.set(id, BUSY_ONLY);
    const events = classifyCalendar(raw, retagMap).sort(
      (a, b) => a.start - b.start || a.id.localeCompare(b.id),
    );
    return { events, retagged: new Set(Object.keys(retags)) };
  }

  async function rebuildView(prefs?: Preferences): Promise<PopupView> {
    const p = prefs ?? (await loadPrefs());
    const { events, retagged } = await loadCalendar();
    const state = await planItem.getValue();
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    const sessions = pruneAlternatives(state.sessions, events, p, deps.now());
    const active = activeSessions(sessions);
    const weekPlans: PlanResult[] = shownWeeks(p).map((week) =>
      planWeeks({
        events,
        prefs: p,
        firstWeek: week,
        weeks: 1,
        accepted: active.filter((s) => weekOf(s, p) === week),
        notBefore: deps.now(),
      }),
    );
    const accepted = sessions.filter((s) => s.status === 'accepted');
    const conflicts = checkSessions({
      events,
      prefs: p,
      sessions: accepted,
      notBefore: deps.now(),
    }).flatMap((c) => (c.problem ? [{ sessionId: c.id, message: c.problem }] : []));
    const syncTimes = sources.map((s) => stored[s.id]?.syncedAt ?? 0).filter((t) => t > 0);
    const planned = buildView({
      now: deps.now(),
      prefs: p,
      events,
      retagged,
      weekPlans,
      plannedWeeks: state.plannedWeeks,
      sessions,
      conflicts,
      hasSources: sources.length > 0,
      ...(syncTimes.length > 0 ? { syncedAt: Math.min(...syncTimes) } : {}),
      sourceErrors: sources.map((s) => ({
        id: s.id,
        name: s.name,
        ...(stored[s.id]?.error ? { error: stored[s.id]?.error } : {}),
      })),
    });
    const feed = await feedViewInput(state.sessions, p.timezone);
    const view = withFeed(
      withGoogle(planned, {
        available: google.available,
        account: await loadGoogleAccount(),
        job: await loadWriteJob(),
        sessions,
        timeZone: p.timezone,
      }),
      feed,
    );
    await viewItem.setValue(view);
    // Every change of the accepted sessions passes through here: a feed that is now behind them
    // follows once the changes settle (feed/publisher.ts).
    if (feed.connection && shouldPublish(feed.publish, feed.desired.hash, 'auto'))
      feedPublisher.schedule();
    await deps.setBadge(
      conflicts.length > 0
        ? {
            text: '!',
            title: `Ironstride: ${conflicts.length} accepted session(s) no longer fit — open to re-plan`,
          }
        : { text: '', title: 'Ironstride' },
    );
    return view;
  }

  /** Plans `weeks` afresh (keeping accepted sessions where they are legal) and stores the result. */
  async function replanWeeks(
    prefs: Preferences,
    weeks: readonly DateString[],
    markPlanned: boolean,
  ): Promise<void> {
    const { events } = await loadCalendar();
    const state = await planItem.getValue();
    let sessions = state.sessions;
    const plannedWeeks = { ...state.plannedWeeks };
    // A session deleted in Google keeps its id out of use, even once its week is re-planned.
    const retiredIds = [
      ...new Set([
        ...(state.retiredIds ?? []),
        ...sessions.filter((s) => s.deletedInGoogle).map((s) => s.id),
      ]),
    ];
    for (const week of weeks) {
      const accepted = sessions.filter((s) => s.status === 'accepted' && weekOf(s, prefs) === week);
      const result = planWeeks({
        events,
        prefs,
        firstWeek: week,
        weeks: 1,
        accepted,
        notBefore: deps.now(),
        reservedIds: retiredIds,
      });
      sessions = mergeWeekPlan(sessions, result.sessions, week, prefs);
      if (markPlanned) plannedWeeks[week] = deps.now();
    }
    await planItem.setValue({ plannedWeeks, sessions, retiredIds });
  }

  /** Weeks the runner planned that are still on screen: re-planned when the inputs change. */
  async function plannedShownWeeks(prefs: Preferences): Promise<DateString[]> {
    const { plannedWeeks } = await planItem.getValue();
    return shownWeeks(prefs).filter((w) => w in plannedWeeks);
  }

  async function updateSessions(
    update: (sessions: StoredSession[]) => StoredSession[],
  ): Promise<PopupView> {
    const state = await planItem.getValue();
    await planItem.setValue({ ...state, sessions: update(state.sessions) });
    return rebuildView();
  }

  function setStatus(sessionId: string, status: StoredSession['status']) {
    return (sessions: StoredSession[]) => {
      if (!sessions.some((s) => s.id === sessionId))
        throw new Error(`No session "${sessionId}": plan the week again`);
      return sessions.map((s) => {
        if (s.id !== sessionId) return s;
        const { deletedInGoogle: _deleted, ...rest } = s;
        return status === 'suggested' ? { ...rest, status, moved: false } : { ...s, status };
      });
    };
  }

  async function isStale(prefs: Preferences): Promise<boolean> {
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    const range = syncRange(prefs);
    return sources.some((s) => {
      const e = stored[s.id];
      return (
        !e ||
        deps.now() - e.syncedAt > STALE_AFTER_MS ||
        e.range.start > range.start ||
        e.range.end < range.end
      );
    });
  }

  async function summaries(): Promise<SourceSummary[]> {
    const sources = await sourcesItem.getValue();
    const stored = await eventsItem.getValue();
    return sources.map((s) => summarizeSource(s, stored[s.id]));
  }

  const handlers: Handlers = {
    getView: ({ refresh }) =>
      serial(async () => {
        const prefs = await loadPrefs();
        if (refresh && (await isStale(prefs))) {
          await syncSources(prefs);
          await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        }
        return rebuildView(prefs);
      }),

    planWeek: (data) =>
      serial(async () => {
        const { weekStart } = weekSchema.parse(data);
        const prefs = await loadPrefs();
        const week = startOfWeek(weekStart, prefs.weekStartsOn);
        if (await isStale(prefs)) await syncSources(prefs);
        await replanWeeks(prefs, [week], true);
        return rebuildView(prefs);
      }),

    acceptSession: (data) =>
      serial(() => updateSessions(setStatus(idSchema.parse(data).sessionId, 'accepted'))),
    skipSession: (data) =>
      serial(() => updateSessions(setStatus(idSchema.parse(data).sessionId, 'skipped'))),
    resetSession: (data) =>
      serial(() => updateSessions(setStatus(idSchema.parse(data).sessionId, 'suggested'))),

    acceptWeek: (data) =>
      serial(async () => {
        const { weekStart } = weekSchema.parse(data);
        const prefs = await loadPrefs();
        const week = startOfWeek(weekStart, prefs.weekStartsOn);
        return updateSessions((sessions) =>
          sessions.map((s) =>
            s.status === 'suggested' && weekOf(s, prefs) === week
              ? { ...s, status: 'accepted' }
              : s,
          ),
        );
      }),

    moveSession: (data) =>
      serial(async () => {
        const { sessionId, alternative } = moveSchema.parse(data);
        const prefs = await loadPrefs();
        const { events } = await loadCalendar();
        return updateSessions((sessions) =>
          moveToAlternative(sessions, sessionId, alternative, events, prefs, deps.now()),
        );
      }),

    replan: () =>
      serial(async () => {
        const prefs = await loadPrefs();
        const { events } = await loadCalendar();
        const state = await planItem.getValue();
        const accepted = state.sessions.filter((s) => s.status === 'accepted');
        const broken = checkSessions({
          events,
          prefs,
          sessions: accepted,
          notBefore: deps.now(),
        }).filter((c) => c.problem);
        const weeks = [
          ...new Set(
            broken.map((c) => weekOf(accepted.find((s) => s.id === c.id) ?? { start: 0 }, prefs)),
          ),
        ];
        await replanWeeks(prefs, weeks, false);
        return rebuildView(prefs);
      }),

    retagEvent: (data) =>
      serial(async () => {
        const input = retagSchema.parse(data);
        // Stored ids carry their calendar's prefix; series re-tags key on the UID.
        const key = input.series ? input.uid : input.eventId;
        const cleared = new Set(input.retag === null ? [key, input.eventId] : [key]);
        const retags = Object.fromEntries(
          Object.entries(await retagsItem.getValue()).filter(([k]) => !cleared.has(k)),
        );
        if (input.retag !== null) retags[key] = retagFor(input.retag as RetagChoice);
        await retagsItem.setValue(retags);
        const prefs = await loadPrefs();
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        return rebuildView(prefs);
      }),

    exportIcs: () =>
      serial(async () => {
        const prefs = await loadPrefs();
        const { sessions } = await planItem.getValue();
        const accepted = sessions.filter((s) => s.status === 'accepted');
        const now = deps.now();
        const text = exportIcs(accepted, { timezone: prefs.timezone, now });
        return {
          filename: `ironstride-strength-${dateInZone(now, prefs.timezone)}.ics`,
          text,
          count: accepted.length,
        };
      }),

    getSettings: () =>
      serial(async () => ({
        sources: await summaries(),
        prefs: await prefsItem.getValue(),
        browserTimeZone: deps.browserTimeZone(),
      })),

    addSource: (data) =>
      serial(async () => {
        const prefs = await loadPrefs();
        const source = newSource(data, deps.newId(), deps.now());
        let events: SourceEvents;
        try {
          events = await readSource(source, {
            timezone: prefs.timezone,
            range: syncRange(prefs),
            fetch: deps.fetch,
            now: deps.now(),
          });
        } catch (error) {
          throw new Error(`Could not add ${source.name}: ${describeSourceError(error)}`, {
            cause: error,
          });
        }
        await sourcesItem.setValue([...(await sourcesItem.getValue()), source]);
        await eventsItem.setValue({ ...(await eventsItem.getValue()), [source.id]: events });
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        await rebuildView(prefs);
        return summarizeSource(source, events);
      }),

    updateSource: (data) =>
      serial(async () => {
        const input = updateSourceSchema.parse(data);
        const sources = await sourcesItem.getValue();
        const source = sources.find((s) => s.id === input.id);
        if (!source) throw new Error('That calendar was removed');
        const updated = {
          ...source,
          ...(input.name ? { name: input.name } : {}),
          ...(input.role ? { role: input.role } : {}),
        };
        await sourcesItem.setValue(sources.map((s) => (s.id === input.id ? updated : s)));
        const prefs = await loadPrefs();
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        await rebuildView(prefs);
        return summarizeSource(updated, (await eventsItem.getValue())[updated.id]);
      }),

    removeSource: (data) =>
      serial(async () => {
        const { id } = z.object({ id: z.string().min(1) }).parse(data);
        await sourcesItem.setValue((await sourcesItem.getValue()).filter((s) => s.id !== id));
        const events = Object.fromEntries(
          Object.entries(await eventsItem.getValue()).filter(([k]) => k !== id),
        );
        await eventsItem.setValue(events);
        await googleSyncItem.setValue(
          Object.fromEntries(
            Object.entries(await loadGoogleSyncStates()).filter(([k]) => k !== id),
          ),
        );
        const prefs = await loadPrefs();
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        await rebuildView(prefs);
      }),

    syncNow: () =>
      serial(async () => {
        const prefs = await loadPrefs();
        await syncSources(prefs);
        await rebuildView(prefs);
        return summaries();
      }),

    savePrefs: (data) =>
      serial(async () => {
        try {
          parsePreferences(data, { defaultTimezone: deps.browserTimeZone() });
        } catch (error) {
          if (error instanceof PreferencesError)
            return { ok: false as const, issues: [...error.issues] };
          throw error;
        }
        const before = await loadPrefs();
        await prefsItem.setValue(preferencesSchema.parse(data) as PreferencesInput);
        const prefs = await loadPrefs();
        // A new zone or week start moves the range the calendars must cover.
        if (prefs.timezone !== before.timezone || prefs.weekStartsOn !== before.weekStartsOn)
          await syncSources(prefs);
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        await rebuildView(prefs);
        return { ok: true as const };
      }),

    ...createGoogleHandlers({
      connection: google,
      queue,
      identityGranted: () => deps.google?.identityGranted() ?? false,
      redirectUrl: () => deps.google?.redirectUrl(),
      serial,
      now: deps.now,
      newId: deps.newId,
      loadPrefs,
      shownWeeks,
      async refreshPlan(prefs) {
        await replanWeeks(prefs, await plannedShownWeeks(prefs), false);
        return rebuildView(prefs);
      },
      rebuildView,
      syncGoogleSources: (prefs) => syncSources(prefs, (source) => source.kind === 'google'),
      readGoogle,
      summaries,
    }),

    ...createFeedHandlers({
      client: feedClient,
      publisher: feedPublisher,
      serial,
      now: deps.now,
      loadPrefs,
      rebuildView,
    }),
  };

  return {
    handlers,
    runGoogleWrites: (options) => queue.run(options),
    runFeedPublish: async (options) => {
      await feedPublisher.run(options);
    },
    feedSettled: () => feedPublisher.settled(),
    syncAll: () =>
      serial(async () => {
        const prefs = await loadPrefs();
        await syncSources(prefs);
        await rebuildView(prefs);
      }),
  };
}
