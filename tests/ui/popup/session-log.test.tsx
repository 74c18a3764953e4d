/**
 * The popup's log form (SPEC §6b): what a runner and a screen reader meet on a session that has
 * ended, and the entry the form sends — weights typed in the runner's unit, stored in kilograms.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SessionLogView } from '../../../src/extension/view';
import { EarlierSessions } from '../../../src/ui/popup/EarlierSessions';
import { draftFrom, entryFrom } from '../../../src/ui/popup/log-draft';
import { PopupFooter } from '../../../src/ui/popup/PopupFooter';
import { SessionLog } from '../../../src/ui/popup/SessionLog';

function makeLog(overrides: Partial<SessionLogView> = {}): SessionLogView {
  return {
    date: '2027-05-04',
    unit: 'kg',
    editable: true,
    editableUntil: 'Tue 18 May',
    exercises: [
      {
        name: 'Goblet squat',
        perSide: false,
        weighted: true,
        sets: [
          { reps: 6, weight: 20 },
          { reps: 6, weight: 20 },
          { reps: 6, weight: 20 },
        ],
      },
      { name: 'Split squat', perSide: true, weighted: false, sets: [{ reps: 8 }, { reps: 8 }] },
    ],
    timed: ['Plank'],
    ...overrides,
  };
}

const render = (log: SessionLogView) =>
  renderToStaticMarkup(
    <SessionLog
      sessionId="s20270503-1"
      title="Strength · lower body + core (40 min), Tue 4 May"
      log={log}
      headingLevel={5}
      busy={false}
      locked={false}
      onLog={() => Promise.resolve(true)}
    />,
  );

describe('SessionLog', () => {
  it('asks how it went: Done, Partly, Skipped, a labelled RPE and Add sets', () => {
    const html = render(makeLog());

    expect(html).toContain('How did it go?');
    expect(html).toMatch(
      /role="group" aria-label="How did Strength · lower body \+ core \(40 min\), Tue 4 May go\?"/,
    );
    expect(html.match(/<button[^>]*>(Done|Partly|Skipped)/g)?.length).toBe(3);
    expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Effort \(RPE\)<select id="\1"/);
    expect(html).toContain('10 · all out');
    expect(html).toMatch(/aria-expanded="false"[^>]*>Add sets \(2 exercises\)/);
    // Done is where focus lands after saving (actions.ts).
    expect(html).toMatch(/data-log-focus=""[^>]*>Done/);
  });

  it('once logged, reads as one line with Change until its last day', () => {
    const html = render(
      makeLog({
        logged: { status: 'done', rpe: 7, withSets: true, summary: 'Done · RPE 7 · …' },
      }),
    );
    // Logged: one line and Change, not the form.
    expect(html).toContain('Logged');
    expect(html).toContain('RPE 7');
    expect(html).toContain(
      'aria-label="Change how Strength · lower body + core (40 min), Tue 4 May went"',
    );
    expect(html).toContain('until Tue 18 May');
  });

  it('reads as closed once the 14 days are over', () => {
    const html = render(
      makeLog({
        editable: false,
        logged: { status: 'skipped', withSets: false, summary: 'Skipped' },
      }),
    );
    expect(html).toContain('Closed for changes on Tue 18 May.');
    expect(html).not.toContain('>Change<');
  });
});

describe('EarlierSessions', () => {
  it('lists last week’s sessions to log, open, with their day', () => {
    const html = renderToStaticMarkup(
      <EarlierSessions
        sessions={[
          {
            id: 's20270426-2',
            title: 'Strength · lower body + core (40 min)',
            day: 'Thu 29 Apr',
            time: '18:00–18:40',
            log: makeLog(),
          },
        ]}
        locked={false}
        onLog={() => Promise.resolve(true)}
      />,
    );
    expect(html).toMatch(/<details[^>]*open=""/);
    expect(html).toContain('1 earlier session to log');
    expect(html).toContain('Thu 29 Apr, 18:00–18:40');
  });
});

describe('entryFrom', () => {
  it('sends the prescription as done in one tap, weights in kilograms', () => {
    const log = makeLog();
    const draft = { ...draftFrom(log), setsOpen: true, rpe: '7' };

    const result = entryFrom(draft, log, 's1', 'done');

    expect(result).toEqual({
      entry: {
        sessionId: 's1',
        date: '2027-05-04',
        status: 'done',
        rpe: 7,
        exercises: [
          {
            name: 'Goblet squat',
            sets: [
              { reps: 6, kg: 20 },
              { reps: 6, kg: 20 },
              { reps: 6, kg: 20 },
            ],
          },
          { name: 'Split squat', sets: [{ reps: 8 }, { reps: 8 }] },
        ],
      },
    });
  });

  it('leaves the sets out while Add sets is closed, and everything but the status for a skip', () => {
    const log = makeLog();
    const draft = { ...draftFrom(log), rpe: '8' };

    expect(entryFrom(draft, log, 's1', 'partly')).toEqual({
      entry: { sessionId: 's1', date: '2027-05-04', status: 'partly', rpe: 8 },
    });
    expect(entryFrom({ ...draft, setsOpen: true }, log, 's1', 'skipped')).toEqual({
      entry: { sessionId: 's1', date: '2027-05-04', status: 'skipped' },
    });
  });

  it('stores pounds as kilograms for a runner on lb', () => {
    const log = makeLog({
      unit: 'lb',
      exercises: [
        { name: 'Goblet squat', perSide: false, weighted: true, sets: [{ reps: 8, weight: 45 }] },
      ],
    });
    const result = entryFrom({ ...draftFrom(log), setsOpen: true }, log, 's1', 'done');
    expect('entry' in result && result.entry.exercises?.[0]?.sets[0]?.kg).toBeCloseTo(20.41, 2);
  });

  it('names the bad input: exercise, set and field', () => {
    const log = makeLog();
    const draft = draftFrom(log);
    draft.setsOpen = true;
    const [squat, split] = draft.exercises;
    if (!squat?.sets[1] || !split?.sets[0]) throw new Error('the form has both exercises');
    squat.sets[1].weight = 'twenty';

    expect(entryFrom(draft, log, 's1', 'done')).toEqual({
      problem: {
        field: '0-1-weight',
        message: 'Goblet squat, set 2: weight must be a number from 0 to 500 kg, or empty',
      },
    });
    squat.sets[1].weight = '20';
    split.sets[0].reps = '7.5';
    expect(entryFrom(draft, log, 's1', 'done')).toMatchObject({
      problem: { field: '1-0-reps', message: expect.stringContaining('Split squat, set 1: reps') },
    });
  });
});

describe('PopupFooter', () => {
  it('links History next to Settings', () => {
    const html = renderToStaticMarkup(
      <PopupFooter
        acceptedCount={2}
        exporting={false}
        locked={false}
        onDownload={() => {}}
        onOpenSettings={() => {}}
        onOpenHistory={() => {}}
      />,
    );
    expect(html).toMatch(/<button[^>]*footer-history[^>]*>History<\/button>/);
    expect(html.indexOf('History')).toBeLessThan(html.indexOf('Settings'));
  });
});
