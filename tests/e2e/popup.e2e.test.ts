import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIcs } from '../../src/calendar/ics';
import { IRONSTRIDE_SESSION_PROPERTY } from '../../src/calendar/ics';
import { dateInZone } from '../../src/core/time';
import type { PopupView } from '../../src/extension/view';
import { RUNNER_ZONE } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import {
  day,
  eventRow,
  nextWeekDays,
  planNextWeek,
  popupSuite,
  sessionsOf,
  storedSessions,
} from '../helpers/e2e/popup';
import { screenshot } from '../helpers/e2e/screenshot';

const suite = popupSuite();
const [mon, tue, wed, thu, fri, sat, sun] = nextWeekDays();

/** A row's visible text with runs of white space made single, as a reader meets it. */
async function textOf(locator: { innerText(): Promise<string> }): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

describe('popup', () => {
  it('shows this week and next, every run tagged with its intensity', async () => {
    const page = await suite.ext.openPopup();

    const thisWeek = page.getByRole('tab', { name: /^This week/ });
    await thisWeek.waitFor();
    expect(await thisWeek.getAttribute('aria-selected')).toBe('true');
    await page.getByText(/^Synced \d\d:\d\d$/).waitFor();
    await screenshot(page, 'popup-this-week');

    await page.getByRole('tab', { name: /^Next week/ }).click();
    for (const d of [mon, tue, wed, thu, fri, sat, sun]) {
      expect(await day(page, d!.label).isVisible(), d!.label).toBe(true);
    }
    expect(await textOf(eventRow(day(page, tue!.label), 'Track: 6 x 800m @ 5K pace'))).toMatch(
      /HARD ?· ?intervals/,
    );
    expect(await textOf(eventRow(day(page, wed!.label), 'Easy run 45 min'))).toMatch(/EASY/);
    expect(await textOf(eventRow(day(page, thu!.label), 'Tempo: 3 x 10 min @ threshold'))).toMatch(
      /HARD ?· ?tempo/,
    );
    expect(await textOf(eventRow(day(page, fri!.label), 'Recovery jog 30 min'))).toMatch(
      /EASY ?· ?recovery/,
    );
    expect(await textOf(eventRow(day(page, sun!.label), 'Long run 14 mi'))).toMatch(
      /MODERATE ?· ?long/,
    );
    expect(await textOf(eventRow(day(page, mon!.label), 'Work'))).not.toMatch(/EASY|HARD|MODERATE/);
    expect(
      await page
        .getByText('Press Plan week to fit strength sessions around these runs.')
        .isVisible(),
    ).toBe(true);
    await page.close();
  });

  it('plans next week with reasons; the runner accepts one session, moves another and reads its exercises', async () => {
    const page = await suite.ext.openPopup();
    await planNextWeek(page);

    // Hard days hard: Tuesday after the intervals, Thursday after the tempo run, each explained.
    const tuesday = day(page, tue!.label).getByRole('article');
    const thursday = day(page, thu!.label).getByRole('article');
    expect(await page.getByRole('button', { name: /^Accept all 2 suggestions/ }).isVisible()).toBe(
      true,
    );
    const tuesdayReasons = await tuesday
      .getByRole('list', { name: 'Why this slot' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(tuesdayReasons[0]).toMatch(/^Tuesday: same day as your intervals/);
    const thursdayReasons = await thursday
      .getByRole('list', { name: 'Why this slot' })
      .getByRole('listitem')
      .allInnerTexts();
    expect(thursdayReasons[0]).toMatch(/^Thursday: same day as your tempo run/);
    await screenshot(page, 'popup-next-week-planned');

    // Accept Tuesday's.
    await tuesday.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(page, 'Session accepted');
    expect(await tuesday.getByText('Accepted', { exact: true }).isVisible()).toBe(true);
    expect(
      await tuesday.getByRole('button', { name: /^Undo accepting Strength/ }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: 'Download .ics (1 accepted)' }).isEnabled()).toBe(
      true,
    );
    const tuesdayId = await day(page, tue!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    expect((await storedSessions(suite.ext)).get(tuesdayId!)?.status).toBe('accepted');

    // Move Thursday's to the other time offered.
    const thursdayId = await day(page, thu!.label)
      .locator('[data-session-id]')
      .getAttribute('data-session-id');
    const before = (await storedSessions(suite.ext)).get(thursdayId!)!;
    await thursday.getByRole('button', { name: /^Another time for Strength/ }).click();
    const offered = thursday
      .getByRole('group', { name: /^Other times for Strength/ })
      .getByRole('button');
    const target = (await offered.first().getAttribute('aria-label'))!.replace(/^Move to /, '');
    await offered.first().click();
    const announced = await waitForStatus(page, /^Session moved to/);
    expect(announced).toBe(`Session moved to ${target}`);
    const [targetDay, targetTime] = target.split(', ');
    const moved = day(page, targetDay!).locator(`[data-session-id="${thursdayId}"]`);
    expect(await moved.getByText(targetTime!, { exact: true }).isVisible()).toBe(true);
    expect(await day(page, thu!.label).getByRole('article').count()).toBe(0);
    const after = (await storedSessions(suite.ext)).get(thursdayId!)!;
    expect(after.start).not.toBe(before.start);
    expect(after.reasons).toContain('moved here by you');

    // Details: each exercise with its sets × reps, rest and cue, as the background built them.
    const view = (await suite.ext.stored<PopupView>('view'))!;
    const session = sessionsOf(view).find((s) => s.id === tuesdayId)!;
    await tuesday.getByRole('button', { name: /^Details of Strength/ }).click();
    const detailsId = await tuesday
      .getByRole('button', { name: /^Details of/ })
      .getAttribute('aria-controls');
    const details = page.locator(`[id="${detailsId}"]`);
    await details.getByRole('heading', { name: 'Exercises' }).waitFor();
    const shown = (await details.locator('ol > li').allInnerTexts()).map((t) =>
      t.replace(/\s+/g, ' ').trim(),
    );
    expect(shown).toHaveLength(session.exercises.length);
    expect(session.exercises.length).toBeGreaterThanOrEqual(4);
    session.exercises.forEach((exercise, i) => {
      expect(exercise.dose).toMatch(/^\d+ × \d+(–\d+)?( s)?( each side)?$/);
      expect(exercise.rest).toMatch(/^\d+ s$/);
      expect(exercise.cue.length).toBeGreaterThan(10);
      expect(shown[i]).toContain(`${exercise.name} — ${exercise.dose} · rest ${exercise.rest}`);
      expect(shown[i]).toContain(exercise.cue);
    });
    await details.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'popup-details');
    await page.close();
  });

  it('re-plans when the runner says an easy run is actually a tempo run', async () => {
    const page = await suite.ext.openPopup();
    await planNextWeek(page);
    expect(await day(page, tue!.label).getByRole('article').count()).toBe(1);

    const wednesdayRun = eventRow(day(page, wed!.label), 'Easy run 45 min');
    await wednesdayRun.getByRole('button', { name: 'Change type of Easy run 45 min' }).click();
    const retag = page.getByRole('group', { name: 'Change type of Easy run 45 min' });
    await retag.getByLabel('This is actually').selectOption('tempo');
    await retag.getByRole('button', { name: 'Save' }).click();
    await waitForStatus(page, 'Easy run 45 min set to tempo / threshold (hard); week re-planned');

    // Tuesday is now the day before a key run: its session goes, and Wednesday's run is hard.
    expect(await textOf(eventRow(day(page, wed!.label), 'Easy run 45 min'))).toMatch(
      /HARD ?· ?tempo.*your tag/,
    );
    expect(await day(page, tue!.label).getByRole('article').count()).toBe(0);
    const view = (await suite.ext.stored<PopupView>('view'))!;
    const days = sessionsOf(view).map(
      (s) => view.weeks[1]!.days.find((d) => d.items.includes(s))?.date,
    );
    expect(days).not.toContain(tue!.date);
    expect(
      Object.values((await suite.ext.stored<Record<string, { kind: string }>>('retags'))!),
    ).toMatchObject([{ kind: 'tempo' }]);
    await page.close();
  });

  it('downloads an .ics with exactly the accepted sessions, their times, exercises and marker', async () => {
    const page = await suite.ext.openPopup();
    await planNextWeek(page);
    const tuesday = day(page, tue!.label).getByRole('article');
    await tuesday.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(page, 'Session accepted');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .ics (1 accepted)' }).click();
    const download = await downloading;
    const text = readFileSync((await download.path())!, 'utf8');

    const now = Date.now();
    expect(download.suggestedFilename()).toBe(
      `ironstride-strength-${dateInZone(now, RUNNER_ZONE)}.ics`,
    );
    const sessions = await storedSessions(suite.ext);
    const accepted = [...sessions.values()].filter((s) => s.status === 'accepted');
    expect(accepted).toHaveLength(1);
    expect(sessions.size).toBe(2);
    const read = readIcs(text, {
      timezone: RUNNER_ZONE,
      range: { start: now - 86_400_000, end: now + 21 * 86_400_000 },
    });
    expect(read.skipped).toEqual([]);
    expect(read.events.map((e) => [e.ironstrideSessionId, e.start, e.end, e.title])).toEqual(
      accepted.map((s) => [s.id, s.start, s.end, s.title]),
    );
    expect(text).toContain(`${IRONSTRIDE_SESSION_PROPERTY}:${accepted[0]!.id}`);
    // Every exercise the runner saw in Details, one line each: "Goblet squat — 3 × 8–10, rest 90 s — cue".
    const shown = sessionsOf((await suite.ext.stored<PopupView>('view'))!).find(
      (s) => s.id === accepted[0]!.id,
    )!;
    const description = read.events[0]!.description;
    expect(shown.exercises.length).toBeGreaterThanOrEqual(4);
    for (const e of shown.exercises)
      expect(description).toContain(`${e.name} — ${e.dose}, rest ${e.rest} — ${e.cue}`);
    await page.close();
  });
});
