import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en.js';
import { catalogues } from './catalogues.js';
import { format, type Params } from './format.js';
import { initialLanguage, rememberLanguage, type Language } from './language.js';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, params?: Params): string;
}

export const I18nContext = createContext<I18n | null>(null);

/** Holds the page's language, keeps `<html lang>` and the page title in step with it. */
export function I18nProvider({ children, titleKey }: { children: ReactNode; titleKey: MessageKey }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => format(catalogues[language][key], params) }),
    [language, setLanguage],
  );
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = value.t(titleKey);
  }, [language, value, titleKey]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
