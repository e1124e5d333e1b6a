import { Problem } from '../platform/http/index.js';
import type { TriageContext } from './context.js';
import type { FinalAssessment, Notes, ReportAssessment } from './contracts.js';
import { noteContext, type LegalStatus } from './model.js';
import type { Actor } from './ports.js';
import { claimViewOf } from './claims.js';
import { assessmentsOfReports, claimsOfReports, isActive, reviewsOfReports } from './store.js';
import { assessmentViewOf, finalAssessmentOfRow } from './views.js';

/** Where each of these reports stands in its assessment, with its history (no notes); unknown ids are left out. */
export async function assessmentsOf(ctx: TriageContext, reportIds: readonly string[]): Promise<ReportAssessment[]> {
  const positions = await ctx.reports.assessmentPositionsOf(reportIds);
  const ids = positions.map((position) => position.reportId);
  const [assessments, reviews, claims] = await Promise.all([
    assessmentsOfReports(ctx.db, ids),
    reviewsOfReports(ctx.db, ids),
    claimsOfReports(ctx.db, ids),
  ]);
  const now = ctx.now();
  const reviewOf = new Map(reviews.map((review) => [review.assessment_id, review]));
  return positions.map((position) => {
    const own = assessments.filter((row) => row.report_id === position.reportId);
    const final = own.find((row) => row.final_at !== null);
    const claim = claims.find((row) => row.report_id === position.reportId && isActive(row, now));
    return {
      reportId: position.reportId,
      stage: position.stage,
      claim: claim ? claimViewOf(claim) : null,
      assessments: own.map((row) => assessmentViewOf(row, reviewOf.get(row.id))),
      final: final ? finalAssessmentOfRow(final) : null,
    };
  });
}

export async function reportAssessment(ctx: TriageContext, reportId: string): Promise<ReportAssessment> {
  const [found] = await assessmentsOf(ctx, [reportId]);
  if (!found) throw new Problem('not-found');
  return found;
}

/** The assessment routing follows, or null while there is none (the contract with routing). */
export async function finalAssessmentOf(ctx: TriageContext, reportId: string): Promise<FinalAssessment | null> {
  const row = await ctx.db
    .selectFrom('triage_assessments')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('final_at', 'is not', null)
    .executeTakeFirst();
  return row ? finalAssessmentOfRow(row) : null;
}

/**
 * Every final assessment with one of these legal statuses, in the order they became final
 * (then by report): what the blocklist and the international contribution are computed from.
 */
export async function finalAssessmentsWith(ctx: TriageContext, legalStatuses: readonly LegalStatus[]): Promise<FinalAssessment[]> {
  if (legalStatuses.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('triage_assessments')
    .selectAll()
    .where('final_at', 'is not', null)
    .where('legal_status', 'in', [...legalStatuses])
    .orderBy('final_at')
    .orderBy('report_id')
    .execute();
  return rows.map(finalAssessmentOfRow);
}

/** The analysts' notes on a report, decrypted; the read is audited in the same transaction (counts, never the text). */
export async function notesOf(ctx: TriageContext, actor: Actor, reportId: string): Promise<Notes> {
  const [position] = await ctx.reports.assessmentPositionsOf([reportId]);
  if (!position) throw new Problem('not-found');
  return ctx.change(async (trx, tools) => {
    const assessments = await assessmentsOfReports(trx, [reportId]);
    const reviews = await reviewsOfReports(trx, [reportId]);
    const notes: Notes['notes'] = [
      ...assessments.flatMap((row) =>
        row.note_sealed === null
          ? []
          : [
              {
                source: 'assessment' as const,
                id: row.id,
                writtenBy: row.assessed_by,
                writtenAt: new Date(row.assessed_at).toISOString(),
                note: ctx.sealer.open(row.note_sealed, noteContext('triage_assessments', row.id)),
              },
            ],
      ),
      ...reviews.flatMap((row) =>
        row.note_sealed === null
          ? []
          : [
              {
                source: 'review' as const,
                id: row.id,
                writtenBy: row.reviewed_by,
                writtenAt: new Date(row.reviewed_at).toISOString(),
                note: ctx.sealer.open(row.note_sealed, noteContext('triage_reviews', row.id)),
              },
            ],
      ),
    ].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    await tools.audit(actor, {
      action: 'assessment.read-notes',
      subjectType: 'report',
      subjectId: reportId,
      detail: { notes: notes.length, ids: notes.map((note) => note.id) },
    });
    return { notes };
  });
}
