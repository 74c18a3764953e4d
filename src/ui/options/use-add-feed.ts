/**
 * "Add a calendar feed": the address, name and role as typed; on submit, the address checked,
 * the browser asked for that one site (in the click), then the background adds and reads it.
 */
import { useRef, useState } from 'react';
import type { FormEvent, RefObject } from 'react';
import type { SourceSummary } from '../../extension/protocol';
import type { SourceRole } from '../../extension/storage';
import { parseFeedUrl, patternsToRelease } from './origin-pattern';
import { errorText, explainFailure } from './services';
import type { HostPermissions, SendMessage } from './services';
import { describeAddResult } from './source-text';
import type { Status } from './StatusLine';

export interface AddFeedOptions {
  send: SendMessage;
  permissions: HostPermissions;
  /** The calendars already added (`undefined` when unknown): a failed add gives back only a site none of them uses. */
  sources: readonly SourceSummary[] | undefined;
  onAdded: (source: SourceSummary) => void;
}

export interface AddFeedState {
  url: string;
  name: string;
  role: SourceRole;
  urlError: string | undefined;
  status: Status | undefined;
  busy: boolean;
  urlRef: RefObject<HTMLInputElement | null>;
  editUrl: (value: string) => void;
  setName: (value: string) => void;
  setRole: (role: SourceRole) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

export function useAddFeed({ send, permissions, sources, onAdded }: AddFeedOptions): AddFeedState {
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

  return {
    url,
    name,
    role,
    urlError,
    status,
    busy,
    urlRef,
    editUrl: (value) => {
      setUrl(value);
      setUrlError(undefined);
    },
    setName,
    setRole,
    onSubmit,
  };
}
