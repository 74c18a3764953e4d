/**
 * The preferences form's choice groups (equipment, which days, phase) and its summary of
 * problems: presentational, fed by use-preferences-form.ts.
 */
import type { MouseEvent, RefObject } from 'react';
import { EQUIPMENT, PHASE_SETTINGS, POLICIES } from '../../core/prefs';
import { DescribedRadios } from './DescribedRadios';
import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';
import { normaliseEquipment } from './form-state';
import type { PreferencesForm as FormState } from './form-state';
import { FIELD_IDS } from './issues';
import type { ShownIssue } from './issues';
import { EQUIPMENT_LABELS, PHASE_TEXT, POLICY_TEXT } from './prefs-text';

interface FieldsetProps {
  form: FormState;
  update: (patch: Partial<FormState>) => void;
  issueFor: IssueLookup;
}

/** What the runner can lift with; bodyweight is always there. */
export function EquipmentFieldset({ form, update, issueFor }: FieldsetProps) {
  return (
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
  );
}

/** Which days to lift: hard days hard, or easy days. */
export function PolicyFieldset({ form, update, issueFor }: FieldsetProps) {
  return (
    <fieldset
      id={FIELD_IDS.policy}
      tabIndex={-1}
      className="group choices"
      {...describedBy(FIELD_IDS.policy, issueFor)}
    >
      <legend>
        <h3>Which days to lift</h3>
      </legend>
      <DescribedRadios
        name="policy"
        options={POLICIES}
        text={POLICY_TEXT}
        value={form.policy}
        onChange={(policy) => update({ policy })}
      />
      <FieldError id={FIELD_IDS.policy} issueFor={issueFor} />
    </fieldset>
  );
}

/** The training phase: automatic from the next A race, or the coach's. */
export function PhaseFieldset({ form, update, issueFor }: FieldsetProps) {
  return (
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
        <DescribedRadios
          name="phase"
          options={PHASE_SETTINGS}
          text={PHASE_TEXT}
          value={form.phase}
          onChange={(phase) => update({ phase })}
        />
      </div>
      <FieldError id={FIELD_IDS.phase} issueFor={issueFor} />
    </fieldset>
  );
}

/** Every problem, each a link to its field; focused when Save finds any. */
export function ErrorSummary({
  shown,
  summaryRef,
  jumpTo,
}: {
  shown: ShownIssue[];
  summaryRef: RefObject<HTMLDivElement | null>;
  jumpTo: (event: MouseEvent<HTMLAnchorElement>, id: string) => void;
}) {
  if (shown.length === 0) return null;
  return (
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
  );
}
