import { plural } from '../../core/plural';
import type { GoogleView } from '../../extension/view';
import { Button } from '../shared/Button';

export interface GoogleWriteBarProps {
  google: GoogleView;
  acceptedCount: number;
  /** Add to calendar was just pressed and the background has not answered yet. */
  busy: boolean;
  /** Another action is running. */
  locked: boolean;
  onAdd: () => void;
}

/**
 * Add to calendar, and what the last write did ("Writing 2 of 5…", "Strength · Ironstride: 2
 * added."). Shown only when Google is connected; the line is a live region, so progress is read out.
 */
export function GoogleWriteBar({
  google,
  acceptedCount,
  busy,
  locked,
  onAdd,
}: GoogleWriteBarProps) {
  if (google.state !== 'ready' && google.state !== 'reconnect') return null;
  const line = google.status ?? {
    text:
      acceptedCount > 0
        ? `Adds your ${plural(acceptedCount, 'accepted session')} to ${google.calendarName}.`
        : `Accept a session to add it to ${google.calendarName}.`,
    tone: 'muted' as const,
  };
  const writing = busy || google.writing;
  return (
    <div className="google-bar">
      <p
        className={`google-status google-status--${line.tone}`}
        id="google-status"
        role="status"
        aria-live="polite"
      >
        {line.text}
      </p>
      <Button
        variant="primary"
        size="sm"
        aria-describedby="google-status"
        busy={writing}
        disabled={!google.canWrite || (locked && !writing)}
        onClick={onAdd}
      >
        {writing ? 'Writing…' : 'Add to calendar'}
      </Button>
    </div>
  );
}
