import type { Transaction } from 'kysely';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { Category } from './categories.js';
import type { ReportContext } from './context.js';
import { reportStatuses, type ReportStatus } from './model.js';
import type { Actor } from './ports.js';
import type { ReportTables } from './tables.js';

/**
 * Where a report stands in its assessment (triage moves it; the queue is ordered on it):
 * awaiting an analyst, awaiting the second analyst's confirmation, disputed by that second
 * analyst, or final. Every report enters at `awaiting`.
 */
export const assessmentStages = ['awaiting', 'confirming', 'disputed', 'final'] as const;
export type AssessmentStage = (typeof assessmentStages)[number];
/** The stages of a report still in the assessment queue. */
export const queueStages = ['awaiting', 'confirming', 'disputed'] as const satisfies readonly AssessmentStage[];
export type QueueStage = (typeof queueStages)[number];

export interface AssessmentPosition {
  reportId: string;
  stage: AssessmentStage;
  status: ReportStatus;
  category: Category;
}

/**
 * A report's position, its row locked until the caller's transaction ends: every step of an
 * assessment (claim, assessment, confirmation) takes this lock first, so the steps on one
 * report run one after the other. Null when there is no such report.
 */
export async function lockForAssessment(
  _ctx: ReportContext,
  executor: Transaction<AnyDatabase>,
  reportId: string,
): Promise<AssessmentPosition | null> {
  const trx = tablesOf<ReportTables>(executor) as Transaction<ReportTables>;
  const row = await trx
    .selectFrom('reports')
    .select(['id', 'assessment_stage', 'status', 'category'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
  return row ? positionOf(row) : null;
}

/** The positions of these reports, for views (no lock). */
export async function assessmentPositionsOf(ctx: ReportContext, reportIds: readonly string[]): Promise<AssessmentPosition[]> {
  if (reportIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('reports')
    .select(['id', 'assessment_stage', 'status', 'category'])
    .where('id', 'in', [...reportIds])
    .execute();
  return rows.map(positionOf);
}

function positionOf(row: { id: string; assessment_stage: string; status: string; category: string }): AssessmentPosition {
  return {
    reportId: row.id,
    stage: row.assessment_stage as AssessmentStage,
    status: row.status as ReportStatus,
    category: row.category as Category,
  };
}

/** A step of the assessment, as triage asks for it, in its own transaction. */
export interface AssessmentMove {
  reportId: string;
  stage: AssessmentStage;
  /**
   * The status the reporter sees, moved forward only: `in_analysis` from `received`;
   * `closed` (nothing to act on) from `received` or `in_analysis` — a report already
   * forwarded (an urgent referral at intake) stays forwarded.
   */
  status?: 'in_analysis' | 'closed';
}

const statusesBefore: Record<'in_analysis' | 'closed', readonly ReportStatus[]> = {
  in_analysis: reportStatuses.slice(0, reportStatuses.indexOf('in_analysis')),
  closed: ['received', 'in_analysis'],
};

/**
 * Moves a report's assessment stage, and its status when the move calls for it, in the
 * caller's transaction (the caller holds the row through `lockForAssessment`). A change of
 * status is audited here (`report.status`, from and to); the assessment step itself is the
 * caller's to audit. Returns the status after the move.
 */
export async function moveAssessment(
  ctx: ReportContext,
  executor: Transaction<AnyDatabase>,
  actor: Actor,
  move: AssessmentMove,
): Promise<ReportStatus> {
  return ctx.within(executor, async (trx, tools) => {
    const row = await trx.selectFrom('reports').select(['status']).where('id', '=', move.reportId).executeTakeFirstOrThrow();
    const from = row.status as ReportStatus;
    const status = move.status && statusesBefore[move.status].includes(from) ? move.status : from;
    await trx
      .updateTable('reports')
      .set({ assessment_stage: move.stage, status, updated_at: ctx.now() })
      .where('id', '=', move.reportId)
      .execute();
    if (status !== from) {
      await tools.audit(actor, { action: 'report.status', subjectType: 'report', subjectId: move.reportId, detail: { from, to: status } });
    }
    return status;
  });
}
