import { useId } from 'react';
import { Button } from '../shared/Button';

export interface ConflictBannerProps {
  conflicts: { sessionId: string; message: string }[];
  busy: boolean;
  locked: boolean;
  onReplan: () => void;
}

/** "Your runs changed": accepted sessions a calendar change made illegal, and one way out. */
export function ConflictBanner({ conflicts, busy, locked, onReplan }: ConflictBannerProps) {
  const headingId = useId();
  if (conflicts.length === 0) return null;
  return (
    <section className="banner banner--danger" aria-labelledby={headingId}>
      <div className="banner-text">
        <h2 className="banner-title" id={headingId}>
          Your runs changed
        </h2>
        <ul>
          {conflicts.map((conflict) => (
            <li key={conflict.sessionId}>{conflict.message}</li>
          ))}
        </ul>
      </div>
      <Button
        variant="primary"
        size="sm"
        className="banner-action"
        aria-label={
          conflicts.length === 1
            ? 'Re-plan the session that no longer fits'
            : 'Re-plan the sessions that no longer fit'
        }
        busy={busy}
        disabled={locked && !busy}
        onClick={onReplan}
      >
        Re-plan
      </Button>
    </section>
  );
}
