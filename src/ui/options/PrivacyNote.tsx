/**
 * What Ironstride keeps, where, and what it sends. Each connection gets its own subsection: the
 * Google Calendar connection and the subscribable feed add theirs to `PRIVACY_TOPICS` when they
 * land, saying what they send and to whom.
 */
import type { ReactNode } from 'react';
import { SYNC_PERIOD_MINUTES } from '../../extension/alarms';

const syncEvery =
  SYNC_PERIOD_MINUTES === 60 ? 'every hour' : `every ${SYNC_PERIOD_MINUTES} minutes`;

export interface PrivacyTopic {
  id: string;
  title: string;
  body: ReactNode;
}

export const PRIVACY_TOPICS: readonly PrivacyTopic[] = [
  {
    id: 'privacy-stored',
    title: 'Stored in this browser only',
    body: (
      <>
        <p>
          Your calendars’ events, the .ics files you upload, your preferences and your plans are
          kept in this browser’s extension storage (<code>storage.local</code>), on this device.
          They are not synced to your other devices and are deleted when you remove the extension.
        </p>
      </>
    ),
  },
  {
    id: 'privacy-feeds',
    title: 'Calendar feeds',
    body: (
      <p>
        The extension downloads each feed you add straight from the server at its address — your
        coach’s platform, your calendar app — the same way a calendar app subscribed to it would.
        Nothing passes through anyone else.
      </p>
    ),
  },
  {
    id: 'privacy-sent',
    title: 'Sent to Ironstride',
    body: (
      <p>
        Nothing. Ironstride has no servers of its own here, no account and no analytics. Connections
        you choose to make later, such as to Google Calendar or a feed you subscribe to, will be
        described here, with what they send and where.
      </p>
    ),
  },
  {
    id: 'privacy-permissions',
    title: 'Permissions, and why',
    body: (
      <ul>
        <li>
          <strong>Storage</strong>: to keep the data above in this browser.
        </li>
        <li>
          <strong>Alarms</strong>: to re-read your calendars {syncEvery}, so the plan notices when a
          run moves.
        </li>
        <li>
          <strong>Access to a site</strong>: asked for one site at a time, only when you add a feed
          from it, and only to download that feed. Removing the last feed from a site gives the
          access back; you can also revoke it in your browser’s extension settings.
        </li>
      </ul>
    ),
  },
];

/** The privacy section: one subsection per topic. */
export function PrivacyNote({ topics = PRIVACY_TOPICS }: { topics?: readonly PrivacyTopic[] }) {
  return (
    <section id="privacy" className="card privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p className="lead">What Ironstride keeps, where it keeps it, and what it sends.</p>
      {topics.map((topic) => (
        <section key={topic.id} aria-labelledby={topic.id}>
          <h3 id={topic.id}>{topic.title}</h3>
          {topic.body}
        </section>
      ))}
    </section>
  );
}
