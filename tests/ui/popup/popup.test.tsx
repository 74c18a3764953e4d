import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/popup/App';
import type { SendMessage, ViewSource } from '../../../entrypoints/popup/App';
import type { SessionItem } from '../../../src/extension/view';
import { formatSynced } from '../../../src/ui/popup/format-synced';
import { IntensityChip } from '../../../src/ui/popup/IntensityChip';
import { RacesPanel } from '../../../src/ui/popup/RacesPanel';
import { SessionCard } from '../../../src/ui/popup/SessionCard';
import { SessionDetails } from '../../../src/ui/popup/SessionDetails';
import { WeekPanel } from '../../../src/ui/popup/WeekPanel';
import { emptyPopupViewFixture, popupViewFixture } from '../../fixtures/popup-view';

// The real storage items run their migrations against `browser.storage` as they are defined; App
// only needs something in their place, and these tests pass their own view source anyway.
vi.mock('../../../src/extension/storage', () => ({
  viewItem: { getValue: () => Promise.resolve(null), watch: () => () => undefined },
}));

/** Markup as a screen reader's plain text, roughly: tags out, whitespace folded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const noop = (): void => undefined;
const never: SendMessage = () => new Promise(() => undefined);
const noStorage: ViewSource = { getValue: () => Promise.resolve(null), watch: () => noop };

function makeSession(overrides: Partial<SessionItem> = {}): SessionItem {
  return {
    type: 'session',
    id: 's1',
    title: 'Strength · lower body + core (40 min)',
    time: '17:30–18:10',
    status: 'suggested',
    load: 'moderate',
    reasons: ['Tuesday: same day as your intervals', 'Wednesday stays easy'],
    warmup: ['5 min easy jog'],
    cooldown: ['3 min walk'],
    exercises: [{ name: 'Goblet squat', dose: '3 × 8–10', rest: '90 s', cue: 'Chest up' }],
    alternatives: [],
    moved: false,
    ...overrides,
  };
}

function renderCard(session: SessionItem): string {
  return renderToStaticMarkup(
    <SessionCard
      session={session}
      dayLabel="Tue 4 May"
      busy={null}
      locked={false}
      onAccept={noop}
      onSkip={noop}
      onReset={noop}
      onMove={noop}
      onSwap={noop}
    />,
  );
}

describe('IntensityChip', () => {
  it.each([
    ['hard', 'intervals', 'HARD · intervals'],
    ['moderate', 'long', 'MODERATE · long'],
    ['easy', 'easy', 'EASY'],
    ['easy', 'recovery', 'EASY · recovery'],
    ['rest', undefined, 'REST'],
  ] as const)('says %s/%s as "%s"', (intensity, kind, text) => {
    const html = renderToStaticMarkup(<IntensityChip intensity={intensity} kind={kind} />);

    expect(textOf(html)).toBe(text);
    expect(html).toContain(`chip--${intensity}`);
  });
});

describe('SessionCard', () => {
  it('offers Accept, Skip and Another time for a suggestion, with its reasons', () => {
    const text = textOf(
      renderCard(makeSession({ alternatives: [{ index: 0, label: 'Thu 6 May, 17:30–18:10' }] })),
    );

    expect(text).toContain('Suggested');
    expect(text).toContain('Accept Skip Another time Details');
    expect(text).toContain('Wednesday stays easy');
  });

  it('explains why Another time is unavailable', () => {
    const html = renderCard(makeSession({ alternatives: [] }));
    const describedBy = /aria-label="Another time for [^"]*"[^>]*aria-describedby="([^"]+)"/.exec(
      html,
    )?.[1];

    expect(describedBy).toBeDefined();
    expect(html).toContain(`id="${describedBy}">No other time this week follows the rules.`);
    expect(html).toMatch(/aria-label="Another time for [^"]*"[^>]*aria-disabled="true"/);
  });

  it('keeps the first three reasons on the card and points to the rest', () => {
    const reasons = ['one', 'two', 'three', 'four', 'five'];

    const text = textOf(renderCard(makeSession({ reasons })));

    expect(text).toContain('one two three +2 more in Details');
    expect(text).not.toContain('four');
  });

  it('marks a session a re-plan moved, and says why an accepted one no longer fits', () => {
    const text = textOf(
      renderCard(
        makeSession({
          status: 'accepted',
          moved: true,
          conflict: 'Your intervals moved to 18:00.',
        }),
      ),
    );

    expect(text).toContain('Moved by re-plan');
    expect(text).toContain('Accepted');
    expect(text).toContain('Conflict: Your intervals moved to 18:00.');
    expect(text).toContain('Undo Skip');
  });
});

describe('WeekPanel', () => {
  it('counts the runner’s own strength toward the target and offers Accept all', () => {
    const week = popupViewFixture.weeks[1];
    if (!week) throw new Error('the fixture has two weeks');

    const text = textOf(
      renderToStaticMarkup(
        <WeekPanel
          week={week}
          pending={null}
          onPlan={noop}
          onAcceptAll={noop}
          onSession={noop}
          onSwap={noop}
          onRetag={() => Promise.resolve(true)}
          onLog={() => Promise.resolve(true)}
        />,
      ),
    );

    expect(text).toContain('1 of 3 sessions · 1 to review');
    expect(text).toContain('Re-plan next week Accept all (1)');
    expect(text).toContain('1 session not placed: why');
  });
});

describe('App', () => {
  it('renders the cached week in its first render', () => {
    const text = textOf(
      renderToStaticMarkup(
        <App initialView={popupViewFixture} send={never} viewSource={noStorage} />,
      ),
    );

    expect(text).toContain('Your runs changed');
    expect(text).toContain('This week');
    expect(text).toContain('Tue 4 May Today');
    expect(text).toContain('Download .ics (2 accepted)');
  });

  it('shows a loading state when nothing is cached', () => {
    const text = textOf(
      renderToStaticMarkup(<App initialView={null} send={never} viewSource={noStorage} />),
    );

    expect(text).toContain('Loading your week…');
  });

  it('asks for a calendar when there is none', () => {
    const text = textOf(
      renderToStaticMarkup(
        <App initialView={emptyPopupViewFixture} send={never} viewSource={noStorage} />,
      ),
    );

    expect(text).toContain('Add a calendar in Settings to see your week');
    expect(text).not.toContain('Download .ics');
  });
});

describe('formatSynced', () => {
  const syncedAt = Date.UTC(2027, 4, 4, 15, 11);

  it('gives the time alone on the same day, in the runner’s zone', () => {
    expect(formatSynced(syncedAt, 'Europe/London', Date.UTC(2027, 4, 4, 18, 0))).toBe(
      'Synced 16:11',
    );
  });

  it('adds the weekday on another day', () => {
    expect(formatSynced(syncedAt, 'Europe/London', Date.UTC(2027, 4, 6, 9, 0))).toBe(
      'Synced Tue 16:11',
    );
  });

  it('falls back to the system zone for a zone it does not know', () => {
    expect(formatSynced(syncedAt, 'Not/AZone', syncedAt)).toMatch(/^Synced \d\d:\d\d$/);
  });
});

describe('RacesPanel', () => {
  const found = {
    eventId: 'plan.ics:half',
    title: 'Spring Half Marathon',
    date: '2027-05-23',
    label: 'Sun 23 May',
    choice: 'A' as const,
    confirmed: false,
  };

  it('asks about a race it found, with the guess in words and four labelled answers', () => {
    const html = renderToStaticMarkup(
      <RacesPanel races={[found]} locked={false} onChoose={noop} />,
    );

    expect(textOf(html)).toContain('Races in your calendar: how much do they matter?');
    expect(textOf(html)).toContain('Spring Half Marathon Sun 23 May looks like an A race');
    expect(html).toContain('role="group" aria-label="What is Spring Half Marathon on Sun 23 May?"');
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(4);
    expect(textOf(html)).toContain('A B C Not a race');
  });

  it('shows a confirmed race with its answer and a Change button instead of the question', () => {
    const html = renderToStaticMarkup(
      <RacesPanel
        races={[{ ...found, choice: 'B', confirmed: true }]}
        locked={false}
        onChoose={noop}
      />,
    );

    expect(textOf(html)).toContain('Your races');
    expect(textOf(html)).toContain('B race');
    expect(html).toContain('aria-label="Change what Spring Half Marathon is"');
    expect(html).not.toContain('role="group"');
  });

  it('renders nothing without races', () => {
    expect(renderToStaticMarkup(<RacesPanel races={[]} locked={false} onChoose={noop} />)).toBe('');
  });
});

describe('SessionDetails', () => {
  const session = makeSession({
    canSwap: true,
    exercises: [
      {
        name: 'Goblet squat',
        dose: '3 × 6–8',
        rest: '90 s',
        cue: 'Chest up',
        target: '22.5 kg',
        progression: 'Add a rep to each set; at 3 × 8 go to the next dumbbell',
        alternatives: { easier: 'Bodyweight squat', harder: 'Back squat', swaps: ['Split squat'] },
      },
    ],
  });

  it('shows the target, how to progress, the easier and harder variants, and Swap', () => {
    const html = renderToStaticMarkup(
      <SessionDetails
        id="d"
        session={session}
        showReasons={false}
        swapping={false}
        locked={false}
        onSwap={noop}
      />,
    );

    expect(textOf(html)).toContain('Target: 22.5 kg');
    expect(textOf(html)).toContain('Add a rep to each set; at 3 × 8 go to the next dumbbell');
    expect(textOf(html)).toContain('easier: Bodyweight squat · harder: Back squat');
    expect(html).toContain('aria-label="Swap Goblet squat"');
    expect(html).toContain('aria-expanded="false"');
  });

  it('offers no Swap once the session has started', () => {
    const html = renderToStaticMarkup(
      <SessionDetails
        id="d"
        session={{ ...session, canSwap: false }}
        showReasons={false}
        swapping={false}
        locked={false}
        onSwap={noop}
      />,
    );

    expect(html).not.toContain('Swap Goblet squat');
    expect(textOf(html)).toContain('easier: Bodyweight squat');
  });
});
