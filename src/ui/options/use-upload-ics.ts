/**
 * "Upload an .ics file": the chosen file checked as it is picked and again on submit, then
 * read here and handed to the background, which keeps its text and re-reads it every sync.
 */
import { useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';
import { errorText, explainFailure } from './services';
import type { SendMessage } from './services';
import { checkIcsFile, describeAddResult } from './source-text';
import type { Status } from './StatusLine';

export interface UploadIcsOptions {
  send: SendMessage;
  onAdded: (source: SourceSummary) => void;
}

export interface UploadIcsState {
  role: SourceRole;
  fileError: string | undefined;
  status: Status | undefined;
  busy: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  setRole: (role: SourceRole) => void;
  /** A file was picked (or the pick was cleared). */
  fileChosen: () => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

export function useUploadIcs({ send, onAdded }: UploadIcsOptions): UploadIcsState {
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

  return {
    role,
    fileError,
    status,
    busy,
    inputRef,
    setRole,
    fileChosen: () => {
      const file = chosenFile();
      setFileError(file ? checkIcsFile(file) : undefined);
      setStatus(undefined);
    },
    onSubmit: (event) => void onSubmit(event),
  };
}
