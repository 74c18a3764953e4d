/**
 * The 1280 × 800 screenshots for the Chrome Web Store and addons.mozilla.org listings, taken from
 * the built extension with the sample runner's real week. The options page is the real page at
 * 1280 × 800. The popup is the real popup.html at its toolbar size (400 × 600), captured at
 * 1.25× so it reads at store size, and shown beside a caption on a frame page added to the test
 * copy (the extension's CSP, `frame-ancestors 'none'`, rightly forbids framing the popup itself).
 * Nothing is mocked: what a listing shows is what the planner did.
 *
 * Every run writes them to artifacts/e2e/store/ for review; `npm run screenshots:store` (which
 * sets IRONSTRIDE_STORE_SCREENSHOTS=1) also writes docs/store/, the copies the listings use.
 * They show dates relative to today, so they are refreshed on purpose, not on every test run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { samplePrefs, weeklySampleCalendar } from '../helpers/e2e/calendar';
import { waitForStatus } from '../helpers/e2e/dom';
import { POPUP_VIEWPORT, launchExtension } from '../helpers/e2e/extension';
import type { ExtensionHarness } from '../helpers/e2e/extension';
import { ARTIFACTS_DIR, ROOT } from '../helpers/e2e/paths';
import { day, nextWeekDays, planNextWeek } from '../helpers/e2e/popup';

/** Both stores take 1280 × 800 (Chrome Web Store: exactly; addons.mozilla.org: recommended). */
const STORE_SIZE = { width: 1280, height: 800 };
const STORE_DIR = join(ROOT, 'docs/store');
const REVIEW_DIR = join(ARTIFACTS_DIR, 'store');
const FRAME_PAGE = 'store-frame.html';
/** The popup's pixels per CSS pixel in the frame: 400 × 600 becomes 500 × 750. */
const POPUP_SCALE = 1.25;

/** How the training plan appears in Options: an uploaded export of the sample runner's plan. */
const PLAN_FILE = 'marathon-plan.ics';

/**
 * A page of the test copy only (never shipped): a caption beside a picture of the popup. It has
 * no script of its own (the extension's CSP allows none inline): the test writes the caption and
 * the picture into it.
 */
