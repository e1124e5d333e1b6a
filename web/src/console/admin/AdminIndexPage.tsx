import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { PageHeading } from '../PageHeading.js';
import { useSignedIn } from '../session-context.js';
import { adminPages } from './admin-pages.js';

/** The administration pages this person may open, and the partner deployments page (built in ../partners). */
export function AdminIndexPage() {
  const { t } = useI18n();
  const { allowedActions } = useSignedIn();
  const available = adminPages.filter((page) => allowedActions.includes(page.action));
  if (available.length === 0) {
    return (
      <>
        <PageHeading>{t('console.not-allowed')}</PageHeading>
        <p>{t('console.not-allowed-explained')}</p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <ul className="cards">
        {available.map((page) => (
          <li key={page.path}>
            <Link to={`/admin/${page.path}`}>{t(page.label)}</Link>
            <p>{t(page.description)}</p>
          </li>
        ))}
        <li>
          <Link to="/partners">{t('admin.partners')}</Link>
          <p>{t('admin.partners-description')}</p>
        </li>
      </ul>
    </>
  );
}
