import type { Selectable } from 'kysely';
import { MailError } from '../platform/mail/index.js';
import type { OpenNotice } from '../referrals/index.js';
import type { TakedownContext } from './context.js';
import { removedChecksToConfirm } from './model.js';
import { isNoticeDue, sendNoticeAttempt } from './notice-sending.js';
import { closeNoticesClosedElsewhere, registerNotices } from './registration.js';
import { checkNoticeUrls, closeIfRemoved } from './removal-tracking.js';
import type { NoticeUrlsTable } from './tables.js';

export interface CycleOutcome {
  registered: number;
  checked: number;
  attempts: number;
  removed: number;
  closedElsewhere: number;
  failed: number;
}

async function allOpenNotices(ctx: TakedownContext): Promise<OpenNotice[]> {
  const all: OpenNotice[] = [];
  for (let after: string | undefined; ;) {
    const page = await ctx.deps.referrals.openNotices({ limit: 500, ...(after ? { after } : {}) });
    all.push(...page);
    if (page.length < 500) return all;
    after = page.at(-1)!.referralId;
  }
}

/**
 * One turn of notice and takedown, run by the periodic job `takedown.cycle`: new notices
 * taken up; for each active one, its URLs checked when their check is due or a notice is
 * (removal is looked at before every re-send), the notice closed when every URL is confirmed
 * removed, otherwise an attempt made when one is due. One notice failing does not stop the
 * others; everything is idempotent, so a retried or doubled job repeats nothing.
 */
export async function runTakedownCycle(ctx: TakedownContext, jobId: string): Promise<CycleOutcome> {
  const outcome: CycleOutcome = { registered: 0, checked: 0, attempts: 0, removed: 0, closedElsewhere: 0, failed: 0 };
  const open = await allOpenNotices(ctx);
  outcome.registered = await registerNotices(ctx, open, jobId);
  outcome.closedElsewhere = await closeNoticesClosedElsewhere(ctx, open);
  const openById = new Map(open.map((notice) => [notice.referralId, notice]));
  const active = await ctx.db.selectFrom('notices').selectAll().where('state', '=', 'active').orderBy('registered_at').execute();
  // Every URL of the active notices not yet confirmed removed, in one query.
  const pending = new Map<string, Selectable<NoticeUrlsTable>[]>();
  const rows = await ctx.db
    .selectFrom('notice_urls')
    .selectAll()
    .where('referral_id', 'in', (eb) => eb.selectFrom('notices').select('referral_id').where('state', '=', 'active'))
    .where('removed_streak', '<', removedChecksToConfirm)
    .execute();
  for (const row of rows) pending.set(row.referral_id, [...(pending.get(row.referral_id) ?? []), row]);
  const { noticeIntervalMs, removalCheckIntervalMs } = ctx.deps.settings;
  // Without mail no notice can leave: the URLs are then checked at the removal interval only.
  let mailMissing = Boolean(ctx.deps.mail.missingSetting);
  for (const notice of active) {
    const referral = openById.get(notice.referral_id);
    if (!referral) continue;
    try {
      const now = ctx.now();
      const due = !mailMissing && isNoticeDue(notice, now, noticeIntervalMs);
      const urls = pending.get(notice.referral_id) ?? [];
      const toCheck = urls.filter(
        (url) => due || url.last_checked_at === null || new Date(url.last_checked_at).getTime() + removalCheckIntervalMs <= now.getTime(),
      );
      if (toCheck.length > 0) {
        await checkNoticeUrls(ctx, notice.referral_id, toCheck);
        outcome.checked += toCheck.length;
      }
      // Only a check can complete a removal (or a notice found with every URL removed already).
      if ((toCheck.length > 0 || urls.length === 0) && (await closeIfRemoved(ctx, referral))) {
        outcome.removed += 1;
        continue;
      }
      if (due) {
        const attempt = await sendNoticeAttempt(ctx, referral);
        if ('attempt' in attempt) outcome.attempts += 1;
        else if (attempt.skipped === 'no_recipient') ctx.deps.logger?.warn({ referralId: notice.referral_id }, 'a notice has no recipient');
      }
    } catch (error) {
      if (error instanceof MailError && error.kind === 'not_configured') {
        mailMissing = true;
        ctx.deps.logger?.warn({ setting: error.code }, 'notices cannot be sent: mail is not configured');
        continue;
      }
      outcome.failed += 1;
      // The error's name and code only: a message could quote a URL.
      const code = (error as { code?: unknown }).code;
      ctx.deps.logger?.warn(
        {
          referralId: notice.referral_id,
          error: error instanceof Error ? error.name : typeof error,
          code: typeof code === 'string' ? code : undefined,
        },
        'a notice could not be advanced',
      );
    }
  }
  ctx.deps.logger?.info({ jobId, ...outcome }, 'takedown cycle');
  return outcome;
}
