import type { FeedView } from '../../extension/view';
import { Button } from '../shared/Button';

export interface PublishBarProps {
  feed: FeedView;
  /** Publish was just pressed and the background has not answered yet. */
  busy: boolean;
  /** Another action is running. */
  locked: boolean;
  /** A second bar (Add to calendar) is the main action: this one steps back. */
  secondary?: boolean;
  onPublish: () => void;
}

/**
 * Publish, and what the feed has ("Published 2 sessions · feed updated 10:42", or why not).
 * Shown only when this browser has a feed; the feed follows accepted sessions by itself, so the
 * button is for now, or for again after a failure. The line is a live region, so it is read out.
 */
export function PublishBar({ feed, busy, locked, secondary = false, onPublish }: PublishBarProps) {
  const publishing = busy || feed.publishing;
  return (
    <div className="publish-bar">
      <p
        className={`bar-status bar-status--${feed.status.tone}`}
        id="feed-status"
        role="status"
        aria-live="polite"
      >
        {feed.status.text}
      </p>
      <Button
        variant={secondary ? 'secondary' : 'primary'}
        size="sm"
        aria-describedby="feed-status"
        busy={publishing}
        disabled={locked && !publishing}
        onClick={onPublish}
      >
        {publishing ? 'Publishing…' : 'Publish'}
      </Button>
    </div>
  );
}
