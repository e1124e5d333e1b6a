import { useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';
import type { PersonalView } from './types.js';

/** A part of the document, as structured text: the analyst reads it, nothing interprets it. */
function Part({ label, value }: { label: string; value: unknown }) {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{typeof value === 'string' ? <p className="prewrap">{value}</p> : <pre>{JSON.stringify(value, null, 2)}</pre>}</dd>
    </div>
  );
}

/** Opened by a deliberate click: the server writes an audit entry for each read. */
export function PersonalData({ reportId, onRead }: { reportId: string; onRead?(): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [view, setView] = useState<PersonalView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open() {
    try {
      setView(await api<PersonalView>(`/api/reports/${encodeURIComponent(reportId)}/personal-data`));
      onRead?.();
    } catch (failure) {
      setError(isProblem(failure) ? failure.title : t('common.network-error'));
    }
  }

  if (!view) {
    return (
      <section aria-labelledby="personal-title">
        <h2 id="personal-title">{t('personal.title')}</h2>
        <p className="hint">{t('personal.audited')}</p>
        {error && <p role="alert">{error}</p>}
        <button type="button" className="secondary" onClick={() => void open()}>
          {t('personal.show')}
        </button>
      </section>
    );
  }
  const { report, additions } = view;
  return (
    <section aria-labelledby="personal-title" className="personal">
      <h2 id="personal-title">{t('personal.title')}</h2>
      <dl className="details" data-testid="personal-data">
        <Part label={t('report.narrative')} value={report.narrative} />
        <Part label={t('report.urls')} value={report.urls} />
        <Part label={t('report.identifiers')} value={report.onlineIdentifiers} />
        <Part label={t('report.places')} value={report.places} />
        <Part label={t('report.children')} value={report.children} />
        <Part label={t('report.person')} value={report.reportedPersons} />
        <Part label={t('report.media')} value={report.media} />
        <Part label={t('personal.reporter')} value={report.reporter} />
        <Part label={t('report.view-additions')} value={additions} />
        <Part label={t('call.details')} value={view.call} />
      </dl>
    </section>
  );
}
