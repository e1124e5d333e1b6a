import type { Selectable } from 'kysely';
import type { Executor } from '../platform/store/index.js';
import type { TriageAssessmentsTable, TriageClaimsTable, TriageReviewsTable, TriageTables } from './tables.js';

export type ClaimRow = Selectable<TriageClaimsTable>;
export type AssessmentRow = Selectable<TriageAssessmentsTable>;
export type ReviewRow = Selectable<TriageReviewsTable>;

/** A claim holds until its expiry. */
export const isActive = (claim: Pick<ClaimRow, 'expires_at'>, now: Date) => new Date(claim.expires_at).getTime() > now.getTime();

export function claimOf(db: Executor<TriageTables>, reportId: string): Promise<ClaimRow | undefined> {
  return db.selectFrom('triage_claims').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

/** The claims that hold now: at most a few per analyst at work. */
export function activeClaims(db: Executor<TriageTables>, now: Date, userId?: string): Promise<ClaimRow[]> {
  let query = db.selectFrom('triage_claims').selectAll().where('expires_at', '>', now);
  if (userId !== undefined) query = query.where('claimed_by', '=', userId);
  return query.execute();
}

/** The report's latest assessment: the one its stage is about. */
export function currentAssessmentOf(db: Executor<TriageTables>, reportId: string): Promise<AssessmentRow | undefined> {
  return db
    .selectFrom('triage_assessments')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('assessed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function reviewOf(db: Executor<TriageTables>, assessmentId: string): Promise<ReviewRow | undefined> {
  return db.selectFrom('triage_reviews').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/** Every assessment of these reports, oldest first. */
export function assessmentsOfReports(db: Executor<TriageTables>, reportIds: readonly string[]): Promise<AssessmentRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('triage_assessments')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('assessed_at')
    .orderBy('id')
    .execute();
}

/** Every review of these reports, oldest first. */
export function reviewsOfReports(db: Executor<TriageTables>, reportIds: readonly string[]): Promise<ReviewRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('triage_reviews')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .orderBy('reviewed_at')
    .execute();
}

export function claimsOfReports(db: Executor<TriageTables>, reportIds: readonly string[]): Promise<ClaimRow[]> {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('triage_claims')
    .selectAll()
    .where('report_id', 'in', [...reportIds])
    .execute();
}
