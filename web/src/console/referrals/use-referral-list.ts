import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { useStaffApi } from '../use-staff-api.js';
import type { Referral, ReferralPage } from './types.js';

/** One direction of the board, page by page (the server decides which referrals the reader may see). */
export function useReferralList(direction: 'incoming' | 'outgoing', status: string, enabled: boolean) {
  const { t } = useI18n();
  const api = useStaffApi();
  const [rows, setRows] = useState<Referral[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  const fetchPage = useCallback(
    (cursor?: string) => {
      const query = new URLSearchParams({ direction, limit: '100' });
      if (status) query.set('status', status);
      if (cursor) query.set('cursor', cursor);
      return api<ReferralPage>(`/api/referrals?${query.toString()}`);
    },
    [api, direction, status],
  );
  const failed = useCallback(
    (failure: unknown) => setError(isProblem(failure) ? (failure.errors[0]?.detail ?? failure.title) : t('common.network-error')),
    [t],
  );
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    fetchPage().then((page) => {
      if (!live) return;
      setRows(page.referrals);
      setNext(page.next);
      setError(null);
      setLoaded(true);
    }, failed);
    return () => {
      live = false;
    };
  }, [enabled, fetchPage, failed]);
  const more = useCallback(() => {
    if (!next) return;
    fetchPage(next).then((page) => {
      setRows((current) => [...current, ...page.referrals]);
      setNext(page.next);
    }, failed);
  }, [fetchPage, failed, next]);
  return { rows, next, error, loaded, more };
}
