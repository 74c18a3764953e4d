/**
 * What a page says while its data loads, or when it could not: a status line, or an alert with
 * the reason and Try again. Nothing once loaded.
 */
import type { ReactNode } from 'react';

export interface LoadBannerProps {
  load: { state: 'loading' } | { state: 'failed'; message: string } | { state: string };
  /** What is being loaded, as in "Loading your settings…": `settings`, `history`. */
  what: string;
  onRetry: () => void;
  /** Said under the reason when loading failed (what still works meanwhile). */
  failedNote?: ReactNode;
}

export function LoadBanner({ load, what, onRetry, failedNote }: LoadBannerProps) {
  if (load.state === 'loading') {
    return (
      <p className="banner" role="status">
        Loading your {what}…
      </p>
    );
  }
  if (load.state === 'failed' && 'message' in load) {
    return (
      <div className="banner banner-error" role="alert">
        <p>
          <strong>Couldn’t load your {what}:</strong> {load.message}
        </p>
        {failedNote}
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}
