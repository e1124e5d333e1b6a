import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';
import type { HostStats, TakedownTracker } from './types.js';

/** The tracker and the per-host statistics, loaded together and again after a stop or a resume. */
export function useTakedowns(state: string) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [tracker, setTracker] = useState<TakedownTracker | null>(null);
  const [hosts, setHosts] = useState<HostStats[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const failed = useCallback(
    (failure: unknown) => setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.title) : t('common.network-error')),
    [t],
  );
  useEffect(() => {
    let live = true;
    const query = state ? `?${new URLSearchParams({ state }).toString()}` : '';
    Promise.all([api<TakedownTracker>(`/api/takedowns${query}`), api<{ hosts: HostStats[] }>('/api/takedowns/hosts')]).then(
      ([loaded, stats]) => {
        if (!live) return;
        setTracker(loaded);
        setHosts(stats.hosts);
        setError(null);
      },
      failed,
    );
    return () => {
      live = false;
    };
  }, [api, state, version, failed]);

  const setStopped = useCallback(
    async (referralId: string, stop: boolean) => {
      await api(`/api/takedowns/${stop ? 'stop' : 'resume'}/${referralId}`, { method: 'POST' });
      setVersion((current) => current + 1);
    },
    [api],
  );
  return { tracker, hosts, error, setStopped, failed };
}
