import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { Referral } from './types.js';
import { useLoaded } from './use-loaded.js';
import { ScrollBox } from './ScrollBox.js';

function ReferralTable({ referrals, caption, notices }: { referrals: readonly Referral[]; caption: string; notices: boolean }) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ScrollBox label={caption}>
      <table className="reports" data-testid={notices ? 'notices' : 'referrals'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{notices ? t('analyst.referrals.addressee') : t('analyst.referrals.kind')}</th>
            <th scope="col">{notices ? t('analyst.referrals.hosts') : t('analyst.referrals.organisation')}</th>
            <th scope="col">{t('reports.status')}</th>
            <th scope="col">{t('analyst.referrals.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id} className={referral.urgent ? 'urgent' : undefined}>
              <td>
                {notices
                  ? [referral.addressee?.name ?? referral.addressee?.network, ...(referral.addressee?.emails ?? [])]
                      .filter(Boolean)
                      .join(' · ') || '—'
                  : t(`analyst.referral-kind.${referral.kind}` as MessageKey)}
              </td>
              <td>
                {notices
                  ? (referral.addressee?.hosts.join(', ') ?? '—')
                  : (referral.organisation?.name ?? (referral.countries.join(', ') || t('analyst.referrals.unassigned')))}
              </td>
              <td>{t(`analyst.referral-status.${referral.status}` as MessageKey)}</td>
              <td>
                {when.format(new Date(referral.deadline))}
                {referral.overdue && <strong className="overdue"> {t('analyst.referrals.overdue')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Where the report was referred (police, partners, child protection…) and the notices sent to hosting providers. */
export function ReferralsSection({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoaded<{ referrals: Referral[] }>(`/api/referrals?reportId=${encodeURIComponent(reportId)}&limit=100`);
  const referrals = data?.referrals.filter((referral) => referral.kind !== 'notice') ?? [];
  const notices = data?.referrals.filter((referral) => referral.kind === 'notice') ?? [];
  return (
    <section aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('analyst.referrals.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {data && referrals.length === 0 && notices.length === 0 && <p>{t('analyst.referrals.none')}</p>}
      {referrals.length > 0 && <ReferralTable referrals={referrals} caption={t('analyst.referrals.caption')} notices={false} />}
      {notices.length > 0 && <ReferralTable referrals={notices} caption={t('analyst.referrals.notices')} notices />}
    </section>
  );
}
