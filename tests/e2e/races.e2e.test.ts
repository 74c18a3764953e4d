/**
 * A race found in the calendar, as a runner meets it in the popup (SPEC §3): asked once, with
 * the guess in words; answered as a B race, the weeks re-plan and the answer stays.
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatDayLabel } from '../../src/core/time';
import { nextWeekStart, sampleWithRiverside10K } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { planNextWeek, popupSuite, seedRunner } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

const suite = popupSuite();

describe('popup: races found in the calendar', () => {
  it('asks about a race it found, and re-plans when the runner says it is a B race', async () => {
    // Twelve days after next Monday: next week is taper for an A race (one session), base for a B.
    const raceDay = addDays(nextWeekStart(), 12);
    suite.server.setCalendar(sampleWithRiverside10K('riverside@e2e'));
    await seedRunner(suite.ext, suite.server.feedUrl);
    const page = await suite.ext.openPopup();
    await planNextWeek(page);

    const races = page.getByRole('region', { name: /^Races in your calendar/ });
    await races.waitFor();
    expect((await races.innerText()).replace(/\s+/g, ' ')).toContain(
      `Riverside 10K ${formatDayLabel(raceDay)} looks like an A race`,
    );
    const next = page.getByRole('tabpanel');
    expect(await next.getByRole('article').count()).toBe(1);
    await screenshot(page, 'popup-race-found');

    const answers = page.getByRole('group', {
      name: `What is Riverside 10K on ${formatDayLabel(raceDay)}?`,
    });
    await answers.getByRole('button', { name: 'B', exact: true }).click();
    await waitForStatus(page, /^Riverside 10K is a B race; weeks re-planned/);

    await page.getByRole('region', { name: 'Your races' }).waitFor();
    expect(await page.getByText('B race', { exact: true }).isVisible()).toBe(true);
    expect(await next.getByRole('article').count()).toBe(2);
    await screenshot(page, 'popup-race-confirmed-b');

    // The answer is kept: a fresh popup shows it without asking again.
    await page.close();
    const again = await suite.ext.openPopup();
    await again.getByRole('region', { name: 'Your races' }).waitFor();
    expect(await again.getByRole('group').count()).toBe(0);
    await again.close();
  });
});
