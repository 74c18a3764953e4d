import { describedBy, FieldError } from './FieldError';
import type { IssueLookup } from './FieldError';

export interface NumberFieldProps {
  id: string;
  label: string;
  unit: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step?: number;
  hint: string;
  issueFor: IssueLookup;
}

/** A labelled number input with its unit, a hint, and its validation message. */
export function NumberField({
  id,
  label,
  unit,
  value,
  onChange,
  min,
  max,
  step = 1,
  hint,
  issueFor,
}: NumberFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field number-field">
      <label htmlFor={id}>{label}</label>
      <div className="with-unit">
        <input
          id={id}
          type="number"
          inputMode={step < 1 ? 'decimal' : 'numeric'}
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...describedBy(id, issueFor, hintId)}
        />
        <span className="unit" aria-hidden="true">
          {unit}
        </span>
      </div>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <FieldError id={id} issueFor={issueFor} />
    </div>
  );
}
