import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AnyDatabase } from '../store/index.js';
import type { FieldCipher } from './field-cipher.js';
import type { SealedColumn } from './sealed-columns.js';
import { sealedPrefix } from './sealed-value.js';

export interface ColumnCount {
  table: string;
  column: string;
  /** Values re-sealed under the current key. */
  resealed: number;
}

export interface ResealOptions {
  db: Kysely<AnyDatabase>;
  cipher: FieldCipher;
  columns: readonly SealedColumn[];
  /** Rows re-sealed per transaction. */
  batchSize?: number;
}

interface StaleRow {
  id: unknown;
  id_text: string;
  value: string;
}

/** Re-seals one batch of values not under the current key; returns the last id it saw. */
async function resealBatch(
  db: Kysely<AnyDatabase>,
  cipher: FieldCipher,
  target: SealedColumn,
  after: { id: unknown } | undefined,
  batchSize: number,
): Promise<{ count: number; last: { id: unknown } | undefined }> {
  const table = sql.table(target.table);
  const id = sql.ref(target.idColumn);
  const value = sql.ref(target.column);
  const from: RawBuilder<unknown> = after === undefined ? sql`` : sql`and ${id} > ${after.id}`;
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<StaleRow>`
      select ${id} as id, ${id}::text as id_text, ${value} as value from ${table}
      where ${value} is not null and not starts_with(${value}, ${sealedPrefix(cipher.currentKeyId)}) ${from}
      order by ${id} limit ${batchSize} for update`.execute(trx);
    for (const row of rows) {
      const context = target.context(row.id_text);
      let plaintext: string;
      try {
        plaintext = cipher.open(row.value, context);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Cannot re-seal ${target.table}.${target.column} of row ${row.id_text}: ${reason}`);
      }
      const resealed = cipher.seal(plaintext, context);
      // Only if the value is still the one read (the row lock already guarantees it).
      await sql`update ${table} set ${value} = ${resealed} where ${id} = ${row.id} and ${value} = ${row.value}`.execute(trx);
    }
    const last = rows.at(-1);
    return { count: rows.length, last: last ? { id: last.id } : undefined };
  });
}

/**
 * Re-seals under the cipher's current key every value of the given columns that is under
 * another key, one transaction per batch. It can be run again after an interruption.
 */
export async function resealColumns(options: ResealOptions): Promise<ColumnCount[]> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  const counts: ColumnCount[] = [];
  for (const target of options.columns) {
    let resealed = 0;
    let after: { id: unknown } | undefined;
    for (;;) {
      const batch = await resealBatch(options.db, options.cipher, target, after, batchSize);
      resealed += batch.count;
      if (batch.count < batchSize) break;
      after = batch.last;
    }
    counts.push({ table: target.table, column: target.column, resealed });
  }
  return counts;
}
