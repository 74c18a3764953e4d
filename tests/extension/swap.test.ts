/**
 * Swapping an exercise (SPEC §6): in a suggested or an accepted session, kept through a re-plan
 * of the week, and in everything written from the session.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readIcs } from '../../src/calendar/ics';
import { planItem } from '../../src/extension/storage';
import type { PopupView, SessionItem } from '../../src/extension/view';
import { NOW, PREFS, TWO_HARD_DAYS, offlineService } from './runner-fixture';

const setup = () => offlineService().handlers;

const sessionsOf = (view: PopupView): SessionItem[] =>
  view.weeks.flatMap((w) =>
    w.days.flatMap((d) => d.items.filter((i): i is SessionItem => i.type === 'session')),
  );

beforeEach(() => {
  fakeBrowser.reset();
});

describe('swapping an exercise', () => {
  async function planned() {
    const handlers = setup();
    await handlers.savePrefs(PREFS);
    await handlers.addSource({ kind: 'file', name: 'plan.ics', text: TWO_HARD_DAYS });
    const view = await handlers.planWeek({ weekStart: '2027-05-03' });
    const session = sessionsOf(view)[0]!;
    const exercise = session.exercises.find((e) => (e.alternatives?.swaps.length ?? 0) > 0)!;
    return { handlers, session, exercise, to: exercise.alternatives!.swaps[0]! };
  }

  it('replaces the exercise in a suggestion, and the swap survives a re-plan of the week', async () => {
    const { handlers, session, exercise, to } = await planned();
    expect(session.canSwap).toBe(true);

    const view = await handlers.swapExercise({ sessionId: session.id, from: exercise.name, to });
    const names = sessionsOf(view)
      .find((s) => s.id === session.id)!
      .exercises.map((e) => e.name);
    expect(names).toContain(to);
    expect(names).not.toContain(exercise.name);

    const again = await handlers.planWeek({ weekStart: '2027-05-03' });
    expect(
      sessionsOf(again)
        .find((s) => s.id === session.id)!
        .exercises.map((e) => e.name),
    ).toContain(to);
  });

  it('writes the swap wherever the accepted session goes: the stored description and the .ics', async () => {
    const { handlers, session, exercise, to } = await planned();
    await handlers.acceptSession({ sessionId: session.id });

    await handlers.swapExercise({ sessionId: session.id, from: exercise.name, to });

    const stored = (await planItem.getValue()).sessions.find((s) => s.id === session.id)!;
    expect(stored.swaps).toEqual([{ from: exercise.name, to }]);
    expect(stored.description).toContain(`. ${to} —`);
    const file = await handlers.exportIcs({});
    const [event] = readIcs(file.text, {
      timezone: 'Europe/London',
      range: { start: NOW - 86_400_000, end: NOW + 30 * 86_400_000 },
    }).events;
    expect(event!.description).toContain(to);
    expect(event!.description).not.toMatch(new RegExp(`\\d\\. ${exercise.name} —`));
  });

  it('refuses an exercise that is not one of the alternatives, naming them', async () => {
    const { handlers, session, exercise } = await planned();

    await expect(
      handlers.swapExercise({ sessionId: session.id, from: exercise.name, to: 'Bench press' }),
    ).rejects.toThrow(/is not an alternative to .*choose one of/);
  });
});
