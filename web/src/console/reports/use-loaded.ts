import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

/** One GET of the staff API for a section of a page; `null` path: nothing to load. */
export function useLoaded<T>(path: string | null): Loaded<T> {
  const { t } = useI18n();
  const api = useStaffApi();
  // Kept with the path it answers, so that another report's data is never shown for this one.
  const [loaded, setLoaded] = useState<{ path: string; data: T } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api<T>(path).then(
      (body) => {
        if (!live) return;
        setLoaded({ path, data: body });
        setError(null);
      },
      (failure: unknown) => live && setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error')),
    );
    return () => {
      live = false;
    };
  }, [api, path, t, round]);
  const data = loaded !== null && loaded.path === path ? loaded.data : null;
  return { data, error, reload: useCallback(() => setRound((n) => n + 1), []) };
}
