/**
 * Races found in the calendar (SPEC §3): shown once with their guessed priority, confirmed by
 * the runner as A, B, C or not a race, kept per event, and the plan follows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { raceChoicesItem } from '../../src/extension/storage';
import type { PopupView } from '../../src/extension/view';
import { PREFS, TWO_HARD_DAYS_WITH_A_HALF, offlineService } from './runner-fixture';

const setup = () => offlineService().handlers;

const phases = (view: PopupView) => view.weeks.map((w) => w.phase);
const sessionCount = (view: PopupView) =>
  view.weeks.flatMap((w) => w.days.flatMap((d) => d.items)).filter((i) => i.type === 'session')
    .length;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('races found in the calendar', () => {
  async function plannedRunner() {
    const handlers = setup();
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS_WITH_A_HALF });
    await handlers.planWeek({ weekStart: '2027-05-03' });
    const view = await handlers.planWeek({ weekStart: '2027-05-10' });
    return { handlers, view };
  }

  it('asks about a race it found, guessing A, and plans towards it until told otherwise', async () => {
    const { view } = await plannedRunner();

    expect(view.races).toEqual([
      expect.objectContaining({
        title: 'Spring Half Marathon',
        date: '2027-05-23',
        choice: 'A',
        confirmed: false,
      }),
    ]);
    expect(phases(view)).toEqual(['build', 'taper']);
  });

  it('re-plans when the runner says it is a B race, and keeps the answer', async () => {
    const { handlers, view } = await plannedRunner();
    const race = view.races![0]!;

    const next = await handlers.setRaceChoice({ eventId: race.eventId, choice: 'B' });

    expect(next.races![0]).toMatchObject({ choice: 'B', confirmed: true });
    expect(phases(next)).toEqual(['base', 'base']);
    // Taper allowed one session next week; base allows two.
    expect(sessionCount(next)).toBeGreaterThan(sessionCount(view));
    expect(await raceChoicesItem.getValue()).toEqual({ [race.eventId]: 'B' });
    // A re-sync reads the calendar again; the answer stays.
    expect((await handlers.getView({ refresh: true })).races![0]).toMatchObject({ choice: 'B' });
  });

  it('reads a race the runner says is not a race as a run, and can take it back', async () => {
    const { handlers, view } = await plannedRunner();
    const race = view.races![0]!;

    const notRace = await handlers.setRaceChoice({ eventId: race.eventId, choice: 'not-a-race' });
    expect(notRace.races).toEqual([
      expect.objectContaining({ eventId: race.eventId, choice: 'not-a-race', confirmed: true }),
    ]);
    expect(phases(notRace)).toEqual(['base', 'base']);

    const back = await handlers.setRaceChoice({ eventId: race.eventId, choice: null });
    expect(back.races![0]).toMatchObject({ choice: 'A', confirmed: false });
    expect(phases(back)).toEqual(['build', 'taper']);
  });

  it('lets the runner’s own race list win over the calendar', async () => {
    const { handlers } = await plannedRunner();

    await handlers.savePrefs({
      ...PREFS,
      races: [{ date: '2027-05-23', name: 'Spring Half', priority: 'C' }],
    });
    const view = await handlers.getView({});

    expect(view.races).toEqual([]);
    expect(phases(view)).toEqual(['base', 'base']);
  });
});
