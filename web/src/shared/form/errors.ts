import { createContext, useContext } from 'react';

/** The errors shown next to the inputs: input id → message (already in the page's language). */
export type FieldErrors = ReadonlyMap<string, string>;

export const FieldErrorsContext = createContext<FieldErrors>(new Map());

export function useFieldError(id: string): string | undefined {
  return useContext(FieldErrorsContext).get(id);
}

/** The attributes that tie an input to its hint and its error, for assistive technologies. */
export function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}
