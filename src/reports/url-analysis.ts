import type { ReportContext } from './context.js';
import { analysedUrlKinds } from './match-keys.js';
import { crossMatchJob, sealContext, type CrossMatchData } from './model.js';

/**
 * What the URL analysis (src/urls) needs of reports: their URLs, decrypted, in one system
 * read audited once per job with counts (never a URL); and match keys it computes from
 * them (canonical URL, registrable domain and path, as keyed blind indexes), added so that
 * cross-matching links on them.
 */

export interface UrlItem {
  itemId: string;
  reportId: string;
  url: string;
}

export type UrlMatchKind = (typeof analysedUrlKinds)[number];

/** `reader.purpose` names, in the audit entry, why the job reads them (default `url-analysis`; the blocklist's job reads them too). */
export async function readUrlsForAnalysis(
  ctx: ReportContext,
  reportIds: readonly string[],
  reader: { jobId: string; purpose?: string },
): Promise<UrlItem[]> {
  if (reportIds.length === 0) return [];
  return ctx.change(async (trx, tools) => {
    const rows = await trx
      .selectFrom('report_items')
      .select(['id', 'report_id', 'value_sealed'])
      .where('report_id', 'in', [...reportIds])
      .where('kind', '=', 'url')
      .where('value_sealed', 'is not', null)
      .orderBy('report_id')
      .orderBy('addition_id', (ob) => ob.nullsFirst())
      .orderBy('position')
      .execute();
    if (rows.length === 0) return [];
    const items = rows.map((row) => ({
      itemId: row.id,
      reportId: row.report_id,
      url: ctx.sealer.open(row.value_sealed!, sealContext('report_items', 'value_sealed', row.id)),
    }));
    await tools.audit(
      { actorType: 'system', actorId: null },
      {
        action: 'report.read-urls',
        subjectType: 'job',
        subjectId: reader.jobId,
        detail: {
          purpose: reader.purpose ?? 'url-analysis',
          reports: new Set(items.map((item) => item.reportId)).size,
          urls: items.length,
        },
      },
    );
    return items;
  });
}

/**
 * Adds URL match keys (already blind indexes) to reports; a key a report already has is
 * not added again. Reports that gained a key are cross-matched again, in the same
 * transaction, since the intake's cross-matching may have run before the key existed.
 */
export async function addUrlMatchKeys(
  ctx: ReportContext,
  keys: readonly { reportId: string; kind: UrlMatchKind; value: string }[],
): Promise<number> {
  const rows = keys
    .filter((key) => (analysedUrlKinds as readonly string[]).includes(key.kind))
    .map((key) => ({ report_id: key.reportId, kind: key.kind, value: key.value }));
  if (rows.length === 0) return 0;
  return ctx.change(async (trx, tools) => {
    const added = await trx
      .insertInto('report_match_keys')
      .values(rows)
      .onConflict((conflict) => conflict.doNothing())
      .returning('report_id')
      .execute();
    if (added.length > 0) {
      const data: CrossMatchData = { reportIds: [...new Set(added.map((row) => row.report_id))] };
      await tools.enqueue(crossMatchJob, data);
    }
    return added.length;
  });
}

export async function reportExists(ctx: ReportContext, id: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