const FRAME_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ironstride</title>
<style>
  html, body { margin: 0; height: 100%; }
  body {
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    background: linear-gradient(135deg, #eef0fd 0%, #f3f4f6 55%, #e6e9f2 100%);
    color: #16181c;
    display: flex; align-items: center; justify-content: center; gap: 72px;
  }
  .caption { width: 500px; }
  .brand { display: flex; align-items: center; gap: 12px; font-weight: 700; font-size: 22px; color: #2d3aa8; }
  .brand img { width: 40px; height: 40px; }
  h1 { font-size: 40px; line-height: 1.15; margin: 28px 0 18px; letter-spacing: -0.01em; }
  ul { margin: 0; padding: 0; list-style: none; font-size: 19px; line-height: 1.45; color: #3b424d; }
  li { padding-left: 26px; position: relative; margin: 0 0 12px; }
  li::before { content: ''; position: absolute; left: 4px; top: 0.55em; width: 9px; height: 9px; border-radius: 50%; background: #3646c9; }
  .popup {
    width: ${POPUP_VIEWPORT.width * POPUP_SCALE}px; height: ${POPUP_VIEWPORT.height * POPUP_SCALE}px;
    border-radius: 12px; background: #fff;
    box-shadow: 0 2px 6px rgb(16 24 40 / 10%), 0 18px 48px rgb(16 24 40 / 18%);
  }
</style>
</head>
<body>
  <div class="caption">
    <div class="brand"><img src="icon/128.png" alt="">Ironstride</div>
    <h1 id="title"></h1>
    <ul id="points"></ul>
  </div>
  <img class="popup" id="popup" alt="The Ironstride toolbar popup">
</body>
</html>
`;

interface Caption {
  title: string;
  points: string[];
}

let ext: ExtensionHarness;

beforeAll(async () => {
  ext = await launchExtension({ extraFiles: { [FRAME_PAGE]: FRAME_HTML } });
});

afterAll(async () => {
  await ext?.close();
});

beforeEach(async () => {
  await ext.resetStorage();
  const saved = await ext.send('savePrefs', samplePrefs());
  if (!saved.ok) throw new Error(`Sample preferences refused: ${JSON.stringify(saved.issues)}`);
  await ext.send('addSource', { kind: 'file', name: PLAN_FILE, text: weeklySampleCalendar() });
  ext.pageErrors.length = 0;
});

afterEach(async () => {
  await ext.closePages();
  expect(ext.pageErrors).toEqual([]);
});

/** The width and height a PNG's header says. */
function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24);
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** Writes `<name>.png` for review, and into docs/store when asked; returns the review copy. */
async function storeShot(page: Page, name: string): Promise<string> {
  await page.mouse.move(0, 0);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const dirs = [REVIEW_DIR];
  if (process.env.IRONSTRIDE_STORE_SCREENSHOTS === '1') dirs.push(STORE_DIR);
  const paths = [];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, animations: 'disabled' });
    paths.push(path);
  }
  return paths[0]!;
}

/** The popup as it is on screen now, at POPUP_SCALE, as a PNG. */
async function capturePopup(page: Page): Promise<Buffer> {
  const cdp = await ext.context.newCDPSession(page);
  try {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      ...POPUP_VIEWPORT,
      deviceScaleFactor: POPUP_SCALE,
      mobile: false,
    });
    await page.mouse.move(0, 0);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    return await page.screenshot({ animations: 'disabled' });
  } finally {
    await cdp.detach();
  }
}

/** The frame page: the caption beside the popup's picture, at store size. */
async function framed(caption: Caption, popupPng: Buffer): Promise<Page> {
  const page = await ext.openPage(FRAME_PAGE, { viewport: STORE_SIZE });
  await page.evaluate(
    async ({ title, points, src }) => {
      document.getElementById('title')!.textContent = title;
      document
        .getElementById('points')!
        .replaceChildren(
          ...points.map((text) =>
            Object.assign(document.createElement('li'), { textContent: text }),
          ),
        );
      const img = document.getElementById('popup') as HTMLImageElement;
      img.src = src;
      await img.decode();
    },
    { ...caption, src: `data:image/png;base64,${popupPng.toString('base64')}` },
  );
  return page;
}

describe('store screenshots (1280 × 800)', () => {
  const [, tue] = nextWeekDays();

  it('shows the planned week in the popup beside what it does', async () => {
    const popup = await ext.openPopup();
    await planNextWeek(popup);
    // Tuesday at the top: the intervals, then the strength session they earned, with its reasons.
    const tuesday = day(popup, tue!.label);
    expect(await tuesday.getByRole('article').count()).toBe(1);
    await tuesday.evaluate((element) => element.scrollIntoView({ block: 'start' }));

    const page = await framed(
      {
        title: 'Strength training that fits around your running',
        points: [
          'Reads the training calendar you already follow: the calendar feed of TrainingPeaks, Runna, Garmin or your coach, or an exported .ics file.',
          'Tags every run by how hard it is, and fits two strength sessions a week into your free time (fewer close to a race).',
          'Hard days hard, easy days easy: lift hours after a hard run, never the day before a key one.',
        ],
      },
      await capturePopup(popup),
    );

    const path = await storeShot(page, '1-week-planned');
    expect(pngSize(path)).toEqual(STORE_SIZE);
  });

  it('shows a session’s exercises, doses and form cues', async () => {
    const popup = await ext.openPopup();
    await planNextWeek(popup);
    const card = day(popup, tue!.label).getByRole('article');
    await card.getByRole('button', { name: /^Accept Strength/ }).click();
    await waitForStatus(popup, 'Session accepted');
    await card.getByRole('button', { name: /^Details of Strength/ }).click();
    await card.getByRole('heading', { name: 'Exercises' }).waitFor();
    expect(await card.locator('ol > li').count()).toBeGreaterThanOrEqual(4);
    await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));

    const page = await framed(
      {
        title: 'Every session spelled out',
        points: [
          'A warm-up, four to six exercises and a cool-down that fit the time you have.',
          'Sets, reps, rest and a form cue for each, and how many reps to keep in reserve.',
          'Loads follow your training phase, and lighten as your race gets close.',
        ],
      },
      await capturePopup(popup),
    );

    const path = await storeShot(page, '2-session-details');
    expect(pngSize(path)).toEqual(STORE_SIZE);
  });

  it('shows the options page with the training plan read', async () => {
    const page = await ext.openOptions({ viewport: STORE_SIZE });
    const row = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: PLAN_FILE }) });
    await row.getByText(/\d+ events read, 0 skipped/).waitFor();

    const path = await storeShot(page, '3-calendars');
    expect(pngSize(path)).toEqual(STORE_SIZE);
  });

  it('shows the preferences: equipment, which days to lift, training phase', async () => {
    const page = await ext.openOptions({ viewport: STORE_SIZE });
    await page.getByRole('button', { name: 'Save preferences' }).waitFor();
    // From Equipment down: what the planner is told, in the runner's words. (Not the time
    // windows: Debian's Chromium has only the en-US locale, so its time inputs would say "AM"
    // where a British runner's browser says 06:00.)
    const equipment = page.getByRole('heading', { level: 3, name: 'Equipment' });
    await equipment.evaluate((heading) => {
      const top = heading.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, top - 32);
    });
    expect(await page.getByRole('radio', { name: /^Hard days hard/ }).isChecked()).toBe(true);

    const path = await storeShot(page, '4-preferences');
    expect(pngSize(path)).toEqual(STORE_SIZE);
  });
});
