import { useId, useRef } from 'react';
import type { RefObject } from 'react';
import type { FeedSettings, FeedSummary } from '../../extension/protocol';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';
import type { LinkKind } from './use-feed-section';

function formatDay(instant: number): string {
  return new Date(instant).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

interface LinkFieldProps {
  kind: LinkKind;
  label: string;
  hint: string;
  url: string;
  copied: LinkKind | undefined;
  copyFailed: LinkKind | undefined;
  onCopy: (kind: LinkKind, url: string, input: HTMLInputElement | null) => void;
}

/** A subscribe link: a read-only field to select by hand, and Copy with a visible confirmation. */
function LinkField({ kind, label, hint, url, copied, copyFailed, onCopy }: LinkFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div className="field feed-link">
      <label htmlFor={id}>{label}</label>
      <div className="feed-link-row">
        <input
          ref={inputRef}
          id={id}
          type="text"
          readOnly
          value={url}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" onClick={() => onCopy(kind, url, inputRef.current)}>
          Copy<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <p
        className={`feed-copied${copyFailed === kind ? ' feed-copied--failed' : ''}`}
        role="status"
        aria-live="polite"
      >
        {copied === kind && '✓ Copied'}
        {copyFailed === kind &&
          'Couldn’t copy here: the link is selected — press Ctrl+C (⌘C on a Mac).'}
      </p>
    </div>
  );
}

export interface FeedDetailsProps {
  feed: FeedSummary;
  publish: FeedSettings['status'];
  busy: boolean;
  status: Status | undefined;
  confirming: 'rotate' | 'delete' | undefined;
  offerForget: boolean;
  confirmRef: RefObject<HTMLButtonElement | null>;
  copied: LinkKind | undefined;
  copyFailed: LinkKind | undefined;
  onCopy: LinkFieldProps['onCopy'];
  onAsk: (what: 'rotate' | 'delete') => void;
  onCancel: () => void;
  onRotate: () => void;
  onDelete: (localOnly: boolean) => void;
}

/** A created feed: where it is published, its links, and Rotate or Delete. */
export function FeedDetails({
  feed,
  publish,
  busy,
  status,
  confirming,
  offerForget,
  confirmRef,
  copied,
  copyFailed,
  onCopy,
  onAsk,
  onCancel,
  onRotate,
  onDelete,
}: FeedDetailsProps) {
  return (
    <>
      <p>
        Published to <strong>{feed.serverUrl}</strong>, created {formatDay(feed.createdAt)}
        {feed.rotatedAt !== undefined && <>, link replaced {formatDay(feed.rotatedAt)}</>}.
      </p>
      {publish && (
        <p
          className={`feed-publish feed-publish--${publish.tone}`}
          role="status"
          aria-live="polite"
        >
          {publish.text}
        </p>
      )}
      {feed.insecure && (
        <p className="source-error">
          <strong>Plain http to another computer:</strong> the feed key travels readable with every
          publish. Put the server behind https (README, “Behind a TLS reverse proxy”).
        </p>
      )}

      <LinkField
        kind="webcal"
        label="Subscribe link (webcal://)"
        hint="Opens the subscribe dialog of Apple Calendar, Outlook or Thunderbird."
        url={feed.webcalUrl}
        copied={copied}
        copyFailed={copyFailed}
        onCopy={onCopy}
      />
      <LinkField
        kind="https"
        label={`Subscribe link (${feed.subscribeUrl.startsWith('https:') ? 'https' : 'http'}://)`}
        hint="For Google Calendar: Other calendars → + → From URL. Also for any app that asks for a web address."
        url={feed.subscribeUrl}
        copied={copied}
        copyFailed={copyFailed}
        onCopy={onCopy}
      />

      <div className="notice-box feed-refresh" role="note">
        <p>
          <strong>Google Calendar refreshes subscribed feeds only every 8–24 hours</strong>, and you
          can’t make it sooner. For a change you need today, use <strong>Add to calendar</strong>{' '}
          (Google Calendar, above) instead. Apple Calendar, Outlook and Thunderbird look more often:
          set how often in the subscription’s refresh setting (every 5 minutes to every hour).
        </p>
      </div>

      <p className="hint">
        Anyone with the link can read the feed: share it only with your calendars. The feed key that
        lets this browser change the feed (ending <code className="nowrap">{feed.keyHint}</code>) is
        kept in this browser and never shown in full.
      </p>

      <StatusLine status={status} />

      {confirming === 'rotate' ? (
        <div className="confirm" role="group" aria-label="Rotate the link?">
          <span>
            Give the feed a new link? The current one stops working at once: every calendar
            subscribed to it must subscribe again with the new link.
          </span>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            disabled={busy}
            onClick={onRotate}
          >
            Yes, new link
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            Keep this link
          </button>
        </div>
      ) : confirming === 'delete' ? (
        <div className="confirm" role="group" aria-label="Delete the feed?">
          <span>
            Delete the feed? Its link stops working and subscribed calendars lose these sessions at
            their next refresh. Your plan stays as it is.
          </span>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => onDelete(false)}
          >
            Yes, delete
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => onAsk('rotate')}>
            Rotate link
          </button>
          <button
            type="button"
            className="quiet danger"
            disabled={busy}
            onClick={() => onAsk('delete')}
          >
            Delete feed
          </button>
          {offerForget && (
            <button type="button" className="quiet" disabled={busy} onClick={() => onDelete(true)}>
              Forget it in this browser only
            </button>
          )}
        </div>
      )}
      <p className="hint">
        Rotate the link if it reached someone it shouldn’t have: the old one then answers “not
        found”.
      </p>
    </>
  );
}
