import { usePublicI18n, type PublicKey } from '../i18n/index.js';

export interface PublicStatus {
  status: string;
  receivedAt: string;
  additions: number;
}

export function ReportStatusView({ status }: { status: PublicStatus }) {
  const { t, language } = usePublicI18n();
  const received = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(status.receivedAt));
  return (
    <section className="status" aria-labelledby="status-title" role="status">
      <h3 id="status-title">{t('follow.status-title')}</h3>
      <dl>
        <dt>{t('follow.status')}</dt>
        <dd data-testid="report-status">{t(`status.${status.status}` as PublicKey)}</dd>
        <dt>{t('follow.received')}</dt>
        <dd>{received}</dd>
        <dt>{t('follow.additions')}</dt>
        <dd data-testid="report-additions">{status.additions}</dd>
      </dl>
      <p className="hint">{t(`status.${status.status}-explained` as PublicKey)}</p>
    </section>
  );
}
