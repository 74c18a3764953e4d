import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { plural } from '../../src/core/plural';
import { sendMessage } from '../../src/extension/messaging';
import { RETAG_CHOICES } from '../../src/extension/retag';
import type { RetagChoice } from '../../src/extension/retag';
import { viewItem } from '../../src/extension/storage';
import type { DayItem, DayView, PopupView, SessionItem, WeekView } from '../../src/extension/view';
import type { PendingAction } from '../../src/ui/popup/actions';
import { ConflictBanner } from '../../src/ui/popup/ConflictBanner';
import { downloadFile } from '../../src/ui/popup/download-file';
import { EmptyState } from '../../src/ui/popup/EmptyState';
import { ErrorState } from '../../src/ui/popup/ErrorState';
import { formatSynced } from '../../src/ui/popup/format-synced';
import { GoogleWriteBar } from '../../src/ui/popup/GoogleWriteBar';
import { InlineError } from '../../src/ui/popup/InlineError';
import { LoadingState } from '../../src/ui/popup/LoadingState';
import { PopupFooter } from '../../src/ui/popup/PopupFooter';
import { PopupHeader } from '../../src/ui/popup/PopupHeader';
import { PublishBar } from '../../src/ui/popup/PublishBar';
import { ReconnectBanner } from '../../src/ui/popup/ReconnectBanner';
import type { SessionAction } from '../../src/ui/popup/SessionCard';
import { SourceErrors } from '../../src/ui/popup/SourceErrors';
import { sessionsOf, WeekPanel } from '../../src/ui/popup/WeekPanel';
import { weekPanelId, WeekTabs, weekTabId } from '../../src/ui/popup/WeekTabs';

export type SendMessage = typeof sendMessage;

/** The cached view: `viewItem`, or a fake in tests. */
export interface ViewSource {
  getValue(): Promise<PopupView | null>;
  watch(callback: (value: PopupView | null) => void): () => void;
}

export interface AppProps {
  /** The cached view, read before the first render so the first paint shows it; `undefined`: read it here. */
  initialView?: PopupView | null;
  send?: SendMessage;
  viewSource?: ViewSource;
  openOptions?: () => Promise<void>;
  download?: (file: { filename: string; text: string }) => void;
  now?: () => number;
  /** Called once, before the first paint (the startup bench measures up to it). */
  onFirstRender?: () => void;
}

type EventItem = Exclude<DayItem, { type: 'session' }>;

interface ActionError {
  message: string;
  retry: () => void;
}

function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

