import type { SourceStatusView } from '../../extension/view';

export interface SourceErrorsProps {
  sources: SourceStatusView[];
}

/** Calendars that could not be read at the last sync: one quiet line that opens to the details. */
export function SourceErrors({ sources }: SourceErrorsProps) {
  if (sources.length === 0) return null;
  return (
    <details className="source-errors">
      <summary>
        <span aria-hidden="true">⚠ </span>
        {sources.length === 1
          ? `Couldn't read “${sources[0]?.name ?? 'a calendar'}”`
          : `Couldn't read ${sources.length} calendars`}
        {' — showing what was read before'}
      </summary>
      <ul>
        {sources.map((source) => (
          <li key={source.id}>
            <strong>{source.name}</strong>: {source.error ?? 'could not be read'}
          </li>
        ))}
      </ul>
    </details>
  );
}
