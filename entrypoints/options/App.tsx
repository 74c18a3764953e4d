import { browser } from 'wxt/browser';
import { LoadBanner } from '../../src/ui/shared/LoadBanner';
import type { PreferencesInput } from '../../src/core/prefs';
import { sendMessage } from '../../src/extension/messaging';
import { PreferencesForm } from '../../src/ui/options/PreferencesForm';
import { PrivacyNote } from '../../src/ui/options/PrivacyNote';
import { FeedSection } from '../../src/ui/options/FeedSection';
import { LogSection } from '../../src/ui/options/LogSection';
import { GoogleSection } from '../../src/ui/options/GoogleSection';
import type { ApiPermissions, HostPermissions, SendMessage } from '../../src/ui/options/services';
import { SourcesSection } from '../../src/ui/options/SourcesSection';
import { useFeedSection } from '../../src/ui/options/use-feed-section';
import { useGoogleSection } from '../../src/ui/options/use-google-section';
import { useSettings } from '../../src/ui/options/use-settings';
import { useSourcesSection } from '../../src/ui/options/use-sources-section';

export interface AppProps {
  /** Messages to the background; a fake in tests and screenshots. */
  send?: SendMessage;
  /** `browser.permissions`; a fake in tests and screenshots. */
  permissions?: HostPermissions & ApiPermissions;
  /** The clock, for "last read 12 minutes ago". */
  now?: () => number;
}

function pageTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The options page: calendars, Google, the subscribable feed, preferences and the privacy note. */
export function App({
  send = sendMessage,
  permissions = browser.permissions,
  now = Date.now,
}: AppProps) {
  const { load, attempt, retry, sources, updateSources, clock } = useSettings(send, now);
  const sourcesSection = useSourcesSection({
    sources,
    onSourcesChange: updateSources,
    send,
    permissions,
  });
  const google = useGoogleSection({ send, permissions, onSourcesChange: updateSources });
  const feed = useFeedSection({ send });

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
          <a href="#log-title">Training log</a>
          <a href="#preferences-title">Preferences</a>
          <a href="#privacy-title">Privacy</a>
        </nav>
      </header>

      <LoadBanner
        load={load}
        what="settings"
        onRetry={retry}
        failedNote={
          <p>The form below shows the defaults; saving is off until your settings load.</p>
        }
      />

      <SourcesSection
        {...sourcesSection}
        sources={sources}
        send={send}
        permissions={permissions}
        now={clock}
        timeZone={timeZone}
      />

      <GoogleSection {...google} sources={sources} />

      <FeedSection {...feed} />

      <LogSection send={send} />

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