function markFirstRender(): void {
  if (performance.getEntriesByName('ironstride:first-render').length === 0) {
    performance.mark('ironstride:first-render');
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // Chrome's wording when the background is not running or has no listener yet.
  if (/Receiving end does not exist|not listening|Could not establish connection/i.test(text)) {
    return "Ironstride's background service didn't answer. Try again in a moment.";
  }
  return text;
}

function suggestedIn(week: WeekView | undefined): number {
  return week ? sessionsOf(week).filter((s) => s.status === 'suggested').length : 0;
}

function findSession(
  view: PopupView,
  sessionId: string,
): { day: DayView; session: SessionItem } | undefined {
  for (const week of view.weeks) {
    for (const day of week.days) {
      for (const item of day.items) {
        if (item.type === 'session' && item.id === sessionId) return { day, session: item };
      }
    }
  }
  return undefined;
}

function retagLabel(retag: RetagChoice | null): string {
  if (retag === null) return 'automatic';
  return (RETAG_CHOICES.find((choice) => choice.value === retag)?.label ?? retag).toLowerCase();
}

/**
 * The toolbar popup: renders the cached `PopupView` at once, refreshes it from the background,
 * and sends the runner's decisions. Holds the state; the components in src/ui/popup only render.
 */
export function App({
  initialView,
  send = sendMessage,
  viewSource = viewItem,
  openOptions = openOptionsPage,
  download = downloadFile,
  now = Date.now,
  onFirstRender = markFirstRender,
}: AppProps) {
  const [view, setView] = useState<PopupView | null>(initialView ?? null);
  const [syncing, setSyncing] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [clock, setClock] = useState<number | null>(null);
  const [weekIndex, setWeekIndex] = useState(0);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [actionError, setActionError] = useState<ActionError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const pendingRef = useRef<PendingAction | null>(null);
  const focusAfter = useRef<string | null>(null);

  useLayoutEffect(() => {
    onFirstRender();
  }, [onFirstRender]);

  /** Newest wins: a slow refresh must not overwrite the answer to a later action. */
  const applyView = useCallback(
    (next: PopupView) => {
      setView((prev) => (prev && next.generatedAt < prev.generatedAt ? prev : next));
      setClock(now());
    },
    [now],
  );

  const onRefreshed = useCallback(
    (next: PopupView) => {
      applyView(next);
      setLoadError(null);
      setSyncing(false);
    },
    [applyView],
  );

  const onRefreshFailed = useCallback((error: unknown) => {
    setLoadError(messageOf(error));
    setSyncing(false);
  }, []);

  useEffect(() => {
    if (initialView === undefined) {
      viewSource.getValue().then(
        (cached) => {
          if (cached) applyView(cached);
        },
        () => undefined,
      );
    }
    send('getView', { refresh: true }).then(onRefreshed, onRefreshFailed);
    return viewSource.watch((next) => {
      if (next) applyView(next);
    });
  }, [initialView, viewSource, send, onRefreshed, onRefreshFailed, applyView]);

  // After an action re-renders the week, put focus back where the runner was if its element went away.
  useEffect(() => {
    const selector = focusAfter.current;
    const root = rootRef.current;
    if (!selector || pending || !root) return;
    focusAfter.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && root.contains(active)) return;
    root.querySelector<HTMLElement>(selector)?.focus();
  }, [view, pending]);

  function announce(text: string): void {
    // The same words twice in a row would not be read again; a trailing space makes them new.
    setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  }

  async function run<T>(
    action: PendingAction,
    request: () => Promise<T>,
    done: (result: T) => string,
    focus?: string,
  ): Promise<boolean> {
    if (pendingRef.current) return false;
    pendingRef.current = action;
    setPending(action);
    setActionError(null);
    try {
      const result = await request();
      announce(done(result));
      focusAfter.current = focus ?? null;
      return true;
    } catch (error) {
      setActionError({
        message: messageOf(error),
        retry: () => void run(action, request, done, focus),
      });
      return false;
    } finally {
      pendingRef.current = null;
      setPending(null);
    }
  }

  function runView(
    action: PendingAction,
    request: () => Promise<PopupView>,
    describe: (next: PopupView) => string,
    focus?: string,
  ): Promise<boolean> {
    return run(
      action,
      request,
      (next) => {
        applyView(next);
        return describe(next);
      },
      focus,
    );
  }

  function retryLoad(): void {
    setSyncing(true);
    setLoadError(null);
    send('getView', { refresh: true }).then(onRefreshed, onRefreshFailed);
  }

  function openSettings(): void {
    openOptions().catch((error: unknown) => {
      setActionError({
        message: `Couldn't open Settings: ${messageOf(error)}`,
        retry: openSettings,
      });
    });
  }

  function planWeek(week: WeekView): void {
    void runView(
      { type: 'planWeek', weekStart: week.start },
      () => send('planWeek', { weekStart: week.start }),
      (next) => {
        const planned = next.weeks.find((w) => w.start === week.start);
        const n = suggestedIn(planned);
        if (n > 0) return `${week.label} planned: ${plural(n, 'session')} suggested`;
        return planned && planned.unplaced.length > 0
          ? `${week.label} planned: no session fits, see why above the days`
          : `${week.label} planned: nothing new to suggest`;
      },
      `[data-week-actions="${CSS.escape(week.start)}"] [data-plan]`,
    );
  }

  function acceptWeek(week: WeekView): void {
    void runView(
      { type: 'acceptWeek', weekStart: week.start },
      () => send('acceptWeek', { weekStart: week.start }),
      () => `All suggestions for ${week.label.toLowerCase()} accepted`,
      `[data-week-actions="${CSS.escape(week.start)}"] [data-plan]`,
    );
  }

  function onSession(action: SessionAction, sessionId: string, alternative?: number): void {
    const focus = `[data-session-id="${CSS.escape(sessionId)}"] [data-primary]`;
    const pendingAction: PendingAction = { type: action, sessionId };
    if (action === 'accept') {
      void runView(
        pendingAction,
        () => send('acceptSession', { sessionId }),
        () => 'Session accepted',
        focus,
      );
    } else if (action === 'skip') {
      void runView(
        pendingAction,
        () => send('skipSession', { sessionId }),
        () => 'Session skipped',
        focus,
      );
    } else if (action === 'reset') {
      void runView(
        pendingAction,
        () => send('resetSession', { sessionId }),
        () => 'Session is a suggestion again',
        focus,
      );
    } else if (alternative !== undefined) {
      void runView(
        pendingAction,
        () => send('moveSession', { sessionId, alternative }),
        (next) => {
          const moved = findSession(next, sessionId);
          return moved
            ? `Session moved to ${moved.day.label}, ${moved.session.time}`
            : 'Session moved';
        },
        focus,
      );
    }
  }

  function replan(): void {
    const count = view?.conflicts.length ?? 0;
    void runView(
      { type: 'replan' },
      () => send('replan', {}),
      (next) =>
        next.conflicts.length === 0
          ? `Re-planned: ${plural(count, 'session')} moved`
          : `Re-planned, but ${plural(next.conflicts.length, 'session')} still ${next.conflicts.length === 1 ? "doesn't" : "don't"} fit`,
      '[role="tab"][aria-selected="true"]',
    );
  }

  function retag(item: EventItem, choice: RetagChoice | null, series: boolean): Promise<boolean> {
    return runView(
      { type: 'retag', eventId: item.eventId },
      () => send('retagEvent', { eventId: item.eventId, uid: item.uid, series, retag: choice }),
      () =>
        `${item.title}${series ? ' and its series' : ''} set to ${retagLabel(choice)}; week re-planned`,
      `[data-event-id="${CSS.escape(item.eventId)}"] [data-retag-toggle]`,
    );
  }

  function exportIcs(): void {
    void run(
      { type: 'export' },
      () => send('exportIcs', {}),
      (file) => {
        download(file);
        return `Downloaded ${file.filename} with ${plural(file.count, 'session')}`;
      },
    );
  }

  function addToCalendar(): void {
    void runView(
      { type: 'google' },
      () => send('addToCalendar', {}),
      // The background answers at once; progress and the outcome follow in the cached view.
      (next) => next.google?.status?.text ?? 'Writing to Google Calendar…',
    );
  }

  function publishFeed(): void {
    void runView(
      { type: 'publish' },
      () => send('publishFeed', {}),
      // The outcome, published or why not, is the feed's line.
      (next) => next.feed?.status.text ?? 'Published',
    );
  }

  const ready = view !== null && view.status === 'ready' ? view : null;
  const weeks = ready?.weeks ?? [];
  const selected = Math.min(weekIndex, Math.max(weeks.length - 1, 0));
  const week = weeks[selected];
  const conflictIds = new Set(ready?.conflicts.map((c) => c.sessionId) ?? []);
  const synced =
    view?.syncedAt !== undefined && clock !== null
      ? formatSynced(view.syncedAt, view.timezone, clock)
      : undefined;

  const failed = view === null && loadError !== null && !syncing;

  let body;
  if (view === null) {
    body = failed ? (
      <ErrorState
        message={loadError ?? ''}
        retrying={syncing}
        onRetry={retryLoad}
        onOpenSettings={openSettings}
      />
    ) : (
      <LoadingState />
    );
  } else if (view.status === 'empty') {
    body = <EmptyState onOpenSettings={openSettings} />;
  } else {
    body = (
      <div className="popup-scroll">
        {view.google?.state === 'reconnect' && <ReconnectBanner onReconnect={openSettings} />}
        <ConflictBanner
          conflicts={view.conflicts}
          busy={pending?.type === 'replan'}
          locked={pending !== null}
          onReplan={replan}
        />
        {weeks.length > 1 && (
          <WeekTabs
            weeks={weeks.map((w) => ({
              start: w.start,
              label: w.label,
              range: w.range,
              suggested: suggestedIn(w),
              conflict: sessionsOf(w).some(
                (s) => conflictIds.has(s.id) || s.conflict !== undefined,
              ),
            }))}
            selected={selected}
            onSelect={setWeekIndex}
          />
        )}
        {week ? (
          <div
            className="week-panel"
            role={weeks.length > 1 ? 'tabpanel' : undefined}
            id={weekPanelId(week.start)}
            aria-labelledby={weeks.length > 1 ? weekTabId(week.start) : undefined}
          >
            <WeekPanel
              week={week}
              pending={pending}
              onPlan={() => planWeek(week)}
              onAcceptAll={() => acceptWeek(week)}
              onSession={onSession}
              onRetag={retag}
            />
          </div>
        ) : (
          <p className="notice notice--info">No weeks to show yet.</p>
        )}
        <SourceErrors sources={view.sourceErrors} />
      </div>
    );
  }

  return (
    <div className="popup" ref={rootRef}>
      <PopupHeader
        synced={synced}
        syncing={syncing}
        refreshError={view ? loadError : null}
        onRetry={retryLoad}
      />
      {actionError && (
        <InlineError
          message={actionError.message}
          busy={pending !== null}
          onRetry={actionError.retry}
          onDismiss={() => setActionError(null)}
        />
      )}
      {body}
      {ready?.google && (
        <GoogleWriteBar
          google={ready.google}
          acceptedCount={ready.acceptedCount}
          busy={pending?.type === 'google'}
          locked={pending !== null}
          onAdd={addToCalendar}
        />
      )}
      {ready?.feed && (
        <PublishBar
          feed={ready.feed}
          busy={pending?.type === 'publish'}
          locked={pending !== null}
          secondary={ready.google?.state === 'ready' || ready.google?.state === 'reconnect'}
          onPublish={publishFeed}
        />
      )}
      {/* The empty and error states carry their own Settings button. */}
      {(ready || (view === null && !failed)) && (
        <PopupFooter
          acceptedCount={ready?.acceptedCount}
          exporting={pending?.type === 'export'}
          locked={pending !== null}
          onDownload={exportIcs}
          onOpenSettings={openSettings}
        />
      )}
      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
