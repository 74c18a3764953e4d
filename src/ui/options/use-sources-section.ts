/** The calendars section's actions: Sync now, change a calendar's role, remove one. */
import { useRef, useState } from 'react';
import type { RefObject } from 'react';
import { plural } from '../../core/plural';
import type { SourceSummary } from '../../extension/protocol';
import { patternsToRelease } from './origin-pattern';
import { errorText, explainFailure } from './services';
import type { HostPermissions, SendMessage } from './services';
import type { Status } from './StatusLine';

export interface SourcesSectionOptions {
  /** `undefined` while the settings are loading or could not be loaded. */
  sources: SourceSummary[] | undefined;
  onSourcesChange: (update: (sources: SourceSummary[]) => SourceSummary[]) => void;
  send: SendMessage;
  permissions: HostPermissions;
}

export interface SourcesSectionState {
  status: Status | undefined;
  syncing: boolean;
  /** The section's heading, where focus goes when the calendar that had it was removed. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  syncNow: () => void;
  changeRole: (source: SourceSummary, role: SourceSummary['role']) => Promise<void>;
  remove: (source: SourceSummary) => Promise<void>;
  /** A calendar the add forms added. */
  added: (source: SourceSummary) => void;
}

export function useSourcesSection({
  sources,
  onSourcesChange,
  send,
  permissions,
}: SourcesSectionOptions): SourcesSectionState {
  const [status, setStatus] = useState<Status>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function syncNow() {
    setStatus({ tone: 'busy', text: 'Reading your calendars…' });
    try {
      const list = await send('syncNow', {});
      onSourcesChange(() => list);
      const failed = list.filter((s) => s.error).length;
      const events = list.reduce((sum, s) => sum + (s.read ?? 0), 0);
      const text = `Read ${plural(list.length, 'calendar')}: ${plural(events, 'event')}.`;
      setStatus(
        failed
          ? {
              tone: 'error',
              text: `${text} ${plural(failed, 'calendar')} could not be read; see below.`,
            }
          : { tone: 'ok', text },
      );
    } catch (error) {
      setStatus({ tone: 'error', text: explainFailure('Could not sync', errorText(error)) });
    }
  }

  async function remove(source: SourceSummary) {
    await send('removeSource', { id: source.id });
    const remaining = (sources ?? []).filter((s) => s.id !== source.id);
    onSourcesChange((list) => list.filter((s) => s.id !== source.id));
    setStatus({ tone: 'ok', text: `Removed “${source.name}”.` });
    headingRef.current?.focus();
    const release = patternsToRelease(source, remaining);
    if (release.length) {
      // Best effort: the feed is gone either way, and a kept permission is harmless; the
      // browser's extension settings still list and revoke it.
      permissions.remove({ origins: release }).catch(() => undefined);
    }
  }

  async function changeRole(source: SourceSummary, role: SourceSummary['role']) {
    const updated = await send('updateSource', { id: source.id, role });
    onSourcesChange((list) => list.map((s) => (s.id === updated.id ? updated : s)));
  }

  return {
    status,
    syncing: status?.tone === 'busy',
    headingRef,
    syncNow: () => void syncNow(),
    changeRole,
    remove,
    added: (source) =>
      onSourcesChange((list) => [...list.filter((s) => s.id !== source.id), source]),
  };
}
