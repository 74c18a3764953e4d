import { Button } from '../shared/Button';

export interface PopupHeaderProps {
  /** "Synced 14:05", when the view has been synced. */
  synced?: string;
  syncing: boolean;
  /** The last refresh failed; the cached week is still shown. */
  refreshError: string | null;
  onRetry: () => void;
}

function Mark() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="var(--accent)" />
      <path
        d="M5 13h2.2l2-5 3.4 9 2.2-6 1.2 2H19"
        fill="none"
        stroke="var(--accent-fg)"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** Name, and whether the week on screen is fresh. */
export function PopupHeader({ synced, syncing, refreshError, onRetry }: PopupHeaderProps) {
  return (
    <header className="popup-header">
      <h1 className="brand">
        <Mark />
        Ironstride
      </h1>
      <p className="sync" aria-live="off">
        {syncing ? (
          <span className="sync-progress" aria-busy="true">
            Syncing…
          </span>
        ) : refreshError ? (
          <>
            <span className="sync-error" title={refreshError}>
              Couldn't refresh
            </span>
            <Button
              variant="quiet"
              size="sm"
              aria-label={`Retry refreshing: ${refreshError}`}
              onClick={onRetry}
            >
              Retry
            </Button>
          </>
        ) : (
          synced && <span>{synced}</span>
        )}
      </p>
    </header>
  );
}
