import { Button } from '../shared/Button';

export interface PopupFooterProps {
  /** Accepted sessions; `undefined` hides the download (no calendar yet). */
  acceptedCount?: number;
  exporting: boolean;
  locked: boolean;
  onDownload: () => void;
  onOpenSettings: () => void;
  /** The History page (the last 12 weeks); absent hides the link. */
  onOpenHistory?: () => void;
}

function GearIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.9 1.5h2.2l.35 1.8c.4.15.77.36 1.1.62l1.73-.6 1.1 1.9-1.38 1.2c.06.4.06.8 0 1.2l1.38 1.2-1.1 1.9-1.73-.6c-.33.26-.7.47-1.1.62l-.35 1.8H6.9l-.35-1.8a4.3 4.3 0 0 1-1.1-.62l-1.73.6-1.1-1.9 1.38-1.2a4.2 4.2 0 0 1 0-1.2L2.62 5.22l1.1-1.9 1.73.6c.33-.26.7-.47 1.1-.62l.35-1.8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.3"
        strokeLinejoin="round"
      />
      <circle cx="8" cy="8" r="1.9" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}

/** Download .ics of the accepted sessions, History and Settings. */
export function PopupFooter({
  acceptedCount,
  exporting,
  locked,
  onDownload,
  onOpenSettings,
  onOpenHistory,
}: PopupFooterProps) {
  return (
    <footer className="popup-footer">
      {acceptedCount !== undefined && (
        <>
          <Button
            variant="secondary"
            aria-describedby={acceptedCount === 0 ? 'download-hint' : undefined}
            busy={exporting}
            disabled={acceptedCount === 0 || (locked && !exporting)}
            onClick={onDownload}
          >
            Download .ics ({acceptedCount} accepted)
          </Button>
          {acceptedCount === 0 && (
            <span className="sr-only" id="download-hint">
              Accept a session first
            </span>
          )}
        </>
      )}
      {onOpenHistory && (
        <Button variant="quiet" className="footer-history" onClick={onOpenHistory}>
          History
        </Button>
      )}
      <Button variant="quiet" className="footer-settings" onClick={onOpenSettings}>
        <GearIcon />
        Settings
      </Button>
    </footer>
  );
}
