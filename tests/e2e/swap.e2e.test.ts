/**
 * Swapping an exercise as a runner does it (SPEC §6, issue 11): open Details, read the easier
 * and harder variants, swap one exercise, accept, download the .ics and find the swap in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIcs } from '../../src/calendar/ics';
import type { PopupView } from '../../src/extension/view';
import { RUNNER_ZONE } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { day, nextWeekDays, planNextWeek, popupSuite, sessionsOf } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

const suite = popupSuite();
const [, tue] = nextWeekDays();

describe('popup: swapping an exercise', () => {
  it('swaps an exercise in Details, and the downloaded .ics carries the swap', async () => {
    const page = await suite.ext.openPopup();
    await planNextWeek(page);
    const tuesday = day(page, tue!.label).getByRole('article');
    await tuesday.getByRole('button', { name: /^Details of Strength/ }).click();

    // The first exercise that can be swapped, and what it can be swapped for.
    const view = (await suite.ext.stored<PopupView>('view'))!;
    const session = sessionsOf(view).find((s) => s.status === 'suggested')!;
    const exercise = session.exercises.find((e) => (e.alternatives?.swaps.length ?? 0) > 0)!;
    const to = exercise.alternatives!.swaps[0]!;
    expect(
      await tuesday
        .getByText(/^easier: |^harder: /)
        .first()
        .isVisible(),
    ).toBe(true);

    await tuesday.getByRole('button', { name: `Swap ${exercise.name}` }).click();
    const choices = tuesday.getByRole('group', { name: `Do instead of ${exercise.name}` });
    await choices.scrollIntoViewIfNeeded();
    await screenshot(page, 'popup-swap-choices');
    await choices.getByRole('button', { name: to, exact: true }).click();
    await waitForStatus(page, `${to} instead of ${exercise.name}`);
    expect(await tuesday.locator('.exercise-name').filter({ hasText: exercise.name }).count()).toBe(
      0,
    );
    expect(await tuesday.locator('.exercise-name').filter({ hasText: to }).count()).toBe(1);
    await screenshot(page, 'popup-swapped');

    await tuesday.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(page, 'Session accepted');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .ics (1 accepted)' }).click();
    const text = readFileSync((await (await downloading).path())!, 'utf8');

    const now = Date.now();
    const [event] = readIcs(text, {
      timezone: RUNNER_ZONE,
      range: { start: now - 86_400_000, end: now + 21 * 86_400_000 },
    }).events;
    expect(event!.description).toMatch(new RegExp(`\\d\\. ${to} — `));
    expect(event!.description).not.toMatch(new RegExp(`\\d\\. ${exercise.name} — `));
    await page.close();
  });
});
