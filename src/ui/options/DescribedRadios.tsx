/**
 * Radio buttons that each carry a short label and a sentence saying what choosing it means: the
 * shape of every "pick one, and here is why" choice in the preferences form.
 */

interface DescribedRadiosProps<T extends string> {
  name: string;
  options: readonly T[];
  text: Readonly<Record<T, { label: string; explanation: string }>>;
  value: T;
  onChange: (value: T) => void;
}

export function DescribedRadios<T extends string>({
  name,
  options,
  text,
  value,
  onChange,
}: DescribedRadiosProps<T>) {
  return options.map((option) => (
    <label key={option} className="choice described">
      <input
        type="radio"
        name={name}
        value={option}
        checked={value === option}
        onChange={() => onChange(option)}
      />
      <span>
        <span className="choice-label">{text[option].label}</span>
        <span className="choice-text">{text[option].explanation}</span>
      </span>
    </label>
  ));
}
