import { useFieldError } from '../../shared/form/errors.js';
import { FieldMessages } from '../../shared/form/FieldMessages.js';

export interface KeyedOption {
  value: string;
  label: string;
  key: string;
}

/** A radio group whose every choice shows the key that picks it (hidden from screen readers: the help dialog lists the keys). */
export function KeyedRadios({
  id,
  legend,
  value,
  options,
  onChange,
}: {
  id: string;
  legend: string;
  value: string;
  options: readonly KeyedOption[];
  onChange(value: string): void;
}) {
  const error = useFieldError(id);
  return (
    <fieldset id={id} className={`field radios keyed${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldMessages id={id} error={error} />
      {options.map((option) => (
        <div className="radio" key={option.value || 'none'}>
          <input
            id={`${id}-${option.value || 'none'}`}
            type="radio"
            name={id}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value || 'none'}`}>
            {option.label}{' '}
            <kbd aria-hidden="true" className="key-hint">
              {option.key}
            </kbd>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
