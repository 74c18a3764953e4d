import { Button } from '../shared/Button';

export interface ErrorStateProps {
  message: string;
  retrying: boolean;
  onRetry: () => void;
  onOpenSettings: () => void;
}

function AlertIcon() {
  return (
    <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M16 9.5v8" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="16" cy="22" r="1.5" fill="currentColor" />
    </svg>
  );
}

/** Nothing cached and the background did not answer: say so, offer Retry. Never a blank popup. */
export function ErrorState({ message, retrying, onRetry, onOpenSettings }: ErrorStateProps) {
  return (
    <div className="state" role="alert">
      <span className="state-icon state-icon--danger">
        <AlertIcon />
      </span>
      <h2 className="state-title">Couldn't load your week</h2>
      <p className="state-text state-error">{message}</p>
      <div className="state-actions">
        <Button variant="primary" busy={retrying} onClick={onRetry}>
          Retry
        </Button>
        <Button variant="quiet" onClick={onOpenSettings}>
          Open Settings
        </Button>
      </div>
    </div>
  );
}
