import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { PageHeading } from './PageHeading.js';
import { useCan } from './session-context.js';

/** Shows a page only to those the server lets take its action; the server checks again on every call. */
export function Allowed({ action, children }: { action: string; children: ReactNode }) {
  const { t } = useI18n();
  if (useCan(action)) return <>{children}</>;
  return (
    <>
      <PageHeading>{t('console.not-allowed')}</PageHeading>
      <p>{t('console.not-allowed-explained')}</p>
    </>
  );
}
