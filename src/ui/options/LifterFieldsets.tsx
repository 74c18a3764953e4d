/**
 * The preferences about the runner and their day (SPEC §5): how much lifting they have done,
 * the unit they think in, and the bounds of their day. Presentational, fed by
 * use-preferences-form.ts.
 */
import { DEFAULT_PREFERENCES, LIFTING_EXPERIENCE, WEIGHT_UNITS } from '../../core/prefs';
import { DescribedRadios } from './DescribedRadios';
import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';
import type { PreferencesForm as FormState } from './form-state';
import { FIELD_IDS } from './issues';
import { EXPERIENCE_TEXT, WEIGHT_UNIT_TEXT } from './prefs-text';

interface FieldsetProps {
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  issueFor: IssueLookup;
}

/** Earliest start and latest finish of any session, and back-to-back after a late hard run. */
export function DayBoundsFields({ form, update, issueFor }: FieldsetProps) {
  const clocks = [
    {
      key: 'earliestStart',
      label: 'Earliest start',
      hint: `No session starts before this. Leave empty for ${DEFAULT_PREFERENCES.earliestStart}.`,
    },
    {
      key: 'latestEnd',
      label: 'Latest finish',
      hint: `Every session is over by this, whatever your windows allow. Leave empty for ${DEFAULT_PREFERENCES.latestEnd}.`,
    },
  ] as const;
  return (
    <div className="day-bounds">
      <div className="grid-2">
        {clocks.map(({ key, label, hint }) => (
          <div className="field" key={key}>
            <label htmlFor={FIELD_IDS[key]}>{label}</label>
            <input
              id={FIELD_IDS[key]}
              type="time"
              step={300}
              value={form[key] === '24:00' ? '23:59' : form[key]}
              onChange={(event) => update({ [key]: event.target.value })}
              {...describedBy(FIELD_IDS[key], issueFor, `${FIELD_IDS[key]}-hint`)}
            />
            <p id={`${FIELD_IDS[key]}-hint`} className="hint">
              {hint}
            </p>
            <FieldError id={FIELD_IDS[key]} issueFor={issueFor} />
          </div>
        ))}
      </div>
      <label className="choice described">
        <input
          id={FIELD_IDS.allowBackToBack}
          type="checkbox"
          checked={form.allowBackToBack}
          onChange={(event) => update({ allowBackToBack: event.target.checked })}
          aria-describedby="back-to-back-hint"
        />
        <span>
          <span className="choice-label">Lift right after a late hard run</span>
          <span id="back-to-back-hint" className="choice-text">
            When the rest after an evening track or tempo session would run past your latest finish:
            run first, then lift straight away rather than skip the day.
          </span>
        </span>
      </label>
    </div>
  );
}

/** Lifting experience and the unit weights are shown and typed in. */
export function LifterFieldset({ form, update, issueFor }: FieldsetProps) {
  return (
    <fieldset className="group">
      <legend>
        <h3>You</h3>
      </legend>
      <fieldset
        id={FIELD_IDS.liftingExperience}
        tabIndex={-1}
        className="choices"
        {...describedBy(FIELD_IDS.liftingExperience, issueFor)}
      >
        <legend className="sub-legend">Lifting experience</legend>
        <DescribedRadios
          name="liftingExperience"
          options={LIFTING_EXPERIENCE}
          text={EXPERIENCE_TEXT}
          value={form.liftingExperience}
          onChange={(liftingExperience) => update({ liftingExperience })}
        />
        <FieldError id={FIELD_IDS.liftingExperience} issueFor={issueFor} />
      </fieldset>
      <fieldset
        id={FIELD_IDS.weightUnit}
        tabIndex={-1}
        className="choices inline"
        {...describedBy(FIELD_IDS.weightUnit, issueFor, 'weight-unit-hint')}
      >
        <legend className="sub-legend">Weights in</legend>
        {WEIGHT_UNITS.map((unit) => (
          <label key={unit} className="choice">
            <input
              type="radio"
              name="weightUnit"
              value={unit}
              checked={form.weightUnit === unit}
              onChange={() => update({ weightUnit: unit })}
            />
            {WEIGHT_UNIT_TEXT[unit]}
          </label>
        ))}
        <p id="weight-unit-hint" className="hint">
          What you see and type; targets are rounded to 2.5 kg or 5 lb.
        </p>
        <FieldError id={FIELD_IDS.weightUnit} issueFor={issueFor} />
      </fieldset>
    </fieldset>
  );
}
