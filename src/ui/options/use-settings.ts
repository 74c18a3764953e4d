/**
 * The options page's settings: loaded once from the background (again on Try again), the
 * calendar list the sections share, and a clock for "read 12 minutes ago".
 */
import { useEffect, useState } from 'react';
import type { Settings, SourceSummary } from '../../extension/protocol';
import { errorText, LOAD_TIMEOUT_MS, withTimeout } from './services';
import type { SendMessage } from './services';

export type SettingsLoad =
  | { state: 'loading' }
  | { state: 'ready'; settings: Settings }
  | { state: 'failed'; message: string };

export interface SettingsState {
  load: SettingsLoad;
  /** Counts the loads, so each one gets a fresh preferences form. */
  attempt: number;
  retry: () => void;
  /** `undefined` until the settings load. */
  sources: SourceSummary[] | undefined;
  updateSources: (update: (sources: SourceSummary[]) => SourceSummary[]) => void;
  /** The time, updated every minute while the page stays open. */
  clock: number;
}

export function useSettings(send: SendMessage, now: () => number): SettingsState {
  const [load, setLoad] = useState<SettingsLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [sources, setSources] = useState<SourceSummary[]>();
  const [clock, setClock] = useState(now);

  useEffect(() => {
    let current = true;
    withTimeout(send('getSettings', {}), LOAD_TIMEOUT_MS, 'The extension’s background').then(
      (settings) => {
        if (!current) return;
        setLoad({ state: 'ready', settings });
        setSources(settings.sources);
      },
      (error: unknown) => {
        if (current) setLoad({ state: 'failed', message: errorText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [send, attempt]);

  useEffect(() => {
    // "12 minutes ago" keeps up while the tab stays open.
    const timer = setInterval(() => setClock(now()), 60_000);
    return () => clearInterval(timer);
  }, [now]);

  return {
    load,
    attempt,
    retry: () => {
      setLoad({ state: 'loading' });
      setAttempt((n) => n + 1);
    },
    sources,
    updateSources: (update) => setSources((list) => update(list ?? [])),
    clock,
  };
}
