import { FieldMessages } from './FieldMessages.js';
import { describedBy, useFieldError } from './errors.js';

export interface Option {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  /** The label of the empty choice; without it, one of the options must be chosen. */
  placeholder?: string;
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
}

export function SelectField({ id, label, value, options, onChange, placeholder, hint, required, autoFocus }: SelectFieldProps) {
  const error = useFieldError(id);
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        value={value}
        required={required}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        {...describedBy(id, Boolean(hint), error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
