/**
 * The preferences form's state: the fields as typed, what was last saved, the problems to show
 * (the schema's, then the background's), Save and Undo, and a warning before leaving unsaved.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, MouseEvent, RefObject } from 'react';
import { flushSync } from 'react-dom';
import { defaultWeightUnitFor, preferencesSchema } from '../../core/prefs';
import type { PreferencesInput, WeightUnit } from '../../core/prefs';
import type { SavePrefsResult } from '../../extension/protocol';
import type { IssueLookup } from './FieldError';
import { formToPreferences, preferencesToForm, sameForm } from './form-state';
import type { PreferencesForm as FormState } from './form-state';
import { describeIssues, toFieldIssues } from './issues';
import type { FieldIssue, ShownIssue } from './issues';
import { errorText } from './services';
import type { Status } from './StatusLine';
import { supportedTimeZones } from './time-zones';

export interface PreferencesFormOptions {
  /** The stored preferences the form starts from. */
  initial: PreferencesInput;
  /** The unit shown when the runner chose none: pounds for an en-US browser (SPEC §5). */
  defaultWeightUnit?: WeightUnit;
  /** Why saving is not possible right now (the stored preferences could not be read). */
  saveBlocked?: string;
  onSave: (prefs: PreferencesInput) => Promise<SavePrefsResult>;
}

export interface PreferencesFormState {
  form: FormState;
  dirty: boolean;
  saving: boolean;
  status: Status | undefined;
  /** Every problem, in the order of the fields. */
  shown: ShownIssue[];
  issueFor: IssueLookup;
  timeZones: string[];
  summaryRef: RefObject<HTMLDivElement | null>;
  update: (patch: Partial<FormState>) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Back to what was last saved. */
  undo: () => void;
  /** Follows a link of the problem summary to its field. */
  jumpTo: (event: MouseEvent<HTMLAnchorElement>, id: string) => void;
}

export function usePreferencesForm({
  initial,
  defaultWeightUnit = defaultWeightUnitFor(globalThis.navigator?.language),
  saveBlocked,
  onSave,
}: PreferencesFormOptions): PreferencesFormState {
  const [form, setForm] = useState<FormState>(() => preferencesToForm(initial, defaultWeightUnit));
  const [savedForm, setSavedForm] = useState<FormState>(form);
  const [base, setBase] = useState<PreferencesInput>(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<Status>();
  const [timeZones] = useState(supportedTimeZones);
  const summaryRef = useRef<HTMLDivElement>(null);

  const dirty = !sameForm(form, savedForm);
  const saving = status?.tone === 'busy';
  const prefs = formToPreferences(form, base, defaultWeightUnit);
  const check = preferencesSchema.safeParse(prefs);
  const clientIssues = attempted && !check.success ? toFieldIssues(check.error.issues) : [];
  const shown = describeIssues([...clientIssues, ...serverIssues]);
  const byId = new Map<string, ShownIssue>();
  for (const issue of shown) if (issue.id) byId.set(issue.id, issue);
  const issueFor: IssueLookup = (id) => byId.get(id);

  useEffect(() => {
    if (!dirty) return undefined;
    // Closing the tab with unsaved changes asks first (the browser shows its own wording).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function update(patch: Partial<FormState>) {
    setForm((current) => ({ ...current, ...patch }));
    setServerIssues([]);
    setStatus(undefined);
  }

  function showSummary(apply: () => void) {
    flushSync(apply);
    summaryRef.current?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || saveBlocked) return;
    if (!check.success) {
      showSummary(() => {
        setAttempted(true);
        setStatus(undefined);
      });
      return;
    }
    const submitted = form;
    setStatus({ tone: 'busy', text: 'Saving…' });
    try {
      const result = await onSave(prefs);
      if (result.ok) {
        setSavedForm(submitted);
        setBase(prefs);
        setAttempted(false);
        setServerIssues([]);
        setStatus({ tone: 'ok', text: 'Saved. The next plan uses these preferences.' });
        return;
      }
      showSummary(() => {
        setAttempted(true);
        setServerIssues(result.issues);
        setStatus({ tone: 'error', text: 'Not saved: see the problems above.' });
      });
    } catch (error) {
      setStatus({ tone: 'error', text: `Could not save: ${errorText(error)}` });
    }
  }

  function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }

  return {
    form,
    dirty,
    saving,
    status,
    shown,
    issueFor,
    timeZones,
    summaryRef,
    update,
    onSubmit: (event) => void onSubmit(event),
    undo: () => {
      setForm(savedForm);
      setAttempted(false);
      setServerIssues([]);
      setStatus(undefined);
    },
    jumpTo,
  };
}
