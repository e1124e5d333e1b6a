import { sql, type Kysely } from 'kysely';
import { tablesOf, type AnyDatabase } from '../../platform/store/index.js';
import { changesSince, currentVersion, type BankChange } from './changes.js';
import { bytesOfHex, hexOfBytes } from './hashes.js';
import type { BankPurpose, Classification, ExactHashKind, LegalStatus, IndustryCategory, AgeGroup } from './model.js';
import type { BankTables } from './tables.js';

/** What a matching index needs to know of one entry. */
export interface EntryState {
  id: string;
  /** The PDQ hash (32 bytes) when the entry is one for the PDQ index: it has one, of quality ≥ the floor. */
  pdq: Uint8Array | null;
  /** Enabled, in an enabled bank. */
  active: boolean;
}

/** An active entry that a lookup found, with what a match reports of it. */
export interface FoundEntry {
  id: string;
  bankId: string;
  bankName: string;
  purpose: BankPurpose;
  md5: string | null;
  sha1: string | null;
  sha256: string | null;
  classification: Classification;
}

export type ExactQuery = Record<ExactHashKind, string[]>;

/**
 * The read side of the banks for the detection module: the change log, the entries' state
 * for the in-memory PDQ index, and the lookups of active entries (exact hashes through the
 * database's indexes).
 */
export interface BankReader {
  version(): Promise<string>;
  changesSince(version: string, limit?: number): Promise<{ changes: BankChange[]; complete: boolean }>;
  /** How many active PDQ entries of quality ≥ floor there are (to size the index's first load). */
  countActivePdq(qualityFloor: number): Promise<number>;
  /** Active PDQ entries of quality ≥ floor with an id above `after`, by id, at most `limit`. */
  activePdqEntries(after: string, limit: number, qualityFloor: number): Promise<EntryState[]>;
  /** The state of these entries; an id missing from the answer no longer exists. */
  statesOf(ids: readonly string[], qualityFloor: number): Promise<EntryState[]>;
  /** The state of a bank's entries with an id above `after`, by id, at most `limit`. */
  statesOfBank(bankId: string, after: string, limit: number, qualityFloor: number): Promise<EntryState[]>;
  /** Active entries among `ids`, or whose MD5, SHA-1 or SHA-256 is one of those given (lower-case hex). */
  find(ids: readonly string[], exact: ExactQuery): Promise<FoundEntry[]>;
}

export function createBankReader(root: Kysely<AnyDatabase>): BankReader {
  const db = tablesOf<BankTables>(root) as Kysely<BankTables>;
  const stateColumns = (qualityFloor: number) =>
    [
      sql<string>`e.id::text`.as('id'),
      sql<Uint8Array | null>`case when e.pdq_quality >= ${qualityFloor} then e.pdq end`.as('pdq'),
      sql<boolean>`e.enabled and b.enabled`.as('active'),
    ] as const;
  const base = () => db.selectFrom('hash_bank_entries as e').innerJoin('hash_banks as b', 'b.id', 'e.bank_id');

  return {
    version: () => currentVersion(db),
    changesSince: (version, limit) => changesSince(db, version, limit),

    async countActivePdq(qualityFloor) {
      const row = await base()
        .select(sql<string>`count(*)::text`.as('n'))
        .where('e.pdq_quality', '>=', qualityFloor)
        .where('e.enabled', '=', true)
        .where('b.enabled', '=', true)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    activePdqEntries: (after, limit, qualityFloor) =>
      base()
        .select(stateColumns(qualityFloor))
        .where('e.id', '>', after)
        .where('e.pdq_quality', '>=', qualityFloor)
        .where('e.enabled', '=', true)
        .where('b.enabled', '=', true)
        .orderBy('e.id')
        .limit(limit)
        .execute(),

    statesOf: async (ids, qualityFloor) =>
      ids.length === 0
        ? []
        : base()
            .select(stateColumns(qualityFloor))
            .where(sql<boolean>`e.id = any(${[...ids]}::bigint[])`)
            .execute(),

    statesOfBank: (bankId, after, limit, qualityFloor) =>
      base()
        .select(stateColumns(qualityFloor))
        .where('e.bank_id', '=', bankId)
        .where('e.id', '>', after)
        .orderBy('e.id')
        .limit(limit)
        .execute(),

    async find(ids, exact) {
      if (ids.length + exact.md5.length + exact.sha1.length + exact.sha256.length === 0) return [];
      const bytes = (hexes: string[]) => hexes.map(bytesOfHex);
      const rows = await base()
        .select([
          sql<string>`e.id::text`.as('id'),
          'e.bank_id',
          'b.name',
          'b.purpose',
          'e.md5',
          'e.sha1',
          'e.sha256',
          'e.legal_status',
          'e.industry_category',
          'e.age_group',
        ])
        .where('e.enabled', '=', true)
        .where('b.enabled', '=', true)
        .where((eb) =>
          eb.or([
            ...(ids.length > 0 ? [sql<boolean>`e.id = any(${[...ids]}::bigint[])`] : []),
            ...(exact.md5.length > 0 ? [sql<boolean>`e.md5 = any(${bytes(exact.md5)}::bytea[])`] : []),
            ...(exact.sha1.length > 0 ? [sql<boolean>`e.sha1 = any(${bytes(exact.sha1)}::bytea[])`] : []),
            ...(exact.sha256.length > 0 ? [sql<boolean>`e.sha256 = any(${bytes(exact.sha256)}::bytea[])`] : []),
          ]),
        )
        .execute();
      const hex = (value: Uint8Array | null) => (value === null ? null : hexOfBytes(value));
      return rows.map((row) => ({
        id: row.id,
        bankId: row.bank_id,
        bankName: row.name,
        purpose: row.purpose as BankPurpose,
        md5: hex(row.md5),
        sha1: hex(row.sha1),
        sha256: hex(row.sha256),
        classification: {
          legalStatus: row.legal_status as LegalStatus,
          industryCategory: row.industry_category as IndustryCategory | null,
          ageGroup: row.age_group as AgeGroup | null,
        },
      }));
    },
  };
}
