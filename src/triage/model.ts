import { sealedColumn } from '../platform/crypto/index.js';
import { ageGroups, traffickingCategories, type AgeGroup, type Category, type QueueStage } from '../reports/index.js';

/** Legal status (INHOPE / ICCAM): illegal everywhere by INTERPOL's criteria, illegal in this country, not illegal. */
export const legalStatuses = ['baseline', 'national', 'not_illegal'] as const;
export type LegalStatus = (typeof legalStatuses)[number];

/** NCMEC's industry classification of imagery: A prepubescent, B pubescent; 1 a sex act, 2 a lascivious exhibition. */
export const imageryClasses = ['A1', 'A2', 'B1', 'B2'] as const;
export type ImageryClass = (typeof imageryClasses)[number];

/** What the analyst decides about a report. */
export interface AssessmentFacts {
  legalStatus: LegalStatus;
  category: Category;
  ageGroup: AgeGroup | null;
  imageryClass: ImageryClass | null;
}

/** The fields a second analyst may disagree on. */
export const disputableFields = ['legalStatus', 'category', 'ageGroup', 'imageryClass'] as const;
export type DisputableField = (typeof disputableFields)[number];

/** How an assessment was made: by an analyst on a report awaiting one, or by a senior analyst settling a dispute. */
export type AssessmentKind = 'assessment' | 'resolution';

/**
 * An assessment's state: awaiting the second analyst, confirmed by them, disputed by them,
 * or final without a confirmation (the deployment does not require one, or a senior analyst
 * settled a dispute).
 */
export const assessmentStates = ['awaiting_confirmation', 'confirmed', 'disputed', 'final'] as const;
export type AssessmentState = (typeof assessmentStates)[number];

/** Why a claim is held: to assess a report, to confirm (or dispute) its assessment, to settle a dispute. */
export const claimPurposes = ['assess', 'confirm', 'resolve'] as const;
export type ClaimPurpose = (typeof claimPurposes)[number];

export const purposeOfStage: Record<QueueStage, ClaimPurpose> = { awaiting: 'assess', confirming: 'confirm', disputed: 'resolve' };

/** The most claims one analyst may hold at once: enough to work a few reports side by side, not to hoard the queue. */
export const maxClaimsPerAnalyst = 20;

/** Whether an assessment becomes final only with a second analyst's confirmation (VIGIE_ASSESSMENT_CONFIRMATION). */
export type ConfirmationRule = 'required' | 'off';

/** Why a report sits where it does in the queue, in the order of the priority's criteria. */
export const priorityReasons = ['immediate_danger', 'known_content', 'trafficking', ...ageGroups] as const;
export type PriorityReason = (typeof priorityReasons)[number];

export function priorityReasonsOf(report: { urgent: boolean; knownContent: boolean; category: Category; ageGroup: AgeGroup | null }) {
  const reasons: PriorityReason[] = [];
  if (report.urgent) reasons.push('immediate_danger');
  if (report.knownContent) reasons.push('known_content');
  if (traffickingCategories.includes(report.category)) reasons.push('trafficking');
  if (report.ageGroup) reasons.push(report.ageGroup);
  return reasons;
}

/**
 * The analysts' notes: free text that may name a child or describe what was seen, sealed
 * field by field and bound to their row; read only through the audited notes view.
 */
export const triageSealedColumns = [
  sealedColumn({ table: 'triage_assessments', column: 'note_sealed' }),
  sealedColumn({ table: 'triage_reviews', column: 'note_sealed' }),
] as const;

export function noteContext(table: 'triage_assessments' | 'triage_reviews', id: string): string {
  return `${table}.note_sealed:${id}`;
}
