/**
 * The popup's view: the cached one at once, then the background's answer to a refresh, then
 * whatever the background stores while the popup is open (a write's progress, a publish).
 */
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { sendMessage } from '../../extension/messaging';
import type { PopupView } from '../../extension/view';
import { describeFailure } from './errors';

export type SendMessage = typeof sendMessage;

/** The cached view: `viewItem`, or a fake in tests. */
export interface ViewSource {
  getValue(): Promise<PopupView | null>;
  watch(callback: (value: PopupView | null) => void): () => void;
}

export interface PopupViewOptions {
  /** Read before the first render so the first paint shows it; `undefined`: read it here. */
  initialView: PopupView | null | undefined;
  send: SendMessage;
  viewSource: ViewSource;
  now: () => number;
  /** Called once, before the first paint (the startup bench measures up to it). */
  onFirstRender: () => void;
}

export interface PopupViewState {
  view: PopupView | null;
  /** The refresh is running. */
  syncing: boolean;
  /** Why the last refresh failed. */
  loadError: string | null;
  /** When the view was last applied: "Synced 16:11" is relative to it. */
  clock: number | null;
  /** Shows `next` unless a newer view is already shown. */
  applyView: (next: PopupView) => void;
  retryLoad: () => void;
}

export function usePopupView({
  initialView,
  send,
  viewSource,
  now,
  onFirstRender,
}: PopupViewOptions): PopupViewState {
  const [view, setView] = useState<PopupView | null>(initialView ?? null);
  const [syncing, setSyncing] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [clock, setClock] = useState<number | null>(null);

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
    setLoadError(describeFailure(error));
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

  function retryLoad(): void {
    setSyncing(true);
    setLoadError(null);
    send('getView', { refresh: true }).then(onRefreshed, onRefreshFailed);
  }

  return { view, syncing, loadError, clock, applyView, retryLoad };
}
