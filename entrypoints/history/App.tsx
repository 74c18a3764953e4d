import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { sendMessage } from '../../src/extension/messaging';
import { HistoryPage } from '../../src/ui/history/HistoryPage';
import type { HistoryLoad } from '../../src/ui/history/HistoryPage';

export interface AppProps {
  /** Messages to the background; a fake in tests. */
  send?: typeof sendMessage;
  /** Called once the weeks are on screen (bench/history.ts measures up to it). */
  onRendered?: () => void;
}

function markRendered(): void {
  if (performance.getEntriesByName('ironstride:history-render').length === 0) {
    performance.mark('ironstride:history-render');
  }
}

/** The History page: asks the background for the last 12 weeks and draws them. */
export function App({ send = sendMessage, onRendered = markRendered }: AppProps) {
  const [load, setLoad] = useState<HistoryLoad>({ state: 'loading' });

  const fetchHistory = useCallback(() => {
    send('getHistory', {}).then(
      (view) => setLoad({ state: 'ready', view }),
      (error: unknown) =>
        setLoad({
          state: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }, [send]);

  useEffect(fetchHistory, [fetchHistory]);
  function retry(): void {
    setLoad({ state: 'loading' });
    fetchHistory();
  }
  // Before paint: what a runner waits for is the charts, not the loading line.
  useLayoutEffect(() => {
    if (load.state !== 'loading') onRendered();
  }, [load.state, onRendered]);

  return <HistoryPage load={load} onRetry={retry} />;
}
