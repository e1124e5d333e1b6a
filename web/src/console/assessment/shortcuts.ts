import type { AgeGroup, ImageryClass, LegalStatus } from '../queue/vocabulary.js';

/**
 * The assessment form's single keys, active while the focus is not in a text field: an
 * analyst who assesses hundreds of reports a day sets the whole form without the mouse.
 * Digits by their physical key (`Digit1`), so that they work without Shift on AZERTY too;
 * letters by the character typed.
 */
export const legalStatusKeys: Record<LegalStatus, string> = { baseline: '1', national: '2', not_illegal: '3' };
export const ageGroupKeys: Record<AgeGroup | '', string> = { infant_toddler: '4', prepubescent: '5', pubescent: '6', '': '7' };
export const imageryClassKeys: Record<ImageryClass | '', string> = { A1: 'a', A2: 'A', B1: 'b', B2: 'B', '': '0' };

export type AssessmentKey =
  | { field: 'legalStatus'; value: LegalStatus }
  | { field: 'ageGroup'; value: AgeGroup | '' }
  | { field: 'imageryClass'; value: ImageryClass | '' }
  | { focus: 'category' | 'note' }
  | { help: true }
  | { submit: true };

/** What a key handler needs of a keyboard event (React's or the DOM's). */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>;

const digitOf = (event: KeyPress) => /^(?:Digit|Numpad)(\d)$/.exec(event.code)?.[1] ?? null;

function find<T extends string>(keys: Record<T, string>, key: string): T | undefined {
  return (Object.keys(keys) as T[]).find((value) => keys[value] === key);
}

/** True when a key typed there is text: the shortcuts then leave it alone (but Ctrl+Enter). */
export function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
}

/** What a key pressed in the assessment form means, or null. */
export function assessmentKeyOf(event: KeyPress): AssessmentKey | null {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return { submit: true };
  if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return null;
  if (event.key === '?') return { help: true };
  const digit = digitOf(event);
  if (digit !== null && !event.shiftKey) {
    const legal = find(legalStatusKeys, digit);
    if (legal) return { field: 'legalStatus', value: legal };
    const age = find(ageGroupKeys, digit);
    if (age !== undefined) return { field: 'ageGroup', value: age };
    const imagery = find(imageryClassKeys, digit);
    if (imagery !== undefined) return { field: 'imageryClass', value: imagery };
    return null;
  }
  const imagery = find(imageryClassKeys, event.key);
  if (imagery !== undefined) return { field: 'imageryClass', value: imagery };
  if (event.key === 'c') return { focus: 'category' };
  if (event.key === 'n') return { focus: 'note' };
  return null;
}
