/**
 * Accessibility of every popup and options state, in the built extension: axe-core (WCAG 2.2 A
 * and AA, best practices) in light and dark with no serious or critical violation. The states
 * come from the real background with the sample runner; the few a runner meets only when the
 * background is slow or gone (loading, "Couldn't load", a failed action) hold or fail the page's
 * messages (tests/helpers/e2e/faults.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/time';
import { expectNoSeriousViolations } from '../helpers/e2e/a11y';
import { expectFocusIndicator, expectVisibleFocus, tabTo } from '../helpers/e2e/focus';
import { screenshot } from '../helpers/e2e/screenshot';
import { nextWeekStart, sampleWithRiverside10K, withEvents } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { setFaults, withFaults } from '../helpers/e2e/faults';
import { startIcsServer } from '../helpers/e2e/ics-server';
import { MAX_POPUP_WINDOW, motionReport, reflowProblems, zoomPage } from '../helpers/e2e/layout';
import {
  day,
  eventRow,
  nextWeekDays,
  planNextWeek,
  popupSuite,
  seedRunner,
} from '../helpers/e2e/popup';

// Scrollbars drawn as on a Linux or Windows desktop: at 200 % a page that only fits without its
// scrollbar must show it.
const suite = popupSuite({ showScrollbars: true });
/**
 * axe reads the whole page twice (light and dark) for each state, some 2–5 s a time and far more
 * on a busy machine: a test that walks through several states gets more than e2e's usual minute.
 */
const SLOW = { timeout: 180_000 };
const [, tue, , thu] = nextWeekDays();

/** One busy event, for a second calendar that will stop answering. */
const SMALL_CALENDAR = withEvents(
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ironstride//a11y//EN', 'END:VCALENDAR', ''].join(
    '\r\n',
  ),
  [
    {
      uid: 'dentist@a11y',
      date: addDays(nextWeekStart(), 2),
      start: '08:00',
      end: '09:00',
      summary: 'Dentist',
    },
  ],
);

