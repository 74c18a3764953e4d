import { useEffect, useId, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { parseServerUrl } from '../../extension/feed/server-url';
import { feedItem, feedPublishItem } from '../../extension/feed/storage';
import type { FeedSettings, FeedSummary } from '../../extension/protocol';
import { errorText, explainFailure, withTimeout } from './services';
import type { SendMessage } from './services';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';

export interface FeedSectionProps {
  send: SendMessage;
  /** Puts text on the clipboard (`navigator.clipboard.writeText`); a fake in tests. */
  copyText?: (text: string) => Promise<void>;
  /**
   * Calls back when the stored feed or its publish state changes (a publish finished in the
   * background), so an open page shows it; returns the unsubscribe.
   */
  watchFeed?: (onChange: () => void) => () => void;
}

function watchStoredFeed(onChange: () => void): () => void {
  const unwatchFeed = feedItem.watch(() => onChange());
  const unwatchPublish = feedPublishItem.watch(() => onChange());
  return () => {
    unwatchFeed();
    unwatchPublish();
  };
}

function clipboardWrite(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

const LOAD_TIMEOUT_MS = 15_000;
const COPIED_FOR_MS = 4_000;

function formatDay(instant: number): string {
  return new Date(instant).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

type LinkKind = 'webcal' | 'https';

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

/**
 * The subscribable feed: the server's address and Create feed; once created, the webcal:// and
 * https:// links with Copy, Rotate link and Delete feed (each confirmed inline), and how often
 * calendar apps look at a feed. The feed key stays in the background; the page sees its hint.
 */
export function FeedSection({
  send,
  copyText = clipboardWrite,
  watchFeed = watchStoredFeed,
}: FeedSectionProps) {
  const id = useId();
  const [settings, setSettings] = useState<FeedSettings>();
  const [loadError, setLoadError] = useState<string>();
  const [serverUrl, setServerUrl] = useState('');
  const [urlError, setUrlError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState<'rotate' | 'delete'>();
  const [offerForget, setOfferForget] = useState(false);
  const [copied, setCopied] = useState<LinkKind>();
  const [copyFailed, setCopyFailed] = useState<LinkKind>();
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const busy = status?.tone === 'busy';

  useEffect(() => {
    let current = true;
    withTimeout(send('getFeed', {}), LOAD_TIMEOUT_MS, 'The extension’s background').then(
      (loaded) => {
        if (!current) return;
        setSettings(loaded);
        setServerUrl(loaded.serverUrl);
      },
      (error: unknown) => {
        if (current) setLoadError(errorText(error));
      },
    );
    const unwatch = watchFeed(() => {
      send('getFeed', {}).then(
        (loaded) => {
          if (current) setSettings(loaded);
        },
        () => undefined,
      );
    });
    return () => {
      current = false;
      unwatch();
    };
  }, [send, watchFeed]);

  useEffect(() => () => clearTimeout(copiedTimer.current), []);

  async function create() {
    setOfferForget(false);
    // The address is checked here first, so its problem shows at the field; the background checks again.
    const parsed = parseServerUrl(serverUrl);
    if (!parsed.ok) {
      setUrlError(parsed.message);
      setStatus(undefined);
      return;
    }
    setUrlError(undefined);
    setStatus({ tone: 'busy', text: `Creating a feed on ${parsed.url}…` });
    try {
      const next = await send('createFeed', { serverUrl: parsed.url });
      setSettings(next);
      setServerUrl(next.serverUrl);
      setStatus({
        tone: 'ok',
        text: 'Feed created. Your accepted sessions are published to it; subscribe with a link below.',
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: explainFailure('Could not create the feed', errorText(error)),
      });
    }
  }

  async function rotate() {
    setConfirming(undefined);
    setStatus({ tone: 'busy', text: 'Asking the server for a new link…' });
    try {
      setSettings(await send('rotateFeed', {}));
      setCopied(undefined);
      setStatus({
        tone: 'ok',
        text: 'The feed has a new link; the old one no longer works. Subscribe again with the new link in each calendar app.',
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: explainFailure('Could not rotate the link', errorText(error)),
      });
    }
  }

  async function remove(localOnly: boolean) {
    setConfirming(undefined);
    setStatus({ tone: 'busy', text: localOnly ? 'Forgetting the feed…' : 'Deleting the feed…' });
    try {
      const next = await send('deleteFeed', localOnly ? { localOnly: true } : {});
      setSettings(next);
      setServerUrl(next.serverUrl);
      setOfferForget(false);
      setStatus({
        tone: 'ok',
        text: localOnly
          ? 'This browser forgot the feed and its key. Calendars subscribed to it keep what they have.'
          : 'Feed deleted: its link no longer works, and this browser forgot its key.',
      });
    } catch (error) {
      setOfferForget(true);
      setStatus({
        tone: 'error',
        text: explainFailure('Could not delete the feed', errorText(error)),
      });
    }
  }

  function copy(kind: LinkKind, url: string, input: HTMLInputElement | null) {
    clearTimeout(copiedTimer.current);
    setCopied(undefined);
    setCopyFailed(undefined);
    copyText(url).then(
      () => {
        setCopied(kind);
        copiedTimer.current = setTimeout(() => setCopied(undefined), COPIED_FOR_MS);
      },
      () => {
        // No clipboard access (an unfocused page, a browser that refuses): select it for Ctrl+C.
        input?.focus();
        input?.select();
        setCopyFailed(kind);
      },
    );
  }

  function ask(what: 'rotate' | 'delete') {
    // Render the question now and move focus to it, so a keyboard user lands on it.
    flushSync(() => setConfirming(what));
    confirmRef.current?.focus();
  }

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
            onChange={(event) => {
              setServerUrl(event.target.value);
              setUrlError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !busy) void create();
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
          <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
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
        onCancel={() => setConfirming(undefined)}
        onRotate={() => void rotate()}
        onDelete={(localOnly) => void remove(localOnly)}
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

interface FeedDetailsProps {
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

function FeedDetails({
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
