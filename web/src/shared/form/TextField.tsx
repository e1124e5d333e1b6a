import type { HTMLInputAutoCompleteAttribute, HTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages.js';
import { describedBy, useFieldError } from './errors.js';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'date' | 'datetime-local' | 'password';
  multiline?: boolean;
  required?: boolean;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  min?: number;
  max?: number;
  maxLength?: number;
  autoFocus?: boolean;
  className?: string;
}

/** A labelled input or text area, with its hint and the error the server gave for it. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, hint, type = 'text', multiline, required, className } = props;
  const error = useFieldError(id);
  const common = {
    id,
    name: id,
    value,
    required,
    autoFocus: props.autoFocus,
    maxLength: props.maxLength,
    ...describedBy(id, Boolean(hint), error),
  };
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      {multiline ? (
        <textarea {...common} rows={6} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          min={props.min}
          max={props.max}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
