import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * One message to send, written before it is sent (the outbox). Its Message-ID and Date are
 * fixed here, so that every try sends the same message. The message itself (recipients,
 * subject, bodies, headers) is sealed: a notice names reported URLs.
 */
export interface MailOutboxTable {
  id: string;
  /** The caller's name for this message (`notice:<referral>:<attempt>`): queueing it again finds it. */
  key: string;
  /** What the message is for (`notice`): the caller that is told when it is settled. */
  purpose: string;
  message_id: string;
  message_sealed: string;
  recipients: number;
  /** `pending`, `sent` or `failed`. */
  state: string;
  /** Sends begun, the current one included. */
  tries: number;
  /** While a worker sends, no other may: until this time. */
  claimed_until: Timestamp | null;
  /** The last failure's code (`ECONNECTION`, `EENVELOPE 550`), never the server's text. */
  last_error: string | null;
  accepted: number | null;
  rejected: number | null;
  date: Timestamp;
  created_at: Timestamp;
  settled_at: Timestamp | null;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
