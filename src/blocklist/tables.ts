import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** One row per version of the list: version 1 is the first non-empty change. */
export interface BlocklistVersionsTable {
  version: number;
  created_at: Timestamp;
  /** How many URLs the list holds at this version, and how many this version added and removed. */
  size: number;
  added: number;
  removed: number;
}

/** Every URL ever listed, keyed by a keyed hash of its canonical form; listed now or not. */
export interface BlocklistUrlsTable {
  url_key: string;
  /** The canonical URL, sealed (a path can name a person): `blocklist_urls.url_sealed:<url_key>`. */
  url_sealed: string;
  listed: boolean;
  /** The version (and time) that last put it on the list. */
  added_version: number;
  added_at: Timestamp;
  /** The version (and time) that last took it off; null while listed. */
  removed_version: number | null;
  removed_at: Timestamp | null;
}

/** What each version changed: the exact difference between two versions is read from here. */
export interface BlocklistChangesTable {
  version: number;
  url_key: string;
  change: 'add' | 'remove';
}

export interface BlocklistTables {
  blocklist_versions: BlocklistVersionsTable;
  blocklist_urls: BlocklistUrlsTable;
  blocklist_changes: BlocklistChangesTable;
}
