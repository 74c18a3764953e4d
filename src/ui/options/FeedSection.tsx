import { useId } from 'react';
import { FeedDetails } from './FeedDetails';
import { StatusLine } from './StatusLine';
import type { FeedSectionState } from './use-feed-section';

/**
 * The subscribable feed: the server's address and Create feed; once created, the webcal:// and
 * https:// links with Copy, Rotate link and Delete feed (each confirmed inline), and how often
 * calendar apps look at a feed (state and actions: use-feed-section.ts). The feed key stays in
 * the background; the page sees its hint.
 */
export function FeedSection({
  settings,
  loadError,
  serverUrl,
  urlError,
  status,
  busy,
  confirming,
  offerForget,
  copied,
  copyFailed,
  confirmRef,
  editServerUrl,
  create,
  rotate,
  remove,
  copy,
  ask,
  cancel,
}: FeedSectionState) {
  const id = useId();

  let body;
  if (loadError) {
    body = <p className="source-error">Couldn’t load the feed settings: {loadError}</p>;
  } else if (!settings) {
    body = <p className="empty">Loading…</p>;
  } else if (!settings.feed) {
    body = (
      <>
        <div className="field">
          <label htmlFor={`${id}-server`}>Feed server</label>
          <input
            id={`${id}-server`}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={serverUrl}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={`${id}-server-hint${urlError ? ` ${id}-server-error` : ''}`}
            onChange={(event) => editServerUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !busy) create();
            }}
          />
          {urlError && (
            <p id={`${id}-server-error`} className="field-error">
              {urlError}
            </p>
          )}
          <p id={`${id}-server-hint`} className="hint">
            <code>{settings.defaultServerUrl}</code> is where <code>npm run cli -- serve</code>{' '}
            listens on this computer; a server others can reach (for your phone’s calendar) sits
            behind https. The address only — the server hands out the feed’s links.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={create}>
            Create feed
          </button>
          <StatusLine status={status} />
        </div>
      </>
    );
  } else {
    body = (
      <FeedDetails
        feed={settings.feed}
        publish={settings.status}
        busy={busy}
        status={status}
        confirming={confirming}
        offerForget={offerForget}
        confirmRef={confirmRef}
        copied={copied}
        copyFailed={copyFailed}
        onCopy={copy}
        onAsk={ask}
        onCancel={cancel}
        onRotate={rotate}
        onDelete={remove}
      />
    );
  }

  return (
    <section className="card" id="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">Subscribable feed</h2>
      <p className="lead">
        Publish your accepted sessions as a calendar feed that Apple Calendar, Google Calendar,
        Outlook or Thunderbird subscribe to. It follows your plan: accept, move or skip a session
        and the feed is updated a moment later.
      </p>
      {body}
    </section>
  );
}
