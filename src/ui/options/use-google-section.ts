/**
 * The Google Calendar section's state and actions: the connection and the account's calendars,
 * Connect (the `identity` permission asked for in the click, then Google's consent), the role of
 * each calendar, where accepted sessions are written, and Disconnect.
 */
import { useEffect, useState } from 'react';
import { DEDICATED_CALENDAR_SUMMARY } from '../../calendar/google/dedicated-calendar';
import { plural } from '../../core/plural';
import { googleAccountItem } from '../../extension/google/storage';
import type { WriteTarget } from '../../extension/google/storage';
import type {
  GoogleCalendarEntry,
  GoogleCalendarRole,
  GoogleSettings,
  SourceSummary,
} from '../../extension/protocol';
import { errorText, explainFailure, LOAD_TIMEOUT_MS, withTimeout } from './services';
import type { ApiPermissions, SendMessage } from './services';
import type { Status } from './StatusLine';

export interface GoogleSectionOptions {
  send: SendMessage;
  permissions: ApiPermissions;
  onSourcesChange: (update: (sources: SourceSummary[]) => SourceSummary[]) => void;
  /**
   * Calls back when the stored connection changes (the background found Google refusing the
   * token, or another page connected), so an open page shows it; returns the unsubscribe.
   */
  watchConnection?: (onChange: () => void) => () => void;
}

export interface GoogleSectionState {
  google: GoogleSettings | undefined;
  loadError: string | undefined;
  status: Status | undefined;
  /** The calendar whose role is being changed. */
  rowBusy: string | undefined;
  busy: boolean;
  connect: (writeTarget?: WriteTarget) => void;
  disconnect: () => void;
  changeRole: (calendar: GoogleCalendarEntry, role: GoogleCalendarRole) => void;
  /** `value` is a calendar id, or anything else for Ironstride's own calendar. */
  changeTarget: (value: string) => void;
}

function watchStoredConnection(onChange: () => void): () => void {
  return googleAccountItem.watch(() => onChange());
}

const PERMISSION_FAILED = 'Could not ask your browser for the sign-in permission';

export function useGoogleSection({
  send,
  permissions,
  onSourcesChange,
  watchConnection = watchStoredConnection,
}: GoogleSectionOptions): GoogleSectionState {
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
        setStatus({ tone: 'error', text: `${PERMISSION_FAILED}: ${errorText(error)}` });
        return;
      }
      setStatus({ tone: 'busy', text: 'Asking your browser for permission to sign in…' });
    }
    void (async () => {
      let ok: boolean;
      try {
        ok = await granted;
      } catch (error) {
        setStatus({ tone: 'error', text: `${PERMISSION_FAILED}: ${errorText(error)}` });
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

  return {
    google,
    loadError,
    status,
    rowBusy,
    busy,
    connect,
    disconnect: () => void disconnect(),
    changeRole: (calendar, role) => void changeRole(calendar, role),
    changeTarget,
  };
}
