import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../../i18n/index.js';
import type { DryRunAnswer, DryRunReferral } from '../types.js';

function targetOf(referral: DryRunReferral, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  if (referral.organisation) return referral.organisation.name;
  // `role:<role>` (an addressee of the rules), `partner:<country>` or `notice:<abuse contact>`.
  const [type, value = ''] = referral.target.split(/:(.*)/s);
  const named = type === 'role' ? t(`admin.addressee-role.${value}` as MessageKey) : value;
  return referral.unassigned ? t('admin.dry-run-unassigned', { target: named }) : named;
}

/** What a version would refer, report by report; nothing was written. */
export function DryRunResults({ answer }: { answer: DryRunAnswer }) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const { summary } = answer;
  return (
    <section aria-labelledby="dry-run-title" data-testid="dry-run">
      <h3 id="dry-run-title">{t('admin.dry-run-title', { version: answer.version })}</h3>
      <p role="status">{t('admin.dry-run-summary', { reports: summary.reports, referrals: summary.referrals, new: summary.new })}</p>
      <div className="table-scroll" role="region" aria-labelledby="dry-run-caption" tabIndex={0}>
        <table className="admin">
          <caption id="dry-run-caption">{t('admin.dry-run-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.dry-run-report')}</th>
              <th scope="col">{t('admin.dry-run-rules')}</th>
              <th scope="col">{t('admin.dry-run-referrals')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.reports.map((report) => (
              <tr key={report.reportId}>
                <td>
                  <Link to={`/reports/${report.reportId}`}>{when.format(new Date(report.receivedAt))}</Link>
                </td>
                <td>{report.fired.flatMap((fired) => fired.rules).join(', ') || t('admin.dry-run-none')}</td>
                <td>
                  {report.referrals.length === 0 ? (
                    t('admin.dry-run-none')
                  ) : (
                    <ul>
                      {report.referrals.map((referral) => (
                        <li key={`${referral.ruleId}-${referral.target}`}>
                          {t(`admin.kind.${referral.kind}` as MessageKey)} — {targetOf(referral, t)}
                          {referral.countries.length > 0 && ` (${referral.countries.join(', ')})`} —{' '}
                          {referral.existingReferralId ? t('admin.dry-run-existing') : t('admin.dry-run-new')}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
