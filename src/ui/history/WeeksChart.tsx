import { ChartFigure } from './ChartFigure';
import { plural } from '../../core/plural';
import type { HistoryWeek } from '../../extension/log/history-view';

export interface WeeksChartProps {
  weeks: readonly HistoryWeek[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 30, right: 12, bottom: 34, left: 34 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** Runs of consecutive weeks in the same phase: one coloured band each. */
function phaseRuns(weeks: readonly HistoryWeek[]) {
  const runs: { phase: HistoryWeek['phase']; label: string; from: number; to: number }[] = [];
  weeks.forEach((week, i) => {
    const last = runs.at(-1);
    if (last && last.phase === week.phase) last.to = i;
    else runs.push({ phase: week.phase, label: week.phaseLabel, from: i, to: i });
  });
  return runs;
}

function weekWords(week: HistoryWeek): string {
  const parts = [`${week.done} done`];
  if (week.partly > 0) parts.push(`${week.partly} partly`);
  if (week.skipped > 0) parts.push(`${week.skipped} skipped`);
  return `week of ${week.label} (${week.phaseLabel}${week.current ? ', this week' : ''}): ${plural(week.planned, 'session')} planned, ${parts.join(', ')}`;
}

/**
 * Sessions planned and done per week over coloured phase bands: a hand-drawn SVG (no chart
 * library: a few rectangles), read to a screen reader as its title and a one-line description,
 * with every number in the table behind it.
 */
export function WeeksChart({ weeks }: WeeksChartProps) {
  const top = Math.max(2, ...weeks.map((w) => Math.max(w.planned, w.done + w.partly)));
  const column = PLOT_W / Math.max(1, weeks.length);
  const bar = Math.min(16, column / 3);
  const y = (n: number) => PAD.top + PLOT_H - (n / top) * PLOT_H;
  const ticks = Array.from({ length: top + 1 }, (_, i) => i).filter((n) => top <= 6 || n % 2 === 0);
  const planned = weeks.reduce((sum, w) => sum + w.planned, 0);
  const done = weeks.reduce((sum, w) => sum + w.done + w.partly, 0);
  const summary = `Over ${plural(weeks.length, 'week')}: ${plural(planned, 'session')} planned, ${done} done or partly done. ${weeks.map(weekWords).join('; ')}.`;

  return (
    <ChartFigure
      title="Sessions planned and done per week"
      summary={summary}
      width={WIDTH}
      height={HEIGHT}
      caption={
        <figcaption className="chart-legend">
          <span className="key key--planned" aria-hidden="true" /> Planned
          <span className="key key--done" aria-hidden="true" /> Done
          <span className="key key--partly" aria-hidden="true" /> Partly
          <span className="legend-note">Bands: training phase</span>
        </figcaption>
      }
      table={
        <table>
          <caption>Sessions planned and done per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Phase</th>
              <th scope="col">Planned</th>
              <th scope="col">Done</th>
              <th scope="col">Partly</th>
              <th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.start}>
                <th scope="row">
                  {week.label}
                  {week.current ? ' (this week)' : ''}
                </th>
                <td>{week.phaseLabel}</td>
                <td>{week.planned}</td>
                <td>{week.done}</td>
                <td>{week.partly}</td>
                <td>{week.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {phaseRuns(weeks).map((run) => (
        <g key={`${run.phase}-${run.from}`} className={`band band--${run.phase}`}>
          <rect
            x={PAD.left + run.from * column}
            y={PAD.top - 22}
            width={(run.to - run.from + 1) * column}
            height={PLOT_H + 22}
          />
          <text x={PAD.left + run.from * column + 4} y={PAD.top - 8} className="band-label">
            {run.label}
          </text>
        </g>
      ))}
      {ticks.map((n) => (
        <g key={n} className="axis">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(n)} y2={y(n)} />
          <text x={PAD.left - 6} y={y(n) + 4} textAnchor="end">
            {n}
          </text>
        </g>
      ))}
      {weeks.map((week, i) => {
        const x = PAD.left + i * column + column / 2;
        return (
          <g key={week.start} className={week.current ? 'week week--current' : 'week'}>
            <rect
              className="bar bar--planned"
              x={x - bar - 1}
              y={y(week.planned)}
              width={bar}
              height={y(0) - y(week.planned)}
            />
            <rect
              className="bar bar--done"
              x={x + 1}
              y={y(week.done)}
              width={bar}
              height={y(0) - y(week.done)}
            />
            <rect
              className="bar bar--partly"
              x={x + 1}
              y={y(week.done + week.partly)}
              width={bar}
              height={y(week.done) - y(week.done + week.partly)}
            />
            {/* Every other week, counted back from this one, so this week is always named. */}
            {((weeks.length - 1 - i) % 2 === 0 || weeks.length <= 6) && (
              <text className="tick-label" x={x} y={HEIGHT - PAD.bottom + 16} textAnchor="middle">
                {week.label}
              </text>
            )}
          </g>
        );
      })}
    </ChartFigure>
  );
}
