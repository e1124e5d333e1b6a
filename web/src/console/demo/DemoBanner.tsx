import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { useCan } from '../session-context.js';
import './demo.css';
import { useStaffApi } from '../use-staff-api.js';

interface DemoStatus {
  loaded: boolean;
  loadedAt: string | null;
}

/** On every page while the deployment holds the invented demonstration data set, so that nobody takes it for real work. */
export function DemoBanner() {
  const { t, language } = useI18n();
  const api = useStaffApi();
  const allowed = useCan('demo.status');
  const [status, setStatus] = useState<DemoStatus | null>(null);
  useEffect(() => {
    if (!allowed) return;
    api<DemoStatus>('/api/demo').then(setStatus, () => setStatus(null));
  }, [api, allowed]);
  if (!status?.loaded || !status.loadedAt) return null;
  const since = new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(status.loadedAt));
  return (
    <aside className="demo-banner" aria-label={t('demo.banner-label')} data-testid="demo-banner">
      <strong>{t('demo.banner-title')}</strong> {t('demo.banner-text', { since })}
    </aside>
  );
}
