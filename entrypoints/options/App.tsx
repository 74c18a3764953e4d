import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PreferencesInput } from '../../src/core/prefs';
import { sendMessage } from '../../src/extension/messaging';
import type { Settings, SourceSummary } from '../../src/extension/protocol';
import { PreferencesForm } from '../../src/ui/options/PreferencesForm';
import { PrivacyNote } from '../../src/ui/options/PrivacyNote';
import { FeedSection } from '../../src/ui/options/FeedSection';
import { GoogleSection } from '../../src/ui/options/GoogleSection';
import { errorText, withTimeout } from '../../src/ui/options/services';
import type { ApiPermissions, HostPermissions, SendMessage } from '../../src/ui/options/services';
import { SourcesSection } from '../../src/ui/options/SourcesSection';

export interface AppProps {
  /** Messages to the background; a fake in tests and screenshots. */
  send?: SendMessage;
  /** `browser.permissions`; a fake in tests and screenshots. */
  permissions?: HostPermissions & ApiPermissions;
  /** The clock, for "last read 12 minutes ago". */
  now?: () => number;
}

type Load =
  | { state: 'loading' }
  | { state: 'ready'; settings: Settings }
  | { state: 'failed'; message: string };

const LOAD_TIMEOUT_MS = 10_000;

function pageTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The options page: calendars, Google, the subscribable feed, preferences and the privacy note. */
export function App({
  send = sendMessage,
  permissions = browser.permissions,
  now = Date.now,
}: AppProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [sources, setSources] = useState<SourceSummary[]>();
  const [clock, setClock] = useState(now);

  useEffect(() => {
    let current = true;
    withTimeout(send('getSettings', {}), LOAD_TIMEOUT_MS, 'The extension’s background').then(
      (settings) => {
        if (!current) return;
        setLoad({ state: 'ready', settings });
        setSources(settings.sources);
      },
      (error: unknown) => {
        if (current) setLoad({ state: 'failed', message: errorText(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [send, attempt]);

  useEffect(() => {
    // "12 minutes ago" keeps up while the tab stays open.
    const timer = setInterval(() => setClock(now()), 60_000);
    return () => clearInterval(timer);
  }, [now]);

  const settings = load.state === 'ready' ? load.settings : undefined;
  const timeZone = settings?.prefs.timezone ?? settings?.browserTimeZone ?? pageTimeZone();
  const initialPrefs: PreferencesInput = settings?.prefs ?? {};

  return (
    <main className="page">
      <header className="page-head">
        <h1>Ironstride settings</h1>
        <p className="lead">
          Which calendars to read, when you can lift and how. Strength sessions are planned around
          your runs: hard days hard, easy days easy.
        </p>
        <nav aria-label="Sections">
          <a href="#calendars-title">Calendars</a>
          <a href="#google-title">Google Calendar</a>
          <a href="#feed-title">Subscribable feed</a>
          <a href="#preferences-title">Preferences</a>
          <a href="#privacy-title">Privacy</a>
        </nav>
      </header>

      {load.state === 'loading' && (
        <p className="banner" role="status">
          Loading your settings…
        </p>
      )}
      {load.state === 'failed' && (
        <div className="banner banner-error" role="alert">
          <p>
            <strong>Couldn’t load your settings:</strong> {load.message}
          </p>
          <p>The form below shows the defaults; saving is off until your settings load.</p>
          <button
            type="button"
            onClick={() => {
              setLoad({ state: 'loading' });
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        </div>
      )}

      <SourcesSection
        sources={sources}
        onSourcesChange={(updateList) => setSources((list) => updateList(list ?? []))}
        send={send}
        permissions={permissions}
        now={clock}
        timeZone={timeZone}
      />

      <GoogleSection
        sources={sources}
        onSourcesChange={(updateList) => setSources((list) => updateList(list ?? []))}
        send={send}
        permissions={permissions}
      />

      <FeedSection send={send} />

      <section className="card" aria-labelledby="preferences-title">
        <h2 id="preferences-title">Preferences</h2>
        <p className="lead">
          How Ironstride fits strength around your running. Every field has a sensible default.
        </p>
        {load.state !== 'loading' && (
          <PreferencesForm
            // A fresh form for each load: what was stored is what it starts from.
            key={`${load.state}-${attempt}`}
            initial={initialPrefs}
            browserTimeZone={settings?.browserTimeZone ?? pageTimeZone()}
            saveBlocked={
              load.state === 'failed' ? 'Saving is off until your settings load.' : undefined
            }
            onSave={(prefs) => send('savePrefs', prefs)}
          />
        )}
      </section>

      <PrivacyNote />
    </main>
  );
}
