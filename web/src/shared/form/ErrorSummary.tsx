import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FieldErrors } from './errors.js';

interface Entry {
  id: string;
  label: string;
  message: string;
}

/** The label a person sees for an input or a group, read from the page itself. */
function labelOf(id: string): string | undefined {
  const element = document.getElementById(id);
  if (!element) return undefined;
  if (element instanceof HTMLFieldSetElement) return element.querySelector('legend')?.textContent ?? undefined;
  const label = (element as HTMLInputElement).labels?.[0]?.textContent ?? undefined;
  // In a repeated group (Account 2), say which one: "Account 2: Phone number".
  const group = element.closest('fieldset.item')?.querySelector('legend')?.textContent;
  return label && group ? `${group}: ${label}` : label;
}

function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, select, textarea, button') : element;
  target?.focus();
  element?.scrollIntoView({ block: 'center' });
}

/**
 * The list of what to correct, at the top of the form, focused when it appears (WCAG 3.3.1):
 * each entry links to its input. Errors without an input on this page are listed as text.
 */
export function ErrorSummary({ title, errors, general }: { title: string; errors: FieldErrors; general: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [orphans, setOrphans] = useState<string[]>([]);
  useLayoutEffect(() => {
    const found: Entry[] = [];
    const missing: string[] = [];
    for (const [id, message] of errors) {
      const label = labelOf(id);
      if (label === undefined) missing.push(message);
      else found.push({ id, label, message });
    }
    // Reading the labels from the page is reading the DOM, which only an effect may do.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEntries(found);
    setOrphans(missing);
  }, [errors]);
  const count = entries.length + orphans.length + general.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors, general]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {general.map((message) => (
          <li key={`general-${message}`}>{message}</li>
        ))}
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(entry.id);
              }}
            >
              {entry.label}
            </a>
            {' — '}
            {entry.message}
          </li>
        ))}
        {orphans.map((message) => (
          <li key={`orphan-${message}`}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