describe('accessibility (axe): popup', SLOW, () => {
  it('has no serious violations without a week: no calendar, loading, and a popup that could not load', async () => {
    await suite.ext.resetStorage();
    const empty = await suite.ext.openPopup();
    await empty
      .getByRole('heading', { name: 'Add a calendar in Settings to see your week' })
      .waitFor();
    await expectNoSeriousViolations(empty, 'popup: no calendar');
    await empty.close();

    // Nothing cached (the empty popup above cached its view) and a background that never answers.
    await suite.ext.resetStorage();

    const loading = await suite.ext.openPopup({
      beforeLoad: (p) => withFaults(p, { hold: 'all' }),
    });
    await loading.getByText('Loading your week…').waitFor();
    await expectNoSeriousViolations(loading, 'popup: loading');

    const failed = await suite.ext.openPopup({ beforeLoad: (p) => withFaults(p, { fail: 'all' }) });
    await failed
      .getByRole('alert')
      .filter({ hasText: /Couldn.t load your week/ })
      .waitFor();
    await expectNoSeriousViolations(failed, 'popup: could not load');
  });

  it('has no serious violations with a week: planned, Details and Swap, other times, accepted', async () => {
    const page = await suite.ext.openPopup();
    await page.getByRole('tab', { name: /^This week/ }).waitFor();
    await page.getByText(/^Synced /).waitFor();
    await expectNoSeriousViolations(page, 'popup: this week, not planned');

    await planNextWeek(page);
    const tuesday = day(page, tue!.label).getByRole('article');
    const thursday = day(page, thu!.label).getByRole('article');
    await expectNoSeriousViolations(page, 'popup: a week with suggestions');

    await tuesday.getByRole('button', { name: /^Details of Strength/ }).click();
    await tuesday.getByRole('heading', { name: 'Exercises' }).waitFor();
    await expectNoSeriousViolations(page, 'popup: a session’s Details open');

    // The exercise alternatives: Swap open with its choices, then one chosen.
    const swap = tuesday.getByRole('button', { name: /^Swap / }).first();
    const from = (await swap.getAttribute('aria-label'))!.replace(/^Swap /, '');
    await swap.click();
    const choices = tuesday.getByRole('group', { name: `Do instead of ${from}` });
    await choices.waitFor();
    await expectNoSeriousViolations(page, 'popup: Swap’s choices open in Details');
    const to = (await choices.getByRole('button').first().innerText()).trim();
    await choices.getByRole('button').first().click();
    await waitForStatus(page, `${to} instead of ${from}`);
    await expectNoSeriousViolations(page, 'popup: an exercise swapped');

    await thursday.getByRole('button', { name: /^Another time for Strength/ }).click();
    await thursday.getByRole('group', { name: /^Other times for Strength/ }).waitFor();
    await expectNoSeriousViolations(page, 'popup: other times offered');

    await tuesday.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(page, 'Session accepted');
    await expectNoSeriousViolations(page, 'popup: a session accepted');
  });

  it('has no serious violations with a week and something wrong: change type, a failed action, an unread calendar, a failed refresh', async () => {
    const page = await suite.ext.openPopup({ beforeLoad: (p) => withFaults(p) });
    await planNextWeek(page);
    const thursday = day(page, thu!.label).getByRole('article');

    const run = eventRow(day(page, thu!.label), 'Tempo: 3 x 10 min @ threshold');
    await run.getByRole('button', { name: 'Change type of Tempo: 3 x 10 min @ threshold' }).click();
    await page
      .getByRole('group', { name: 'Change type of Tempo: 3 x 10 min @ threshold' })
      .waitFor();
    await expectNoSeriousViolations(page, 'popup: change type open');
    await page.keyboard.press('Escape');

    // A failed action: Skip never reaches the background.
    await setFaults(page, { fail: ['skipSession'] });
    await thursday.getByRole('button', { name: /^Skip Strength/ }).click();
    const error = page.getByRole('alert').filter({ hasText: /background service didn.t answer/ });
    await error.waitFor();
    await expectNoSeriousViolations(page, 'popup: a failed action’s inline error');
    await error.getByRole('button', { name: 'Dismiss the error' }).click();
    await setFaults(page, {});

    // A second calendar that stops answering: the week stays, with a line saying what was not read.
    const gone = await startIcsServer(SMALL_CALENDAR);
    await suite.ext.send('addSource', { kind: 'url', url: gone.feedUrl, role: 'busy' });
    await gone.close();
    await suite.ext.send('syncNow', {});
    const unread = page.locator('details.source-errors');
    await unread.locator('summary').click();
    expect(await unread.innerText()).toMatch(/Couldn.t read/);
    await expectNoSeriousViolations(page, 'popup: a calendar that could not be read');

    // The refresh failing with a week on screen: the header says so and offers Retry.
    const stale = await suite.ext.openPopup({
      beforeLoad: (p) => withFaults(p, { fail: ['getView'] }),
    });
    await stale.getByRole('button', { name: /^Retry refreshing/ }).waitFor();
    await expectNoSeriousViolations(stale, 'popup: a refresh that failed');
  });

  it('has no serious violations with a race found in the calendar, asked and answered', async () => {
    suite.server.setCalendar(sampleWithRiverside10K('riverside@a11y'));
    await seedRunner(suite.ext, suite.server.feedUrl);
    const page = await suite.ext.openPopup();
    await planNextWeek(page);
    await page.getByRole('region', { name: /^Races in your calendar/ }).waitFor();
    await expectNoSeriousViolations(page, 'popup: a race found in the calendar');

    await page
      .getByRole('group', { name: /^What is Riverside 10K/ })
      .getByRole('button', { name: 'B', exact: true })
      .click();
    await waitForStatus(page, /^Riverside 10K is a B race/);
    const races = page.getByRole('region', { name: 'Your races' });
    await races.getByRole('button', { name: /^Change what Riverside 10K is/ }).click();
    await expectNoSeriousViolations(page, 'popup: a race answered, being changed');
  });
});

