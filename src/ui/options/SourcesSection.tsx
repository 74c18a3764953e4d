import type { SourceSummary } from '../../extension/protocol';
import { SYNC_PERIOD_MINUTES } from '../../extension/alarms';
import { AddFeedForm } from './AddFeedForm';
import type { HostPermissions, SendMessage } from './services';
import { SourceRow } from './SourceRow';
import { StatusLine } from './StatusLine';
import { UploadIcs } from './UploadIcs';
import type { SourcesSectionState } from './use-sources-section';

export interface SourcesSectionProps extends SourcesSectionState {
  /** `undefined` while the settings are loading or could not be loaded. */
  sources: SourceSummary[] | undefined;
  /** For the add forms, which ask for a site's permission and add the calendar. */
  send: SendMessage;
  permissions: HostPermissions;
  now: number;
  timeZone: string;
}

/**
 * The calendars Ironstride reads: the list, adding a feed or a file, and "Sync now" (state and
 * actions: use-sources-section.ts).
 */
export function SourcesSection({
  sources,
  send,
  permissions,
  now,
  timeZone,
  status,
  syncing,
  headingRef,
  syncNow,
  changeRole,
  remove,
  added,
}: SourcesSectionProps) {
  return (
    <section className="card" aria-labelledby="calendars-title">
      <div className="section-head">
        <h2 id="calendars-title" ref={headingRef} tabIndex={-1}>
          Calendars
        </h2>
        <button type="button" onClick={syncNow} disabled={syncing || !sources?.length}>
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
