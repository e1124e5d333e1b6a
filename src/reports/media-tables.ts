import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * A file received and hashed, waiting for the report that names it (`media[].uploadId`).
 * Consumed (deleted) by that report's transaction, or purged when it expires unused.
 */
export interface ReportUploadsTable {
  id: string;
  /** Who may use it: the public (any public submission), a partner organisation, a staff member. */
  owner_kind: 'public' | 'organisation' | 'user';
  owner_id: string | null;
  received_at: Timestamp;
  expires_at: Timestamp;
  /** From the bytes, never from what the sender declared. */
  media_type: string;
  size: number;
  width: number | null;
  height: number | null;
  md5: string;
  sha1: string;
  sha256: string;
  pdq: string | null;
  pdq_quality: number | null;
  /** The file name the sender gave (a plain name), sealed: it can name a person. */
  file_name_sealed: string | null;
}

/**
 * The bytes of an upload, kept only when the deployment quarantines media
 * (`VIGIE_MEDIA_QUARANTINE`), sealed under the key ring, until `delete_after`.
 */
export interface ReportMediaQuarantineTable {
  /** The upload's id. */
  id: string;
  /** Set when a report used the upload: its media item. */
  report_id: string | null;
  item_id: string | null;
  media_type: string;
  size: number;
  stored_at: Timestamp;
  delete_after: Timestamp;
  content_sealed: Uint8Array;
}

/** One bank entry a media item matched, or a false-positive entry that set matches aside. */
export interface ReportMediaMatchesTable {
  report_id: string;
  item_id: string;
  bank_id: string;
  /** The bank's name and purpose when it matched. */
  bank_name: string;
  bank_purpose: string;
  entry_id: string;
  kind: 'pdq' | 'md5' | 'sha1' | 'sha256';
  distance: number;
  legal_status: string;
  industry_category: string | null;
  age_group: string | null;
  /** Set aside by a hit in a false-positive bank: these entries (of this item's own hits). */
  suppressed: boolean;
  suppressed_by: string[];
  matched_at: Timestamp;
}

export interface MediaTables {
  report_uploads: ReportUploadsTable;
  report_media_quarantine: ReportMediaQuarantineTable;
  report_media_matches: ReportMediaMatchesTable;
}
