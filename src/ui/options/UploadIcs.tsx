import { useId } from 'react';
import { RoleSelect } from './RoleSelect';
import { StatusLine } from './StatusLine';
import { useUploadIcs } from './use-upload-ics';
import type { UploadIcsOptions } from './use-upload-ics';

export type UploadIcsProps = UploadIcsOptions;

/** "Upload an .ics file": an exported calendar, kept and re-read from this browser's storage (use-upload-ics.ts). */
export function UploadIcs(props: UploadIcsProps) {
  const id = useId();
  const fileId = `${id}-file`;
  const fileErrorId = `${id}-file-error`;
  const { role, fileError, status, busy, inputRef, setRole, fileChosen, onSubmit } =
    useUploadIcs(props);

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
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
            onChange={fileChosen}
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
