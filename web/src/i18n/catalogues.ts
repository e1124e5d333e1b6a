import { en, type MessageKey } from './en.js';
import { fr } from './fr.js';
import type { Language } from './language.js';

/** Every string, for the console. */
export const catalogues: Record<Language, Record<MessageKey, string>> = { fr, en };
