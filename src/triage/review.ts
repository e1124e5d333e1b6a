import { randomUUID } from 'node:crypto';
import { fieldProblem, Problem } from '../platform/http/index.js';
import { lockOpenReport, requireClaim, theReport } from './claims.js';
import type { ChangeTools, TriageContext } from './context.js';
import type { Disagreement, StepResult } from './contracts.js';
import type { Analyst } from './eligibility.js';
import { finalise } from './finalise.js';
import { noteContext } from './model.js';
import { currentAssessmentOf, type AssessmentRow } from './store.js';
import type { TriageTables } from './tables.js';
import type { Transaction } from 'kysely';
import { assessmentViewOf } from './views.js';

/**
 * The assessment a second analyst reviews: the report awaits confirmation (409 otherwise),
 * the reviewer is not its assessor (403: the second pair of eyes must be another's), it is
 * the assessment they saw (409 naming `assessmentId` when it is not the current one), and
 * they hold the claim (409).
 */
async function assessmentUnderReview(
  ctx: TriageContext,
  trx: Transaction<TriageTables>,
  tools: ChangeTools,
  analyst: Analyst,
  reportId: string,
  assessmentId: string,
): Promise<AssessmentRow> {
  const position = await lockOpenReport(ctx, tools, reportId);
  if (position.stage !== 'confirming') throw new Problem('conflict', { detail: 'detail.not-awaiting-confirmation', fields: theReport });
  const current = await currentAssessmentOf(trx, reportId);
  if (!current) throw new Problem('conflict', { detail: 'detail.not-awaiting-confirmation', fields: theReport });
  if (current.assessed_by === analyst.userId) throw new Problem('forbidden', { detail: 'detail.own-assessment', fields: theReport });
  if (current.id !== assessmentId) {
    throw new Problem('conflict', { detail: 'detail.assessment-changed', fields: [fieldProblem('/assessmentId', 'invalid')] });
  }
  await requireClaim(ctx, trx, analyst.userId, reportId);
  return current;
}

/** A second analyst confirms the assessment: it becomes final, and routing follows. */
export async function confirmAssessment(ctx: TriageContext, analyst: Analyst, reportId: string, assessmentId: string): Promise<StepResult> {
  return ctx.change(async (trx, tools) => {
    await assessmentUnderReview(ctx, trx, tools, analyst, reportId, assessmentId);
    const now = ctx.now();
    const review = await trx
      .insertInto('triage_reviews')
      .values({
        id: randomUUID(),
        assessment_id: assessmentId,
        report_id: reportId,
        reviewed_by: analyst.userId,
        reviewed_at: now,
        decision: 'confirmed',
        fields: [],
        note_sealed: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const row = await trx
      .updateTable('triage_assessments')
      .set({ state: 'confirmed', confirmed_by: analyst.userId, final_at: now })
      .where('id', '=', assessmentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('triage_claims').where('report_id', '=', reportId).execute();
    await tools.audit(analyst.actor, {
      action: 'assessment.confirm',
      subjectType: 'report',
      subjectId: reportId,
      detail: { assessmentId, reviewId: review.id, assessedBy: row.assessed_by },
    });
    const final = await finalise(ctx, tools, analyst.actor, row);
    return { reportId, stage: 'final', assessment: assessmentViewOf(row, review), final };
  });
}

/**
 * A second analyst disagrees: the report goes back to the queue as disputed, the fields
 * they disagree on and their (sealed) note beside the assessment, for a senior analyst who
 * took no part in it to settle. Nothing is actioned meanwhile.
 */
export async function disagreeWithAssessment(
  ctx: TriageContext,
  analyst: Analyst,
  reportId: string,
  input: Disagreement,
): Promise<StepResult> {
  return ctx.change(async (trx, tools) => {
    await assessmentUnderReview(ctx, trx, tools, analyst, reportId, input.assessmentId);
    const id = randomUUID();
    const review = await trx
      .insertInto('triage_reviews')
      .values({
        id,
        assessment_id: input.assessmentId,
        report_id: reportId,
        reviewed_by: analyst.userId,
        reviewed_at: ctx.now(),
        decision: 'disagreed',
        fields: [...input.fields],
        note_sealed: input.note === undefined ? null : ctx.sealer.seal(input.note, noteContext('triage_reviews', id)),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const row = await trx
      .updateTable('triage_assessments')
      .set({ state: 'disputed' })
      .where('id', '=', input.assessmentId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('triage_claims').where('report_id', '=', reportId).execute();
    await tools.audit(analyst.actor, {
      action: 'assessment.disagree',
      subjectType: 'report',
      subjectId: reportId,
      detail: { assessmentId: input.assessmentId, reviewId: id, fields: [...input.fields], note: input.note !== undefined },
    });
    await ctx.reports.moveAssessment(tools.root, analyst.actor, { reportId, stage: 'disputed' });
    return { reportId, stage: 'disputed', assessment: assessmentViewOf(row, review), final: null };
  });
}
