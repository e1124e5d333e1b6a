import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { ClusterView, ReferralOfReport } from './types.js';
import { useLoaded } from './use-loaded.js';
import { ScrollBox } from './ScrollBox.js';

function handlers(t: ReturnType<typeof useI18n>['t'], referrals: readonly ReferralOfReport[]): string {
  if (referrals.length === 0) return t('analyst.cluster.nobody');
  return referrals
    .map((referral) =>
      t('analyst.cluster.handler', {
        organisation: referral.organisationName ?? t('analyst.referrals.unassigned'),
        kind: t(`analyst.referral-kind.${referral.kind}` as MessageKey),
        status: t(`analyst.referral-status.${referral.status}` as MessageKey),
      }),
    )
    .join(' ; ');
}

/**
 * The reports this one is linked to, directly or through others: for each, why (every
 * reason of the links it takes part in) and who already handles it (its referrals).
 */
export function ClusterSection({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoaded<ClusterView>(`/api/reports/${encodeURIComponent(reportId)}/cluster`);
  const others = data?.reports.filter((report) => report.reportId !== reportId) ?? [];
  const reasonsOf = (id: string) => {
    const reasons = new Set<string>();
    for (const link of data?.links ?? []) if (link.a === id || link.b === id) for (const reason of link.reasons) reasons.add(reason);
    return [...reasons].map((reason) => t(`analyst.link.${reason}` as MessageKey)).join(', ');
  };
  const direct = (id: string) =>
    data?.links.some((link) => (link.a === id && link.b === reportId) || (link.b === id && link.a === reportId));
  const own = data?.reports.find((report) => report.reportId === reportId);
  return (
    <section aria-labelledby="cluster-title">
      <h2 id="cluster-title">{t('analyst.cluster.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {data && others.length === 0 && <p>{t('analyst.cluster.alone')}</p>}
      {data && others.length > 0 && (
        <ScrollBox label={t('analyst.cluster.caption', { n: others.length })}>
          <table className="reports" data-testid="cluster">
            <caption>{t('analyst.cluster.caption', { n: others.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analyst.cluster.report')}</th>
                <th scope="col">{t('analyst.cluster.reasons')}</th>
                <th scope="col">{t('analyst.cluster.handled-by')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((report) => (
                <tr key={report.reportId}>
                  <td>
                    <Link to={`/reports/${report.reportId}`}>{t('analyst.cluster.open', { id: report.reportId.slice(0, 8) })}</Link>
                    {!direct(report.reportId) && <span className="hint"> {t('analyst.cluster.indirect')}</span>}
                  </td>
                  <td>{reasonsOf(report.reportId)}</td>
                  <td>{handlers(t, report.referrals)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {own && own.referrals.length > 0 && <p>{t('analyst.cluster.this-one', { handlers: handlers(t, own.referrals) })}</p>}
    </section>
  );
}
