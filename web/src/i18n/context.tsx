import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, type Params } from './format.js';
import { initialLanguage, rememberLanguage, type Language } from './language.js';

export interface I18n<Key extends string> {
  language: Language;
  setLanguage(language: Language): void;
  t(key: Key, params?: Params): string;
}

export const I18nContext = createContext<I18n<string> | null>(null);

/**
 * Holds the page's language, keeps `<html lang>` and the page title in step with it. Each
 * page brings the catalogues it may show (the public pages, not the console's strings).
 */
export function I18nProvider<Key extends string>({
  children,
  catalogues,
  titleKey,
}: {
  children: ReactNode;
  catalogues: Record<Language, Record<Key, string>>;
  titleKey: Key;
}) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n<string>>(
    () => ({ language, setLanguage, t: (key, params) => format(catalogues[language][key as Key], params) }),
    [language, setLanguage, catalogues],
  );
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = value.t(titleKey);
  }, [language, value, titleKey]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
