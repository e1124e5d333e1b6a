import type { Insertable, Transaction } from 'kysely';
import type { ReportRows } from './rows.js';
import type { ReportItemsTable, ReportMatchKeysTable, ReportTables } from './tables.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const chunkSize = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
}

export async function insertItemsAndKeys(
  trx: Transaction<ReportTables>,
  items: readonly Insertable<ReportItemsTable>[],
  keys: readonly Insertable<ReportMatchKeysTable>[],
): Promise<void> {
  for (const chunk of chunks(items)) await trx.insertInto('report_items').values(chunk).execute();
  for (const chunk of chunks(keys)) {
    await trx
      .insertInto('report_match_keys')
      .values(chunk)
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
}

/** Writes reports with their items and match keys, a few multi-row statements per table. */
export async function insertReports(trx: Transaction<ReportTables>, rows: readonly ReportRows[]): Promise<void> {
  for (const chunk of chunks(rows))
    await trx
      .insertInto('reports')
      .values(chunk.map((row) => row.report))
      .execute();
  await insertItemsAndKeys(
    trx,
    rows.flatMap((row) => row.items),
    rows.flatMap((row) => row.keys),
  );
}
