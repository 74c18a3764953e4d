import { useEffect, useRef, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import {
  DEFAULT_PREFERENCES,
  EQUIPMENT,
  PHASE_SETTINGS,
  POLICIES,
  preferencesSchema,
} from '../../core/prefs';
import type { Equipment, PhaseSetting, Policy, PreferencesInput } from '../../core/prefs';
import { WEEKDAY_NAMES } from '../../core/time';
import type { SavePrefsResult } from '../../extension/protocol';
import { AvailabilityEditor } from './AvailabilityEditor';
import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';
import { formToPreferences, normaliseEquipment, preferencesToForm, sameForm } from './form-state';
import type { PreferencesForm as FormState } from './form-state';
import { describeIssues, FIELD_IDS, toFieldIssues } from './issues';
import type { FieldIssue, ShownIssue } from './issues';
import { NumberField } from './NumberField';
import { RacesEditor } from './RacesEditor';
import { errorText } from './services';
import { StatusLine } from './StatusLine';
import type { Status } from './StatusLine';
import { groupTimeZones, supportedTimeZones } from './time-zones';

const EQUIPMENT_LABELS: Record<Equipment, string> = {
  bodyweight: 'Bodyweight (always)',
  bands: 'Resistance bands',
  dumbbells: 'Dumbbells',
  kettlebell: 'Kettlebell',
  barbell: 'Barbell and plates',
  box: 'Plyo box or sturdy step',
  gym: 'A gym (machines, cables, bench)',
};

const POLICY_TEXT: Record<Policy, { label: string; explanation: string }> = {
  'hard-days-hard': {
    label: 'Hard days hard',
    explanation:
      'Lift on hard-run days, hours after the run, so easy days stay easy. The usual advice.',
  },
  'easy-days': {
    label: 'Easy days',
    explanation: 'Lift after easy runs or on rest days, and keep hard-run days for running only.',
  },
};

const PHASE_TEXT: Record<PhaseSetting, { label: string; explanation: string }> = {
  auto: { label: 'Automatic', explanation: 'Follows the date of your next A race. Recommended.' },
  'off-season': {
    label: 'Off-season',
    explanation: 'Heavier lifting, fewer reps, some jumps; up to 3 a week.',
  },
  base: { label: 'Base', explanation: 'Full-body compound lifts at moderate load; 2 a week.' },
  build: { label: 'Build', explanation: 'Maintenance: fewer sets, same loads; 2 a week.' },
  taper: { label: 'Taper', explanation: 'One light bodyweight session a week.' },
  'race-week': {
    label: 'Race week',
    explanation: 'At most one very light session, early in the week.',
  },
  recovery: { label: 'Recovery', explanation: 'At most one light session, the week after a race.' },
};

export interface PreferencesFormProps {
  /** The stored preferences the form starts from. */
  initial: PreferencesInput;
  /** The zone used when the runner picks none. */
  browserTimeZone: string;
  /** Why saving is not possible right now (the stored preferences could not be read). */
  saveBlocked?: string;
  onSave: (prefs: PreferencesInput) => Promise<SavePrefsResult>;
}

/** Every preference of SPEC §5, validated with the schema the background uses. */
export function PreferencesForm({
  initial,
  browserTimeZone,
  saveBlocked,
  onSave,
}: PreferencesFormProps) {
  const [form, setForm] = useState<FormState>(() => preferencesToForm(initial));
  const [savedForm, setSavedForm] = useState<FormState>(form);
  const [base, setBase] = useState<PreferencesInput>(initial);
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<Status>();
  const [timeZones] = useState(supportedTimeZones);
  const summaryRef = useRef<HTMLDivElement>(null);

  const dirty = !sameForm(form, savedForm);
  const saving = status?.tone === 'busy';
  const prefs = formToPreferences(form, base);
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

  const weekStart = Number(form.weekStartsOn);
  const weekStartChoices = [...new Set([1, 0, weekStart])].filter(
    (day) => Number.isInteger(day) && day >= 0 && day <= 6,
  );
  const zoneGroups = groupTimeZones(timeZones, form.timezone || undefined);

  return (
    <form className="prefs" onSubmit={(event) => void onSubmit(event)} noValidate>
      {shown.length > 0 && (
        <div
          ref={summaryRef}
          className="error-summary"
          tabIndex={-1}
          role="group"
          aria-labelledby="error-summary-title"
        >
          <h3 id="error-summary-title">
            {shown.length === 1
              ? 'One thing to fix before saving'
              : `${shown.length} things to fix before saving`}
          </h3>
          <ul>
            {shown.map((issue) => (
              <li key={`${issue.id ?? issue.label}:${issue.message}`}>
                {issue.id ? (
                  <a href={`#${issue.id}`} onClick={(event) => jumpTo(event, issue.id ?? '')}>
                    {issue.label}: {issue.message}
                  </a>
                ) : (
                  `${issue.label}: ${issue.message}`
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="group">
        <legend>
          <h3>Time zone and week</h3>
        </legend>
        <div className="field">
          <label htmlFor={FIELD_IDS.timezone}>Time zone</label>
          <select
            id={FIELD_IDS.timezone}
            value={form.timezone}
            onChange={(event) => update({ timezone: event.target.value })}
            {...describedBy(FIELD_IDS.timezone, issueFor, 'timezone-hint')}
          >
            <option value="">This browser’s zone ({browserTimeZone})</option>
            {zoneGroups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id="timezone-hint" className="hint">
            Your calendar’s times are read, and sessions placed, in this zone. Following the browser
            suits runners who travel.
          </p>
          <FieldError id={FIELD_IDS.timezone} issueFor={issueFor} />
        </div>
        <fieldset
          id={FIELD_IDS.weekStartsOn}
          tabIndex={-1}
          className="choices inline"
          {...describedBy(FIELD_IDS.weekStartsOn, issueFor)}
        >
          <legend>Week starts on</legend>
          {weekStartChoices.map((day) => (
            <label key={day} className="choice">
              <input
                type="radio"
                name="weekStartsOn"
                value={String(day)}
                checked={form.weekStartsOn === String(day)}
                onChange={() => update({ weekStartsOn: String(day) })}
              />
              {WEEKDAY_NAMES[day]}
            </label>
          ))}
          <FieldError id={FIELD_IDS.weekStartsOn} issueFor={issueFor} />
        </fieldset>
      </fieldset>

      <fieldset className="group" aria-describedby="availability-hint">
        <legend>
          <h3>When you can lift</h3>
        </legend>
        <AvailabilityEditor
          value={form.availability}
          weekStartsOn={Number.isInteger(weekStart) ? weekStart : DEFAULT_PREFERENCES.weekStartsOn}
          onChange={(availability) => update({ availability })}
          issueFor={issueFor}
        />
      </fieldset>

      <fieldset className="group">
        <legend>
          <h3>Sessions</h3>
        </legend>
        <div className="grid-2">
          <NumberField
            id={FIELD_IDS.sessionMinutes}
            label="Session length"
            unit="min"
            min={15}
            max={120}
            step={5}
            value={form.sessionMinutes}
            onChange={(sessionMinutes) => update({ sessionMinutes })}
            hint={`From 15 to 120; each session is built to fit. Leave empty for ${DEFAULT_PREFERENCES.sessionMinutes}.`}
            issueFor={issueFor}
          />
          <NumberField
            id={FIELD_IDS.sessionsPerWeek}
            label="Sessions per week"
            unit="a week"
            min={0}
            max={3}
            value={form.sessionsPerWeek}
            onChange={(sessionsPerWeek) => update({ sessionsPerWeek })}
            hint={`From 0 to 3; the training phase may lower it (one in a taper). Leave empty for ${DEFAULT_PREFERENCES.sessionsPerWeek}.`}
            issueFor={issueFor}
          />
          <NumberField
            id={FIELD_IDS.minGapAfterHardRunHours}
            label="Rest after a hard run"
            unit="hours"
            min={0}
            max={12}
            step={0.5}
            value={form.minGapAfterHardRunHours}
            onChange={(minGapAfterHardRunHours) => update({ minGapAfterHardRunHours })}
            hint={`From 0 to 12: time between a tempo, interval or hill run and lifting that day. Leave empty for ${DEFAULT_PREFERENCES.minGapAfterHardRunHours}.`}
            issueFor={issueFor}
          />
          <NumberField
            id={FIELD_IDS.bufferMinutes}
            label="Buffer around other events"
            unit="min"
            min={0}
            max={180}
            step={5}
            value={form.bufferMinutes}
            onChange={(bufferMinutes) => update({ bufferMinutes })}
            hint={`From 0 to 180: kept free before and after meetings and runs. Leave empty for ${DEFAULT_PREFERENCES.bufferMinutes}.`}
            issueFor={issueFor}
          />
          <div className="field">
            <label htmlFor={FIELD_IDS.defaultRunStart}>Default run start</label>
            <input
              id={FIELD_IDS.defaultRunStart}
              type="time"
              step={300}
              value={form.defaultRunStart === '24:00' ? '23:59' : form.defaultRunStart}
              onChange={(event) => update({ defaultRunStart: event.target.value })}
              {...describedBy(FIELD_IDS.defaultRunStart, issueFor, 'default-run-start-hint')}
            />
            <p id="default-run-start-hint" className="hint">
              When a run in your calendar has no time (an all-day event), it is taken to start then.
              Leave empty for {DEFAULT_PREFERENCES.defaultRunStart}.
            </p>
            <FieldError id={FIELD_IDS.defaultRunStart} issueFor={issueFor} />
          </div>
        </div>
      </fieldset>

      <fieldset
        id={FIELD_IDS.equipment}
        tabIndex={-1}
        className="group"
        {...describedBy(FIELD_IDS.equipment, issueFor, 'equipment-hint')}
      >
        <legend>
          <h3>Equipment</h3>
        </legend>
        <p id="equipment-hint" className="hint">
          What you can use. Exercises are chosen from these; bodyweight work is always possible.
        </p>
        <div className="choices grid-2">
          {EQUIPMENT.map((item) => (
            <label key={item} className="choice">
              <input
                type="checkbox"
                checked={item === 'bodyweight' || form.equipment.includes(item)}
                disabled={item === 'bodyweight'}
                onChange={(event) =>
                  update({
                    equipment: normaliseEquipment(
                      event.target.checked
                        ? [...form.equipment, item]
                        : form.equipment.filter((e) => e !== item),
                    ),
                  })
                }
              />
              {EQUIPMENT_LABELS[item]}
            </label>
          ))}
        </div>
        <FieldError id={FIELD_IDS.equipment} issueFor={issueFor} />
      </fieldset>

      <fieldset
        id={FIELD_IDS.policy}
        tabIndex={-1}
        className="group choices"
        {...describedBy(FIELD_IDS.policy, issueFor)}
      >
        <legend>
          <h3>Which days to lift</h3>
        </legend>
        {POLICIES.map((policy) => (
          <label key={policy} className="choice described">
            <input
              type="radio"
              name="policy"
              value={policy}
              checked={form.policy === policy}
              onChange={() => update({ policy })}
            />
            <span>
              <span className="choice-label">{POLICY_TEXT[policy].label}</span>
              <span className="choice-text">{POLICY_TEXT[policy].explanation}</span>
            </span>
          </label>
        ))}
        <FieldError id={FIELD_IDS.policy} issueFor={issueFor} />
      </fieldset>

      <fieldset
        id={FIELD_IDS.phase}
        tabIndex={-1}
        className="group choices"
        {...describedBy(FIELD_IDS.phase, issueFor, 'phase-hint')}
      >
        <legend>
          <h3>Training phase</h3>
        </legend>
        <p id="phase-hint" className="hint">
          How heavy and how often. Leave it automatic unless your coach says otherwise.
        </p>
        <div className="phase-list">
          {PHASE_SETTINGS.map((phase) => (
            <label key={phase} className="choice described">
              <input
                type="radio"
                name="phase"
                value={phase}
                checked={form.phase === phase}
                onChange={() => update({ phase })}
              />
              <span>
                <span className="choice-label">{PHASE_TEXT[phase].label}</span>
                <span className="choice-text">{PHASE_TEXT[phase].explanation}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={FIELD_IDS.phase} issueFor={issueFor} />
      </fieldset>

      <fieldset className="group">
        <legend>
          <h3>Races</h3>
        </legend>
        <RacesEditor
          races={form.races}
          onChange={(races) => update({ races })}
          issueFor={issueFor}
        />
      </fieldset>

      <div className="save-bar">
        <button
          type="submit"
          className="primary"
          disabled={saving || Boolean(saveBlocked)}
          aria-describedby="save-state"
        >
          {saving ? 'Saving…' : 'Save preferences'}
        </button>
        {dirty && (
          <button
            type="button"
            className="quiet"
            disabled={saving}
            onClick={() => {
              setForm(savedForm);
              setAttempted(false);
              setServerIssues([]);
              setStatus(undefined);
            }}
          >
            Undo changes
          </button>
        )}
        <span
          id="save-state"
          className={saveBlocked ? 'blocked' : dirty ? 'unsaved' : 'visually-hidden'}
        >
          {saveBlocked ?? (dirty ? 'Unsaved changes' : 'No unsaved changes')}
        </span>
        <StatusLine status={status} className="save-status" />
      </div>
    </form>
  );
}
