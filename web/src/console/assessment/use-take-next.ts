import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { workPathOf } from '../queue/claims.js';
import type { ClaimResult } from '../queue/types.js';
import { useStaffApi } from '../use-staff-api.js';

/**
 * Claims the first report of the queue this analyst may take and opens it where it is
 * worked; when none is left, back to the queue. `done` is said on the next page.
 */
export function useTakeNext(): (done: string) => Promise<void> {
  const { t } = useI18n();
  const api = useStaffApi();
  const navigate = useNavigate();
  return useCallback(
    async (done: string) => {
      try {
        const { claim } = await api<ClaimResult>('/api/triage/next', { method: 'POST' });
        void navigate(workPathOf(claim), { state: { done } });
      } catch (failure) {
        if (!isProblem(failure) || failure.status !== 404) throw failure;
        void navigate('/queue', { state: { done: `${done} ${t('analyst.queue.nothing-next')}` } });
      }
    },
    [api, navigate, t],
  );
}
