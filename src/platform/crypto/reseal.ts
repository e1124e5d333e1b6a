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
  /** Rows re-sealed per transaction (of a bytes column, at most `bytesBatchSize`). */
  batchSize?: number;
}

/** A bytes column holds files: a few per transaction keep the memory a batch needs small. */
const bytesBatchSize = 8;

interface StaleRow {
  id: unknown;
  id_text: string;
  value: string | Uint8Array;
}

/** The condition "not sealed under the current key", for a text or a bytea column. */
function staleUnder(target: SealedColumn, keyId: string): RawBuilder<boolean> {
  const value = sql.ref(target.column);
  const prefix = sealedPrefix(keyId);
  if (target.type !== 'bytes') return sql<boolean>`not starts_with(${value}, ${prefix})`;
  const bytes = Buffer.from(prefix, 'ascii');
  return sql<boolean>`substring(${value} from 1 for ${bytes.length}) <> ${bytes}`;
}

function reseal(cipher: FieldCipher, target: SealedColumn, row: StaleRow): string | Uint8Array {
  const context = target.context(row.id_text);
  try {
    if (target.type === 'bytes') return cipher.sealBytes(cipher.openBytes(row.value as Uint8Array, context), context);
    return cipher.seal(cipher.open(row.value as string, context), context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot re-seal ${target.table}.${target.column} of row ${row.id_text}: ${reason}`);
  }
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
      where ${value} is not null and ${staleUnder(target, cipher.currentKeyId)} ${from}
      order by ${id} limit ${batchSize} for update`.execute(trx);
    for (const row of rows) {
      const resealed = reseal(cipher, target, row);
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
    const size = target.type === 'bytes' ? Math.min(batchSize, bytesBatchSize) : batchSize;
    let resealed = 0;
    let after: { id: unknown } | undefined;
    for (;;) {
      const batch = await resealBatch(options.db, options.cipher, target, after, size);
      resealed += batch.count;
      if (batch.count < size) break;
      after = batch.last;
    }
    counts.push({ table: target.table, column: target.column, resealed });
  }
  return counts;
}
