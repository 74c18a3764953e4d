import { DEFAULT_PREFERENCES } from '../../core/prefs';
import type { PreferencesInput } from '../../core/prefs';
import { WEEKDAY_NAMES } from '../../core/time';
import type { SavePrefsResult } from '../../extension/protocol';
import { AvailabilityEditor } from './AvailabilityEditor';
import { describedBy, FieldError } from './FieldError';
import { FIELD_IDS } from './issues';
import { NumberField } from './NumberField';
import { RacesEditor } from './RacesEditor';
import { StatusLine } from './StatusLine';
import { DayBoundsFields, LifterFieldset } from './LifterFieldsets';
import { groupTimeZones } from './time-zones';
import { usePreferencesForm } from './use-preferences-form';
import {
  EquipmentFieldset,
  ErrorSummary,
  PhaseFieldset,
  PolicyFieldset,
} from './PreferenceFieldsets';

export interface PreferencesFormProps {
  /** The stored preferences the form starts from. */
  initial: PreferencesInput;
  /** The zone used when the runner picks none. */
  browserTimeZone: string;
  /** Why saving is not possible right now (the stored preferences could not be read). */
  saveBlocked?: string;
  onSave: (prefs: PreferencesInput) => Promise<SavePrefsResult>;
}

/** Every preference of SPEC §5, validated with the schema the background uses (state: use-preferences-form.ts). */
export function PreferencesForm({
  initial,
  browserTimeZone,
  saveBlocked,
  onSave,
}: PreferencesFormProps) {
  const { form, dirty, saving, status, shown, issueFor, timeZones, summaryRef, ...act } =
    usePreferencesForm({ initial, saveBlocked, onSave });
  const { update, onSubmit, undo, jumpTo } = act;
  const weekStart = Number(form.weekStartsOn);
  const weekStartChoices = [...new Set([1, 0, weekStart])].filter(
    (day) => Number.isInteger(day) && day >= 0 && day <= 6,
  );
  const zoneGroups = groupTimeZones(timeZones, form.timezone || undefined);

  return (
    <form className="prefs" onSubmit={onSubmit} noValidate>
      <ErrorSummary shown={shown} summaryRef={summaryRef} jumpTo={jumpTo} />

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
        <DayBoundsFields form={form} update={update} issueFor={issueFor} />
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

      <LifterFieldset form={form} update={update} issueFor={issueFor} />
      <EquipmentFieldset form={form} update={update} issueFor={issueFor} />
      <PolicyFieldset form={form} update={update} issueFor={issueFor} />
      <PhaseFieldset form={form} update={update} issueFor={issueFor} />

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
          <button type="button" className="quiet" disabled={saving} onClick={undo}>
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
