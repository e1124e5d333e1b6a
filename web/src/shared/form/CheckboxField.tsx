import { FieldMessages } from './FieldMessages.js';
import { describedBy, useFieldError } from './errors.js';

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  className?: string;
}

export function CheckboxField({ id, label, checked, onChange, hint, className }: CheckboxFieldProps) {
  const error = useFieldError(id);
  return (
    <div className={`field checkbox${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        {...describedBy(id, Boolean(hint), error)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
