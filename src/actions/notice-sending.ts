import type { Selectable } from 'kysely';
import type { OpenNotice } from '../referrals/index.js';
import { resolveContact } from './host-contacts.js';
import { systemActor, type TakedownContext } from './context.js';
import { noticeMailKey, noticeMailPurpose, noticeUrlSealContext, removedChecksToConfirm } from './model.js';
import { composeNotice } from './notice-message.js';
import type { NoticesTable } from './tables.js';

/** Whether a notice is due: never sent, or its last attempt is at least the interval old. */
export function isNoticeDue(
  notice: Pick<Selectable<NoticesTable>, 'attempts' | 'last_noticed_at'>,
  now: Date,
  intervalMs: number,
): boolean {
  if (notice.attempts === 0 || notice.last_noticed_at === null) return true;
  return new Date(notice.last_noticed_at).getTime() + intervalMs <= now.getTime();
}

export type AttemptOutcome = { attempt: number } | { skipped: 'not_due' | 'not_active' | 'no_url' | 'no_recipient' };

/**
 * One attempt, in one transaction: the notice row locked and found still due (a second
 * worker, or a retry after a crash, finds the attempt made and does nothing), the attempt
 * numbered and recorded, its mail queued in the outbox under the attempt's key, the referral
 * moved to `sent` with the first one, an audit entry. Nothing of it exists unless all of it
 * commits; once committed the outbox sends that one message, with one Message-ID. The
 * message names the URLs not yet confirmed removed, in the deployment's languages (or the
 * configured contact's), and refers to the earlier attempts' Message-IDs.
 */
export async function sendNoticeAttempt(ctx: TakedownContext, open: OpenNotice): Promise<AttemptOutcome> {
  return ctx.change(async (trx, tools) => {
    const notice = await trx.selectFrom('notices').selectAll().where('referral_id', '=', open.referralId).forUpdate().executeTakeFirst();
    if (!notice || notice.state !== 'active') return { skipped: 'not_active' };
    const now = ctx.now();
    if (!isNoticeDue(notice, now, ctx.deps.settings.noticeIntervalMs)) return { skipped: 'not_due' };
    const urls = await trx
      .selectFrom('notice_urls')
      .selectAll()
      .where('referral_id', '=', open.referralId)
      .where('removed_streak', '<', removedChecksToConfirm)
      .orderBy('host')
      .orderBy('id')
      .execute();
    if (urls.length === 0) return { skipped: 'no_url' };
    const contact = await resolveContact(trx, urls, open.addressee.emails);
    if (contact.emails.length === 0) {
      await trx.updateTable('notices').set({ recipients: [], contact_source: 'none' }).where('referral_id', '=', open.referralId).execute();
      return { skipped: 'no_recipient' };
    }
    const earlier = await trx
      .selectFrom('notice_attempts')
      .select('message_id')
      .where('referral_id', '=', open.referralId)
      .orderBy('number')
      .execute();
    const number = notice.attempts + 1;
    const message = composeNotice(contact.language ? [contact.language] : ctx.deps.settings.languages, ctx.deps.sender, {
      to: contact.emails,
      urls: urls.map((url) => ctx.deps.sealer.open(url.url_sealed, noticeUrlSealContext(url.id))),
      reference: open.referralId,
      references: earlier.map((row) => row.message_id),
    });
    const queued = await ctx.deps.mail.queue(tools.root, {
      key: noticeMailKey(open.referralId, number),
      purpose: noticeMailPurpose,
      message,
    });
    await trx
      .insertInto('notice_attempts')
      .values({
        referral_id: open.referralId,
        number,
        mail_id: queued.id,
        message_id: queued.messageId,
        queued_at: now,
        mail_state: 'queued',
      })
      .execute();
    await trx
      .updateTable('notices')
      .set({
        attempts: number,
        first_noticed_at: notice.first_noticed_at ?? now,
        last_noticed_at: now,
        recipients: contact.emails,
        contact_source: contact.source,
      })
      .where('referral_id', '=', open.referralId)
      .execute();
    if (number === 1 && open.status === 'pending') {
      await ctx.deps.referrals.changeStatusIn(tools.root, systemActor, open.referralId, { status: 'sent' });
    }
    await tools.audit(systemActor, {
      action: 'takedown.notice',
      subjectType: 'referral',
      subjectId: open.referralId,
      detail: { attempt: number, urls: urls.length, recipients: contact.emails.length, contact: contact.source, mailId: queued.id },
    });
    return { attempt: number };
  });
}
