import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';
import type { GrantedReport as Granted } from './types.js';

const partLabels: Record<string, MessageKey> = {
  narrative: 'referrals.part.narrative',
  urls: 'referrals.part.urls',
  media: 'referrals.part.media',
  onlineIdentifiers: 'referrals.part.onlineIdentifiers',
  places: 'referrals.part.places',
  children: 'referrals.part.children',
  reportedPersons: 'referrals.part.reportedPersons',
  reporterContact: 'referrals.part.reporterContact',
  reporter: 'referrals.part.reporterContact',
};

/** The parts of the report the referral grants, on a deliberate click: the server audits each read under the referral. */
export function GrantedReport({ referralId, grant }: { referralId: string; grant: readonly string[] }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [view, setView] = useState<Granted | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (part: string) => (partLabels[part] ? t(partLabels[part]) : part);

  async function open() {
    try {
      setView(await api<Granted>(`/api/referrals/${encodeURIComponent(referralId)}/report`));
    } catch (failure) {
      setError(isProblem(failure) ? failure.title : t('common.network-error'));
    }
  }

  return (
    <section aria-labelledby="granted-title">
      <h2 id="granted-title">{t('referrals.granted')}</h2>
      {grant.length === 0 ? (
        <p>{t('referrals.granted-nothing')}</p>
      ) : (
        <p>{t('referrals.granted-parts', { parts: grant.map(label).join(', ') })}</p>
      )}
      <p className="hint">{t('referrals.granted-audited')}</p>
      {error && <p role="alert">{error}</p>}
      {!view && grant.length > 0 && (
        <button type="button" className="secondary" onClick={() => void open()}>
          {t('referrals.granted-show')}
        </button>
      )}
      {view && (
        <dl className="details" data-testid="granted-report">
          {typeof view.report.category === 'string' && (
            <div>
              <dt>{t('reports.category')}</dt>
              <dd>{t(`category.${view.report.category}` as MessageKey)}</dd>
            </div>
          )}
          {Object.entries(view.report)
            .filter(([key, value]) => key in partLabels && value !== undefined && !(Array.isArray(value) && value.length === 0))
            .map(([key, value]) => (
              <div key={key}>
                <dt>{label(key)}</dt>
                <dd>{typeof value === 'string' ? <p className="prewrap">{value}</p> : <pre>{JSON.stringify(value, null, 2)}</pre>}</dd>
              </div>
            ))}
        </dl>
      )}
    </section>
  );
}
