import { Problem } from '../platform/http/index.js';
import { checkReport } from './checks.js';
import type { ReportContext } from './context.js';
import { checkCall, type HelplineReceipt, type HelplineSubmission } from './helpline-call.js';
import { requestFingerprint } from './idempotency.js';
import { sealContext } from './model.js';
import type { Actor } from './ports.js';
import { incomingReports } from './submit.js';

/** The intake operator recording a call: their staff account. */
export interface Operator {
  actor: Actor;
  userId: string;
}

/**
 * A call recorded as a report, through the helpline console. The report, its call (advice and
 * referral note sealed), its audit entry and its follow-up jobs are written in one
 * transaction. An optional idempotency key, scoped to the operator, makes a resend after a
 * lost answer safe.
 */
export async function recordCall(
  ctx: ReportContext,
  operator: Operator,
  idempotencyKey: string | undefined,
  submission: HelplineSubmission,
): Promise<{ replayed: boolean; receipt: HelplineReceipt }> {
  const now = ctx.now();
  const problems = [...checkCall(submission.call, now), ...checkReport(submission.report, '/report', now)];
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
  const [incoming] = incomingReports('helpline', now, [submission.report], {});
  const report = { ...incoming!, pointer: '/report' };
  const receipt: HelplineReceipt = { reportId: report.id, receivedAt: now.toISOString() };
  const { call } = submission;
  const referrals = [...new Set(call.immediateReferrals ?? [])];
  const seal = (column: string, value: string | undefined) =>
    value === undefined ? null : ctx.sealer.seal(value, sealContext('report_calls', column, report.id));
  const claim =
    idempotencyKey === undefined
      ? undefined
      : {
          owner: { kind: 'user', id: operator.userId } as const,
          key: idempotencyKey,
          fingerprint: requestFingerprint(ctx.sealer, 'helpline', submission),
          response: receipt,
        };
  const result = await ctx.intake.submit({
    actor: operator.actor,
    incoming: [report],
    ...(claim ? { claim } : {}),
    auditDetail: { callerType: call.callerType, referrals },
    alsoWrite: async (trx) => {
      await trx
        .insertInto('report_calls')
        .values({
          report_id: report.id,
          recorded_by: operator.userId,
          caller_type: call.callerType,
          started_at: new Date(call.startedAt),
          ended_at: new Date(call.endedAt),
          referrals,
          advice_sealed: seal('advice_sealed', call.adviceGiven),
          referral_note_sealed: seal('referral_note_sealed', call.referralNote),
        })
        .execute();
    },
  });
  return result.replayed ? { replayed: true, receipt: result.replay as HelplineReceipt } : { replayed: false, receipt };
}
