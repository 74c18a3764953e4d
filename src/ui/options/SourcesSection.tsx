import { useRef, useState } from 'react';
import { plural } from '../../core/plural';
import type { SourceSummary } from '../../extension/protocol';
import { SYNC_PERIOD_MINUTES } from '../../extension/alarms';
import { AddFeedForm } from './AddFeedForm';
import { patternsToRelease } from './origin-pattern';
import { errorText, explainFailure } from './services';
import type { HostPermissions, SendMessage } from './services';
import { SourceRow } from './SourceRow';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';
import { UploadIcs } from './UploadIcs';

export interface SourcesSectionProps {
  /** `undefined` while the settings are loading or could not be loaded. */
  sources: SourceSummary[] | undefined;
  onSourcesChange: (update: (sources: SourceSummary[]) => SourceSummary[]) => void;
  send: SendMessage;
  permissions: HostPermissions;
  now: number;
  timeZone: string;
}

/** The calendars Ironstride reads: the list, adding a feed or a file, and "Sync now". */
export function SourcesSection({
  sources,
  onSourcesChange,
  send,
  permissions,
  now,
  timeZone,
}: SourcesSectionProps) {
  const [status, setStatus] = useState<Status>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const syncing = status?.tone === 'busy';

  function added(source: SourceSummary) {
    onSourcesChange((list) => [...list.filter((s) => s.id !== source.id), source]);
  }

  async function syncNow() {
    setStatus({ tone: 'busy', text: 'Reading your calendars…' });
    try {
      const list = await send('syncNow', {});
      onSourcesChange(() => list);
      const failed = list.filter((s) => s.error).length;
      const events = list.reduce((sum, s) => sum + (s.read ?? 0), 0);
      const text = `Read ${plural(list.length, 'calendar', 'calendars')}: ${plural(events, 'event', 'events')}.`;
      setStatus(
        failed
          ? {
              tone: 'error',
              text: `${text} ${plural(failed, 'calendar', 'calendars')} could not be read; see below.`,
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

  return (
    <section className="card" aria-labelledby="calendars-title">
      <div className="section-head">
        <h2 id="calendars-title" ref={headingRef} tabIndex={-1}>
          Calendars
        </h2>
        <button type="button" onClick={() => void syncNow()} disabled={syncing || !sources?.length}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <p className="lead">
        The calendars Ironstride reads. Your training plan tells it when and how hard you run; busy
        calendars only block time. Ironstride re-reads them{' '}
        {SYNC_PERIOD_MINUTES === 60 ? 'every hour' : `every ${SYNC_PERIOD_MINUTES} minutes`}; Sync
        now reads them at once.
      </p>
      <StatusLine status={status} />
      {sources === undefined ? (
        <p className="empty">Your calendars will be listed here once the settings load.</p>
      ) : sources.length === 0 ? (
        <p className="empty">
          No calendars yet. Add your training plan’s feed below, or upload an exported .ics file.
        </p>
      ) : (
        <ul className="sources">
          {sources.map((source) => (
            <SourceRow
              key={source.id}
              source={source}
              now={now}
              timeZone={timeZone}
              onRoleChange={(role) => changeRole(source, role)}
              onRemove={() => remove(source)}
            />
          ))}
        </ul>
      )}
      <AddFeedForm send={send} permissions={permissions} sources={sources} onAdded={added} />
      <UploadIcs send={send} onAdded={added} />
    </section>
  );
}
