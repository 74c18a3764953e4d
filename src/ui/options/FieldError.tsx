import { errorIdFor } from './issues';
import type { ShownIssue } from './issues';

/** Finds the issue shown next to the input with a given id. */
export type IssueLookup = (id: string) => ShownIssue | undefined;

/** The message under an input; its id is what the input's `aria-describedby` names. */
export function FieldError({ id, issueFor }: { id: string; issueFor: IssueLookup }) {
  const issue = issueFor(id);
  if (!issue) return null;
  return (
    <p id={errorIdFor(id)} className="field-error">
      {issue.message}
    </p>
  );
}

/** `aria-describedby` and `aria-invalid` for an input: its hints, then its error when it has one. */
export function describedBy(
  id: string,
  issueFor: IssueLookup,
  ...hints: (string | undefined)[]
): { 'aria-describedby'?: string; 'aria-invalid'?: true } {
  const invalid = issueFor(id) !== undefined;
  const ids = [
    ...hints.filter((hint): hint is string => Boolean(hint)),
    ...(invalid ? [errorIdFor(id)] : []),
  ];
  return {
    ...(ids.length ? { 'aria-describedby': ids.join(' ') } : {}),
    ...(invalid ? { 'aria-invalid': true as const } : {}),
  };
}
