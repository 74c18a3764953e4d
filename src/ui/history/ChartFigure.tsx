import { useId } from 'react';
import type { ReactNode } from 'react';

export interface ChartFigureProps {
  /** The chart's name, read first by a screen reader. */
  title: string;
  /** What the chart shows, in a sentence or two: its text alternative. */
  summary: string;
  width: number;
  height: number;
  /** The same data as a table, behind "Show as table". */
  table: ReactNode;
  /** Shown under the chart (a legend). */
  caption?: ReactNode;
  /** The SVG's drawing. */
  children: ReactNode;
}

/**
 * A hand-drawn SVG chart as one accessible figure: an image named by its title and described by
 * its summary, an optional legend, and its data as a table one click away.
 */
export function ChartFigure({
  title,
  summary,
  width,
  height,
  table,
  caption,
  children,
}: ChartFigureProps) {
  const id = useId();
  return (
    <figure className="chart">
      <svg
        className="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
      {caption}
      <details className="chart-table">
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}
