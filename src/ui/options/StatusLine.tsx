/** A polite live region for the outcome of an action ("Saved.", "Added “Coach”: 12 events read"). */
export interface Status {
  tone: 'busy' | 'ok' | 'error';
  text: string;
}

export function StatusLine({
  status,
  className,
}: {
  status: Status | undefined;
  className?: string;
}) {
  // The region stays in the DOM while empty: screen readers announce changes to a live region
  // only when it already existed.
  return (
    <p
      role="status"
      aria-live="polite"
      className={['status', status ? `status-${status.tone}` : '', className ?? '']
        .join(' ')
        .trim()}
    >
      {status?.text}
    </p>
  );
}
