import { bindContext as bind } from '../platform/context/index.js';
import { assessReport } from './assess.js';
import { assignees } from './assignees.js';
import { claimReport, reassignClaim, releaseClaim, releaseClaimsOfAccount } from './claims.js';
import { TriageContext, type TriageDeps, type TriageSettings } from './context.js';
import { claimNext } from './next.js';
import { queue, queueCounts } from './queue.js';
import { assessmentsOf, finalAssessmentOf, finalAssessmentsWith, notesOf, reportAssessment } from './read.js';
import { confirmAssessment, disagreeWithAssessment } from './review.js';

/** The settings from the deployment's configuration (VIGIE_ASSESSMENT_*). */
export function triageSettingsFrom(config: { assessmentConfirmation: 'required' | 'off'; assessmentClaimMinutes: number }): TriageSettings {
  return { confirmation: config.assessmentConfirmation, claimMinutes: config.assessmentClaimMinutes };
}

/** Assessment: the queue, claims, assessments and the second analyst's review, bound to one database. */
export function createTriageService(deps: TriageDeps) {
  const ctx = new TriageContext(deps);
  return {
    queue: bind(ctx, queue),
    queueCounts: bind(ctx, queueCounts),
    claimReport: bind(ctx, claimReport),
    claimNext: bind(ctx, claimNext),
    releaseClaim: bind(ctx, releaseClaim),
    reassignClaim: bind(ctx, reassignClaim),
    releaseClaimsOfAccount: bind(ctx, releaseClaimsOfAccount),
    assignees: bind(ctx, assignees),
    assessReport: bind(ctx, assessReport),
    confirmAssessment: bind(ctx, confirmAssessment),
    disagreeWithAssessment: bind(ctx, disagreeWithAssessment),
    reportAssessment: bind(ctx, reportAssessment),
    assessmentsOf: bind(ctx, assessmentsOf),
    finalAssessmentOf: bind(ctx, finalAssessmentOf),
    finalAssessmentsWith: bind(ctx, finalAssessmentsWith),
    notesOf: bind(ctx, notesOf),
    settings: ctx.settings,
  };
}

export type TriageService = ReturnType<typeof createTriageService>;
