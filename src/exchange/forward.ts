import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AnyDatabase } from '../platform/store/index.js';
import { advanceReferral, referralStatus } from './advance.js';
import { system, type ExchangeContext } from './context.js';
import type { ReportMessage, SharedReport } from './contracts.js';
import { exchangeFormat, forwardJob, forwardSealedContext } from './model.js';
import { partnerById } from './partners.js';
import { sharedParts, sharedReportOf } from './shared-report.js';
import { deliver, DeliveryError } from './transport.js';

export interface ForwardData {
  referralId: string;
}

/**
 * The referrals module's hook, inside the transaction that makes a referral: a referral of
 * kind `partner_hotline` to an organisation registered as a partner deployment gets its
 * forwarding row (with the message id every attempt will carry) and its job, committed with
 * the referral or not at all.
 */
export async function onReferralCreated(
  ctx: ExchangeContext,
  trx: Transaction<AnyDatabase>,
  referral: { id: string; reportId: string; kind: string; organisationId: string | null },
): Promise<void> {
  if (referral.kind !== 'partner_hotline' || referral.organisationId === null) return;
  const own = ctx.within(trx);
  const partner = await own
    .selectFrom('exchange_partners')
    .select('id')
    .where('organisation_id', '=', referral.organisationId)
    .executeTakeFirst();
  if (!partner) return;
  // A report this partner forwarded here is never sent back to it (no ping-pong between two deployments).
  const cameFromIt = await own
    .selectFrom('exchange_imports')
    .select('report_id')
    .where('report_id', '=', referral.reportId)
    .where('partner_id', '=', partner.id)
    .executeTakeFirst();
  if (cameFromIt) return;
  const inserted = await own
    .insertInto('exchange_forwards')
    .values({
      referral_id: referral.id,
      report_id: referral.reportId,
      partner_id: partner.id,
      message_id: randomUUID(),
      payload_sealed: null,
      state: 'pending',
      last_error: null,
      remote_status: null,
      created_at: ctx.now(),
      acknowledged_at: null,
    })
    .onConflict((conflict) => conflict.column('referral_id').doNothing())
    .returning('referral_id')
    .executeTakeFirst();
  if (inserted) await ctx.jobs.enqueue<ForwardData>(trx, forwardJob, { referralId: referral.id }, { key: referral.id });
}

/** The shared report of a forwarding, built and sealed at the first attempt, the same bytes at every retry. */
async function sharedReportFor(ctx: ExchangeContext, row: { referral_id: string; report_id: string; payload_sealed: string | null }) {
  const context = forwardSealedContext(row.referral_id);
  if (row.payload_sealed) return JSON.parse(ctx.sealer.open(row.payload_sealed, context)) as SharedReport;
  const granted = await ctx.reports.readGrantedReport(
    { actor: system, grant: { subjectType: 'referral', subjectId: row.referral_id } },
    row.report_id,
    sharedParts,
  );
  const shared = sharedReportOf(granted);
  // Another attempt may have built it meanwhile: the first one written wins, and is what is sent.
  await ctx.db
    .updateTable('exchange_forwards')
    .set({ payload_sealed: ctx.sealer.seal(JSON.stringify(shared), context) })
    .where('referral_id', '=', row.referral_id)
    .where('payload_sealed', 'is', null)
    .execute();
  const stored = await ctx.db
    .selectFrom('exchange_forwards')
    .select('payload_sealed')
    .where('referral_id', '=', row.referral_id)
    .executeTakeFirstOrThrow();
  return JSON.parse(ctx.sealer.open(stored.payload_sealed!, context)) as SharedReport;
}

/**
 * The job: sends the report message to the partner and, once the partner's signed
 * acknowledgement is in, marks the forwarding acknowledged and the referral `received`, in
 * one transaction. A lost answer makes the job fail and run again with the same message id;
 * the partner answers the same acknowledgement without importing the report again.
 */
export async function forwardReferral(ctx: ExchangeContext, referralId: string): Promise<'acknowledged' | 'already' | 'unknown'> {
  const row = await ctx.db.selectFrom('exchange_forwards').selectAll().where('referral_id', '=', referralId).executeTakeFirst();
  if (!row) return 'unknown';
  if (row.state === 'acknowledged') return 'already';
  const partner = await partnerById(ctx, row.partner_id);
  if (!partner) return 'unknown';
  const report = await sharedReportFor(ctx, row);
  const message: ReportMessage = {
    format: exchangeFormat,
    id: row.message_id,
    type: 'report',
    sender: ctx.signer.keyId,
    recipient: partner.key_id,
    sentAt: ctx.now().toISOString(),
    payload: { referralId, report },
  };
  try {
    await deliver(ctx, partner, message);
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.reason : 'error';
    await ctx.db
      .updateTable('exchange_forwards')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: reason }))
      .where('referral_id', '=', referralId)
      .execute();
    throw error;
  }
  const from = await referralStatus(ctx, referralId, row.report_id);
  await ctx.change(async (trx, tools) => {
    const updated = await trx
      .updateTable('exchange_forwards')
      .set((eb) => ({
        state: 'acknowledged',
        acknowledged_at: ctx.now(),
        attempts: eb('attempts', '+', 1),
        last_error: null,
        remote_status: eb.fn.coalesce('remote_status', eb.val('received')),
      }))
      .where('referral_id', '=', referralId)
      .where('state', '=', 'pending')
      .returning('referral_id')
      .executeTakeFirst();
    if (!updated) return;
    await advanceReferral(ctx, tools.root, referralId, from, 'received');
    await tools.audit(system, {
      action: 'exchange.forward',
      subjectType: 'referral',
      subjectId: referralId,
      detail: { partner: partner.id, message: row.message_id, report: row.report_id },
    });
  });
  return 'acknowledged';
}
