import type { Transaction } from 'kysely';
import type { MailStatus } from '../platform/mail/index.js';
import { tablesOf, type AnyDatabase } from '../platform/store/index.js';
import type { ActionTables } from './tables.js';

/** The outbox's `onSettled.notice` listener: an attempt's mail marked sent or failed, in the transaction that settles it. */
export async function noticeMailSettled(trx: Transaction<AnyDatabase>, mail: MailStatus): Promise<void> {
  await (tablesOf<ActionTables>(trx) as Transaction<ActionTables>)
    .updateTable('notice_attempts')
    .set({ mail_state: mail.state, settled_at: mail.settledAt ?? new Date() })
    .where('mail_id', '=', mail.id)
    .execute();
}
