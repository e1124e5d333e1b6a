import type { ReportContext } from './context.js';

/**
 * The hashes of reports' media items, in clear as they are stored (hashes identify content,
 * not people), for the international contribution: never a file name, URL or byte.
 */
export interface MediaHashes {
  itemId: string;
  reportId: string;
  /** When the report carrying it was received: the first time this hotline saw the item. */
  receivedAt: string;
  mediaType: string | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdqQuality: number | null;
}

export async function mediaHashesOf(ctx: ReportContext, reportIds: readonly string[]): Promise<MediaHashes[]> {
  if (reportIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('report_items')
    .innerJoin('reports', 'reports.id', 'report_items.report_id')
    .select([
      'report_items.id',
      'report_items.report_id',
      'reports.received_at',
      'report_items.media_type',
      'report_items.md5',
      'report_items.sha1',
      'report_items.sha256',
      'report_items.pdq',
      'report_items.pdq_quality',
    ])
    .where('report_items.report_id', 'in', [...reportIds])
    .where('report_items.kind', '=', 'media')
    .orderBy('report_items.report_id')
    .orderBy('report_items.id')
    .execute();
  return rows.map((row) => ({
    itemId: row.id,
    reportId: row.report_id,
    receivedAt: new Date(row.received_at).toISOString(),
    mediaType: row.media_type,
    md5: row.md5,
    sha1: row.sha1,
    sha256: row.sha256,
    pdq: row.pdq,
    pdqQuality: row.pdq_quality,
  }));
}
