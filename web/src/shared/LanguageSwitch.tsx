import { languages, usePublicI18n } from '../i18n/index.js';

/** Offers the other language, written in that language (WCAG 3.1.2: its own `lang`). */
export function LanguageSwitch() {
  const { language, setLanguage, t } = usePublicI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('common.language')}>
      {languages.map((other) => (
        <button
          key={other}
          type="button"
          lang={other}
          className="link-button"
          aria-pressed={other === language}
          onClick={() => setLanguage(other)}
        >
          {t(`common.language-${other}`)}
        </button>
      ))}
    </div>
  );
}
