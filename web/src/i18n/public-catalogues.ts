import { enPublic, type PublicKey } from './en-public.js';
import { frPublic } from './fr-public.js';
import type { Language } from './language.js';

/** The public pages' strings only (see en-public.ts). */
export const publicCatalogues: Record<Language, Record<PublicKey, string>> = { fr: frPublic, en: enPublic };
