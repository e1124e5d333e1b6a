import type { ReferralContext } from './context.js';

/** A notice to a host whose content is confirmed removed: its URL items, and when that was recorded. */
export interface ConfirmedRemoval {
  referralId: string;
  reportId: string;
  itemIds: string[];
  at: string;
}

/**
 * The notices of these reports that ended `done` with the outcome `content_removed` (the
 * actions module's removal checker, or a senior analyst, recorded it), for the blocklist.
 */
export async function confirmedRemovals(ctx: ReferralContext, reportIds: readonly string[]): Promise<ConfirmedRemoval[]> {
  if (reportIds.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('referrals')
    .innerJoin('referral_events', 'referral_events.referral_id', 'referrals.id')
    .select(['referrals.id', 'referrals.report_id', 'referrals.item_ids', 'referral_events.at'])
    .where('referrals.report_id', 'in', [...reportIds])
    .where('referrals.kind', '=', 'notice')
    .where('referrals.status', '=', 'done')
    .where('referral_events.event', '=', 'status')
    .where('referral_events.status', '=', 'done')
    .where('referral_events.outcome', '=', 'content_removed')
    .orderBy('referral_events.at')
    .orderBy('referrals.id')
    .execute();
  return rows.map((row) => ({ referralId: row.id, reportId: row.report_id, itemIds: row.item_ids, at: new Date(row.at).toISOString() }));
}
