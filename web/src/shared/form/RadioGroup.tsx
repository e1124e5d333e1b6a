import { FieldMessages } from './FieldMessages.js';
import type { Option } from './SelectField.js';
import { useFieldError } from './errors.js';

export interface RadioGroupProps {
  id: string;
  legend: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  hint?: string;
  autoFocus?: boolean;
}

/** A set of exclusive choices; the arrow keys move between them, Tab leaves the group. */
export function RadioGroup({ id, legend, value, options, onChange, hint, autoFocus }: RadioGroupProps) {
  const error = useFieldError(id);
  return (
    <fieldset id={id} className={`field radios${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {options.map((option, index) => (
        <div className="radio" key={option.value}>
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            autoFocus={autoFocus && (value === option.value || (value === '' && index === 0))}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
