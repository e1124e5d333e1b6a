import { sql, type Insertable, type Selectable, type Transaction } from 'kysely';
import type { EntryView } from './contracts.js';
import { bytesOfHex, hexOfBytes } from './hashes.js';
import type { AgeGroup, EntryInput, IndustryCategory, LegalStatus } from './model.js';
import type { BankTables, HashBankEntriesTable } from './tables.js';

type EntryRow = Selectable<HashBankEntriesTable>;

const bytesOrNull = (hex: string | undefined) => (hex === undefined ? null : bytesOfHex(hex));
const hexOrNull = (bytes: Uint8Array | null) => (bytes === null ? null : hexOfBytes(bytes));
const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export function rowOf(bankId: string, entry: EntryInput): Insertable<HashBankEntriesTable> {
  return {
    bank_id: bankId,
    pdq: bytesOrNull(entry.pdq),
    pdq_quality: entry.pdqQuality ?? null,
    md5: bytesOrNull(entry.md5),
    sha1: bytesOrNull(entry.sha1),
    sha256: bytesOrNull(entry.sha256),
    legal_status: entry.classification.legalStatus,
    industry_category: entry.classification.industryCategory,
    age_group: entry.classification.ageGroup,
    source: entry.source,
    listed_on: entry.date,
    reference: entry.reference,
    enabled: entry.enabled,
  };
}

export function entryViewOf(row: EntryRow): EntryView {
  return {
    id: String(row.id),
    bankId: row.bank_id,
    pdq: hexOrNull(row.pdq),
    pdqQuality: row.pdq_quality,
    md5: hexOrNull(row.md5),
    sha1: hexOrNull(row.sha1),
    sha256: hexOrNull(row.sha256),
    classification: {
      legalStatus: row.legal_status as LegalStatus,
      industryCategory: row.industry_category as IndustryCategory | null,
      ageGroup: row.age_group as AgeGroup | null,
    },
    source: row.source,
    date: day(row.listed_on),
    reference: row.reference,
    enabled: row.enabled,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** An entry as an export writes it: the view without the times. */
export type ExportedEntry = Omit<EntryView, 'createdAt' | 'updatedAt' | 'bankId'>;

export interface WriteResult {
  ids: string[];
  inserted: number;
  updated: number;
}

/**
 * Writes entries of one bank: new ones are inserted; one whose reference the bank already
 * holds replaces that entry's hashes and classification (a partner's list sent again, or
 * updated). Within the rows, the last of several with the same reference wins.
 */
export async function writeEntries(trx: Transaction<BankTables>, bankId: string, entries: readonly EntryInput[]): Promise<WriteResult> {
  if (entries.length === 0) return { ids: [], inserted: 0, updated: 0 };
  const lastOfReference = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.reference !== null) lastOfReference.set(entry.reference, i);
  });
  const rows = entries
    .filter((entry, i) => entry.reference === null || lastOfReference.get(entry.reference) === i)
    .map((e) => rowOf(bankId, e));
  const written = await trx
    .insertInto('hash_bank_entries')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .columns(['bank_id', 'reference'])
        .where('reference', 'is not', null)
        .doUpdateSet((eb) => ({
          pdq: eb.ref('excluded.pdq'),
          pdq_quality: eb.ref('excluded.pdq_quality'),
          md5: eb.ref('excluded.md5'),
          sha1: eb.ref('excluded.sha1'),
          sha256: eb.ref('excluded.sha256'),
          legal_status: eb.ref('excluded.legal_status'),
          industry_category: eb.ref('excluded.industry_category'),
          age_group: eb.ref('excluded.age_group'),
          source: eb.ref('excluded.source'),
          listed_on: eb.ref('excluded.listed_on'),
          enabled: eb.ref('excluded.enabled'),
          updated_at: sql<Date>`now()`,
        })),
    )
    .returning([sql<string>`id::text`.as('id'), sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  const inserted = written.filter((row) => row.inserted).length;
  return { ids: written.map((row) => row.id), inserted, updated: written.length - inserted };
}

/** Disables the entries of a bank with these references (a source's deletions); returns their ids. */
export async function disableByReference(trx: Transaction<BankTables>, bankId: string, references: readonly string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const rows = await trx
    .updateTable('hash_bank_entries')
    .set({ enabled: false, updated_at: sql<Date>`now()` })
    .where('bank_id', '=', bankId)
    .where('reference', 'in', [...references])
    .where('enabled', '=', true)
    .returning(sql<string>`id::text`.as('id'))
    .execute();
  return rows.map((row) => row.id);
}
