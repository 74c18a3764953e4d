import type { ReactNode } from 'react';
import { useState } from 'react';
import type { LogEntry } from '../../core/log';
import { plural } from '../../core/plural';
import type { EarlierSessionView } from '../../extension/view';
import { SessionLog } from './SessionLog';

export interface EarlierSessionsProps {
  sessions: readonly EarlierSessionView[];
  /** The session whose log is being saved, if any. */
  busySessionId?: string;
  locked: boolean;
  onLog: (session: EarlierSessionView, entry: LogEntry | null) => Promise<boolean>;
}

/**
 * Accepted sessions of earlier weeks that ended within the last 14 days: the popup shows this
 * week and next, so last week's sessions are asked about here. Open while one waits for an
 * answer, folded when all are logged (they can still be changed for 14 days).
 */
export function EarlierSessions({ sessions, busySessionId, locked, onLog }: EarlierSessionsProps) {
  const [open, setOpen] = useState<boolean | null>(null);
  if (sessions.length === 0) return null;
  const toLog = sessions.filter((s) => !s.log.logged).length;
  const list: ReactNode = (
    <ul className="earlier-list">
      {sessions.map((session) => (
        <li key={session.id} className="earlier-session" data-session-id={session.id}>
          <h3 className="earlier-session-title">{session.title}</h3>
          <p className="earlier-session-when">
            {session.day}, {session.time}
          </p>
          <SessionLog
            sessionId={session.id}
            title={`${session.title}, ${session.day}`}
            log={session.log}
            headingLevel={4}
            busy={busySessionId === session.id}
            locked={locked}
            onLog={(entry) => onLog(session, entry)}
          />
        </li>
      ))}
    </ul>
  );
  const title =
    toLog === 0
      ? `Earlier sessions: ${plural(sessions.length, 'session')} logged`
      : `${plural(toLog, 'earlier session')} to log`;
  // Open while one waits for an answer; the runner's own toggle wins from then on, so logging the
  // last one does not fold the list away under their focus.
  return (
    <details
      className="earlier"
      open={open ?? toLog > 0}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 className="earlier-title">{title}</h2>
      </summary>
      {list}
    </details>
  );
}