describe('accessibility (axe): the check itself', () => {
  it('fails, naming the rule and the element, when the page has a serious violation', async () => {
    const page = await suite.ext.openPopup();
    await page.getByRole('tab', { name: /^This week/ }).waitFor();
    // Pale grey on white (about 1.5:1), and a button with no name: both serious or critical.
    await page.evaluate(() => {
      const faint = document.createElement('p');
      faint.id = 'faint';
      faint.textContent = 'Hard to read';
      faint.style.cssText = 'color: #ccc !important; background: #fff !important';
      const nameless = document.createElement('button');
      nameless.id = 'nameless';
      document.body.prepend(faint, nameless);
    });
    const failure = await expectNoSeriousViolations(page, 'a page made wrong on purpose', {
      schemes: ['light'],
    }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/color-contrast \(serious, 1\)[\s\S]*#faint/);
    expect(failure).toMatch(/button-name \(critical, 1\)[\s\S]*#nameless/);
  });
});

describe('accessibility (axe): options', SLOW, () => {
  it('has no serious violations for a new runner and while the settings load', async () => {
    await suite.ext.resetStorage();
    const empty = await suite.ext.openOptions();
    await empty.getByRole('button', { name: 'Save preferences' }).waitFor();
    await empty.getByRole('form', { name: 'Add a calendar feed' }).waitFor();
    await expectNoSeriousViolations(empty, 'options: no calendar, default preferences');

    const loading = await suite.ext.openOptions({
      beforeLoad: (p) => withFaults(p, { hold: 'all' }),
    });
    await loading.getByText('Loading your settings…').waitFor();
    await expectNoSeriousViolations(loading, 'options: loading');
  });

  it('has no serious violations with calendars and preferences, and with validation errors showing', async () => {
    const page = await suite.ext.openOptions();
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'You', exact: true }).waitFor();
    await page.getByLabel('Earliest start').waitFor();
    await page.getByText(/\d+ events read, 0 skipped/).waitFor();
    await expectNoSeriousViolations(page, 'options: calendars and preferences');

    // Mistakes in several places, the day bounds among them.
    await page.getByLabel('Session length').fill('5');
    await page.getByLabel('Earliest start').fill('21:00');
    await page.getByLabel('Latest finish', { exact: true }).fill('06:00');
    await page.getByRole('button', { name: '+ Add race' }).click();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.locator('.error-summary:focus').waitFor();
    await expectNoSeriousViolations(page, 'options: preferences with validation errors');

    const addFeed = page.getByRole('form', { name: 'Add a calendar feed' });
    await addFeed.getByLabel('Feed address').fill('club-calendar.example/feed.ics');
    await addFeed.getByRole('button', { name: 'Add feed' }).click();
    await addFeed.getByText('should start with').waitFor();
    await expectNoSeriousViolations(page, 'options: a feed address refused');
  });

  it('has no serious violations when the settings could not be loaded', async () => {
    const page = await suite.ext.openOptions({ beforeLoad: (p) => withFaults(p, { fail: 'all' }) });
    await page
      .getByRole('alert')
      .filter({ hasText: /Couldn.t load your settings/ })
      .waitFor();
    await expectNoSeriousViolations(page, 'options: settings not loaded');
  });
});

