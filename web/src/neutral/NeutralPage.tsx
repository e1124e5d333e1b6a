import { usePublicI18n, type PublicKey } from '../i18n/index.js';

const ingredients: PublicKey[] = [
  'neutral.ingredient-1',
  'neutral.ingredient-2',
  'neutral.ingredient-3',
  'neutral.ingredient-4',
  'neutral.ingredient-5',
];
const method: PublicKey[] = ['neutral.step-1', 'neutral.step-2', 'neutral.step-3', 'neutral.step-4'];

/**
 * Where the portal's quick exit goes by default: an ordinary recipe page, with nothing that
 * recalls the portal. Deployments usually point VIGIE_QUICK_EXIT_URL at a common outside site.
 */
export function NeutralPage() {
  const { t } = usePublicI18n();
  return (
    <main className="neutral">
      <h1>{t('neutral.heading')}</h1>
      <p className="lead">{t('neutral.intro')}</p>
      <h2>{t('neutral.ingredients')}</h2>
      <ul>
        {ingredients.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <h2>{t('neutral.method')}</h2>
      <ol>
        {method.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </main>
  );
}
