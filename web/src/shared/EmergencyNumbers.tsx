import { usePublicI18n } from '../i18n/index.js';
import type { EmergencyNumber } from './settings.js';

/**
 * The deployment's emergency numbers, announced as soon as they appear. On the portal each
 * is a link that calls; in the console (the operator is already on the phone) plain text,
 * so that the keyboard goes on to the next field.
 */
export function EmergencyNumbers({ numbers, callable = true }: { numbers: readonly EmergencyNumber[]; callable?: boolean }) {
  const { t, language } = usePublicI18n();
  return (
    <section className="emergency" role="alert" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{t('emergency.title')}</h2>
      <p>{t('emergency.call-now')}</p>
      <ul>
        {numbers.map((entry) => (
          <li key={entry.number}>
            {callable ? (
              <a className="emergency-number" href={`tel:${entry.number.replace(/\s/g, '')}`}>
                {entry.number}
              </a>
            ) : (
              <strong className="emergency-number">{entry.number}</strong>
            )}
            <span className="emergency-label">{entry.label[language]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
