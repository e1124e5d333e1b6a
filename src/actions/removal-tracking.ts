import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { OpenNotice } from '../referrals/index.js';
import { systemActor, type TakedownContext } from './context.js';
import { noticeUrlSealContext, removedChecksToConfirm } from './model.js';
import { checkRemoval, type RemovalCheck } from './removal-check.js';
import type { NoticeUrlsTable } from './tables.js';

type NoticeUrlRow = Selectable<NoticeUrlsTable>;

/** At most this many URLs of one notice are fetched at once. */
const checksAtOnce = 4;

async function inTurns<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/**
 * Checks these URLs of one notice (outside any transaction), then records every check —
 * outcome, reason, status, hash, nothing else — and where each URL stands, in one
 * transaction with one audit entry. Two `removed` in a row confirm a removal; its time is
 * the first of them, and its time to removal runs from the first notice (0 when the
 * content was already gone when the first notice left).
 */
export async function checkNoticeUrls(ctx: TakedownContext, referralId: string, urls: readonly NoticeUrlRow[]): Promise<RemovalCheck[]> {
  const check = ctx.deps.check ?? checkRemoval;
  const checks = await inTurns(urls, checksAtOnce, (row) =>
    check(ctx.deps.sealer.open(row.url_sealed, noticeUrlSealContext(row.id)), ctx.deps.removalCheck),
  );
  await ctx.change(async (trx, tools) => {
    const notice = await trx.selectFrom('notices').select('first_noticed_at').where('referral_id', '=', referralId).executeTakeFirst();
    const firstNoticedAt = notice?.first_noticed_at ? new Date(notice.first_noticed_at) : null;
    let confirmed = 0;
    for (const [index, row] of urls.entries()) {
      const result = checks[index]!;
      const checkedAt = new Date(result.checkedAt);
      const current = await trx.selectFrom('notice_urls').selectAll().where('id', '=', row.id).forUpdate().executeTakeFirst();
      if (!current || current.removed_streak >= removedChecksToConfirm) continue;
      const removed = result.outcome === 'removed';
      const streak = removed ? current.removed_streak + 1 : 0;
      const removedAt = removed ? (current.removed_at ? new Date(current.removed_at) : checkedAt) : null;
      const confirmedNow = streak >= removedChecksToConfirm && removedAt !== null;
      if (confirmedNow) confirmed += 1;
      await trx
        .insertInto('removal_checks')
        .values({
          id: randomUUID(),
          notice_url_id: row.id,
          checked_at: checkedAt,
          outcome: result.outcome,
          reason: result.reason,
          status: result.status ?? null,
          sha256: result.sha256 ?? null,
        })
        .execute();
      await trx
        .updateTable('notice_urls')
        .set({
          last_checked_at: checkedAt,
          last_outcome: result.outcome,
          last_reason: result.reason,
          last_status: result.status ?? null,
          removed_streak: streak,
          removed_at: removedAt,
          seconds_to_removal:
            confirmedNow && removedAt
              ? Math.max(0, Math.round((removedAt.getTime() - (firstNoticedAt ?? removedAt).getTime()) / 1000))
              : null,
        })
        .where('id', '=', row.id)
        .execute();
    }
    const count = (outcome: RemovalCheck['outcome']) => checks.filter((result) => result.outcome === outcome).length;
    await tools.audit(systemActor, {
      action: 'takedown.removal-check',
      subjectType: 'referral',
      subjectId: referralId,
      detail: {
        urls: urls.length,
        online: count('online'),
        removed: count('removed'),
        error: count('error'),
        refused: count('refused'),
        confirmed,
      },
    });
  });
  return checks;
}

/**
 * Closes a notice whose every URL is confirmed removed: the notice `removed` with the time of
 * its last URL's removal, the referral `done` with the outcome `content_removed`, in one
 * transaction. A notice never sent (mail not configured) keeps its referral `pending`.
 */
export async function closeIfRemoved(ctx: TakedownContext, open: OpenNotice): Promise<boolean> {
  return ctx.change(async (trx, tools) => {
    const notice = await trx.selectFrom('notices').selectAll().where('referral_id', '=', open.referralId).forUpdate().executeTakeFirst();
    if (!notice || notice.state !== 'active') return false;
    const urls = await trx.selectFrom('notice_urls').selectAll().where('referral_id', '=', open.referralId).execute();
    if (urls.length === 0 || urls.some((url) => url.removed_streak < removedChecksToConfirm)) return false;
    const removedAt = new Date(Math.max(...urls.map((url) => new Date(url.removed_at!).getTime())));
    await trx.updateTable('notices').set({ state: 'removed', removed_at: removedAt }).where('referral_id', '=', open.referralId).execute();
    if (notice.attempts > 0) {
      await ctx.deps.referrals.changeStatusIn(tools.root, systemActor, open.referralId, { status: 'done', outcome: 'content_removed' });
    }
    await tools.audit(systemActor, {
      action: 'takedown.removed',
      subjectType: 'referral',
      subjectId: open.referralId,
      detail: {
        urls: urls.length,
        attempts: notice.attempts,
        secondsToRemoval: Math.max(...urls.map((url) => url.seconds_to_removal ?? 0)),
      },
    });
    return true;
  });
}
