import { Button } from '../shared/Button';

export interface InlineErrorProps {
  message: string;
  busy: boolean;
  onRetry: () => void;
  onDismiss: () => void;
}

/** An action failed: what happened, Retry, and a way to put it away. */
export function InlineError({ message, busy, onRetry, onDismiss }: InlineErrorProps) {
  return (
    <div className="banner banner--danger banner--compact" role="alert">
      <p className="banner-text">{message}</p>
      <span className="banner-buttons">
        <Button variant="secondary" size="sm" busy={busy} onClick={onRetry}>
          Retry
        </Button>
        <Button variant="quiet" size="sm" aria-label="Dismiss the error" onClick={onDismiss}>
          Dismiss
        </Button>
      </span>
    </div>
  );
}
