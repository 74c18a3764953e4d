/**
 * What Ironstride keeps, where, and what it sends. Each connection gets its own subsection, saying
 * what it sends and to whom: calendar feeds, Google Calendar, the subscribable feed.
 */
import type { ReactNode } from 'react';
import { DEDICATED_CALENDAR_SUMMARY } from '../../calendar/google/dedicated-calendar';
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
    id: 'privacy-google',
    title: 'Google Calendar',
    body: (
      <>
        <p>
          Only if you press <strong>Connect Google</strong>. Your browser signs you in to Google and
          Ironstride asks for the least access that works: to read your calendar list and events,
          and to manage the one calendar it creates, “{DEDICATED_CALENDAR_SUMMARY}”. Permission to
          edit events in your own calendars is asked for only if you choose to write into one, and
          even then Ironstride changes only the events it created. The extension talks to Google’s
          Calendar API directly; nothing passes through anyone else.
        </p>
        <p>
          The access token is kept in the browser’s memory (<code>storage.session</code>, gone when
          the browser closes; in Chrome, Chrome’s own sign-in keeps it) and never written to disk by
          Ironstride or shown in its messages. The events of the Google calendars you pick, their
          sync state and the sessions waiting to be written are kept in <code>storage.local</code>{' '}
          like everything else. <strong>Disconnect Google</strong> revokes the token at Google and
          deletes that data from this browser. What stays is a short ledger of the sessions
          Ironstride wrote (session and event ids and content hashes, no titles or times), so it
          never mistakes an event it removed itself for one you deleted.
        </p>
      </>
    ),
  },
  {
    id: 'privacy-feed',
    title: 'Subscribable feed',
    body: (
      <>
        <p>
          Only if you press <strong>Create feed</strong>. Your accepted sessions — their times,
          titles, exercises and why each slot was chosen — are sent to the feed server at the
          address you entered, and to nobody else; it serves them to anyone who has the feed’s link,
          which is long and random so nobody can guess it. Treat the link like a password;{' '}
          <strong>Rotate link</strong> replaces it, <strong>Delete feed</strong> removes the feed
          from the server.
        </p>
        <p>
          The feed key that lets this browser change the feed is kept in this browser (
          <code>storage.local</code>), sent only to that server, never written to a log or an error
          message, and never shown in full. Another browser, or this one after you remove the
          extension, cannot change the feed; create a new one there.
        </p>
      </>
    ),
  },
  {
    id: 'privacy-sent',
    title: 'Sent to Ironstride',
    body: (
      <p>
        Nothing. Ironstride has no servers of its own here, no account and no analytics. The
        connections you choose to make — calendar feeds, Google Calendar, a feed server you run or
        trust — are described above, with what they send and where.
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
          <strong>Sign-in (identity)</strong>: asked for when you press Connect Google, so your
          browser can sign you in to Google; not needed otherwise.
        </li>
        <li>
          <strong>Access to a site</strong>: asked for one site at a time, only when you add a feed
          from it, and only to download that feed. Removing the last feed from a site gives the
          access back; you can also revoke it in your browser’s extension settings.
        </li>
        <li>
          <strong>None for the feed server</strong>: it answers browsers’ cross-origin (CORS) checks
          for extensions, so the extension reaches it without access to the site.
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
      {/* Unnamed sections, not landmarks: named, "Google Calendar" and "Subscribable feed" would be
          landmarks twice, here and as the page's own sections. */}
      {topics.map((topic) => (
        <section key={topic.id}>
          <h3 id={topic.id}>{topic.title}</h3>
          {topic.body}
        </section>
      ))}
    </section>
  );
}
