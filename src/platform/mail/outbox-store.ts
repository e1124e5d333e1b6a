import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MailOutboxTable, MailTables } from './tables.js';

export type MailRow = Selectable<MailOutboxTable>;

/** A queued message as callers see it: no recipient, no content. */
export interface MailStatus {
  id: string;
  key: string;
  purpose: string;
  messageId: string;
  state: 'pending' | 'sent' | 'failed';
  /** Sends begun; more than one when a try failed, or its outcome was lost in a crash. */
  tries: number;
  lastError: string | null;
  recipients: number;
  accepted: number | null;
  rejected: number | null;
  createdAt: Date;
  settledAt: Date | null;
}

export const statusOf = (row: MailRow): MailStatus => ({
  id: row.id,
  key: row.key,
  purpose: row.purpose,
  messageId: row.message_id,
  state: row.state as MailStatus['state'],
  tries: row.tries,
  lastError: row.last_error,
  recipients: row.recipients,
  accepted: row.accepted,
  rejected: row.rejected,
  createdAt: new Date(row.created_at),
  settledAt: row.settled_at === null ? null : new Date(row.settled_at),
});

export interface NewMailRow {
  id: string;
  key: string;
  purpose: string;
  messageId: string;
  sealed: string;
  recipients: number;
  date: Date;
}

/** Inserts the message unless its key exists; true when inserted. */
export async function insertMail(trx: Transaction<MailTables>, mail: NewMailRow): Promise<boolean> {
  const inserted = await trx
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      key: mail.key,
      purpose: mail.purpose,
      message_id: mail.messageId,
      message_sealed: mail.sealed,
      recipients: mail.recipients,
      state: 'pending',
      tries: 0,
      date: mail.date,
      created_at: mail.date,
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function mailWhere(
  db: Kysely<MailTables> | Transaction<MailTables>,
  column: 'id' | 'key',
  value: string,
): Promise<MailRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where(column, '=', value).executeTakeFirst();
}

export async function lockMail(trx: Transaction<MailTables>, id: string): Promise<MailRow | undefined> {
  return trx.selectFrom('mail_outbox').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function claimMail(trx: Transaction<MailTables>, id: string, tries: number, until: Date): Promise<void> {
  await trx.updateTable('mail_outbox').set({ tries, claimed_until: until }).where('id', '=', id).execute();
}

export async function releaseMail(db: Kysely<MailTables>, id: string, lastError: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ claimed_until: null, last_error: lastError })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}

/** Settles a pending message; undefined when it was settled already. */
export async function settleMail(
  trx: Transaction<MailTables>,
  id: string,
  outcome: { state: 'sent' | 'failed'; at: Date; lastError: string | null; accepted: number | null; rejected: number | null },
): Promise<MailRow | undefined> {
  return trx
    .updateTable('mail_outbox')
    .set({
      state: outcome.state,
      settled_at: outcome.at,
      claimed_until: null,
      last_error: outcome.lastError,
      accepted: outcome.accepted,
      rejected: outcome.rejected,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}
