import { Button } from '../shared/Button';

export interface EmptyStateProps {
  onOpenSettings: () => void;
}

function CalendarIcon() {
  return (
    <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect
        x="5"
        y="8"
        width="30"
        height="27"
        rx="5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      />
      <path
        d="M5 16h30M13 5v6M27 5v6"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
      <path d="M20 21v8M16 25h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** No calendar yet: say what to do, and take the runner there. */
export function EmptyState({ onOpenSettings }: EmptyStateProps) {
  return (
    <div className="state">
      <span className="state-icon">
        <CalendarIcon />
      </span>
      <h2 className="state-title">Add a calendar in Settings to see your week</h2>
      <p className="state-text">
        Ironstride reads your training calendar (TrainingPeaks, Garmin, Runna, a plan in Google
        Calendar) and fits strength sessions around your runs.
      </p>
      <Button variant="primary" onClick={onOpenSettings}>
        Open Settings
      </Button>
    </div>
  );
}
