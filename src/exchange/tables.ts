import type { Generated } from 'kysely';

/** Partner deployments, registered by an administrator with their public key. */
export interface ExchangePartnersTable {
  id: string;
  name: string;
  base_url: string;
  public_key: string;
  key_id: string;
  organisation_id: string;
  created_at: Date;
  created_by: string | null;
}

/** A referral forwarded (or to forward) to a partner: one message id for every attempt. */
export interface ExchangeForwardsTable {
  referral_id: string;
  report_id: string;
  partner_id: string;
  message_id: string;
  /** The shared report, built at the first attempt and sent unchanged at every retry. */
  payload_sealed: string | null;
  state: 'pending' | 'acknowledged';
  attempts: Generated<number>;
  /** What went wrong at the last attempt: an HTTP status or a kind of failure, never content. */
  last_error: string | null;
  remote_status: string | null;
  created_at: Date;
  acknowledged_at: Date | null;
}

/** A report received from a partner: which referral of the partner's it answers, and the last status sent back. */
export interface ExchangeImportsTable {
  partner_id: string;
  message_id: string;
  report_id: string;
  remote_referral_id: string;
  status: string;
  created_at: Date;
  updated_at: Date;
}

/** Status messages to deliver to a partner (no personal data: ids, a status, a time). */
export interface ExchangeOutboxTable {
  id: string;
  partner_id: string;
  in_reply_to: string;
  status: string;
  at: Date;
  created_at: Date;
  delivered_at: Date | null;
}

/** Status messages received, by id, so that a repeated one changes nothing. */
export interface ExchangeInboxTable {
  partner_id: string;
  message_id: string;
  received_at: Date;
}

export interface ExchangeTables {
  exchange_partners: ExchangePartnersTable;
  exchange_forwards: ExchangeForwardsTable;
  exchange_imports: ExchangeImportsTable;
  exchange_outbox: ExchangeOutboxTable;
  exchange_inbox: ExchangeInboxTable;
}
