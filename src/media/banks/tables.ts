import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A bigint column: PostgreSQL sends it as text; we write it as a string or a number. */
type BigId = ColumnType<string, string | number | bigint, never>;
type Bytes = Uint8Array;

export interface HashBanksTable {
  id: string;
  name: string;
  purpose: string;
  source: string;
  description: string;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HashBankEntriesTable {
  id: Generated<string>;
  bank_id: string;
  /** Raw bytes: PDQ 32 (the 64 hex digits decoded), MD5 16, SHA-1 20, SHA-256 32. */
  pdq: Bytes | null;
  pdq_quality: number | null;
  md5: Bytes | null;
  sha1: Bytes | null;
  sha256: Bytes | null;
  legal_status: string;
  industry_category: string | null;
  age_group: string | null;
  source: string | null;
  listed_on: ColumnType<string, string, string>;
  reference: string | null;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HashBankImportsTable {
  id: string;
  bank_id: string;
  format: string;
  /** The import's defaults (classification, source, date) as JSON. */
  defaults: ColumnType<unknown, string, string>;
  status: string;
  /** Who started it, as JSON (for the audit entry the job writes). */
  actor: ColumnType<unknown, string, string>;
  total_bytes: ColumnType<string, number, number>;
  bytes_read: ColumnType<string, number | undefined, number>;
  records: ColumnType<number, number | undefined, number>;
  applied: ColumnType<number, number | undefined, number>;
  inserted: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  disabled: ColumnType<number, number | undefined, number>;
  skipped: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  errors: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface HashBankImportChunksTable {
  import_id: string;
  seq: number;
  data: Bytes;
}

/** One row: the version of the banks, bumped by every change (see changes.ts). */
export interface HashBankVersionTable {
  id: boolean;
  version: ColumnType<string, never, string | number>;
}

export interface HashBankChangesTable {
  version: BigId;
  /** A change to a whole bank (enabled, disabled): every entry of it is to be looked at again. */
  bank_id: string | null;
  /** Entries added or changed. */
  entry_ids: ColumnType<string[] | null, string[] | null, never>;
  at: Timestamp;
}

export interface BankTables {
  hash_banks: HashBanksTable;
  hash_bank_entries: HashBankEntriesTable;
  hash_bank_imports: HashBankImportsTable;
  hash_bank_import_chunks: HashBankImportChunksTable;
  hash_bank_version: HashBankVersionTable;
  hash_bank_changes: HashBankChangesTable;
}
