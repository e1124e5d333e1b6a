import { useParams } from 'react-router';
import { useI18n } from '../../i18n/index.js';
import { PageHeading } from '../PageHeading.js';
import { MediaSection } from '../reports/MediaSection.js';
import { PersonalData } from '../reports/PersonalData.js';
import { useCan } from '../session-context.js';
import './analyst.css';
import { AssessmentForm } from './AssessmentForm.js';
import { ClaimGate } from './ClaimGate.js';
import { DoneMessage } from './DoneMessage.js';
import { ReportBrief } from './ReportBrief.js';
import { useTakeNext } from './use-take-next.js';
import { useWorkedReport } from './use-worked-report.js';
import { AssessmentDetails } from './AssessmentList.js';

/**
 * Assessing a report one holds (or settling a dispute, for a senior analyst): the brief,
 * the media blurred, the personal data behind its audited button, then the form. Once
 * sent, the next report of the queue is claimed and opened.
 */
export function AssessmentPage({ categories }: { categories: readonly string[] }) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const mayReadPersonal = useCan('report.read-personal');
  const { report, assessment, error, reload } = useWorkedReport(id);
  const takeNext = useTakeNext();
  if (error)
    return (
      <>
        <PageHeading>{t('analyst.assess.title')}</PageHeading>
        <p role="alert">{error}</p>
      </>
    );
  if (!report || !assessment) return <p role="status">{t('common.loading')}</p>;
  const disputed = assessment.stage === 'disputed';
  return (
    <div className="workbench">
      <PageHeading>{disputed ? t('analyst.assess.resolve-title') : t('analyst.assess.title')}</PageHeading>
      <DoneMessage />
      <ClaimGate assessment={assessment} purpose="assess" onChange={reload}>
        <div className="workbench-columns">
          <div>
            <ReportBrief report={report} />
            {disputed &&
              assessment.assessments.map((previous, index) => (
                <section key={previous.id} aria-labelledby={`previous-${previous.id}`}>
                  <h2 id={`previous-${previous.id}`}>{t('analyst.assessment.number', { n: index + 1 })}</h2>
                  <AssessmentDetails assessment={previous} />
                </section>
              ))}
            <MediaSection reportId={report.id} media={report.media} />
            {mayReadPersonal && <PersonalData reportId={report.id} />}
          </div>
          <AssessmentForm
            key={report.id}
            reportId={report.id}
            reportCategory={report.category}
            categories={categories}
            onAssessed={(final) => void takeNext(final ? t('analyst.assess.done-final') : t('analyst.assess.done')).catch(reload)}
          />
        </div>
      </ClaimGate>
    </div>
  );
}
