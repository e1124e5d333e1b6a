import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import { PageHeading } from './PageHeading.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('console.not-found')}</PageHeading>
      <Link to="/">{t('console.home')}</Link>
    </>
  );
}
