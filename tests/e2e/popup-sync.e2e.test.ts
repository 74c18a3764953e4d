import { describe, expect, it } from 'vitest';
import { dateInZone, formatDayLabel } from '../../src/core/time';
import { RUNNER_ZONE, weeklySampleCalendar, withEvents } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { day, nextWeekDays, planNextWeek, popupSuite, storedSessions } from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

const suite = popupSuite();
const [, tue, , thu, fri] = nextWeekDays();

/** What the popup showed at its first render, and how many answers the background had sent by then. */
interface FirstRender {
  text: string;
  replies: number;
}

/**
 * Observes the popup without changing it: counts the background's answers and copies the page's
 * text when the popup marks its first render (the mark is set in a layout effect, before paint).
 */
function observeFirstRender(): void {
  const globals = globalThis as unknown as {
    chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
    ironstrideReplies: number;
    ironstrideFirstRender?: FirstRender;
  };
  globals.ironstrideReplies = 0;
  const send = globals.chrome.runtime.sendMessage.bind(globals.chrome.runtime);
  globals.chrome.runtime.sendMessage = (message) =>
    send(message).then((reply) => {
      globals.ironstrideReplies += 1;
      return reply;
    });
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    const entry = mark(name, options);
    if (name === 'ironstride:first-render' && !globals.ironstrideFirstRender) {
      globals.ironstrideFirstRender = {
        text: document.body.innerText,
        replies: globals.ironstrideReplies,
      };
    }
    return entry;
  };
}

describe('popup state', () => {
  it('keeps an accepted session after the popup closes, and paints it from the cache before the background answers', async () => {
    const first = await suite.ext.openPopup();
    await planNextWeek(first);
    const tuesday = day(first, tue!.label).getByRole('article');
    await tuesday.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(first, 'Session accepted');
    const acceptedId = await day(first, tue!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    await first.close();

    const page = await suite.ext.openPopup({
      beforeLoad: (p) => p.addInitScript(observeFirstRender),
    });
    const painted = (await (
      await page.waitForFunction(
        () => (globalThis as { ironstrideFirstRender?: FirstRender }).ironstrideFirstRender,
      )
    ).jsonValue()) as FirstRender;

    expect(painted.replies).toBe(0);
    expect(painted.text).toContain('Syncing…');
    expect(painted.text).toContain(formatDayLabel(dateInZone(Date.now(), RUNNER_ZONE)));
    expect(painted.text).toContain('Download .ics (1 accepted)');
    expect(painted.text).not.toContain('Loading your week');

    await page.getByRole('tab', { name: /^Next week/ }).click();
    const reopened = day(page, tue!.label).locator(`[data-session-id="${acceptedId}"]`);
    expect(await reopened.getByText('Accepted', { exact: true }).isVisible()).toBe(true);
    expect(
      await reopened.getByRole('button', { name: /^Undo accepting Strength/ }).isVisible(),
    ).toBe(true);
    expect((await storedSessions(suite.ext)).get(acceptedId!)?.status).toBe('accepted');
  });

  it('flags an accepted session a changed run breaks, badges the toolbar, and re-plans only that session', async () => {
    const popup = await suite.ext.openPopup();
    await planNextWeek(popup);
    const tuesdayId = await day(popup, tue!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    const thursdayId = await day(popup, thu!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    await popup.getByRole('button', { name: /^Accept all 2 suggestions/ }).click();
    await waitForStatus(popup, 'All suggestions for next week accepted');
    const before = await storedSessions(suite.ext);
    expect([...before.values()].map((s) => s.status)).toEqual(['accepted', 'accepted']);
    expect(await suite.ext.badgeText()).toBe('');

    // The coach adds hill repeats on Friday: Thursday's session is now the day before a key run.
    suite.server.setCalendar(
      withEvents(weeklySampleCalendar(), [
        {
          uid: 'hills@coach.test',
          date: fri!.date,
          start: '12:30',
          end: '13:15',
          summary: 'Hill repeats 8 x 60s',
        },
      ]),
    );
    const options = await suite.ext.openOptions();
    await options.getByRole('button', { name: 'Sync now' }).click();
    await waitForStatus(options, /^Read 1 calendar: \d+ events\.$/);

    // The open popup follows the cached view, so the banner appears without reopening it.
    await popup.bringToFront();
    const banner = popup.getByRole('region', { name: 'Your runs changed' });
    await banner.waitFor();
    const problems = await banner.getByRole('listitem').allInnerTexts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Friday/);
    expect(await suite.ext.badgeText()).toBe('!');
    expect(
      await day(popup, thu!.label)
        .getByText(/^Conflict:/)
        .count(),
    ).toBe(1);
    await screenshot(popup, 'popup-conflict');

    await banner.getByRole('button', { name: 'Re-plan the session that no longer fits' }).click();
    await waitForStatus(popup, 'Re-planned: 1 session moved');

    expect(await banner.count()).toBe(0);
    expect(await suite.ext.badgeText()).toBe('');
    const after = await storedSessions(suite.ext);
    expect(after.get(tuesdayId!)).toMatchObject({
      status: 'accepted',
      start: before.get(tuesdayId!)!.start,
    });
    expect(after.get(tuesdayId!)?.moved).toBeFalsy();
    expect(after.get(thursdayId!)).toMatchObject({ status: 'accepted', moved: true });
    expect(dateInZone(after.get(thursdayId!)!.start, RUNNER_ZONE)).toBe(fri!.date);
    const moved = day(popup, fri!.label).locator(`[data-session-id="${thursdayId}"]`);
    expect(await moved.getByText('Moved by re-plan').isVisible()).toBe(true);
    expect(await day(popup, tue!.label).getByText('Moved by re-plan').count()).toBe(0);
    await moved.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(popup, 'popup-replanned');
  });
});
