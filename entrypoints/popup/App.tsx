import { useRef, useState } from 'react';
import { sendMessage } from '../../src/extension/messaging';
import { viewItem } from '../../src/extension/storage';
import type { LogEntry } from '../../src/core/log';
import type { PopupView } from '../../src/extension/view';
import { POPUP_ACTIONS } from '../../src/ui/popup/actions';
import { ConflictBanner } from '../../src/ui/popup/ConflictBanner';
import { downloadFile } from '../../src/ui/popup/download-file';
import { EarlierSessions } from '../../src/ui/popup/EarlierSessions';
import { EmptyState } from '../../src/ui/popup/EmptyState';
import { describeFailure } from '../../src/ui/popup/errors';
import { ErrorState } from '../../src/ui/popup/ErrorState';
import { formatSynced } from '../../src/ui/popup/format-synced';
import { GoogleWriteBar } from '../../src/ui/popup/GoogleWriteBar';
import { InlineError } from '../../src/ui/popup/InlineError';
import { LoadingState } from '../../src/ui/popup/LoadingState';
import { PopupFooter } from '../../src/ui/popup/PopupFooter';
import { PopupHeader } from '../../src/ui/popup/PopupHeader';
import { PublishBar } from '../../src/ui/popup/PublishBar';
import { RacesPanel } from '../../src/ui/popup/RacesPanel';
import { ReconnectBanner } from '../../src/ui/popup/ReconnectBanner';
import type { SessionAction } from '../../src/ui/popup/SessionCard';
import { SourceErrors } from '../../src/ui/popup/SourceErrors';
import { useAction } from '../../src/ui/popup/use-action';
import { usePopupView } from '../../src/ui/popup/use-popup-view';
import type { SendMessage, ViewSource } from '../../src/ui/popup/use-popup-view';
import { sessionsOf, suggestedIn, WeekPanel } from '../../src/ui/popup/WeekPanel';
import { weekPanelId, WeekTabs, weekTabId } from '../../src/ui/popup/WeekTabs';

import { markFirstRender, openHistoryPage, openOptionsPage } from './defaults';

export type { SendMessage, ViewSource } from '../../src/ui/popup/use-popup-view';

export interface AppProps {
  /** The cached view, read before the first render so the first paint shows it; `undefined`: read it here. */
  initialView?: PopupView | null;
  send?: SendMessage;
  viewSource?: ViewSource;
  openOptions?: () => Promise<void>;
  /** Opens the History page in a tab. */
  openHistory?: () => Promise<unknown>;
  download?: (file: { filename: string; text: string }) => void;
  now?: () => number;
  /** Called once, before the first paint (the startup bench measures up to it). */
  onFirstRender?: () => void;
}

/**
 * The toolbar popup: renders the cached `PopupView` at once, refreshes it from the background,
 * and sends the runner's decisions. The state is in two hooks (the view, the action running);
 * the components in src/ui/popup only render.
 */
export function App({
  initialView,
  send = sendMessage,
  viewSource = viewItem,
  openOptions = openOptionsPage,
  openHistory = openHistoryPage,
  download = downloadFile,
  now = Date.now,
  onFirstRender = markFirstRender,
}: AppProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const { view, syncing, loadError, clock, applyView, retryLoad } = usePopupView({
    initialView,
    send,
    viewSource,
    now,
    onFirstRender,
  });
  const actions = useAction({ send, view, rootRef, applyView, download });
  const { pending, run } = actions;
  const [weekIndex, setWeekIndex] = useState(0);

  function open(page: () => Promise<unknown>, name: string): () => void {
    const attempt = (): void => {
      page().catch((error: unknown) => {
        actions.fail({
          message: `Couldn't open ${name}: ${describeFailure(error)}`,
          retry: attempt,
        });
      });
    };
    return attempt;
  }
  const openSettings = open(openOptions, 'Settings');

  const onLog = (sessionId: string, title: string, entry: LogEntry | null) =>
    run(POPUP_ACTIONS.log, { sessionId, title, entry });

  function onSession(action: SessionAction, sessionId: string, alternative?: number): void {
    if (action === 'move') {
      if (alternative !== undefined) void run(POPUP_ACTIONS.move, { sessionId, alternative });
    } else if (action !== 'swap') void run(POPUP_ACTIONS[action], { sessionId });
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
          onReplan={() => void run(POPUP_ACTIONS.replan, undefined)}
        />
        <EarlierSessions
          sessions={view.earlier ?? []}
          {...(pending?.type === 'log' ? { busySessionId: pending.sessionId } : {})}
          locked={pending !== null}
          onLog={(s, entry) => onLog(s.id, `${s.title}, ${s.day}`, entry)}
        />
        <RacesPanel
          races={view.races ?? []}
          {...(pending?.type === 'race' ? { busyEventId: pending.eventId } : {})}
          locked={pending !== null}
          onChoose={(race, choice) => void run(POPUP_ACTIONS.race, { race, choice })}
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
              onPlan={() => void run(POPUP_ACTIONS.planWeek, week)}
              onAcceptAll={() => void run(POPUP_ACTIONS.acceptWeek, week)}
              onSession={onSession}
              onSwap={(sessionId, from, to) =>
                void run(POPUP_ACTIONS.swap, { sessionId, from, to })
              }
              onRetag={(item, choice, series) => run(POPUP_ACTIONS.retag, { item, choice, series })}
              onLog={(s, entry) => onLog(s.id, s.title, entry)}
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
      <main className="popup-main">
        {actions.error && (
          <InlineError
            message={actions.error.message}
            busy={pending !== null}
            onRetry={actions.error.retry}
            onDismiss={actions.dismiss}
          />
        )}
        {body}
      </main>
      {ready?.google && (
        <GoogleWriteBar
          google={ready.google}
          acceptedCount={ready.acceptedCount}
          busy={pending?.type === 'google'}
          locked={pending !== null}
          onAdd={() => void run(POPUP_ACTIONS.addToCalendar, undefined)}
        />
      )}
      {ready?.feed && (
        <PublishBar
          feed={ready.feed}
          busy={pending?.type === 'publish'}
          locked={pending !== null}
          secondary={ready.google?.state === 'ready' || ready.google?.state === 'reconnect'}
          onPublish={() => void run(POPUP_ACTIONS.publish, undefined)}
        />
      )}
      {/* The empty and error states carry their own Settings button. */}
      {(ready || (view === null && !failed)) && (
        <PopupFooter
          acceptedCount={ready?.acceptedCount}
          exporting={pending?.type === 'export'}
          locked={pending !== null}
          onDownload={() => void run(POPUP_ACTIONS.export, undefined)}
          onOpenSettings={openSettings}
          onOpenHistory={open(openHistory, 'History')}
        />
      )}
      <div className="sr-only" role="status" aria-live="polite">
        {actions.announcement}
      </div>
    </div>
  );
}
