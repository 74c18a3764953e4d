import { useId } from 'react';
import { RoleSelect } from './RoleSelect';
import { StatusLine } from './StatusLine';
import { useAddFeed } from './use-add-feed';
import type { AddFeedOptions } from './use-add-feed';

export type AddFeedFormProps = AddFeedOptions;

/**
 * "Add a calendar feed": checks the address, asks the browser for that one site, then lets the
 * background add and read it (use-add-feed.ts).
 */
export function AddFeedForm(props: AddFeedFormProps) {
  const id = useId();
  const urlId = `${id}-url`;
  const urlErrorId = `${id}-url-error`;
  const { url, name, role, urlError, status, busy, urlRef, editUrl, setName, setRole, onSubmit } =
    useAddFeed(props);

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
          onChange={(event) => editUrl(event.target.value)}
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
