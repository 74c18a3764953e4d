import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';
import { parseFeedUrl, patternsToRelease } from './origin-pattern';
import { errorText, explainFailure } from './services';
import type { HostPermissions, SendMessage } from './services';
import { describeAddResult } from './source-text';
import { RoleSelect } from './RoleSelect';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';

export interface AddFeedFormProps {
  send: SendMessage;
  permissions: HostPermissions;
  /** The calendars already added (`undefined` when unknown): a failed add gives back only a site none of them uses. */
  sources: readonly SourceSummary[] | undefined;
  onAdded: (source: SourceSummary) => void;
}

/**
 * "Add a calendar feed": checks the address, asks the browser for that one site, then lets the
 * background add and read it.
 */
export function AddFeedForm({ send, permissions, sources, onAdded }: AddFeedFormProps) {
  const id = useId();
  const urlId = `${id}-url`;
  const urlErrorId = `${id}-url-error`;
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<SourceRole>('training');
  const [urlError, setUrlError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const busy = status?.tone === 'busy';
  const urlRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseFeedUrl(url);
    if (!parsed.ok) {
      setUrlError(parsed.message);
      setStatus(undefined);
      urlRef.current?.focus();
      return;
    }
    // The permission prompt needs the user's gesture, which lasts only while this handler runs
    // synchronously: request before any await (developer.chrome.com/docs/extensions/reference/api/permissions).
    let granted: Promise<boolean>;
    try {
      granted = permissions.request({ origins: [parsed.pattern] });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: `Could not ask for access to ${parsed.host}: ${errorText(error)}`,
      });
      return;
    }
    setUrlError(undefined);
    setStatus({ tone: 'busy', text: `Asking for access to ${parsed.host}…` });
    void (async () => {
      let ok: boolean;
      try {
        ok = await granted;
      } catch (error) {
        setStatus({
          tone: 'error',
          text: `Could not ask for access to ${parsed.host}: ${errorText(error)}`,
        });
        return;
      }
      if (!ok) {
        setStatus({
          tone: 'error',
          text: `Ironstride needs your OK to read ${parsed.host}: it asks only for this site.`,
        });
        return;
      }
      setStatus({ tone: 'busy', text: `Reading ${parsed.host}…` });
      try {
        const source = await send('addSource', {
          kind: 'url',
          url: parsed.url,
          name: name.trim() || undefined,
          role,
        });
        onAdded(source);
        const result = describeAddResult(source);
        setStatus({ tone: result.ok ? 'ok' : 'error', text: result.text });
        setUrl('');
        setName('');
      } catch (error) {
        setStatus({
          tone: 'error',
          text: explainFailure('Could not add the calendar', errorText(error)),
        });
        // Nothing was added, so the access just granted serves no feed: give it back, as the
        // privacy note promises. Best effort, like after Remove.
        const release = sources ? patternsToRelease({ kind: 'url', url: parsed.url }, sources) : [];
        if (release.length) permissions.remove({ origins: release }).catch(() => undefined);
      }
    })();
  }

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add a calendar feed</h3>
      <p className="hint">
        Paste the subscription address your training app or calendar gives you (often called “iCal”,
        “ICS” or “webcal” link). Ironstride asks your browser for access to that one site.
      </p>
      <div className="field">
        <label htmlFor={urlId}>Feed address</label>
        <input
          ref={urlRef}
          id={urlId}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://… or webcal://…"
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            setUrlError(undefined);
          }}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? urlErrorId : undefined}
          required
        />
        {urlError && (
          <p id={urlErrorId} className="field-error">
            {urlError}
          </p>
        )}
      </div>
      <div className="field-row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>
            Name <span className="optional">(optional)</span>
          </label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="e.g. Coach’s plan"
          />
        </div>
        <RoleSelect id={`${id}-role`} label="Use it as" value={role} onChange={setRole} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Add feed
        </button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}
