import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { Problem, type FieldProblem } from '../platform/http/index.js';
import { checkBatch, checkReport } from './checks.js';
import type { ReportContext } from './context.js';
import { requestFingerprint } from './idempotency.js';
import type { Actor } from './ports.js';
import { newReceiptCode, normaliseReceiptCode, receiptHash } from './receipt.js';
import type { Channel, ReportContent } from './report-v1.js';
import type { IncomingReport } from './rows.js';
import type { ReportTables } from './tables.js';

export interface ReportReceipt {
  reportId: string;
  receivedAt: string;
  status: 'received';
}
export interface BatchReceipt {
  count: number;
  reports: ReportReceipt[];
}
export interface PublicReceipt {
  /** Shown once; only its hash is kept. */
  receiptCode: string;
  receivedAt: string;
}

/** Who submits through a partner key: the key, and the organisation that holds it. */
export interface PartnerSubmitter {
  actor: Actor;
  organisationId: string;
  apiKeyId: string;
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
}

export function incomingReports(channel: Channel, receivedAt: Date, contents: readonly ReportContent[], from: Partial<IncomingReport>) {
  return contents.map((content): IncomingReport => ({
    id: randomUUID(),
    channel,
    receivedAt,
    organisationId: from.organisationId ?? null,
    apiKeyId: from.apiKeyId ?? null,
    receiptHash: from.receiptHash ?? null,
    content,
  }));
}

/** A partner's submission, by channel: its route (for the idempotency fingerprint), key, body and reports. */
export interface PartnerRequest {
  channel: Channel;
  route: string;
  idempotencyKey: string;
  body: unknown;
  contents: readonly ReportContent[];
  /** More writes of the channel's own, in the same transaction, once the reports are written. */
  alsoWrite?: (trx: Transaction<ReportTables>, reportIds: readonly string[]) => Promise<void>;
  auditDetail?: Record<string, string | number | boolean | string[]>;
  /** Where the report sits in the body (`/report`), when it is not the body itself. */
  pointer?: string;
}

export async function submitFromPartner<Receipt>(
  ctx: ReportContext,
  // Without a key: a report a partner deployment forwarded (src/exchange).
  partner: Omit<PartnerSubmitter, 'apiKeyId'> & { apiKeyId: string | null },
  request: PartnerRequest,
  receiptOf: (receipts: ReportReceipt[]) => Receipt,
): Promise<{ replayed: boolean; receipt: Receipt }> {
  const receivedAt = ctx.now();
  const incoming = incomingReports(request.channel, receivedAt, request.contents, partner).map((report, i) =>
    request.route === 'batch' ? { ...report, pointer: `/reports/${i}` } : { ...report, pointer: request.pointer ?? '' },
  );
  const receipt = receiptOf(incoming.map((report) => ({ reportId: report.id, receivedAt: receivedAt.toISOString(), status: 'received' })));
  const fingerprint = requestFingerprint(ctx.sealer, request.route, request.body);
  const owner = { kind: 'organisation', id: partner.organisationId } as const;
  const result = await ctx.intake.submit({
    actor: partner.actor,
    incoming,
    claim: { owner, key: request.idempotencyKey, fingerprint, response: receipt },
    ...(request.auditDetail ? { auditDetail: request.auditDetail } : {}),
    ...(request.alsoWrite ? { alsoWrite: request.alsoWrite } : {}),
  });
  return result.replayed ? { replayed: true, receipt: result.replay as Receipt } : { replayed: false, receipt };
}

export function submitPartnerReport(ctx: ReportContext, partner: PartnerSubmitter, idempotencyKey: string, content: ReportContent) {
  refuse(checkReport(content, '', ctx.now()));
  return submitFromPartner(
    ctx,
    partner,
    { channel: 'partner_api', route: 'report', idempotencyKey, body: content, contents: [content] },
    (receipts) => receipts[0]!,
  );
}

export function submitPartnerBatch(
  ctx: ReportContext,
  partner: PartnerSubmitter,
  idempotencyKey: string,
  body: { reports: ReportContent[] },
) {
  refuse(checkBatch(body.reports, ctx.now()));
  const route = { channel: 'partner_api', route: 'batch', idempotencyKey, body, contents: body.reports } as const;
  return submitFromPartner(ctx, partner, route, (reports): BatchReceipt => ({ count: reports.length, reports }));
}

/**
 * A report forwarded by a partner Vigie deployment (src/exchange), after that module checked
 * the message's signature: a partner report of the organisation the partner is linked to,
 * without an API key, claimed once under the message's key like any partner submission.
 */
export function submitForwardedReport(
  ctx: ReportContext,
  from: { actor: Actor; organisationId: string },
  messageKey: string,
  content: ReportContent,
) {
  refuse(checkReport(content, '/payload/report', ctx.now()));
  return submitFromPartner(
    ctx,
    { ...from, apiKeyId: null },
    {
      channel: 'partner_api',
      route: 'forwarded',
      idempotencyKey: messageKey,
      body: content,
      contents: [content],
      pointer: '/payload/report',
    },
    (receipts) => receipts[0]!,
  );
}

/** A report from the public: anonymous unless the reporter gave contact details and consent. */
export async function submitPublicReport(ctx: ReportContext, actor: Actor, content: ReportContent): Promise<PublicReceipt> {
  refuse(checkReport(content, '', ctx.now()));
  const receiptCode = newReceiptCode();
  const receivedAt = ctx.now();
  const incoming = incomingReports('web', receivedAt, [content], { receiptHash: receiptHash(normaliseReceiptCode(receiptCode)!) });
  await ctx.intake.submit({ actor, incoming });
  return { receiptCode, receivedAt: receivedAt.toISOString() };
}
