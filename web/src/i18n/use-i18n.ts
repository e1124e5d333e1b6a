import { useContext } from 'react';
import { I18nContext, type I18n } from './context.js';
import type { PublicKey } from './en-public.js';
import type { MessageKey } from './en.js';

function useLoaded(): I18n<string> {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside an I18nProvider');
  return i18n;
}

/** The console's strings: every key (the console loads the whole catalogue). */
export function useI18n(): I18n<MessageKey> {
  return useLoaded();
}

/**
 * The public pages' strings: the portal, the neutral page and the code they share with the
 * console say only these, since those pages load nothing else (the lint keeps them to it).
 */
export function usePublicI18n(): I18n<PublicKey> {
  return useLoaded();
}
