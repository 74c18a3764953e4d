import { useId, useRef, useState } from 'react';
import type { LogEntry, LogStatus } from '../../core/log';
import { plural } from '../../core/plural';
import type { SessionLogView } from '../../extension/view';
import { Button } from '../shared/Button';
import { Chip } from '../shared/Chip';
import { draftFrom, entryFrom, RPE_CHOICES } from './log-draft';
import type { DraftProblem, LogDraft } from './log-draft';
import { LogSets } from './LogSets';
import './session-log.css';

export interface SessionLogProps {
  sessionId: string;
  /** The session's title, for the controls' accessible names. */
  title: string;
  log: SessionLogView;
  /** h5 inside a session card, h4 in the earlier sessions' list. */
  headingLevel: 4 | 5;
  /** Saving this session's log. */
  busy: boolean;
  /** Another action is running. */
  locked: boolean;
  /** Saves (or with `null` forgets) the log; resolves whether it worked. */
  onLog: (entry: LogEntry | null) => Promise<boolean>;
}

const STATUSES: readonly { value: LogStatus; label: string }[] = [
  { value: 'done', label: 'Done' },
  { value: 'partly', label: 'Partly' },
  { value: 'skipped', label: 'Skipped' },
];

const TONE = { done: 'success', partly: 'warning', skipped: 'neutral' } as const;

/**
 * How a session went (SPEC §6b), asked on its card once it has ended: Done, Partly or Skipped,
 * with an optional RPE and, behind "Add sets", each set pre-filled from the prescription. Once
 * logged it reads as one line, changeable for 14 days. `data-log-focus` marks where focus goes
 * after saving (actions.ts).
 */
export function SessionLog({
  sessionId,
  title,
  log,
  headingLevel,
  busy,
  locked,
  onLog,
}: SessionLogProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<LogDraft>(() => draftFrom(log));
  const [problem, setProblem] = useState<DraftProblem>();
  const [pressed, setPressed] = useState<LogStatus | null>(null);
  const root = useRef<HTMLElement>(null);
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  const inactive = locked || busy;
  const logged = log.logged;
  const asking = !logged || (editing && log.editable);

  function save(status: LogStatus): void {
    const result = entryFrom(draft, log, sessionId, status);
    if ('problem' in result) {
      setProblem(result.problem);
      root.current
        ?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${result.problem.field}`)}`)
        ?.focus();
      return;
    }
    setProblem(undefined);
    setPressed(status);
    // The form stays, its button busy, until the new view arrives.
    void onLog(result.entry).then((ok) => ok && setEditing(false));
  }

  function startEditing(): void {
    setDraft(draftFrom(log));
    setProblem(undefined);
    setEditing(true);
  }

  return (
    <section
      ref={root}
      className={`session-log${asking ? ' session-log--asking' : ''}`}
      aria-labelledby={`${id}-heading`}
      data-log-session={sessionId}
    >
      <Heading className="session-log-heading" id={`${id}-heading`}>
        {asking ? 'How did it go?' : 'Logged'}
      </Heading>
      {!asking && logged ? (
        <>
          <p className="session-log-result">
            <Chip tone={TONE[logged.status]} dot>
              {STATUSES.find((s) => s.value === logged.status)?.label}
            </Chip>{' '}
            {/* The summary starts with the status, which the chip says. */}
            {logged.summary.split(' · ').slice(1).join(' · ')}
          </p>
          {log.editable ? (
            <p className="session-log-meta">
              <Button
                variant="quiet"
                size="sm"
                data-log-focus=""
                aria-label={`Change how ${title} went`}
                disabled={inactive}
                onClick={startEditing}
              >
                Change
              </Button>
              <span>until {log.editableUntil}</span>
            </p>
          ) : (
            <p className="session-log-meta" tabIndex={-1} data-log-focus="">
              Closed for changes on {log.editableUntil}.
            </p>
          )}
        </>
      ) : (
        <>
          <div className="session-log-row">
            <label className="session-log-rpe" htmlFor={`${id}-rpe`}>
              Effort (RPE)
              <select
                id={`${id}-rpe`}
                value={draft.rpe}
                disabled={inactive}
                onChange={(event) => setDraft({ ...draft, rpe: event.target.value })}
              >
                <option value="">not given</option>
                {RPE_CHOICES.map((c) => (
                  <option key={c.value} value={String(c.value)}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <Button
              variant="quiet"
              size="sm"
              aria-expanded={draft.setsOpen}
              aria-controls={draft.setsOpen ? `${id}-sets` : undefined}
              aria-label={`${draft.setsOpen ? 'Hide' : 'Add'} the sets of ${title}`}
              onClick={() => setDraft({ ...draft, setsOpen: !draft.setsOpen })}
            >
              {draft.setsOpen
                ? 'Hide sets'
                : `Add sets (${plural(draft.exercises.length, 'exercise')})`}
              <span className={draft.setsOpen ? 'caret caret--up' : 'caret'} aria-hidden="true" />
            </Button>
          </div>
          {draft.setsOpen && (
            <div id={`${id}-sets`}>
              <LogSets
                idBase={id}
                exercises={draft.exercises}
                unit={log.unit}
                timed={log.timed}
                problem={problem}
                problemId={`${id}-problem`}
                disabled={inactive}
                onChange={(exercises) => setDraft({ ...draft, exercises })}
              />
            </div>
          )}
          {problem && (
            <p className="session-log-problem" id={`${id}-problem`} role="alert">
              {problem.message}
            </p>
          )}
          <div className="session-log-status" role="group" aria-label={`How did ${title} go?`}>
            {STATUSES.map((s, i) => (
              <Button
                key={s.value}
                variant={i === 0 ? 'primary' : 'secondary'}
                size="sm"
                {...(i === 0 ? { 'data-log-focus': '' } : {})}
                busy={busy && pressed === s.value}
                disabled={inactive && !(busy && pressed === s.value)}
                onClick={() => save(s.value)}
              >
                {s.label}
              </Button>
            ))}
            {editing && (
              <Button
                variant="quiet"
                size="sm"
                disabled={inactive}
                onClick={() => setEditing(false)}
              >
                Cancel
              </Button>
            )}
            {editing && (
              <Button
                variant="quiet"
                size="sm"
                aria-label={`Remove the log of ${title}`}
                disabled={inactive}
                onClick={() => void onLog(null).then((ok) => ok && setEditing(false))}
              >
                Remove
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
