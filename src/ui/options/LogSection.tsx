import { useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { plural } from '../../core/plural';
import { downloadFile } from '../popup/download-file';
import { errorText } from './services';
import type { SendMessage } from './services';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';

export interface LogSectionProps {
  send: SendMessage;
  /** Saves the exported file; a fake in tests. */
  download?: (file: { filename: string; text: string; type?: string }) => void;
  /** The History page's address (an extension page next to this one). */
  historyHref?: string;
}

/** Anything larger is not a training log (the background refuses it too: log/protocol.ts). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * "Training log" (SPEC §6b): export the log as the JSON `plan --log` reads, import one (a file's
 * entry replaces the same session's, the rest stay), and the way to History. A bad file is
 * refused whole, the message naming the bad field, and nothing changes.
 */
export function LogSection({
  send,
  download = downloadFile,
  historyHref = 'history.html',
}: LogSectionProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [exportStatus, setExportStatus] = useState<Status>();
  const [importStatus, setImportStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);

  async function exportLog(): Promise<void> {
    setExportStatus({ tone: 'busy', text: 'Exporting…' });
    try {
      const file = await send('exportLog', {});
      download({ filename: file.filename, text: file.text, type: 'application/json' });
      setExportStatus({
        tone: 'ok',
        text: `Exported ${plural(file.count, 'entry', 'entries')} as ${file.filename}.`,
      });
    } catch (error) {
      setExportStatus({ tone: 'error', text: `Couldn’t export the log: ${errorText(error)}` });
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setImportStatus({
        tone: 'error',
        text: `Nothing imported: ${file.name} is larger than 5 MB, not a training log.`,
      });
      return;
    }
    setBusy(true);
    setImportStatus({ tone: 'busy', text: `Importing ${file.name}…` });
    try {
      const result = await send('importLog', { text: await file.text() });
      setImportStatus({
        tone: 'ok',
        text: `Imported ${plural(result.imported, 'entry', 'entries')} from ${file.name}: ${result.added} new, ${result.replaced} replaced; the log now has ${plural(result.total, 'entry', 'entries')}.`,
      });
    } catch (error) {
      setImportStatus({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
      // The same file can be chosen again once fixed.
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  return (
    <section className="card" id="log" aria-labelledby="log-title">
      <h2 id="log-title">Training log</h2>
      <p className="lead">
        What you logged from the popup after each session. The next sessions follow it. Export it as
        a backup or for the command line’s <code>plan --log</code>; import it on another browser.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void exportLog()}>
          Export log (JSON)
        </button>
        <a href={historyHref}>Your last 12 weeks in History</a>
        <StatusLine status={exportStatus} />
      </div>
      <div className="field log-import">
        <label htmlFor={`${id}-file`}>Import a log file</label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void importFile(event)}
        />
        <p id={`${id}-hint`} className="hint">
          An entry in the file replaces the same session’s; the rest of your log stays. A file with
          a mistake is refused whole, naming it, and changes nothing.
        </p>
        <StatusLine status={importStatus} />
      </div>
    </section>
  );
}
