import { useId, useState } from 'react';
import type { RetagChoice } from '../../extension/retag';
import type { LogEntry } from '../../core/log';
import type { DayItem, DayView, SessionItem } from '../../extension/view';
import { Chip } from '../shared/Chip';
import type { PendingAction } from './actions';
import { DayItemRow } from './DayItemRow';
import { SessionCard } from './SessionCard';
import { SessionLog } from './SessionLog';
import type { SessionAction } from './SessionCard';

export interface DayListProps {
  days: DayView[];
  pending: PendingAction | null;
  onSession: (action: SessionAction, sessionId: string, alternative?: number) => void;
  onSwap: (sessionId: string, from: string, to: string) => void;
  onRetag: (
    item: Exclude<DayItem, { type: 'session' }>,
    retag: RetagChoice | null,
    series: boolean,
  ) => Promise<boolean>;
  /** Saves how an ended session went (`null` forgets it); resolves whether it worked. */
  onLog: (session: SessionItem, entry: LogEntry | null) => Promise<boolean>;
}

function sessionBusy(pending: PendingAction | null, sessionId: string): SessionAction | null {
  if (!pending || !('sessionId' in pending) || pending.sessionId !== sessionId) return null;
  return pending.type === 'log' ? null : pending.type;
}

function Day({
  day,
  past,
  pending,
  onSession,
  onSwap,
  onRetag,
  onLog,
}: Omit<DayListProps, 'days'> & { day: DayView; past: boolean }) {
  const locked = pending !== null;
  const classes = ['day', day.today && 'day--today', past && 'day--past'].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <h3 className="day-heading" aria-current={day.today ? 'date' : undefined}>
        <span>{day.label}</span>
        {day.today && <Chip tone="accent">Today</Chip>}
      </h3>
      {day.items.length === 0 ? (
        <p className="day-empty">Nothing in your calendar</p>
      ) : (
        <ul className="day-items">
          {day.items.map((item) =>
            item.type === 'session' ? (
              <SessionCard
                key={`session-${item.id}`}
                session={item}
                dayLabel={day.label}
                busy={sessionBusy(pending, item.id)}
                locked={locked}
                onAccept={() => onSession('accept', item.id)}
                onSkip={() => onSession('skip', item.id)}
                onReset={() => onSession('reset', item.id)}
                onMove={(alternative) => onSession('move', item.id, alternative)}
                onSwap={(from, to) => onSwap(item.id, from, to)}
                log={
                  item.log && (
                    <SessionLog
                      sessionId={item.id}
                      title={`${item.title}, ${day.label}`}
                      log={item.log}
                      headingLevel={5}
                      busy={pending?.type === 'log' && pending.sessionId === item.id}
                      locked={locked}
                      onLog={(entry) => onLog(item, entry)}
                    />
                  )
                }
              />
            ) : (
              <DayItemRow
                key={`event-${item.eventId}`}
                item={item}
                busy={pending?.type === 'retag' && pending.eventId === item.eventId}
                locked={locked}
                onRetag={(retag, series) => onRetag(item, retag, series)}
              />
            ),
          )}
        </ul>
      )}
    </li>
  );
}

/**
 * The days of one week in order. Days before today fold behind one button, so opening the popup
 * on a Saturday shows Saturday first (unless an earlier day still needs an answer); unfolded,
 * they are dimmed.
 */
export function DayList({ days, pending, onSession, onSwap, onRetag, onLog }: DayListProps) {
  const [showEarlier, setShowEarlier] = useState(false);
  const listId = useId();
  const todayIndex = days.findIndex((day) => day.today);
  const earlier = todayIndex > 0 ? days.slice(0, todayIndex) : [];
  // Never fold away something waiting for an answer: a suggestion, a conflict, a session to log.
  const unfold = earlier.some((day) =>
    day.items.some(
      (item) =>
        item.type === 'session' &&
        (item.status === 'suggested' ||
          item.conflict !== undefined ||
          (item.log !== undefined && !item.log.logged)),
    ),
  );
  const shown = showEarlier || unfold ? days : days.slice(earlier.length);
  const first = earlier[0];
  const last = earlier[earlier.length - 1];
  return (
    <>
      {first && last && !unfold && (
        <button
          type="button"
          className="earlier-toggle"
          aria-expanded={showEarlier}
          aria-controls={listId}
          onClick={() => setShowEarlier(!showEarlier)}
        >
          {showEarlier
            ? 'Hide earlier days'
            : `Show earlier days (${earlier.length === 1 ? first.label : `${first.label} – ${last.label}`})`}
          <span className={showEarlier ? 'caret caret--up' : 'caret'} aria-hidden="true" />
        </button>
      )}
      <ol className="days" id={listId}>
        {shown.map((day) => (
          <Day
            key={day.date}
            day={day}
            past={todayIndex > 0 && days.indexOf(day) < todayIndex}
            pending={pending}
            onSession={onSession}
            onSwap={onSwap}
            onRetag={onRetag}
            onLog={onLog}
          />
        ))}
      </ol>
    </>
  );
}
