import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import { PersonalData } from './PersonalData.js';
import type { ReportDetail } from './types.js';

/** One report without personal data; its personal data only on request, for those allowed (each read is audited). */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const api = useStaffApi();
  const mayReadPersonal = useCan('report.read-personal');
  const [report, setReport] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`).then(setReport, (failure: unknown) =>
      setError(isProblem(failure) ? failure.title : t('common.network-error')),
    );
  }, [api, id, t]);

  const when = (iso: string | null) =>
    iso ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : '—');
  if (error)
    return (
      <>
        <PageHeading>{t('report.view-title')}</PageHeading>
        <p role="alert">{error}</p>
      </>
    );
  if (!report) return <p role="status">{t('common.loading')}</p>;

  const rows: [string, string][] = [
    [t('reports.category'), t(`category.${report.category}` as MessageKey)],
    [t('reports.urgent'), report.urgent ? t('reports.urgent-yes') : t('common.no')],
    [t('reports.status'), t(`status.${report.status}` as MessageKey)],
    [t('reports.channel'), t(`channel.${report.channel}` as MessageKey)],
    [t('reports.received'), when(report.receivedAt)],
    [t('report.occurred-at'), report.occurredAt ?? '—'],
    [t('reports.countries'), list(report.countries)],
    [t('report.subdivision'), list(report.subdivisions)],
    [t('report.view-url-hosts'), list(report.urlHosts)],
    [t('report.view-counts'), t('report.view-counts-value', { ...report.counts })],
    [t('report.view-reporter'), report.reporter.anonymous ? t('report.view-anonymous') : t('report.view-contact-given')],
    [t('report.view-ncmec'), list(report.ncmec.incidentTypes)],
    [t('report.view-additions'), String(report.additions.length)],
  ];
  if (report.call) {
    const { callerType, durationSeconds, immediateReferrals } = report.call;
    rows.push(
      [t('call.caller-type'), t(`caller.${callerType}` as MessageKey)],
      [t('report.view-call-duration'), t('report.view-minutes', { minutes: Math.max(1, Math.round(durationSeconds / 60)) })],
      [t('call.referrals'), list(immediateReferrals.map((referral) => t(`referral.${referral}` as MessageKey)))],
    );
  }
  return (
    <>
      <PageHeading>{t('report.view-title')}</PageHeading>
      <p>
        <Link to="/reports">{t('report.view-back')}</Link>
      </p>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.links.length > 0 && (
        <section aria-labelledby="links-title">
          <h2 id="links-title">{t('report.view-links')}</h2>
          <ul>
            {report.links.map((link) => (
              <li key={link.reportId}>
                <Link to={`/reports/${link.reportId}`}>{t('report.view-link', { kinds: link.kinds.join(', ') })}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mayReadPersonal && <PersonalData reportId={report.id} />}
    </>
  );
}
