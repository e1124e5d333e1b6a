import { Link, useNavigate } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n/index.js';
import { isProblem } from '../../shared/api.js';
import { AssessmentDetails } from '../assessment/AssessmentList.js';
import { ClaimHolder } from '../queue/ClaimCell.js';
import { claimPath, workPathOf } from '../queue/claims.js';
import type { ClaimResult, ReportAssessment } from '../queue/types.js';
import { useCan, useSignedIn } from '../session-context.js';
import { useStaffApi } from '../use-staff-api.js';
import { useState } from 'react';
import { useLoaded } from './use-loaded.js';

/** Where the report stands in the assessment: its stage, who holds it, every assessment with its review. */
export function AssessmentPanel({ reportId, onChange }: { reportId: string; onChange(): void }) {
  const { t } = useI18n();
  const api = useStaffApi();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const mayClaim = useCan('assessment.claim');
  const { data, error, reload } = useLoaded<ReportAssessment>(`/api/triage/reports/${encodeURIComponent(reportId)}`);
  const [stepError, setStepError] = useState<string | null>(null);
  const failed = (failure: unknown) => setStepError(isProblem(failure) ? (failure.detail ?? failure.title) : t('common.network-error'));

  async function claim() {
    try {
      const { claim } = await api<ClaimResult>(claimPath(reportId), { method: 'POST' });
      void navigate(workPathOf(claim));
    } catch (failure) {
      failed(failure);
      reload();
    }
  }
  async function release() {
    try {
      await api<undefined>(claimPath(reportId), { method: 'DELETE' });
      setStepError(null);
    } catch (failure) {
      failed(failure);
    }
    reload();
    onChange();
  }

  const mine = data?.claim?.claimedBy === user.id;
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('analyst.assessment.title')}</h2>
      {(error ?? stepError) && <p role="alert">{error ?? stepError}</p>}
      {data && (
        <>
          <dl className="details">
            <div>
              <dt>{t('analyst.queue.stage')}</dt>
              <dd>{t(`analyst.stage.${data.stage}` as MessageKey)}</dd>
            </div>
            {data.stage !== 'final' && (
              <div>
                <dt>{t('analyst.queue.holder')}</dt>
                <dd>
                  <ClaimHolder claim={data.claim} />
                </dd>
              </div>
            )}
          </dl>
          <div className="toolbar">
            {mayClaim && data.stage !== 'final' && !data.claim && (
              <button type="button" className="primary" onClick={() => void claim()}>
                {t('analyst.claim.claim')}
              </button>
            )}
            {mine && data.claim && (
              <>
                <Link className="button primary" to={workPathOf(data.claim)}>
                  {t(`analyst.claim.work-${data.claim.purpose}` as MessageKey)}
                </Link>
                <button type="button" className="secondary" onClick={() => void release()}>
                  {t('analyst.claim.release')}
                </button>
              </>
            )}
          </div>
          {data.assessments.map((assessment, index) => (
            <div key={assessment.id}>
              <h3>
                {t(assessment.kind === 'resolution' ? 'analyst.assessment.resolution' : 'analyst.assessment.number', { n: index + 1 })}
              </h3>
              <AssessmentDetails assessment={assessment} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
