/**
 * The subscribable feed section's state and actions: the feed's settings (followed as the
 * background publishes), the server address and Create feed, Rotate and Delete (each confirmed
 * inline), and Copy with its confirmation.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';
import { parseServerUrl } from '../../extension/feed/server-url';
import { feedItem, feedPublishItem } from '../../extension/feed/storage';
import type { FeedSettings } from '../../extension/protocol';
import { errorText, explainFailure, LOAD_TIMEOUT_MS, withTimeout } from './services';
import type { SendMessage } from './services';
import type { Status } from './StatusLine';

export type LinkKind = 'webcal' | 'https';

export interface FeedSectionOptions {
  send: SendMessage;
  /** Puts text on the clipboard (`navigator.clipboard.writeText`); a fake in tests. */
  copyText?: (text: string) => Promise<void>;
  /**
   * Calls back when the stored feed or its publish state changes (a publish finished in the
   * background), so an open page shows it; returns the unsubscribe.
   */
  watchFeed?: (onChange: () => void) => () => void;
}

export interface FeedSectionState {
  settings: FeedSettings | undefined;
  loadError: string | undefined;
  serverUrl: string;
  urlError: string | undefined;
  status: Status | undefined;
  busy: boolean;
  confirming: 'rotate' | 'delete' | undefined;
  /** Deleting failed: offer to forget the feed in this browser only. */
  offerForget: boolean;
  copied: LinkKind | undefined;
  copyFailed: LinkKind | undefined;
  /** The confirmation's first button, focused when it appears. */
  confirmRef: RefObject<HTMLButtonElement | null>;
  editServerUrl: (value: string) => void;
  create: () => void;
  rotate: () => void;
  remove: (localOnly: boolean) => void;
  copy: (kind: LinkKind, url: string, input: HTMLInputElement | null) => void;
  ask: (what: 'rotate' | 'delete') => void;
  cancel: () => void;
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

const COPIED_FOR_MS = 4_000;

export function useFeedSection({
  send,
  copyText = clipboardWrite,
  watchFeed = watchStoredFeed,
}: FeedSectionOptions): FeedSectionState {
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

  return {
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
    editServerUrl: (value) => {
      setServerUrl(value);
      setUrlError(undefined);
    },
    create: () => void create(),
    rotate: () => void rotate(),
    remove: (localOnly) => void remove(localOnly),
    copy,
    ask,
    cancel: () => setConfirming(undefined),
  };
}
