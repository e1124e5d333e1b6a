import { randomUUID } from 'node:crypto';
import type { OpenNotice } from '../referrals/index.js';
import { canonicalise } from '../urls/index.js';
import type { TakedownContext } from './context.js';
import { resolveContact } from './host-contacts.js';
import { noticeUrlSealContext } from './model.js';

/** New notices taken up by one cycle at most. */
const newNoticesPerCycle = 200;

/**
 * Takes up the notices routing made since the last cycle: reads their URLs (one audited
 * system read for all of them), keeps each one's canonical form sealed with its host, and
 * starts the notice `active` — or `no_urls` when none of its items is a URL that can be
 * fetched. Idempotent: a notice already taken up is left as it is.
 */
export async function registerNotices(ctx: TakedownContext, open: readonly OpenNotice[], jobId: string): Promise<number> {
  if (open.length === 0) return 0;
  const known = new Set<string>();
  // A few hundred ids a query: a statement's parameters are limited.
  for (let start = 0; start < open.length; start += 500) {
    const ids = open.slice(start, start + 500).map((notice) => notice.referralId);
    const rows = await ctx.db.selectFrom('notices').select('referral_id').where('referral_id', 'in', ids).execute();
    for (const row of rows) known.add(row.referral_id);
  }
  // At most this many a cycle, so that one job stays short; the rest come at the next.
  const fresh = open.filter((notice) => !known.has(notice.referralId)).slice(0, newNoticesPerCycle);
  if (fresh.length === 0) return 0;
  const items = await ctx.deps.reports.readUrlsForAnalysis([...new Set(fresh.map((notice) => notice.reportId))], {
    jobId,
    purpose: 'takedown',
  });
  const urlOf = new Map(items.map((item) => [item.itemId, item.url]));
  const at = ctx.now();
  let registered = 0;
  await ctx.change(async (trx) => {
    for (const notice of fresh) {
      const urls = notice.itemIds.flatMap((itemId) => {
        const url = urlOf.get(itemId);
        if (url === undefined) return [];
        try {
          return [{ itemId, canonical: canonicalise(url) }];
        } catch {
          return [];
        }
      });
      const inserted = await trx
        .insertInto('notices')
        .values({
          referral_id: notice.referralId,
          report_id: notice.reportId,
          state: urls.length > 0 ? 'active' : 'no_urls',
          recipients: notice.addressee.emails,
          contact_source: 'rdap',
          attempts: 0,
          first_noticed_at: null,
          last_noticed_at: null,
          stopped_at: null,
          stopped_by: null,
          removed_at: null,
          registered_at: at,
        })
        .onConflict((oc) => oc.column('referral_id').doNothing())
        .returning('referral_id')
        .executeTakeFirst();
      if (!inserted || urls.length === 0) continue;
      registered += 1;
      // Who will receive it, as the tracker shows it until the first attempt fixes it: a contact the hotline set wins over RDAP's.
      const contact = await resolveContact(
        trx,
        urls.map(({ canonical }) => ({ host: canonical.host, registrable_domain: canonical.registrableDomain })),
        notice.addressee.emails,
      );
      if (contact.source !== 'rdap') {
        await trx
          .updateTable('notices')
          .set({ recipients: contact.emails, contact_source: contact.source })
          .where('referral_id', '=', notice.referralId)
          .execute();
      }
      await trx
        .insertInto('notice_urls')
        .values(
          urls.map(({ itemId, canonical }) => {
            const id = randomUUID();
            return {
              id,
              referral_id: notice.referralId,
              item_id: itemId,
              url_sealed: ctx.deps.sealer.seal(canonical.canonical, noticeUrlSealContext(id)),
              host: canonical.host,
              registrable_domain: canonical.registrableDomain,
              last_checked_at: null,
              last_outcome: null,
              last_reason: null,
              last_status: null,
              removed_streak: 0,
              removed_at: null,
              seconds_to_removal: null,
            };
          }),
        )
        .execute();
    }
  });
  return registered;
}

/** Notices whose referral was closed elsewhere (a senior analyst recorded the host's answer) are no longer followed. */
export async function closeNoticesClosedElsewhere(ctx: TakedownContext, open: readonly OpenNotice[]): Promise<number> {
  const openIds = new Set(open.map((notice) => notice.referralId));
  const followed = await ctx.db
    .selectFrom('notices')
    .select('referral_id')
    .where('state', 'in', ['active', 'stopped', 'no_urls'])
    .execute();
  const closed = followed
    .map((row) => row.referral_id)
    .filter((id) => !openIds.has(id))
    .slice(0, 500);
  if (closed.length === 0) return 0;
  await ctx.db.updateTable('notices').set({ state: 'closed' }).where('referral_id', 'in', closed).execute();
  return closed.length;
}
