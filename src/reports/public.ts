import { randomUUID } from 'node:crypto';
import { Problem } from '../platform/http/index.js';
import { checkItems, type ItemsContent } from './checks.js';
import type { ReportContext } from './context.js';
import { enqueueFollowUps } from './follow-ups.js';
import { sealContext, type ReportStatus } from './model.js';
import type { Actor } from './ports.js';
import { normaliseReceiptCode, receiptHash } from './receipt.js';
import { itemRows, matchKeyRows } from './rows.js';
import { insertItemsAndKeys } from './store.js';
import { attachQuarantined, useUploads } from './upload-consume.js';

/**
 * What a public reporter can do with the receipt code: see where the report stands and add
 * information. Neither asks who they are, and neither shows them anything they did not write
 * beyond the status.
 */
export interface PublicStatus {
  status: ReportStatus;
  receivedAt: string;
  additions: number;
}

export interface Addition extends ItemsContent {
  narrative?: string;
}

async function reportIdOf(ctx: ReportContext, code: string): Promise<string> {
  const normalised = normaliseReceiptCode(code);
  if (normalised === null) throw new Problem('not-found');
  const row = await ctx.db.selectFrom('reports').select('id').where('receipt_hash', '=', receiptHash(normalised)).executeTakeFirst();
  if (!row) throw new Problem('not-found');
  return row.id;
}

export async function publicStatus(ctx: ReportContext, code: string): Promise<PublicStatus> {
  const id = await reportIdOf(ctx, code);
  const row = await ctx.db
    .selectFrom('reports')
    .select((eb) => [
      'status',
      'received_at',
      eb
        .selectFrom('report_additions')
        .whereRef('report_additions.report_id', '=', 'reports.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('additions'),
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { status: row.status as ReportStatus, receivedAt: new Date(row.received_at).toISOString(), additions: Number(row.additions ?? 0) };
}

export async function addInformation(ctx: ReportContext, actor: Actor, code: string, addition: Addition): Promise<{ receivedAt: string }> {
  const problems: Parameters<typeof checkItems>[2] = [];
  checkItems(addition, '', problems);
  const empty = !addition.narrative && !addition.urls?.length && !addition.media?.length && !addition.onlineIdentifiers?.length;
  if (empty) problems.push({ in: 'body', pointer: '/narrative', code: 'required' });
  if (problems.length > 0) throw new Problem('validation', { fields: problems });
  const reportId = await reportIdOf(ctx, code);
  const id = randomUUID();
  const receivedAt = ctx.now();
  await ctx.change(async (trx, tools) => {
    const { narrative } = addition;
    const { contents, uses } = await useUploads(ctx, trx, actor, [{ pointer: '', content: addition }]);
    const items = contents[0]!;
    await trx
      .insertInto('report_additions')
      .values({
        id,
        report_id: reportId,
        received_at: receivedAt,
        narrative_sealed: narrative ? ctx.sealer.seal(narrative, sealContext('report_additions', 'narrative_sealed', id)) : null,
      })
      .execute();
    await insertItemsAndKeys(trx, itemRows(ctx.sealer, reportId, id, items), matchKeyRows(ctx.sealer, reportId, items, receivedAt));
    await attachQuarantined(trx, uses, [{ reportId, additionId: id }]);
    await trx.updateTable('reports').set({ updated_at: receivedAt }).where('id', '=', reportId).execute();
    await tools.audit(actor, {
      action: 'report.add-information',
      subjectType: 'report',
      subjectId: reportId,
      detail: {
        additionId: id,
        narrative: narrative !== undefined,
        urls: addition.urls?.length ?? 0,
        media: addition.media?.length ?? 0,
        onlineIdentifiers: addition.onlineIdentifiers?.length ?? 0,
      },
    });
    await enqueueFollowUps(ctx, tools, [{ reportId, content: addition }]);
  });
  return { receivedAt: receivedAt.toISOString() };
}
