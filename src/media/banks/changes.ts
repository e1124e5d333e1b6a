import { sql, type Kysely, type Transaction } from 'kysely';
import type { BankTables } from './tables.js';

/**
 * The change log that keeps every process's matching index current.
 *
 * Each transaction that changes entries or banks ends by bumping the single row of
 * `hash_bank_version` and writing one `hash_bank_changes` row under the new version. The
 * row lock on the version is held until commit, so versions commit in their own order
 * and without gaps: a reader that has seen version v has seen every change up to v, and
 * `select … where version > v` (one index range read, usually empty) is all a process
 * asks before each lookup. The lock is taken last, so a long change holds it only for
 * its commit.
 */
export interface ChangeSet {
  entryIds: Set<string>;
  bankIds: Set<string>;
}

export interface BankChange {
  version: string;
  bankId: string | null;
  entryIds: string[];
}

/** Changes older than this are deleted now and then; a process further behind reloads whole. */
const keepChangesHours = 24;

export async function recordChanges(trx: Transaction<BankTables>, changes: ChangeSet): Promise<void> {
  // One version per change row: a bank change and entry changes may share a transaction.
  const parts: { bank_id: string | null; entry_ids: string[] | null }[] = [
    ...[...changes.bankIds].map((bankId) => ({ bank_id: bankId, entry_ids: null })),
    ...(changes.entryIds.size > 0 ? [{ bank_id: null, entry_ids: [...changes.entryIds] }] : []),
  ];
  if (parts.length === 0) return;
  const { rows } = await sql<{ version: string }>`
    update hash_bank_version set version = version + ${parts.length} returning version::text as version`.execute(trx);
  const last = BigInt(rows[0]!.version);
  const first = last - BigInt(parts.length) + 1n;
  await trx
    .insertInto('hash_bank_changes')
    .values(parts.map((part, i) => ({ version: (first + BigInt(i)).toString(), ...part })))
    .execute();
  if (last / 1000n !== (first - 1n) / 1000n) {
    await sql`delete from hash_bank_changes where at < now() - make_interval(hours => ${keepChangesHours})`.execute(trx);
  }
}

export async function currentVersion(db: Kysely<BankTables>): Promise<string> {
  const row = await db
    .selectFrom('hash_bank_version')
    .select(sql<string>`version::text`.as('version'))
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * The changes after `version`, oldest first, at most `limit`. `complete` is false when the
 * log no longer holds the change right after `version` (deleted as old): reload whole.
 */
export async function changesSince(
  db: Kysely<BankTables>,
  version: string,
  limit = 1000,
): Promise<{ changes: BankChange[]; complete: boolean }> {
  const rows = await db
    .selectFrom('hash_bank_changes')
    .select([sql<string>`version::text`.as('version'), 'bank_id', sql<string[] | null>`entry_ids::text[]`.as('entry_ids')])
    .where('version', '>', version)
    .orderBy('version')
    .limit(limit)
    .execute();
  const first = rows[0];
  const complete = !first || BigInt(first.version) === BigInt(version) + 1n;
  return { changes: rows.map((row) => ({ version: row.version, bankId: row.bank_id, entryIds: row.entry_ids ?? [] })), complete };
}
