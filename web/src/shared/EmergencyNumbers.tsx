import { useI18n } from '../i18n/index.js';
import type { EmergencyNumber } from './settings.js';

/** The deployment's emergency numbers, announced as soon as they appear, each one a link that calls. */
export function EmergencyNumbers({ numbers }: { numbers: readonly EmergencyNumber[] }) {
  const { t, language } = useI18n();
  return (
    <section className="emergency" role="alert" aria-labelledby="emergency-title">
      <h2 id="emergency-title">{t('emergency.title')}</h2>
      <p>{t('emergency.call-now')}</p>
      <ul>
        {numbers.map((entry) => (
          <li key={entry.number}>
            <a className="emergency-number" href={`tel:${entry.number.replace(/\s/g, '')}`}>
              {entry.number}
            </a>
            <span className="emergency-label">{entry.label[language]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
