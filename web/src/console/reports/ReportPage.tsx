import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import '../assessment/analyst.css';
import { AssessmentPanel } from './AssessmentPanel.js';
import { ClusterSection } from './ClusterSection.js';
import { HistorySection } from './HistorySection.js';
import { HostingSection } from './HostingSection.js';
import { MediaSection } from './MediaSection.js';
import { PersonalData } from './PersonalData.js';
import { ReferralsSection } from './ReferralsSection.js';
import type { ReportDetail } from './types.js';

/**
 * Everything about one report: the summary, its assessment, media with their matches,
 * hosting, cluster, referrals and notices, and its history; its personal data only on
 * request, for those allowed (each read is audited).
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const api = useStaffApi();
  const mayReadPersonal = useCan('report.read-personal');
  const mayTriage = useCan('assessment.queue');
  const mayListReferrals = useCan('referral.list');
  const [historyRound, setHistoryRound] = useState(0);
  const historyChanged = () => setHistoryRound((n) => n + 1);
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
    [t('analyst.queue.known-content'), report.knownContent ? t('common.yes') : t('common.no')],
    [t('analyst.queue.age-group'), report.ageGroup ? t(`analyst.age.${report.ageGroup}` as MessageKey) : t('analyst.age.unknown')],
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
      {mayTriage && <AssessmentPanel reportId={report.id} onChange={historyChanged} />}
      <MediaSection reportId={report.id} media={report.media} />
      <HostingSection reportId={report.id} />
      <ClusterSection reportId={report.id} />
      {mayListReferrals && <ReferralsSection reportId={report.id} />}
      {mayReadPersonal && <PersonalData reportId={report.id} onRead={historyChanged} />}
      <HistorySection key={historyRound} reportId={report.id} />
    </>
  );
}
