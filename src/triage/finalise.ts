import type { ChangeTools, TriageContext } from './context.js';
import type { FinalAssessment } from './contracts.js';
import type { Actor, AssessmentFollowUpData } from './ports.js';
import type { AssessmentRow } from './store.js';
import { finalAssessmentOfRow } from './views.js';

/**
 * An assessment became final, in the transaction that made it so: the report leaves the
 * queue (a report found not illegal is closed: nothing to act on; any other waits for
 * routing, which forwards it), and each follow-up that wants it (routing) is enqueued with
 * `{ reportId, trigger: 'assessed' }`. Exactly once per report: a report has at most one
 * final assessment (a unique index), and only a report in the queue gets one.
 */
export async function finalise(ctx: TriageContext, tools: ChangeTools, actor: Actor, row: AssessmentRow): Promise<FinalAssessment> {
  const final = finalAssessmentOfRow(row);
  await ctx.reports.moveAssessment(tools.root, actor, {
    reportId: row.report_id,
    stage: 'final',
    ...(final.legalStatus === 'not_illegal' ? { status: 'closed' as const } : {}),
  });
  const jobs: string[] = [];
  for (const followUp of ctx.followUps) {
    if (followUp.wants && !followUp.wants(final)) continue;
    const data: AssessmentFollowUpData = { reportId: row.report_id, trigger: 'assessed' };
    await tools.enqueue(followUp.job, data);
    jobs.push(followUp.job);
  }
  await tools.audit(actor, {
    action: 'assessment.final',
    subjectType: 'report',
    subjectId: row.report_id,
    detail: { assessmentId: row.id, basis: final.basis, legalStatus: final.legalStatus, followUps: jobs },
  });
  return final;
}
