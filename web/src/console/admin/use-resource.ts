import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

/** Reads one API resource when the page opens, again on `reload()`, and when `round` changes. */
export function useResource<T>(path: string, round = 0): Resource<T> {
  const api = useStaffApi();
  const { t } = useI18n();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    let live = true;
    api<T>(path).then(
      (loaded) => {
        if (!live) return;
        setData(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, round, reloads, t]);
  const reload = useCallback(() => setReloads((value) => value + 1), []);
  return { data, error, reload };
}
