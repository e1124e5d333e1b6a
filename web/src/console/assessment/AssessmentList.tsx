import { useI18n, type MessageKey } from '../../i18n/index.js';
import { fieldList, whoLabel } from '../queue/labels.js';
import type { Assessment } from '../queue/types.js';
import { useSignedIn } from '../session-context.js';

/** One assessment as a definition list: what the analyst decided, and the second analyst's review. */
export function AssessmentDetails({ assessment }: { assessment: Assessment }) {
  const { t, language } = useI18n();
  const { user } = useSignedIn();
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' });
  const rows: [string, string][] = [
    [t('analyst.field.legalStatus'), t(`analyst.legal.${assessment.legalStatus}` as MessageKey)],
    [t('analyst.field.category'), t(`category.${assessment.category}` as MessageKey)],
    [t('analyst.field.ageGroup'), assessment.ageGroup ? t(`analyst.age.${assessment.ageGroup}` as MessageKey) : t('analyst.age.unknown')],
    [
      t('analyst.field.imageryClass'),
      assessment.imageryClass ? t(`analyst.imagery.${assessment.imageryClass}`) : t('analyst.imagery.none'),
    ],
    [t('analyst.assessment.by'), `${whoLabel(t, assessment.assessedBy, user.id)}, ${when.format(new Date(assessment.assessedAt))}`],
    [t('analyst.assessment.state'), t(`analyst.state.${assessment.state}` as MessageKey)],
  ];
  if (assessment.hasNote) rows.push([t('analyst.assessment.note'), t('analyst.assessment.has-note')]);
  const review = assessment.review;
  if (review) {
    rows.push([
      t('analyst.assessment.review'),
      review.decision === 'confirmed'
        ? t('analyst.review.confirmed', { who: whoLabel(t, review.reviewedBy, user.id) })
        : t('analyst.review.disagreed', { who: whoLabel(t, review.reviewedBy, user.id), fields: fieldList(t, review.fields) }),
    ]);
  }
  return (
    <dl className="details" data-testid={`assessment-${assessment.id}`}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
