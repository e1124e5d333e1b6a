import { useParams } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { PageHeading } from '../PageHeading.js';
import { MediaSection } from '../reports/MediaSection.js';
import { PersonalData } from '../reports/PersonalData.js';
import { useCan } from '../session-context.js';
import './analyst.css';
import { AssessmentDetails } from './AssessmentList.js';
import { ClaimGate } from './ClaimGate.js';
import { DoneMessage } from './DoneMessage.js';
import { ReportBrief } from './ReportBrief.js';
import { ReviewForm } from './ReviewForm.js';
import { useTakeNext } from './use-take-next.js';
import { useWorkedReport } from './use-worked-report.js';

/** The second pair of eyes: the first analyst's assessment beside the report, to confirm or dispute. */
export function ConfirmationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const mayReadPersonal = useCan('report.read-personal');
  const { report, assessment, error, reload } = useWorkedReport(id);
  const takeNext = useTakeNext();
  if (error)
    return (
      <>
        <PageHeading>{t('analyst.review.page-title')}</PageHeading>
        <p role="alert">{error}</p>
      </>
    );
  if (!report || !assessment) return <p role="status">{t('common.loading')}</p>;
  const underReview = assessment.assessments.findLast((candidate) => candidate.state === 'awaiting_confirmation');
  return (
    <div className="workbench">
      <PageHeading>{t('analyst.review.page-title')}</PageHeading>
      <DoneMessage />
      <ClaimGate assessment={assessment} purpose="confirm" onChange={reload}>
        <div className="workbench-columns">
          <div>
            <ReportBrief report={report} />
            <MediaSection reportId={report.id} media={report.media} />
            {mayReadPersonal && <PersonalData reportId={report.id} />}
          </div>
          <div>
            {underReview ? (
              <>
                <section aria-labelledby="first-title">
                  <h2 id="first-title">{t('analyst.review.first')}</h2>
                  <AssessmentDetails assessment={underReview} />
                </section>
                <ReviewForm
                  key={underReview.id}
                  reportId={report.id}
                  assessment={underReview}
                  onReviewed={(done) => void takeNext(done).catch(reload)}
                />
              </>
            ) : (
              <p>{t('analyst.review.nothing')}</p>
            )}
          </div>
        </div>
      </ClaimGate>
    </div>
  );
}
