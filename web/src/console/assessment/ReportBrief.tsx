import { Link } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import type { ReportDetail } from '../reports/types.js';

/** What an analyst needs at a glance before assessing: no personal data (that is behind its own audited button). */
export function ReportBrief({ report }: { report: ReportDetail }) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const rows: [string, string][] = [
    [t('reports.category'), t(`category.${report.category}` as MessageKey)],
    [t('reports.urgent'), report.urgent ? t('reports.urgent-yes') : t('common.no')],
    [t('analyst.queue.known-content'), report.knownContent ? t('common.yes') : t('common.no')],
    [t('analyst.queue.age-group'), report.ageGroup ? t(`analyst.age.${report.ageGroup}` as MessageKey) : t('analyst.age.unknown')],
    [t('reports.channel'), t(`channel.${report.channel}` as MessageKey)],
    [t('reports.received'), when.format(new Date(report.receivedAt))],
    [t('reports.countries'), report.countries.join(', ') || '—'],
    [t('report.view-url-hosts'), report.urlHosts.join(', ') || '—'],
    [t('report.view-counts'), t('report.view-counts-value', { ...report.counts })],
  ];
  return (
    <section aria-labelledby="brief-title">
      <h2 id="brief-title">{t('analyst.assess.brief')}</h2>
      <dl className="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={`/reports/${report.id}`}>{t('analyst.assess.full-report')}</Link>
      </p>
    </section>
  );
}
