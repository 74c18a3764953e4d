import { useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { SessionItem, SessionStatus } from '../../extension/view';
import { Button } from '../shared/Button';
import { Chip } from '../shared/Chip';
import { GoogleMark } from './GoogleMark';
import { SessionDetails } from './SessionDetails';

export type SessionAction = 'accept' | 'skip' | 'reset' | 'move' | 'swap';

export interface SessionCardProps {
  session: SessionItem;
  /** "Tue 4 May", for the buttons' accessible names. */
  dayLabel: string;
  /** The action running on this session, if any. */
  busy: SessionAction | null;
  /** Another action is running. */
  locked: boolean;
  onAccept: () => void;
  onSkip: () => void;
  onReset: () => void;
  onMove: (alternative: number) => void;
  onSwap: (from: string, to: string) => void;
  /** How it went, once it has ended (SessionLog): the plan's own buttons then give way to it. */
  log?: ReactNode;
}

/** A suggestion shows its first reasons at once; all of them are in Details. */
const REASONS_ON_CARD = 3;

const STATUS: Record<SessionStatus, { label: string; tone: 'accent' | 'success' | 'neutral' }> = {
  suggested: { label: 'Suggested', tone: 'accent' },
  accepted: { label: 'Accepted', tone: 'success' },
  skipped: { label: 'Skipped', tone: 'neutral' },
};

/**
 * A suggested, accepted or skipped strength session: what, when, why, and what the runner can do
 * with it. The first button keeps its place whatever the status (Accept → Undo → Restore), so
 * keyboard focus survives the change; `data-primary` lets the popup put focus back after a move.
 */
export function SessionCard({
  session,
  dayLabel,
  busy,
  locked,
  onAccept,
  onSkip,
  onReset,
  onMove,
  onSwap,
  log,
}: SessionCardProps) {
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [altsOpen, setAltsOpen] = useState(false);
  const titleId = useId();
  const detailsId = useId();
  const altsId = useId();
  const noAltsId = useId();
  const altsToggle = useRef<HTMLButtonElement>(null);
  const { status, title, time } = session;
  const when = `${dayLabel}, ${time}`;
  const inactive = locked || busy !== null;
  const hasAlternatives = session.alternatives.length > 0;
  // A session that has ended is logged, not accepted, skipped or moved any more.
  const over = Boolean(log);

  const primary =
    status === 'suggested'
      ? {
          text: 'Accept',
          label: `Accept ${title}, ${when}`,
          onClick: onAccept,
          busy: busy === 'accept',
          variant: 'primary' as const,
        }
      : status === 'accepted'
        ? {
            text: 'Undo',
            label: `Undo accepting ${title}, ${when}`,
            onClick: onReset,
            busy: busy === 'reset',
            variant: 'secondary' as const,
          }
        : {
            text: 'Restore',
            label: `Restore ${title}, ${when}`,
            onClick: onReset,
            busy: busy === 'reset',
            variant: 'secondary' as const,
          };

  function onAltsKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      setAltsOpen(false);
      altsToggle.current?.focus();
    }
  }

  return (
    <li className={`session session--${status}`} data-session-id={session.id}>
      <article aria-labelledby={titleId}>
        <div className="session-top">
          <span className="session-time">{time}</span>
          <span className="session-badges">
            {session.moved && <Chip tone="accent">Moved by re-plan</Chip>}
            <Chip tone={STATUS[status].tone} dot>
              {STATUS[status].label}
            </Chip>
          </span>
        </div>
        <h4 className="session-title" id={titleId}>
          {title}
        </h4>
        {session.google && (
          <p
            className={`session-google session-google--${session.google.tone}`}
            data-google-status=""
          >
            <GoogleMark />
            {session.google.text}
          </p>
        )}
        {session.conflict && (
          <p className="session-conflict">
            <span aria-hidden="true">⚠ </span>
            <span className="sr-only">Conflict: </span>
            {session.conflict}
          </p>
        )}
        {status === 'suggested' && session.reasons.length > 0 && (
          <ul className="session-reasons" aria-label="Why this slot">
            {session.reasons.slice(0, REASONS_ON_CARD).map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
            {session.reasons.length > REASONS_ON_CARD && (
              <li className="session-reasons-more">
                +{session.reasons.length - REASONS_ON_CARD} more in Details
              </li>
            )}
          </ul>
        )}
        {log}
        <div className="session-actions">
          {!over && (
            <Button
              data-primary=""
              variant={primary.variant}
              size="sm"
              aria-label={primary.label}
              busy={primary.busy}
              disabled={inactive && !primary.busy}
              onClick={primary.onClick}
            >
              {primary.text}
            </Button>
          )}
          {status !== 'skipped' && !over && (
            <Button
              variant="secondary"
              size="sm"
              aria-label={`Skip ${title}, ${when}`}
              busy={busy === 'skip'}
              disabled={inactive && busy !== 'skip'}
              onClick={onSkip}
            >
              Skip
            </Button>
          )}
          {status !== 'skipped' && !over && (
            <Button
              variant="secondary"
              size="sm"
              ref={altsToggle}
              aria-label={`Another time for ${title}`}
              aria-expanded={hasAlternatives ? altsOpen : undefined}
              aria-controls={hasAlternatives && altsOpen ? altsId : undefined}
              aria-describedby={hasAlternatives ? undefined : noAltsId}
              busy={busy === 'move'}
              disabled={!hasAlternatives || (inactive && busy !== 'move')}
              onClick={() => setAltsOpen(!altsOpen)}
            >
              Another time
              <span className="caret" aria-hidden="true" />
            </Button>
          )}
          <Button
            variant="quiet"
            size="sm"
            className="session-details-toggle"
            aria-label={`Details of ${title}`}
            aria-expanded={detailsOpen}
            aria-controls={detailsOpen ? detailsId : undefined}
            onClick={() => setDetailsOpen(!detailsOpen)}
          >
            Details
            <span className={detailsOpen ? 'caret caret--up' : 'caret'} aria-hidden="true" />
          </Button>
        </div>
        {status !== 'skipped' && !over && !hasAlternatives && (
          <p className="session-note" id={noAltsId}>
            No other time this week follows the rules.
          </p>
        )}
        {altsOpen && hasAlternatives && status !== 'skipped' && (
          <div
            className="session-alts"
            id={altsId}
            role="group"
            aria-label={`Other times for ${title}`}
            onKeyDown={onAltsKeyDown}
          >
            <p className="session-alts-heading">Move to</p>
            <ul>
              {session.alternatives.map((alternative) => (
                <li key={alternative.index}>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="session-alt"
                    aria-label={`Move to ${alternative.label}`}
                    disabled={inactive}
                    onClick={() => {
                      setAltsOpen(false);
                      onMove(alternative.index);
                    }}
                  >
                    {alternative.label}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {detailsOpen && (
          <SessionDetails
            id={detailsId}
            session={session}
            showReasons={status !== 'suggested' || session.reasons.length > REASONS_ON_CARD}
            swapping={busy === 'swap'}
            locked={inactive}
            onSwap={onSwap}
          />
        )}
      </article>
    </li>
  );
}
