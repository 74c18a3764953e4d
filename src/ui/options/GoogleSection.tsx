import { useId } from 'react';
import { DEDICATED_CALENDAR_SUMMARY } from '../../calendar/google/dedicated-calendar';
import type {
  GoogleCalendarEntry,
  GoogleCalendarRole,
  SourceSummary,
} from '../../extension/protocol';
import { StatusLine } from './StatusLine';
import type { GoogleSectionState } from './use-google-section';

export interface GoogleSectionProps extends GoogleSectionState {
  /** The calendars Ironstride reads (`undefined` while loading): Google ones carry their role. */
  sources: SourceSummary[] | undefined;
}

const DEDICATED = '__dedicated__';

const ROLES: readonly { value: GoogleCalendarRole; label: string }[] = [
  { value: 'training', label: 'Training plan' },
  { value: 'busy', label: 'Busy only' },
  { value: 'ignore', label: 'Don’t use' },
];

const README = 'README, “Google Calendar in the extension”';

function roleOf(
  calendar: GoogleCalendarEntry,
  sources: readonly SourceSummary[] | undefined,
): GoogleCalendarRole {
  return (
    sources?.find((s) => s.kind === 'google' && s.calendarId === calendar.id)?.role ?? 'ignore'
  );
}

/**
 * Google Calendar: connect, which calendars hold training and which only busy time, where
 * accepted sessions are written, and disconnect (state and actions: use-google-section.ts). A
 * build without an OAuth client says so and points to the README.
 */
export function GoogleSection({
  sources,
  google,
  loadError,
  status,
  rowBusy,
  busy,
  connect,
  disconnect,
  changeRole,
  changeTarget,
}: GoogleSectionProps) {
  const id = useId();

  let body;
  if (loadError) {
    body = <p className="source-error">Couldn’t load the Google settings: {loadError}</p>;
  } else if (!google) {
    body = <p className="empty">Loading…</p>;
  } else if (!google.available) {
    body = (
      <div className="notice-box" role="note">
        <p>
          <strong>This copy of Ironstride can’t connect to Google.</strong> It was built without a
          Google OAuth client id, so there is nothing to sign in with. Calendar feeds and .ics files
          work as usual.
        </p>
        <p className="hint">
          To build one that can, create an OAuth client and run{' '}
          <code>WXT_GOOGLE_CLIENT_ID=… npm run build</code> — the steps are in the {README}.
        </p>
      </div>
    );
  } else if (!google.connected) {
    body = (
      <>
        <p>
          Read your runs and busy time straight from Google Calendar, and write accepted sessions
          back. Ironstride asks Google for read-only access to your calendars and for a calendar of
          its own, <strong>{DEDICATED_CALENDAR_SUMMARY}</strong>; it never changes an event it did
          not create.
        </p>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => connect()}>
            Connect Google
          </button>
          <StatusLine status={status} />
        </div>
      </>
    );
  } else {
    const writable = google.calendars.filter((c) => c.writable && !c.dedicated);
    const target =
      google.writeTarget.kind === 'existing' ? google.writeTarget.calendarId : DEDICATED;
    body = (
      <>
        {google.reconnect ? (
          <div className="banner banner-error" role="alert">
            <p>
              <strong>Google needs you to sign in again.</strong> Until you do, your Google
              calendars aren’t read and sessions aren’t written.
            </p>
            <button type="button" className="primary" disabled={busy} onClick={() => connect()}>
              Reconnect Google
            </button>
          </div>
        ) : (
          <p>
            Connected to Google
            {google.account && (
              <>
                {' '}
                as <strong>{google.account}</strong>
              </>
            )}
            .
          </p>
        )}
        <StatusLine status={status} />
        {google.missingScopes.length > 0 && (
          <p className="source-error">
            Google did not grant everything Ironstride asks for (
            {google.missingScopes.map((s) => s.split('/').at(-1)).join(', ')}): reading or writing
            may fail. Connect again and tick every box on Google’s screen.
          </p>
        )}

        <h3 id={`${id}-read`}>Read these calendars</h3>
        <p className="hint">
          Your training plan tells Ironstride when and how hard you run; busy calendars only block
          time. They are re-read with your feeds.
        </p>
        {google.calendarsError && <p className="source-error">{google.calendarsError}</p>}
        <ul className="google-calendars" aria-labelledby={`${id}-read`}>
          {google.calendars.map((calendar) => {
            const selectId = `${id}-role-${calendar.id}`;
            return (
              <li key={calendar.id} className="google-calendar">
                <span
                  className="google-swatch"
                  style={{ background: calendar.color ?? 'var(--border-strong)' }}
                  aria-hidden="true"
                />
                <label htmlFor={selectId} className="google-calendar-name">
                  {calendar.name}
                  {calendar.primary && <span className="google-tag">primary</span>}
                  {calendar.dedicated && <span className="google-tag">Ironstride’s</span>}
                </label>
                <select
                  id={selectId}
                  value={roleOf(calendar, sources)}
                  disabled={rowBusy !== undefined || sources === undefined}
                  onChange={(event) => {
                    const role = ROLES.find((r) => r.value === event.target.value)?.value;
                    if (role) changeRole(calendar, role);
                  }}
                >
                  {ROLES.map((role) => (
                    <option key={role.value} value={role.value}>
                      {role.label}
                    </option>
                  ))}
                </select>
              </li>
            );
          })}
        </ul>

        <div className="field google-target">
          <label htmlFor={`${id}-target`}>Write accepted sessions to</label>
          <select
            id={`${id}-target`}
            value={target}
            disabled={busy}
            aria-describedby={`${id}-target-hint`}
            onChange={(event) => changeTarget(event.target.value)}
          >
            <option value={DEDICATED}>{DEDICATED_CALENDAR_SUMMARY} (its own calendar)</option>
            {writable.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendar.name}
              </option>
            ))}
          </select>
          <p id={`${id}-target-hint`} className="hint">
            {google.writeTarget.kind === 'dedicated'
              ? 'Created the first time you press Add to calendar in the popup. Ironstride needs no access to your other calendars to write there.'
              : 'Ironstride was allowed to edit events in your calendars, and still changes only the ones it created.'}{' '}
            Sessions already written stay where they are when you switch.
          </p>
        </div>

        <div className="actions">
          <button type="button" className="quiet danger" disabled={busy} onClick={disconnect}>
            Disconnect Google
          </button>
          <span className="hint">
            Revokes Ironstride’s access and removes Google’s data from this browser.
          </span>
        </div>
      </>
    );
  }

  return (
    <section className="card" id="google" aria-labelledby="google-title">
      <h2 id="google-title">Google Calendar</h2>
      {body}
      {google?.available && google.redirectUrl && (
        <details className="google-dev">
          <summary>Setting up your own OAuth client?</summary>
          <p className="hint">
            This browser signs in through <code>launchWebAuthFlow</code>: your “Web application”
            client must list <code>{google.redirectUrl}</code> as an authorised redirect URI (
            {README}).
          </p>
        </details>
      )}
    </section>
  );
}
