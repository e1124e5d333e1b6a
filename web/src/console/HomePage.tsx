import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { pagesFor } from './navigation.js';
import { PageHeading } from './PageHeading.js';
import { useSignedIn } from './session-context.js';

export function HomePage() {
  const { t } = useI18n();
  const { allowedActions } = useSignedIn();
  const available = pagesFor(allowedActions);
  return (
    <>
      <PageHeading>{t('console.home')}</PageHeading>
      {available.length === 0 ? (
        <p>{t('console.nothing-yet')}</p>
      ) : (
        <ul className="cards">
          {available.map((page) => (
            <li key={page.path}>
              <Link to={page.path}>{t(page.label)}</Link>
              <p>{t(page.description)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
