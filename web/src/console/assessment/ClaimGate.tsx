import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { ClaimHolder } from '../queue/ClaimCell.js';
import { claimPath, workPathOf } from '../queue/claims.js';
import type { ClaimResult, ReportAssessment } from '../queue/types.js';
import { useSignedIn } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';

/**
 * Shows the work (form or review) only to the analyst who holds the report for that
 * purpose; anyone else is told who holds it, or may claim it if it is free. The release
 * is always at hand, no reason asked: an analyst must be able to step away.
 */
export function ClaimGate({
  assessment,
  purpose,
  onChange,
  children,
}: {
  assessment: ReportAssessment;
  purpose: 'assess' | 'confirm';
  onChange(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const api = useStaffApi();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const [error, setError] = useState<string | null>(null);
  const { claim, reportId } = assessment;
  const failed = (failure: unknown) => setError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));

  async function take() {
    try {
      const result = await api<ClaimResult>(claimPath(reportId), { method: 'POST' });
      if (workPathOf(result.claim) !== workPathOf({ reportId, purpose: purpose === 'confirm' ? 'confirm' : 'assess' }))
        void navigate(workPathOf(result.claim));
      onChange();
    } catch (failure) {
      failed(failure);
    }
  }
  async function renew() {
    try {
      await api<ClaimResult>(claimPath(reportId), { method: 'POST' });
      setError(null);
      onChange();
    } catch (failure) {
      failed(failure);
    }
  }
  async function release() {
    try {
      await api<undefined>(claimPath(reportId), { method: 'DELETE' });
      void navigate('/queue', { state: { done: t('analyst.claim.released') } });
    } catch (failure) {
      failed(failure);
    }
  }

  const mine = claim?.claimedBy === user.id;
  const fits = purpose === 'confirm' ? claim?.purpose === 'confirm' : claim?.purpose !== 'confirm';
  if (assessment.stage === 'final')
    return (
      <p role="status">
        {t('analyst.assess.already-final')} <Link to={`/reports/${reportId}`}>{t('analyst.assess.full-report')}</Link>
      </p>
    );
  if (!mine || !fits)
    return (
      <section aria-labelledby="claim-title">
        <h2 id="claim-title">{t('analyst.claim.title')}</h2>
        {error && <p role="alert">{error}</p>}
        <p>
          <ClaimHolder claim={claim} />
        </p>
        {!claim && (
          <button type="button" className="primary" onClick={() => void take()}>
            {t('analyst.claim.claim')}
          </button>
        )}
      </section>
    );
  return (
    <>
      <div className="claim-bar">
        <p>
          <ClaimHolder claim={claim} />
        </p>
        <button type="button" className="secondary" onClick={() => void renew()}>
          {t('analyst.claim.renew')}
        </button>
        <button type="button" className="secondary" onClick={() => void release()}>
          {t('analyst.claim.release')}
        </button>
        {error && <p role="alert">{error}</p>}
      </div>
      {children}
    </>
  );
}
