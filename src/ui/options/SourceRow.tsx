import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';
import { RoleSelect } from './RoleSelect';
import { errorText } from './services';
import { describeCounts, describeKind, describeSyncedAt } from './source-text';

export interface SourceRowProps {
  source: SourceSummary;
  now: number;
  timeZone: string;
  onRoleChange: (role: SourceRole) => Promise<void>;
  onRemove: () => Promise<void>;
}

/** One calendar: what it is, how its last read went, its role, and Remove (confirmed inline). */
export function SourceRow({ source, now, timeZone, onRoleChange, onRemove }: SourceRowProps) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const removeRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const synced = describeSyncedAt(source.syncedAt, { now, timeZone });
  const counts = describeCounts(source);

  async function changeRole(role: SourceRole) {
    setBusy(true);
    setError(undefined);
    try {
      await onRoleChange(role);
    } catch (caught) {
      setError(`Could not change how it is used: ${errorText(caught)}`);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await onRemove();
    } catch (caught) {
      flushSync(() => {
        setBusy(false);
        setConfirming(false);
        setError(`Could not remove it: ${errorText(caught)}`);
      });
      removeRef.current?.focus();
    }
  }

  return (
    <li className="source" aria-labelledby={`${id}-name`}>
      <div className="source-head">
        <div className="source-title">
          <h3 id={`${id}-name`}>{source.name}</h3>
          <p className="source-kind">
            {describeKind(source)}
            {source.url && (
              <>
                {' · '}
                <span className="source-url" title={source.url}>
                  {source.url}
                </span>
              </>
            )}
          </p>
        </div>
        {!confirming && (
          <button
            ref={removeRef}
            type="button"
            className="quiet danger"
            disabled={busy}
            onClick={() => {
              // Render the question now and move focus to it, so a keyboard user lands on it.
              flushSync(() => setConfirming(true));
              confirmRef.current?.focus();
            }}
          >
            Remove
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-label={`Remove ${source.name}?`}>
          <span>
            Remove “{source.name}”? Its events leave your plan
            {source.kind === 'file' ? ' and the file is deleted from this browser' : ''}.
          </span>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            Yes, remove
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              flushSync(() => setConfirming(false));
              removeRef.current?.focus();
            }}
          >
            Keep it
          </button>
        </div>
      )}
      <div className="source-body">
        <RoleSelect
          id={`${id}-role`}
          label="Use it as"
          value={source.role}
          disabled={busy}
          onChange={(role) => void changeRole(role)}
        />
        <dl className="source-facts">
          <div>
            <dt>Last read</dt>
            <dd>{synced ?? (source.error ? 'never' : 'not yet')}</dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>{counts ?? '—'}</dd>
          </div>
        </dl>
      </div>
      {source.error && (
        <p className="source-error">
          <strong>Last read failed:</strong> {source.error}
        </p>
      )}
      {error && (
        <p className="source-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
