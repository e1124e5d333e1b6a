import type { ColumnType } from 'kysely';
import type { HotelTables } from './hotel-tables.js';
import type { LinkTables } from './link-tables.js';
import type { MediaTables } from './media-tables.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface ReportsTable {
  id: string;
  channel: string;
  category: string;
  urgent: boolean;
  status: string;
  language: string | null;
  /** ISO 3166-1 codes of the report's places, for filtering and routing. */
  countries: string[];
  subdivisions: string[];
  /** As the reporter gave it: a date or a date and time. */
  occurred: string | null;
  submitted_at: Timestamp | null;
  received_at: Timestamp;
  updated_at: Timestamp;
  /** The partner organisation whose key submitted it; null for the public and staff. */
  organisation_id: string | null;
  api_key_id: string | null;
  reporter_role: string | null;
  consent_to_contact: boolean;
  url_count: number;
  media_count: number;
  identifier_count: number;
  children_count: number;
  reported_persons_count: number;
  narrative_sealed: string | null;
  reporter_contact_sealed: string | null;
  /** JSON arrays, sealed whole. */
  children_sealed: string | null;
  reported_persons_sealed: string | null;
  places_sealed: string | null;
  /** SHA-256 of the public reporter's receipt code. */
  receipt_hash: string | null;
  /** The assessment queue's order (priorityOf, model.ts), and what it is computed from besides urgency and category. */
  priority: number;
  known_content: boolean;
  age_group: string | null;
  /** Where its assessment stands (assessment-stage.ts); every report starts `awaiting`. */
  assessment_stage: ColumnType<string, string | undefined, string>;
}

export interface ReportAdditionsTable {
  id: string;
  report_id: string;
  received_at: Timestamp;
  narrative_sealed: string | null;
}

export interface ReportItemsTable {
  id: string;
  report_id: string;
  addition_id: string | null;
  position: number;
  kind: 'url' | 'media' | 'online_identifier';
  /** Host of a URL item, lower case: where the content is, for routing to its host. */
  url_host: string | null;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  media_type: string | null;
  /** The URL; a media's file name and URL (JSON); an online identifier (JSON). */
  value_sealed: string | null;
  /** When a media item was matched against the hash banks (null: not yet). */
  matched_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReportMatchKeysTable {
  report_id: string;
  /** url, email, phone, account, profile_url, identity, canonical_url, domain_path: keyed blind indexes; md5, sha1, sha256: the hash. */
  kind: string;
  value: string;
}

export interface ReportLinksTable {
  report_id: string;
  linked_report_id: string;
  /** The reason (match-keys.ts linkReasons): one row per reason, so a pair may have several. */
  kind: string;
  linked_at: CreatedAt;
}

export interface ReportIdempotencyTable {
  owner_kind: 'organisation' | 'user';
  /** The partner organisation, or the staff member, whose key this is. */
  owner_id: string;
  key: string;
  /** Keyed hash of the request (route and canonical body), never the body itself. */
  fingerprint: string;
  response: ColumnType<unknown, string, never>;
  created_at: CreatedAt;
}

/** The call a helpline report was recorded from. */
export interface ReportCallsTable {
  report_id: string;
  /** The intake operator who recorded it (a staff user id). */
  recorded_by: string;
  caller_type: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  referrals: string[];
  advice_sealed: string | null;
  referral_note_sealed: string | null;
}

export interface ReportTables extends MediaTables, HotelTables, LinkTables {
  reports: ReportsTable;
  report_additions: ReportAdditionsTable;
  report_items: ReportItemsTable;
  report_match_keys: ReportMatchKeysTable;
  report_links: ReportLinksTable;
  report_idempotency: ReportIdempotencyTable;
  report_calls: ReportCallsTable;
}
