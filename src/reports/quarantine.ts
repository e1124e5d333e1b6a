import { Problem } from '../platform/http/index.js';
import type { ReportContext } from './context.js';
import { sealContext } from './model.js';
import type { Actor } from './ports.js';

/**
 * The quarantined bytes of one media item of a report, opened for an analyst. The read and
 * its audit entry are one transaction: no bytes leave without their trace. Not found when the
 * deployment keeps no bytes, when this item's were not kept, or after their retention.
 */
export async function viewQuarantinedMedia(
  ctx: ReportContext,
  actor: Actor,
  reportId: string,
  itemId: string,
): Promise<{ mediaType: string; bytes: Uint8Array }> {
  const sealer = ctx.media?.quarantine?.sealer;
  if (!sealer) throw new Problem('not-found');
  return ctx.change(async (trx, tools) => {
    const row = await trx
      .selectFrom('report_media_quarantine')
      .select(['id', 'media_type', 'size', 'content_sealed'])
      .where('report_id', '=', reportId)
      .where('item_id', '=', itemId)
      .where('delete_after', '>', ctx.now())
      .executeTakeFirst();
    if (!row) throw new Problem('not-found');
    const bytes = sealer.openBytes(row.content_sealed, sealContext('report_media_quarantine', 'content_sealed', row.id));
    await tools.audit(actor, {
      action: 'report.view-media',
      subjectType: 'report',
      subjectId: reportId,
      detail: { itemId, mediaType: row.media_type, size: row.size },
    });
    return { mediaType: row.media_type, bytes };
  });
}
