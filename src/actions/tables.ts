import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The actions module's state of one notice referral: its attempts, its stop, its removal. */
export interface NoticesTable {
  referral_id: string;
  report_id: string;
  /** `active` (sent until removal), `stopped` (by an analyst), `removed` (every URL confirmed gone), `no_urls` (nothing to send). */
  state: string;
  /** Where the notices go, fixed at each attempt: the host's configured contact or the RDAP abuse contact. */
  recipients: string[];
  contact_source: string;
  attempts: number;
  first_noticed_at: Timestamp | null;
  last_noticed_at: Timestamp | null;
  stopped_at: Timestamp | null;
  stopped_by: string | null;
  removed_at: Timestamp | null;
  registered_at: Timestamp;
}

/** One attempt of one notice: unique per notice and number, so an attempt is queued once whatever retries. */
export interface NoticeAttemptsTable {
  referral_id: string;
  number: number;
  mail_id: string;
  message_id: string;
  queued_at: Timestamp;
  /** `queued`, then `sent` or `failed` when the outbox settles its mail. */
  mail_state: string;
  settled_at: Timestamp | null;
}

/** One URL of one notice: sealed, with its host in clear (as the URL analysis keeps it) and where its removal stands. */
export interface NoticeUrlsTable {
  id: string;
  referral_id: string;
  item_id: string;
  url_sealed: string;
  host: string;
  registrable_domain: string;
  last_checked_at: Timestamp | null;
  last_outcome: string | null;
  last_reason: string | null;
  last_status: number | null;
  /** `removed` checks in a row; two confirm the removal. */
  removed_streak: number;
  /** The first `removed` check of the streak that confirmed it. */
  removed_at: Timestamp | null;
  /** From the first notice to `removed_at`, in seconds. */
  seconds_to_removal: number | null;
}

/** Every removal check: its outcome, status and the hash of what was served — nothing else. */
export interface RemovalChecksTable {
  id: string;
  notice_url_id: string;
  checked_at: Timestamp;
  outcome: string;
  reason: string;
  status: number | null;
  sha256: string | null;
}

/** A contact set by the hotline for a host or a registrable domain: it overrides the RDAP abuse contact. */
export interface HostContactsTable {
  name: string;
  emails: string[];
  language: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ActionTables {
  notices: NoticesTable;
  notice_attempts: NoticeAttemptsTable;
  notice_urls: NoticeUrlsTable;
  removal_checks: RemovalChecksTable;
  host_contacts: HostContactsTable;
}
