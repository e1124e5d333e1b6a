import { randomUUID } from 'node:crypto';
import type { ExchangeContext } from './context.js';
import type { StatusMessage } from './contracts.js';
import { deliverJob, exchangeFormat, rankOf, type ExchangeStatus } from './model.js';
import { partnerById } from './partners.js';
import { deliver } from './transport.js';

export interface DeliverData {
  messageId: string;
}

/** How many imported reports one run of the sync looks at. */
const syncBatch = 500;

/**
 * Where an imported report stands here, as its sender understands it: `removed` once a notice
 * to its host is done (the content is gone), `assessed` once its assessment is final,
 * `received` until then.
 */
export function statusOf(stage: string | undefined, referrals: readonly { kind: string; status: string }[]): ExchangeStatus {
  if (referrals.some((referral) => referral.kind === 'notice' && referral.status === 'done')) return 'removed';
  return stage === 'final' ? 'assessed' : 'received';
}

/**
 * The periodic job: for the reports imported from partners whose last status sent back is not
 * `removed`, the status now; each that moved gets a status message in the outbox and its
 * delivery job, with the new status recorded, in one transaction (a status is sent once).
 */
export async function syncStatuses(ctx: ExchangeContext): Promise<number> {
  const open = await ctx.db
    .selectFrom('exchange_imports')
    .select(['partner_id', 'message_id', 'report_id', 'status'])
    .where('status', '<>', 'removed')
    .orderBy('updated_at')
    .limit(syncBatch)
    .execute();
  if (open.length === 0) return 0;
  const reportIds = open.map((row) => row.report_id);
  const [positions, referrals] = await Promise.all([ctx.reports.assessmentPositionsOf(reportIds), ctx.referrals.referralsOf(reportIds)]);
  const stageOf = new Map(positions.map((position) => [position.reportId, position.stage]));
  let queued = 0;
  for (const row of open) {
    const now = statusOf(
      stageOf.get(row.report_id),
      referrals.filter((referral) => referral.reportId === row.report_id),
    );
    if (rankOf(now) <= rankOf(row.status as ExchangeStatus)) continue;
    const at = ctx.now();
    const sent = await ctx.change(async (trx, tools) => {
      const moved = await trx
        .updateTable('exchange_imports')
        .set({ status: now, updated_at: at })
        .where('partner_id', '=', row.partner_id)
        .where('message_id', '=', row.message_id)
        .where('status', '=', row.status)
        .returning('report_id')
        .executeTakeFirst();
      if (!moved) return false;
      const id = randomUUID();
      await trx
        .insertInto('exchange_outbox')
        .values({ id, partner_id: row.partner_id, in_reply_to: row.message_id, status: now, at, created_at: at, delivered_at: null })
        .execute();
      await ctx.jobs.enqueue<DeliverData>(tools.root, deliverJob, { messageId: id }, { key: id });
      return true;
    });
    if (sent) queued += 1;
  }
  return queued;
}

/** The delivery job: one status message to its partner, until the partner's signed acknowledgement comes back. */
export async function deliverStatus(ctx: ExchangeContext, messageId: string): Promise<'delivered' | 'already' | 'unknown'> {
  const row = await ctx.db.selectFrom('exchange_outbox').selectAll().where('id', '=', messageId).executeTakeFirst();
  if (!row) return 'unknown';
  if (row.delivered_at) return 'already';
  const partner = await partnerById(ctx, row.partner_id);
  if (!partner) return 'unknown';
  const message: StatusMessage = {
    format: exchangeFormat,
    id: row.id,
    type: 'status',
    sender: ctx.signer.keyId,
    recipient: partner.key_id,
    sentAt: ctx.now().toISOString(),
    payload: { inReplyTo: row.in_reply_to, status: row.status as ExchangeStatus, at: new Date(row.at).toISOString() },
  };
  await deliver(ctx, partner, message);
  await ctx.db.updateTable('exchange_outbox').set({ delivered_at: ctx.now() }).where('id', '=', row.id).execute();
  return 'delivered';
}
