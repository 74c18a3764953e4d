import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';
import { RoleSelect } from './RoleSelect';
import { errorText, explainFailure } from './services';
import type { SendMessage } from './services';
import { checkIcsFile, describeAddResult } from './source-text';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';

export interface UploadIcsProps {
  send: SendMessage;
  onAdded: (source: SourceSummary) => void;
}

/** "Upload an .ics file": an exported calendar, kept and re-read from this browser's storage. */
export function UploadIcs({ send, onAdded }: UploadIcsProps) {
  const id = useId();
  const fileId = `${id}-file`;
  const fileErrorId = `${id}-file-error`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [role, setRole] = useState<SourceRole>('training');
  const [fileError, setFileError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const busy = status?.tone === 'busy';

  function chosenFile(): File | undefined {
    return inputRef.current?.files?.[0];
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const file = chosenFile();
    const problem = file ? checkIcsFile(file) : 'Choose an .ics file first.';
    if (!file || problem) {
      setFileError(problem);
      inputRef.current?.focus();
      return;
    }
    setStatus({ tone: 'busy', text: `Reading ${file.name}…` });
    try {
      const text = await file.text();
      // The background keeps names to 100 characters.
      const source = await send('addSource', {
        kind: 'file',
        name: file.name.slice(0, 100),
        text,
        role,
      });
      onAdded(source);
      const result = describeAddResult(source);
      setStatus({ tone: result.ok ? 'ok' : 'error', text: result.text });
      if (inputRef.current) inputRef.current.value = '';
    } catch (error) {
      setStatus({
        tone: 'error',
        text: explainFailure(`Could not add ${file.name}`, errorText(error)),
      });
    }
  }

  return (
    <form
      className="subform"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-labelledby={`${id}-title`}
    >
      <h3 id={`${id}-title`}>Upload an .ics file</h3>
      <p className="hint">
        For a calendar exported once (up to 5 MB). Its events are kept in this browser; upload it
        again when the plan changes.
      </p>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={fileId}>Calendar file</label>
          <input
            ref={inputRef}
            id={fileId}
            type="file"
            accept=".ics,text/calendar"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? fileErrorId : undefined}
            onChange={() => {
              const file = chosenFile();
              setFileError(file ? checkIcsFile(file) : undefined);
              setStatus(undefined);
            }}
          />
          {fileError && (
            <p id={fileErrorId} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <RoleSelect id={`${id}-role`} label="Use it as" value={role} onChange={setRole} />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add file
        </button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}
