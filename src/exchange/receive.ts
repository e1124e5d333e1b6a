import { Problem, type FieldProblem } from '../platform/http/index.js';
import { advanceReferral, referralStatus } from './advance.js';
import type { ExchangeContext } from './context.js';
import type { Acknowledgement, Message, ReportMessage, StatusMessage } from './contracts.js';
import { exchangeFormat, importKeyOf, keyHeader, replayWindowSeconds, signatureHeader } from './model.js';
import { partnerByKeyId } from './partners.js';
import type { Actor } from './ports.js';
import { signatureHolds } from './signed.js';
import type { ExchangePartnersTable } from './tables.js';

const refused = (fields: FieldProblem[]) => new Problem('unauthenticated', { fields });

/**
 * Who sent these bytes: the partner whose registered key signed them. An unknown key or a
 * signature that does not hold over the exact bytes received is a 401 naming the header;
 * nothing of the body is read before.
 */
export async function authenticateSender(
  ctx: ExchangeContext,
  headers: Record<string, string | string[] | undefined>,
  bytes: Buffer,
): Promise<ExchangePartnersTable> {
  const keyId = headers[keyHeader];
  const signature = headers[signatureHeader];
  const missing: FieldProblem[] = [];
  if (typeof keyId !== 'string') missing.push({ in: 'header', parameter: keyHeader, code: 'required' });
  if (typeof signature !== 'string') missing.push({ in: 'header', parameter: signatureHeader, code: 'required' });
  if (missing.length > 0) throw refused(missing);
  const partner = await partnerByKeyId(ctx, keyId as string);
  if (!partner) throw refused([{ in: 'header', parameter: keyHeader, code: 'invalid' }]);
  if (!signatureHolds(bytes, signature as string, partner.public_key)) {
    throw refused([{ in: 'header', parameter: signatureHeader, code: 'invalid' }]);
  }
  return partner;
}

/** The envelope's own checks once the signature holds: the sender is the signer, the recipient is us, the time is within the window. */
function checkEnvelope(ctx: ExchangeContext, partner: ExchangePartnersTable, message: Message): void {
  const fields: FieldProblem[] = [];
  if (message.sender !== partner.key_id) fields.push({ in: 'body', pointer: '/sender', code: 'invalid' });
  if (message.recipient !== ctx.signer.keyId) fields.push({ in: 'body', pointer: '/recipient', code: 'invalid' });
  if (fields.length > 0) throw new Problem('validation', { fields });
  const skewSeconds = Math.abs(ctx.now().getTime() - Date.parse(message.sentAt)) / 1000;
  // A message captured and sent again later is refused; within the window its id makes it harmless.
  if (!(skewSeconds <= replayWindowSeconds)) throw refused([{ in: 'body', pointer: '/sentAt', code: 'range' }]);
}

const ackOf = (
  ctx: ExchangeContext,
  partner: ExchangePartnersTable,
  messageId: string,
  status: Acknowledgement['status'],
): Acknowledgement => ({
  format: exchangeFormat,
  type: 'ack',
  messageId,
  sender: ctx.signer.keyId,
  recipient: partner.key_id,
  status,
});

/**
 * A report from a partner: imported once as a partner report of the partner's organisation
 * (the reports module claims the message's key in the intake's transaction), then recorded
 * here with the referral it answers, so its statuses go back. The same message again —
 * the sender's retry after a lost answer — imports nothing and gets the same acknowledgement.
 */
async function receiveReport(ctx: ExchangeContext, partner: ExchangePartnersTable, message: ReportMessage) {
  const media = message.payload.report.media ?? [];
  const actor: Actor = { actorType: 'system', actorId: null, organisationId: partner.organisation_id };
  const { replayed, receipt } = await ctx.reports.submitForwardedReport(
    { actor, organisationId: partner.organisation_id },
    importKeyOf(partner.id, message.id),
    { ...message.payload.report, media },
  );
  const at = ctx.now();
  await ctx.change(async (trx, tools) => {
    const inserted = await trx
      .insertInto('exchange_imports')
      .values({
        partner_id: partner.id,
        message_id: message.id,
        report_id: receipt.reportId,
        remote_referral_id: message.payload.referralId,
        status: 'received',
        created_at: at,
        updated_at: at,
      })
      .onConflict((conflict) => conflict.columns(['partner_id', 'message_id']).doNothing())
      .returning('report_id')
      .executeTakeFirst();
    if (inserted) {
      await tools.audit(actor, {
        action: 'exchange.import',
        subjectType: 'report',
        subjectId: receipt.reportId,
        detail: { partner: partner.id, message: message.id, urls: message.payload.report.urls?.length ?? 0, media: media.length },
      });
    }
  });
  return { ack: ackOf(ctx, partner, message.id, 'received'), replayed };
}

/**
 * A status of a report this deployment forwarded: the referral it was forwarded under moves
 * to the matching status (README, "Statuses"). Each status message is applied once (its id
 * is recorded in the same transaction); an older status than the referral's changes nothing.
 */
async function receiveStatus(ctx: ExchangeContext, partner: ExchangePartnersTable, message: StatusMessage) {
  const forward = await ctx.db
    .selectFrom('exchange_forwards')
    .select(['referral_id', 'report_id'])
    .where('message_id', '=', message.payload.inReplyTo)
    .where('partner_id', '=', partner.id)
    .executeTakeFirst();
  if (!forward) throw new Problem('not-found', { fields: [{ in: 'body', pointer: '/payload/inReplyTo', code: 'invalid' }] });
  const from = await referralStatus(ctx, forward.referral_id, forward.report_id);
  const replayed = await ctx.change(async (trx, tools) => {
    const first = await trx
      .insertInto('exchange_inbox')
      .values({ partner_id: partner.id, message_id: message.id, received_at: ctx.now() })
      .onConflict((conflict) => conflict.columns(['partner_id', 'message_id']).doNothing())
      .returning('message_id')
      .executeTakeFirst();
    if (!first) return true;
    const moved = await advanceReferral(ctx, tools.root, forward.referral_id, from, message.payload.status);
    await trx
      .updateTable('exchange_forwards')
      .set({ remote_status: message.payload.status })
      .where('referral_id', '=', forward.referral_id)
      .execute();
    await tools.audit(
      { actorType: 'system', actorId: null, organisationId: partner.organisation_id },
      {
        action: 'exchange.status',
        subjectType: 'referral',
        subjectId: forward.referral_id,
        detail: { partner: partner.id, message: message.id, status: message.payload.status, moved },
      },
    );
    return false;
  });
  return { ack: ackOf(ctx, partner, message.id, 'applied'), replayed };
}

/** A message whose signature held: its envelope checked, then handled by type. */
export async function receiveMessage(
  ctx: ExchangeContext,
  partner: ExchangePartnersTable,
  message: Message,
): Promise<{ ack: Acknowledgement; replayed: boolean }> {
  checkEnvelope(ctx, partner, message);
  return message.type === 'report' ? receiveReport(ctx, partner, message) : receiveStatus(ctx, partner, message);
}
