import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import type { PortalSettings } from '../../shared/settings.js';
import { PageHeading } from '../PageHeading.js';
import { useCan } from '../session-context.js';
import { CallForm, type RecordedCall } from './CallForm.js';

/** The helpline page: the form, then the confirmation and a fresh form for the next call. */
export function CallPage({ settings }: { settings: PortalSettings }) {
  const { t, language } = useI18n();
  const canRead = useCan('report.read');
  const [recorded, setRecorded] = useState<RecordedCall | null>(null);
  const [form, setForm] = useState(0);
  return (
    <>
      <PageHeading>
        <span id="call-title">{t('call.title')}</span>
      </PageHeading>
      {recorded ? (
        <section className="success" role="status" aria-labelledby="recorded-title">
          <h2 id="recorded-title">{t('call.recorded')}</h2>
          <p>{t('call.recorded-at', { time: new Date(recorded.receivedAt).toLocaleString(language) })}</p>
          {canRead && <Link to={`/reports/${recorded.reportId}`}>{t('call.open-report')}</Link>}
          <div className="actions">
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                setRecorded(null);
                setForm((n) => n + 1);
              }}
            >
              {t('call.next-call')}
            </button>
          </div>
        </section>
      ) : (
        <CallForm key={form} settings={settings} onRecorded={setRecorded} />
      )}
    </>
  );
}