describe('keyboard only', SLOW, () => {
  it('plans, accepts, opens Details and swaps, moves a session and downloads the .ics with Tab, arrows and Enter, the focus visible at every step', async () => {
    const page = await suite.ext.openPopup();
    await page.getByText(/^Synced /).waitFor();

    // The week tabs are one stop: Tab reaches the selected one, the arrow keys pick the week.
    await tabTo(page, page.getByRole('tab', { name: /^This week/ }), 'the week tabs');
    await page.keyboard.press('ArrowRight');
    const nextWeek = page.getByRole('tab', { name: /^Next week/ });
    await expectVisibleFocus(page, nextWeek, 'ArrowRight to next week');
    expect(await nextWeek.getAttribute('aria-selected')).toBe('true');

    // Plan: focus stays on the button, which now offers to re-plan.
    await tabTo(page, page.getByRole('button', { name: /^Plan next week/ }), 'Plan next week');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Next week planned/);
    await expectVisibleFocus(
      page,
      page.getByRole('button', { name: /^Re-plan next week/ }),
      'after planning',
    );

    // Accept Tuesday's session: its first button becomes Undo and keeps the focus.
    const tuesday = day(page, tue!.label).getByRole('article');
    await tabTo(page, tuesday.getByRole('button', { name: /^Accept Strength/ }), 'Accept');
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'Session accepted');
    await expectVisibleFocus(
      page,
      tuesday.getByRole('button', { name: /^Undo accepting Strength/ }),
      'after accepting',
    );
    await screenshot(page, 'a11y-keyboard-focus-after-accept');

    // Details, then Swap one exercise for the first choice offered.
    const details = tuesday.getByRole('button', { name: /^Details of Strength/ });
    await tabTo(page, details, 'Details');
    await page.keyboard.press('Enter');
    await tuesday.getByRole('heading', { name: 'Exercises' }).waitFor();
    await expectVisibleFocus(page, details, 'Details open');
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    const swap = tuesday.getByRole('button', { name: /^Swap / }).first();
    const swapped = (await swap.getAttribute('aria-label'))!.replace(/^Swap /, '');
    await tabTo(page, swap, `Swap ${swapped}`, { max: 60 });
    await page.keyboard.press('Enter');
    const choice = tuesday
      .getByRole('group', { name: `Do instead of ${swapped}` })
      .getByRole('button')
      .first();
    await tabTo(page, choice, 'the first exercise offered instead');
    const to = (await choice.innerText()).trim();
    await page.keyboard.press('Enter');
    await waitForStatus(page, `${to} instead of ${swapped}`);
    // The choices are gone; the focus is back on the session's Swap, not lost to the page.
    await expectVisibleFocus(
      page,
      tuesday.locator('[data-swap-toggle]').first(),
      'after swapping an exercise',
    );

    // Another time for Thursday's session: Escape closes the times offered, Enter moves it.
    const thursday = day(page, thu!.label).getByRole('article');
    const thursdayId = await day(page, thu!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    const another = thursday.getByRole('button', { name: /^Another time for Strength/ });
    await tabTo(page, another, 'Another time', { max: 80 });
    await page.keyboard.press('Enter');
    const offered = thursday.getByRole('group', { name: /^Other times for Strength/ });
    await tabTo(page, offered.getByRole('button').first(), 'the first time offered');
    await page.keyboard.press('Escape');
    expect(await offered.count()).toBe(0);
    await expectVisibleFocus(page, another, 'Escape from the times offered');
    await screenshot(page, 'a11y-keyboard-focus-another-time');
    await page.keyboard.press('Enter');
    const firstTime = offered.getByRole('button').first();
    await tabTo(page, firstTime, 'the first time offered, again');
    await page.keyboard.press('Enter');
    await waitForStatus(page, /^Session moved to/);
    await expectVisibleFocus(
      page,
      page.locator(`[data-session-id="${thursdayId}"] [data-primary]`),
      'after moving the session',
    );

    // Download: Tab on to the footer's button, Enter, and the file carries the swap.
    const download = page.getByRole('button', { name: 'Download .ics (1 accepted)' });
    await tabTo(page, download, 'Download .ics', { max: 80 });
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const text = readFileSync((await (await downloading).path())!, 'utf8');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain(to);
    await waitForStatus(page, /^Downloaded /);
    await expectFocusIndicator(page, 'after the download');
    await expectVisibleFocus(page, download, 'after the download');
  });
});

describe('reduced motion', () => {
  it('stops every spinner, pulse and transition when the runner prefers reduced motion', async () => {
    // The skeleton of a first open: nothing cached, and a background that does not answer.
    // (Measured before anything is stored: a stored week would replace the skeleton at once.)
    await suite.ext.resetStorage();
    const loading = await suite.ext.openPopup({
      beforeLoad: (p) => withFaults(p, { hold: 'all' }),
    });
    await loading.getByText('Loading your week…').waitFor();
    await loading.emulateMedia({ reducedMotion: 'no-preference' });
    expect((await motionReport(loading)).running).toContain('animation skeleton-pulse');
    await loading.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motionReport(loading), 'the popup loading').toEqual({ running: [], styled: [] });
    await loading.close();

    // A cached week whose refresh and plan never finish: the header's and the button's spinners.
    await seedRunner(suite.ext, suite.server.feedUrl);
    const first = await suite.ext.openPopup();
    await first.getByText(/^Synced /).waitFor();
    await first.close();
    const busy = await suite.ext.openPopup({
      beforeLoad: (p) => withFaults(p, { hold: ['getView', 'planWeek'] }),
    });
    await busy.getByText('Syncing…').waitFor();
    await busy.getByRole('button', { name: /^Plan this week/ }).click();
    const planning = busy.locator('[data-plan][aria-busy="true"]');
    await planning.waitFor();
    await busy.emulateMedia({ reducedMotion: 'no-preference' });
    const moving = await motionReport(busy);
    expect(moving.running.filter((a) => a === 'animation btn-spin')).toHaveLength(2);
    expect(moving.styled.some((s) => s.startsWith('button.btn: transition'))).toBe(true);
    await busy.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motionReport(busy), 'the popup syncing and planning').toEqual({
      running: [],
      styled: [],
    });
    // Still busy, said without motion: the spinner's ring stays, still.
    expect(
      await planning.evaluate((e) => getComputedStyle(e, '::before').content),
      'the busy button keeps its (still) spinner',
    ).not.toBe('none');

    const options = await suite.ext.openOptions();
    await options.getByRole('button', { name: 'Save preferences' }).waitFor();
    await options.emulateMedia({ reducedMotion: 'reduce' });
    expect(await motionReport(options), 'the options page').toEqual({ running: [], styled: [] });
  });
});

