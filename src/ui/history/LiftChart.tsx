import { ChartFigure } from './ChartFigure';
import type { LiftSeries } from '../../extension/log/history-view';

export interface LiftChartProps {
  lift: LiftSeries;
  unit: 'kg' | 'lb';
  /** The first day shown and the day after the last, YYYY-MM-DD: the x axis. */
  from: string;
  to: string;
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 28, right: 16, bottom: 30, left: 48 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Round-number steps for the weight axis: 2.5, 5, 10, 20… of the runner's unit. */
function niceStep(span: number): number {
  for (const step of [2.5, 5, 10, 20, 25, 50, 100]) if (span / step <= 5) return step;
  return 200;
}

/**
 * One main lift's heaviest set per session over the 12 weeks, as a hand-drawn SVG line with its
 * points, its description saying first, last and best, and the table of every session behind it.
 */
export function LiftChart({ lift, unit, from, to }: LiftChartProps) {
  const weights = lift.points.map((p) => p.weight);
  const step = niceStep(Math.max(...weights) - Math.min(...weights));
  const low = Math.max(0, Math.floor(Math.min(...weights) / step) * step - step);
  const high = Math.ceil(Math.max(...weights) / step) * step + step;
  const start = dayNumber(from);
  const days = Math.max(1, dayNumber(to) - start);
  const x = (date: string) => PAD.left + ((dayNumber(date) - start + 0.5) / days) * PLOT_W;
  const y = (w: number) => PAD.top + PLOT_H - ((w - low) / (high - low)) * PLOT_H;
  const ticks: number[] = [];
  for (let w = low; w <= high + 1e-9; w += step) ticks.push(Math.round(w * 10) / 10);
  const first = lift.points[0];
  const last = lift.points.at(-1);
  const best = Math.max(...weights);
  const path = lift.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date)},${y(p.weight)}`);
  const summary =
    first && last
      ? `${lift.points.length} sessions logged with a weight: ${first.weight} ${unit} on ${first.label}, ${last.weight} ${unit} on ${last.label}; heaviest ${best} ${unit}.`
      : 'Nothing logged.';

  return (
    <ChartFigure
      title={`${lift.name}: load over time (${unit})`}
      summary={summary}
      width={WIDTH}
      height={HEIGHT}
      table={
        <table>
          <caption>{lift.name}: heaviest set of each session</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Heaviest set ({unit})</th>
              <th scope="col">Sets × reps</th>
            </tr>
          </thead>
          <tbody>
            {lift.points.map((p, i) => (
              <tr key={`${p.date}-${i}`}>
                <th scope="row">{p.label}</th>
                <td>{p.weight}</td>
                <td>{p.sets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {ticks.map((w) => (
        <g key={w} className="axis">
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(w)} y2={y(w)} />
          <text x={PAD.left - 6} y={y(w) + 4} textAnchor="end">
            {w}
          </text>
        </g>
      ))}
      <text className="axis-unit" x={PAD.left - 6} y={12} textAnchor="end">
        {unit}
      </text>
      <path className="lift-line" d={path.join(' ')} />
      {lift.points.map((p, i) => (
        <g key={`${p.date}-${i}`}>
          <circle className="lift-point" cx={x(p.date)} cy={y(p.weight)} r={4} />
          {(lift.points.length <= 8 || p === last || p === first) && (
            <text
              className="point-label"
              x={x(p.date)}
              y={HEIGHT - PAD.bottom + 16}
              textAnchor="middle"
            >
              {p.label}
            </text>
          )}
        </g>
      ))}
    </ChartFigure>
  );
}
