import { useEffect, useId, useState } from 'react';
import { plural } from '../../core/plural';
import { DEDICATED_CALENDAR_SUMMARY } from '../../calendar/google/dedicated-calendar';
import { googleAccountItem } from '../../extension/google/storage';
import type { WriteTarget } from '../../extension/google/storage';
import type {
  GoogleCalendarEntry,
  GoogleCalendarRole,
  GoogleSettings,
  SourceSummary,
} from '../../extension/protocol';
import { errorText, explainFailure, withTimeout } from './services';
import type { ApiPermissions, SendMessage } from './services';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';

export interface GoogleSectionProps {
  /** The calendars Ironstride reads (`undefined` while loading): Google ones carry their role. */
  sources: SourceSummary[] | undefined;
  onSourcesChange: (update: (sources: SourceSummary[]) => SourceSummary[]) => void;
  send: SendMessage;
  permissions: ApiPermissions;
  /**
   * Calls back when the stored connection changes (the background found Google refusing the
   * token, or another page connected), so an open page shows it; returns the unsubscribe.
   */
  watchConnection?: (onChange: () => void) => () => void;
}

function watchStoredConnection(onChange: () => void): () => void {
  return googleAccountItem.watch(() => onChange());
}

const LOAD_TIMEOUT_MS = 15_000;
const DEDICATED = '__dedicated__';

const ROLE_LABELS: Record<GoogleCalendarRole, string> = {
  training: 'Training plan',
  busy: 'Busy only',
  ignore: 'Don’t use',
};

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
 * Google Calendar: connect (the `identity` permission is asked for in the click, then Google's
 * consent), which calendars hold training and which only busy time, where accepted sessions are
 * written, and disconnect. A build without an OAuth client says so and points to the README.
 */
export function GoogleSection({
  sources,
  onSourcesChange,
  send,
  permissions,
  watchConnection = watchStoredConnection,
}: GoogleSectionProps) {
  const id = useId();
  const [google, setGoogle] = useState<GoogleSettings>();
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [rowBusy, setRowBusy] = useState<string>();
  const busy = status?.tone === 'busy';

  useEffect(() => {
    let current = true;
    withTimeout(send('getGoogle', {}), LOAD_TIMEOUT_MS, 'The extension’s background').then(
      (settings) => {
        if (current) setGoogle(settings);
      },
      (error: unknown) => {
        if (current) setLoadError(errorText(error));
      },
    );
    const unwatch = watchConnection(() => {
      send('getGoogle', {}).then(
        (settings) => {
          if (current) setGoogle(settings);
        },
        () => undefined,
      );
    });
    return () => {
      current = false;
      unwatch();
    };
  }, [send, watchConnection]);

  /**
   * Connects (or reconnects), optionally to write into one of the runner's calendars. The
   * permission prompt needs the click's user gesture, so it is asked for before any await.
   */
  function connect(writeTarget?: WriteTarget) {
    if (!google || busy) return;
    let granted: Promise<boolean> = Promise.resolve(true);
    if (!google.identityGranted) {
      try {
        granted = permissions.request({ permissions: ['identity'] });
      } catch (error) {
        setStatus({
          tone: 'error',
          text: `Could not ask your browser for the sign-in permission: ${errorText(error)}`,
        });
        return;
      }
      setStatus({ tone: 'busy', text: 'Asking your browser for permission to sign in…' });
    }
    void (async () => {
      let ok: boolean;
      try {
        ok = await granted;
      } catch (error) {
        setStatus({
          tone: 'error',
          text: `Could not ask your browser for the sign-in permission: ${errorText(error)}`,
        });
        return;
      }
      if (!ok) {
        setStatus({
          tone: 'error',
          text: 'Ironstride needs your browser’s sign-in permission to connect to Google.',
        });
        return;
      }
      setStatus({ tone: 'busy', text: 'Waiting for Google’s sign-in window…' });
      try {
        const next = await send('connectGoogle', writeTarget ? { writeTarget } : {});
        setGoogle(next);
        setStatus({
          tone: 'ok',
          text:
            writeTarget?.kind === 'existing'
              ? `Accepted sessions now go to “${writeTarget.name}”.`
              : `Connected to Google${next.account ? ` as ${next.account}` : ''}.`,
        });
        // Google calendars that failed while disconnected were read again.
        send('getSettings', {}).then(
          (settings) => onSourcesChange(() => settings.sources),
          () => undefined,
        );
      } catch (error) {
        setStatus({
          tone: 'error',
          text: explainFailure('Could not connect to Google', errorText(error)),
        });
        send('getGoogle', {}).then(setGoogle, () => undefined);
      }
    })();
  }

  async function disconnect() {
    setStatus({ tone: 'busy', text: 'Disconnecting Google…' });
    try {
      setGoogle(await send('disconnectGoogle', {}));
      onSourcesChange((list) => list.filter((s) => s.kind !== 'google'));
      setStatus({
        tone: 'ok',
        text: 'Google disconnected: the token was revoked and Google’s data removed from this browser.',
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: explainFailure('Could not disconnect Google', errorText(error)),
      });
    }
  }

  async function changeRole(calendar: GoogleCalendarEntry, role: GoogleCalendarRole) {
    setRowBusy(calendar.id);
    setStatus({
      tone: 'busy',
      text: role === 'ignore' ? `Removing “${calendar.name}”…` : `Reading “${calendar.name}”…`,
    });
    try {
      const list = await send('setGoogleCalendarRole', {
        calendarId: calendar.id,
        name: calendar.name,
        role,
      });
      onSourcesChange(() => list);
      const source = list.find((s) => s.kind === 'google' && s.calendarId === calendar.id);
      setStatus({
        tone: source?.error ? 'error' : 'ok',
        text:
          role === 'ignore'
            ? `“${calendar.name}” is no longer read.`
            : source?.error
              ? `“${calendar.name}” could not be read: ${source.error}`
              : `“${calendar.name}” is read as ${role === 'training' ? 'your training plan' : 'busy time'}: ${plural(source?.read ?? 0, 'event')}.`,
      });
    } catch (error) {
      setStatus({
        tone: 'error',
        text: explainFailure(`Could not use “${calendar.name}”`, errorText(error)),
      });
    } finally {
      setRowBusy(undefined);
    }
  }

  function changeTarget(value: string) {
    if (!google) return;
    const calendar = google.calendars.find((c) => c.id === value);
    const target: WriteTarget = calendar
      ? { kind: 'existing', calendarId: calendar.id, name: calendar.name }
      : { kind: 'dedicated' };
    // Writing into a calendar the runner already had needs `calendar.events`: Google asks first.
    if (target.kind === 'existing' && !google.canWriteExisting) {
      connect(target);
      return;
    }
    setStatus({ tone: 'busy', text: 'Saving…' });
    send('setGoogleWriteTarget', { target }).then(
      (next) => {
        setGoogle(next);
        setStatus({
          tone: 'ok',
          text: `Accepted sessions now go to “${target.kind === 'existing' ? target.name : DEDICATED_CALENDAR_SUMMARY}”.`,
        });
      },
      (error: unknown) =>
        setStatus({ tone: 'error', text: explainFailure('Could not change it', errorText(error)) }),
    );
  }

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
                  onChange={(event) =>
                    void changeRole(calendar, event.target.value as GoogleCalendarRole)
                  }
                >
                  {(Object.keys(ROLE_LABELS) as GoogleCalendarRole[]).map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
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
          <button
            type="button"
            className="quiet danger"
            disabled={busy}
            onClick={() => void disconnect()}
          >
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
