import type { Transaction } from 'kysely';
import { rolesFor } from '../platform/access/index.js';
import { fieldProblem, Problem, type FieldProblem } from '../platform/http/index.js';
import type { AnyDatabase } from '../platform/store/index.js';
import type { AssessmentPosition, QueueStage } from '../reports/index.js';
import type { ChangeTools, TriageContext } from './context.js';
import { ineligibility, type Analyst } from './eligibility.js';
import { maxClaimsPerAnalyst, purposeOfStage, type ClaimPurpose } from './model.js';
import type { Actor } from './ports.js';
import { activeClaims, claimOf, isActive, type ClaimRow } from './store.js';
import type { TriageTables } from './tables.js';

/** A claim as the API shows it. */
export interface ClaimView {
  reportId: string;
  claimedBy: string;
  purpose: ClaimPurpose;
  claimedAt: string;
  expiresAt: string;
}

export function claimViewOf(row: ClaimRow): ClaimView {
  return {
    reportId: row.report_id,
    claimedBy: row.claimed_by,
    purpose: row.purpose as ClaimPurpose,
    claimedAt: new Date(row.claimed_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** The report's path parameter, which every refusal about the report names. */
export const theReport: FieldProblem[] = [{ in: 'path', parameter: 'id', code: 'invalid' }];

/** Locks the report for this step; 404 when there is none, 409 when its assessment is already final. */
export async function lockOpenReport(
  ctx: TriageContext,
  tools: ChangeTools,
  reportId: string,
): Promise<AssessmentPosition & { stage: QueueStage }> {
  const position = await ctx.reports.lockForAssessment(tools.root, reportId);
  if (!position) throw new Problem('not-found');
  if (position.stage === 'final') throw new Problem('conflict', { detail: 'detail.assessment-final', fields: theReport });
  return position as AssessmentPosition & { stage: QueueStage };
}

/** Someone now works on the report: the reporter sees it in analysis. */
async function markInAnalysis(ctx: TriageContext, tools: ChangeTools, actor: Actor, position: AssessmentPosition): Promise<void> {
  if (position.status === 'received') {
    await ctx.reports.moveAssessment(tools.root, actor, { reportId: position.reportId, stage: position.stage, status: 'in_analysis' });
  }
}

/**
 * Claims a report for this analyst, exclusively, for the deployment's claim time: to assess
 * it, to confirm (or dispute) its assessment, or to settle a dispute, by its stage. Claiming
 * a report one already holds renews the claim. Every step on one report runs under the
 * report's row lock, so of two analysts claiming at once exactly one wins; the other gets 409.
 */
export async function claimReport(ctx: TriageContext, analyst: Analyst, reportId: string): Promise<{ claim: ClaimView; renewed: boolean }> {
  return ctx.change(async (trx, tools) => {
    const position = await lockOpenReport(ctx, tools, reportId);
    const refusal = await ineligibility(trx, analyst, reportId, position.stage);
    if (refusal) throw new Problem('forbidden', { detail: refusal, fields: theReport });
    const now = ctx.now();
    const existing = await claimOf(trx, reportId);
    const held = existing && isActive(existing, now) ? existing : undefined;
    if (held && held.claimed_by !== analyst.userId) throw new Problem('conflict', { detail: 'detail.claim-held', fields: theReport });
    if (!held) {
      const mine = await activeClaims(trx, now, analyst.userId);
      if (mine.length >= maxClaimsPerAnalyst) throw new Problem('conflict', { detail: 'detail.claim-limit', fields: theReport });
    }
    const claim = await writeClaim(ctx, trx, { reportId, userId: analyst.userId, purpose: purposeOfStage[position.stage], renew: held });
    await tools.audit(analyst.actor, {
      action: 'assessment.claim',
      subjectType: 'report',
      subjectId: reportId,
      detail: {
        purpose: claim.purpose,
        expiresAt: claim.expiresAt,
        renewed: held !== undefined,
        expiredClaimOf: existing && !held ? existing.claimed_by : null,
      },
    });
    await markInAnalysis(ctx, tools, analyst.actor, position);
    return { claim, renewed: held !== undefined };
  });
}

async function writeClaim(
  ctx: TriageContext,
  trx: Transaction<TriageTables>,
  claim: { reportId: string; userId: string; purpose: ClaimPurpose; renew?: ClaimRow | undefined },
): Promise<ClaimView> {
  const now = ctx.now();
  const row = {
    report_id: claim.reportId,
    claimed_by: claim.userId,
    purpose: claim.purpose,
    claimed_at: claim.renew ? claim.renew.claimed_at : now,
    expires_at: new Date(now.getTime() + ctx.settings.claimMinutes * 60_000),
  };
  const { report_id: _key, ...update } = row;
  const written = await trx
    .insertInto('triage_claims')
    .values(row)
    .onConflict((conflict) => conflict.column('report_id').doUpdateSet(update))
    .returningAll()
    .executeTakeFirstOrThrow();
  return claimViewOf(written);
}

/** The analyst's own claim on the report, held now; 409 naming the report otherwise. */
export async function requireClaim(
  ctx: TriageContext,
  trx: Transaction<TriageTables>,
  userId: string,
  reportId: string,
): Promise<ClaimRow> {
  const claim = await claimOf(trx, reportId);
  if (!claim || claim.claimed_by !== userId || !isActive(claim, ctx.now())) {
    throw new Problem('conflict', { detail: 'detail.claim-required', fields: theReport });
  }
  return claim;
}

/** Gives a claim up (the analyst steps away, whatever the reason: no reason is asked). */
export async function releaseClaim(ctx: TriageContext, analyst: Analyst, reportId: string): Promise<void> {
  await ctx.change(async (trx, tools) => {
    const position = await ctx.reports.lockForAssessment(tools.root, reportId);
    if (!position) throw new Problem('not-found');
    const claim = await requireClaim(ctx, trx, analyst.userId, reportId);
    await trx.deleteFrom('triage_claims').where('report_id', '=', reportId).execute();
    await tools.audit(analyst.actor, {
      action: 'assessment.release',
      subjectType: 'report',
      subjectId: reportId,
      detail: { purpose: claim.purpose },
    });
  });
}

/**
 * Ends every claim an account holds, in the transaction that disables it (identity's hook,
 * wired by main.ts): the reports it held are free to claim at once, not when the claims
 * would have expired. Each release is audited, by whoever disabled the account.
 */
export async function releaseClaimsOfAccount(
  ctx: TriageContext,
  root: Transaction<AnyDatabase>,
  actor: Actor,
  userId: string,
): Promise<void> {
  await ctx.within(root, async (trx, tools) => {
    const released = await trx.deleteFrom('triage_claims').where('claimed_by', '=', userId).returning(['report_id', 'purpose']).execute();
    for (const claim of released) {
      await tools.audit(actor, {
        action: 'assessment.release',
        subjectType: 'report',
        subjectId: claim.report_id,
        detail: { purpose: claim.purpose, reason: 'account-disabled', userId },
      });
    }
  });
}

/** Whether these roles let a person hold a claim and assess (the policy's `assessment.assess`). */
export const mayAssess = (roles: readonly string[]) =>
  roles.some((role) => (rolesFor('assessment.assess') as readonly string[]).includes(role));
/** Whether these roles let a person settle a dispute (the policy's `assessment.resolve`). */
export const mayResolve = (roles: readonly string[]) =>
  roles.some((role) => (rolesFor('assessment.resolve') as readonly string[]).includes(role));
const theUser = [fieldProblem('/userId', 'invalid')];

/**
 * A supervisor hands the report's claim to another analyst (a fresh claim time), or takes
 * it back (`userId` null) so that anyone may claim the report. The new holder must be an
 * active analyst who may work on the report at its stage: 422 naming `userId` otherwise.
 */
export async function reassignClaim(ctx: TriageContext, actor: Actor, reportId: string, userId: string | null): Promise<ClaimView | null> {
  const roles = userId === null ? null : await ctx.staff?.rolesOf(userId);
  return ctx.change(async (trx, tools) => {
    const position = await lockOpenReport(ctx, tools, reportId);
    const existing = await claimOf(trx, reportId);
    const from = existing && isActive(existing, ctx.now()) ? existing.claimed_by : null;
    let claim: ClaimView | null = null;
    if (userId === null) {
      await trx.deleteFrom('triage_claims').where('report_id', '=', reportId).execute();
    } else {
      if (!roles || !mayAssess(roles)) throw new Problem('unprocessable', { detail: 'detail.not-an-analyst', fields: theUser });
      const refusal = await ineligibility(trx, { userId, mayResolve: mayResolve(roles) }, reportId, position.stage);
      if (refusal) throw new Problem('unprocessable', { detail: refusal, fields: theUser });
      claim = await writeClaim(ctx, trx, { reportId, userId, purpose: purposeOfStage[position.stage] });
      await markInAnalysis(ctx, tools, actor, position);
    }
    await tools.audit(actor, {
      action: 'assessment.reassign',
      subjectType: 'report',
      subjectId: reportId,
      detail: { from, to: userId, purpose: purposeOfStage[position.stage] },
    });
    return claim;
  });
}
