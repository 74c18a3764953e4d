/**
 * The History page (SPEC §6b): accessible SVG charts with a table behind each, and an empty
 * state that says what to do.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HistoryView, HistoryWeek } from '../../../src/extension/log/history-view';
import { HistoryPage } from '../../../src/ui/history/HistoryPage';
import { LogSection } from '../../../src/ui/options/LogSection';

function makeWeek(i: number, overrides: Partial<HistoryWeek> = {}): HistoryWeek {
  const day = 1 + 7 * i;
  const date = new Date(Date.UTC(2027, 2, day));
  return {
    start: date.toISOString().slice(0, 10),
    label: `${date.getUTCDate()} ${['Mar', 'Apr', 'May'][date.getUTCMonth() - 2]}`,
    phase: i < 8 ? 'base' : 'build',
    phaseLabel: i < 8 ? 'Base' : 'Build',
    planned: 2,
    done: i % 3 === 0 ? 1 : 2,
    partly: i % 3 === 0 ? 1 : 0,
    skipped: 0,
    current: i === 11,
    ...overrides,
  };
}

const view: HistoryView = {
  generatedAt: 0,
  unit: 'kg',
  range: '1 Mar – 23 May',
  weeks: Array.from({ length: 12 }, (_, i) => makeWeek(i)),
  lifts: [
    {
      name: 'Goblet squat',
      points: [
        { date: '2027-03-02', label: 'Tue 2 Mar', weight: 16, sets: '3 × 8' },
        { date: '2027-03-16', label: 'Tue 16 Mar', weight: 20, sets: '3 × 6' },
        { date: '2027-05-18', label: 'Tue 18 May', weight: 24, sets: '3 × 8' },
      ],
    },
  ],
  logged: 22,
};

const render = (v: HistoryView) =>
  renderToStaticMarkup(<HistoryPage load={{ state: 'ready', view: v }} onRetry={() => {}} />);

describe('HistoryPage', () => {
  it('draws planned vs done over phase bands and each main lift, as images with a title and description', () => {
    const html = render(view);

    const svgs = html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g) ?? [];
    expect(svgs.length).toBe(2);
    expect(html).toContain('<title id=');
    expect(html).toContain('Sessions planned and done per week</title>');
    expect(html).toContain('Goblet squat: load over time (kg)</title>');
    expect(html).toMatch(/<desc[^>]*>Over 12 weeks: 24 sessions planned, 24 done or partly done\./);
    expect(html).toMatch(
      /<desc[^>]*>3 sessions logged with a weight: 16 kg on Tue 2 Mar, 24 kg on Tue 18 May; heaviest 24 kg\./,
    );
    // One band per run of a phase, named on the band.
    expect(html.match(/class="band band--base"/g)?.length).toBe(1);
    expect(html.match(/class="band band--build"/g)?.length).toBe(1);
  });

  it('keeps every number in a table behind each chart', () => {
    const html = render(view);

    expect(html.match(/<summary>Show as table<\/summary>/g)?.length).toBe(2);
    expect(html).toContain('<caption>Sessions planned and done per week</caption>');
    expect(html.match(/<tr><th scope="row">/g)?.length).toBe(12 + 3);
    expect(html).toContain('<th scope="row">Tue 16 Mar</th><td>20</td><td>3 × 6</td>');
  });

  it('says what to do before anything is logged', () => {
    const empty: HistoryView = {
      ...view,
      weeks: view.weeks.map((w) => ({ ...w, planned: 0, done: 0, partly: 0 })),
      lifts: [],
      logged: 0,
    };
    const html = render(empty);

    expect(html).toContain('Nothing logged yet');
    expect(html).toContain('Log a session from the popup once it has ended');
    expect(html).not.toContain('<svg');
  });

  it('says when no main lift has a weight yet', () => {
    const html = render({ ...view, lifts: [] });
    expect(html).toContain('No main lift');
    expect(html.match(/<svg/g)?.length).toBe(1);
  });

  it('shows the failure with a way to try again', () => {
    const html = renderToStaticMarkup(
      <HistoryPage
        load={{ state: 'failed', message: 'the background is not listening' }}
        onRetry={() => {}}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('the background is not listening');
    expect(html).toContain('Try again');
  });
});

describe('LogSection', () => {
  it('offers export, a labelled import and the way to History', () => {
    const html = renderToStaticMarkup(
      <LogSection send={() => Promise.reject(new Error('not in this test'))} />,
    );
    expect(html).toContain('Export log (JSON)');
    expect(html).toMatch(
      /<label for="([^"]+)">Import a log file<\/label><input id="\1" type="file" accept=".json,application\/json"/,
    );
    expect(html).toContain('href="history.html"');
    expect(html.match(/role="status"/g)?.length).toBe(2);
  });
});