describe('200 % zoom', () => {
  it('fits the popup in its window at 200 %: nothing scrolls sideways, no control is cut off', async () => {
    const page = await suite.ext.openPopup();
    await planNextWeek(page);
    await screenshot(page, 'a11y-popup-planned');
    // Chrome grows a zoomed popup to its largest window, 800 × 600: 400 × 300 CSS pixels.
    const zoom = await zoomPage(page, 2, MAX_POPUP_WINDOW);
    try {
      expect(await page.evaluate(() => [innerWidth, devicePixelRatio])).toEqual([400, 2]);
      expect(await reflowProblems(page)).toEqual([]);
      await zoom.screenshot('a11y-zoom-200-popup-top');

      const tuesday = day(page, tue!.label).getByRole('article');
      const thursday = day(page, thu!.label).getByRole('article');
      await tuesday.getByRole('button', { name: /^Details of Strength/ }).click();
      await thursday.getByRole('button', { name: /^Another time for Strength/ }).click();
      const swap = tuesday.getByRole('button', { name: /^Swap / }).first();
      await swap.click();
      const choices = tuesday.getByRole('group', { name: /^Do instead of / });
      await choices.waitFor();
      expect(await reflowProblems(page)).toEqual([]);
      await zoom.screenshot('a11y-zoom-200-popup-details', { scrollTo: tuesday });
      await zoom.screenshot('a11y-zoom-200-popup-swap', { scrollTo: swap });
      await zoom.screenshot('a11y-zoom-200-popup-other-times', {
        scrollTo: thursday.getByRole('group', { name: /^Other times/ }),
      });

      // The footer is reached by scrolling the page; its buttons are whole.
      const download = page.getByRole('button', { name: /^Download \.ics/ });
      await download.scrollIntoViewIfNeeded();
      expect(await download.isVisible()).toBe(true);
      await zoom.screenshot('a11y-zoom-200-popup-footer');
    } finally {
      await zoom.end();
    }
  });

  it('reflows the options page at 200 % and 400 %: one column, nothing cut off', async () => {
    const page = await suite.ext.openOptions();
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();
    await page.getByText(/\d+ events read, 0 skipped/).waitFor();
    await page.getByLabel('Session length').fill('5');
    await page.getByLabel('Earliest start').fill('21:00');
    await page.getByLabel('Latest finish', { exact: true }).fill('06:00');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.locator('.error-summary:focus').waitFor();

    // A 1280 × 800 window: 640 × 400 CSS pixels at 200 %, 320 × 200 at 400 % (WCAG 1.4.10).
    for (const factor of [2, 4]) {
      const zoom = await zoomPage(page, factor, { width: 1280, height: 800 });
      try {
        expect(await page.evaluate(() => innerWidth)).toBe(1280 / factor);
        expect(await reflowProblems(page), `at ${factor * 100} %`).toEqual([]);
        if (factor === 2) {
          for (const [name, section] of [
            ['top', page.locator('.page-head')],
            ['calendars', page.locator('section.card').first()],
            ['errors', page.locator('.error-summary')],
            ['you', page.getByRole('group', { name: 'You', exact: true })],
            ['day-bounds', page.locator('.day-bounds')],
            ['save-bar', page.locator('.save-bar')],
          ] as const)
            await zoom.screenshot(`a11y-zoom-200-options-${name}`, {
              scrollTo: section,
              schemes: name === 'errors' || name === 'day-bounds' ? ['light', 'dark'] : ['light'],
            });
        }
      } finally {
        await zoom.end();
      }
    }
  });
});
