import { sql } from 'kysely';
import type { ReportContext } from './context.js';

/** Rows deleted per statement: a purge after a long stop does not hold one huge transaction. */
const batch = 500;

/**
 * Deletes uploads that expired unused, their quarantined bytes if any, and quarantined
 * bytes past their retention (`delete_after`), whether a report used them or not (the
 * report keeps the hashes). Idempotent: what is gone is not found again. One audit entry per
 * run that deleted anything, with the counts.
 */
export async function purgeMedia(ctx: ReportContext): Promise<{ uploads: number; quarantined: number }> {
  const now = ctx.now();
  let uploads = 0;
  let quarantined = 0;
  for (;;) {
    const round = await ctx.change(async (trx, tools) => {
      const { rows: gone } = await sql<{ id: string }>`
        delete from report_uploads where id in (
          select id from report_uploads where expires_at <= ${now} order by expires_at limit ${batch} for update skip locked)
        returning id`.execute(trx);
      // Past retention, or never used by a report and its upload gone (expired, above or before).
      const { rows: dropped } = await sql<{ id: string }>`
        delete from report_media_quarantine where id in (
          select id from report_media_quarantine q
          where delete_after <= ${now}
             or (item_id is null and not exists (select 1 from report_uploads u where u.id = q.id))
          limit ${batch} for update skip locked)
        returning id`.execute(trx);
      if (gone.length + dropped.length > 0) {
        await tools.audit(
          { actorType: 'system', actorId: null },
          {
            action: 'report.purge-media',
            subjectType: 'report_media',
            subjectId: 'retention',
            detail: { uploads: gone.length, quarantined: dropped.length },
          },
        );
      }
      return { uploads: gone.length, quarantined: dropped.length };
    });
    uploads += round.uploads;
    quarantined += round.quarantined;
    if (round.uploads < batch && round.quarantined < batch) return { uploads, quarantined };
  }
}
