import type { KeyboardEvent } from 'react';

/** Alt+Shift+letter → the list whose "add" button it presses (the button carries `data-add`). */
export const addShortcuts: Record<string, string> = { U: 'url', I: 'identifier', C: 'child', P: 'place' };

/**
 * The form's keys: Ctrl+Enter (or ⌘+Enter) sends from anywhere in the form, Alt+Shift+U/I/C/P
 * adds a web address, an identifier, a child or a place and puts the cursor in it.
 */
export function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
  const form = event.currentTarget;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
    return;
  }
  if (event.altKey && event.shiftKey && !event.ctrlKey) {
    const list = addShortcuts[event.code.replace(/^Key/, '')];
    if (!list) return;
    event.preventDefault();
    form.querySelector<HTMLButtonElement>(`[data-add="${list}"]`)?.click();
  }
}
