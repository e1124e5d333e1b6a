import type { AgeGroup, Category } from '../reports/index.js';
import type { AssessmentView, FinalAssessment, ReviewView } from './contracts.js';
import type { AssessmentState, DisputableField, ImageryClass, LegalStatus } from './model.js';
import type { AssessmentRow, ReviewRow } from './store.js';

const iso = (at: Date | string) => new Date(at).toISOString();

export function reviewViewOf(row: ReviewRow): ReviewView {
  return {
    id: row.id,
    reviewedBy: row.reviewed_by,
    reviewedAt: iso(row.reviewed_at),
    decision: row.decision as ReviewView['decision'],
    fields: row.fields as DisputableField[],
    hasNote: row.note_sealed !== null,
  };
}

/** An assessment without its note (which only the audited notes view opens). */
export function assessmentViewOf(row: AssessmentRow, review: ReviewRow | undefined): AssessmentView {
  return {
    id: row.id,
    kind: row.kind as AssessmentView['kind'],
    assessedBy: row.assessed_by,
    assessedAt: iso(row.assessed_at),
    legalStatus: row.legal_status as LegalStatus,
    category: row.category as Category,
    ageGroup: row.age_group as AgeGroup | null,
    imageryClass: row.imagery_class as ImageryClass | null,
    hasNote: row.note_sealed !== null,
    state: row.state as AssessmentState,
    finalAt: row.final_at ? iso(row.final_at) : null,
    review: review ? reviewViewOf(review) : null,
  };
}

/** The final assessment of a report, from its row (final_at set). */
export function finalAssessmentOfRow(row: AssessmentRow): FinalAssessment {
  const basis = row.kind === 'resolution' ? 'resolved' : row.confirmed_by ? 'confirmed' : 'unconfirmed';
  return {
    reportId: row.report_id,
    assessmentId: row.id,
    legalStatus: row.legal_status as LegalStatus,
    category: row.category as Category,
    ageGroup: row.age_group as AgeGroup | null,
    imageryClass: row.imagery_class as ImageryClass | null,
    assessedBy: row.assessed_by,
    confirmedBy: row.confirmed_by,
    basis,
    at: iso(row.final_at ?? row.assessed_at),
  };
}
