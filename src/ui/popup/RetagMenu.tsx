import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { RETAG_CHOICES } from '../../extension/retag';
import type { RetagChoice } from '../../extension/retag';
import { Button } from '../shared/Button';

export interface RetagMenuProps {
  /** The event's title, for the control's accessible name. */
  title: string;
  /** What the event counts as now; preselected in the menu. */
  current: RetagChoice;
  retagged: boolean;
  /** This event's re-tag is being saved. */
  busy: boolean;
  /** Another action is running. */
  locked: boolean;
  /** `null` resets to automatic. Resolves to whether it was saved. */
  onRetag: (retag: RetagChoice | null, series: boolean) => Promise<boolean>;
}

function TagIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2 2.75C2 2.34 2.34 2 2.75 2h4.38c.2 0 .39.08.53.22l6.1 6.1a.75.75 0 0 1 0 1.06l-4.38 4.38a.75.75 0 0 1-1.06 0l-6.1-6.1A.75.75 0 0 1 2 7.13V2.75Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
      <circle cx="5.25" cy="5.25" r="1.1" fill="currentColor" />
    </svg>
  );
}

/**
 * "This is actually a …": a toggle button opening a small form (type, whole series, save). A
 * form with a Save button rather than a bare `<select>`, because a closed select changes value on
 * arrow keys, which would re-plan the week while a keyboard user is only looking.
 */
export function RetagMenu({ title, current, retagged, busy, locked, onRetag }: RetagMenuProps) {
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<RetagChoice>(current);
  const [series, setSeries] = useState(false);
  const [resetting, setResetting] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (open) selectRef.current?.focus();
  }, [open]);

  function toggle(): void {
    if (!open) {
      setChoice(current);
      setSeries(false);
    }
    setOpen(!open);
  }

  function close(): void {
    setOpen(false);
    toggleRef.current?.focus();
  }

  async function save(retag: RetagChoice | null): Promise<void> {
    setResetting(retag === null);
    if (await onRetag(retag, series)) close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  }

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="retag-toggle"
        data-retag-toggle=""
        aria-label={`Change type of ${title}`}
        title="Change type"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        <TagIcon />
      </button>
      {open && (
        <div
          id={panelId}
          className="retag-panel"
          role="group"
          aria-label={`Change type of ${title}`}
          onKeyDown={onKeyDown}
        >
          <label className="retag-field">
            <span>This is actually</span>
            <select
              ref={selectRef}
              value={choice}
              disabled={busy}
              onChange={(event) => {
                const picked = RETAG_CHOICES.find((option) => option.value === event.target.value);
                if (picked) setChoice(picked.value);
              }}
            >
              {RETAG_CHOICES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
          <label className="retag-check">
            <input
              type="checkbox"
              checked={series}
              disabled={busy}
              onChange={(event) => setSeries(event.target.checked)}
            />
            <span>All events in this series</span>
          </label>
          <div className="retag-actions">
            <Button
              variant="primary"
              size="sm"
              busy={busy && !resetting}
              disabled={locked}
              onClick={() => void save(choice)}
            >
              Save
            </Button>
            {retagged && (
              <Button
                variant="secondary"
                size="sm"
                busy={busy && resetting}
                disabled={locked}
                onClick={() => void save(null)}
              >
                Reset to automatic
              </Button>
            )}
            <Button variant="quiet" size="sm" onClick={close}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
