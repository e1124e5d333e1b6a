import { randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import { checkAssessment } from './checks.js';
import { lockOpenReport, requireClaim, theReport } from './claims.js';
import type { TriageContext } from './context.js';
import type { NewAssessment, StepResult } from './contracts.js';
import { ineligibility, type Analyst } from './eligibility.js';
import { finalise } from './finalise.js';
import { noteContext, type AssessmentKind, type AssessmentState } from './model.js';
import { assessmentViewOf } from './views.js';

/**
 * The claimant's assessment of a report awaiting one: legal status, category (the analyst
 * may correct the reporter's), age group, imagery class, a sealed note. It waits for a
 * second analyst's confirmation, unless the deployment requires none; then it is final at
 * once. On a disputed report, a senior analyst's assessment settles the dispute and is final
 * (a third pair of eyes). The claim ends with the step.
 */
export async function assessReport(ctx: TriageContext, analyst: Analyst, reportId: string, input: NewAssessment): Promise<StepResult> {
  const facts = { legalStatus: input.legalStatus, category: input.category, ageGroup: input.ageGroup, imageryClass: input.imageryClass };
  checkAssessment(facts);
  return ctx.change(async (trx, tools) => {
    const position = await lockOpenReport(ctx, tools, reportId);
    if (position.stage === 'confirming')
      throw new Problem('conflict', { detail: 'detail.assessment-awaits-confirmation', fields: theReport });
    if (position.stage === 'disputed') {
      const refusal = await ineligibility(trx, analyst, reportId, position.stage);
      if (refusal) throw new Problem('forbidden', { detail: refusal, fields: theReport });
    }
    await requireClaim(ctx, trx, analyst.userId, reportId);
    const kind: AssessmentKind = position.stage === 'disputed' ? 'resolution' : 'assessment';
    const isFinal = kind === 'resolution' || ctx.settings.confirmation === 'off';
    const id = randomUUID();
    const now = ctx.now();
    const row = await trx
      .insertInto('triage_assessments')
      .values({
        id,
        report_id: reportId,
        kind,
        assessed_by: analyst.userId,
        assessed_at: now,
        legal_status: facts.legalStatus,
        category: facts.category,
        age_group: facts.ageGroup,
        imagery_class: facts.imageryClass,
        note_sealed: input.note === undefined ? null : ctx.sealer.seal(input.note, noteContext('triage_assessments', id)),
        state: (isFinal ? 'final' : 'awaiting_confirmation') satisfies AssessmentState,
        final_at: isFinal ? now : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('triage_claims').where('report_id', '=', reportId).execute();
    await tools.audit(analyst.actor, {
      action: 'assessment.assess',
      subjectType: 'report',
      subjectId: reportId,
      detail: {
        assessmentId: id,
        kind,
        legalStatus: facts.legalStatus,
        category: facts.category,
        ageGroup: facts.ageGroup,
        imageryClass: facts.imageryClass,
        note: input.note !== undefined,
        final: isFinal,
      },
    });
    if (isFinal) {
      const final = await finalise(ctx, tools, analyst.actor, row);
      return { reportId, stage: 'final', assessment: assessmentViewOf(row, undefined), final };
    }
    await ctx.reports.moveAssessment(tools.root, analyst.actor, { reportId, stage: 'confirming' });
    return { reportId, stage: 'confirming', assessment: assessmentViewOf(row, undefined), final: null };
  });
}
