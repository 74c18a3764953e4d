import type { SourceRole } from '../../extension/storage';
import { ROLE_OPTIONS, roleExplanation } from './source-text';

export interface RoleSelectProps {
  id: string;
  label: string;
  value: SourceRole;
  onChange: (role: SourceRole) => void;
  disabled?: boolean;
}

/** "Training plan" / "Busy only", with the line that says what the choice does. */
export function RoleSelect({ id, label, value, onChange, disabled }: RoleSelectProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field role-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value === 'busy' ? 'busy' : 'training')}
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={hintId} className="hint">
        {roleExplanation(value)}
      </p>
    </div>
  );
}
