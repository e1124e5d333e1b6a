import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { runSql, type Store } from '../../src/platform/store/index.js';

export interface RawScanOptions {
  /**
   * The `dataDir` the embedded store was opened with (not `memory://`): its files are
   * scanned for the needle's bytes too, write-ahead log included.
   */
  dataDir?: string;
}

interface ColumnRow {
  schema: string;
  table: string;
  column: string;
  type: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function columnsOfEveryTable(store: Store): Promise<Map<string, ColumnRow[]>> {
  const { rows } = await runSql<ColumnRow>(
    store.db,
    `select n.nspname as schema, c.relname as "table", a.attname as "column", t.typname as type
     from pg_attribute a
     join pg_class c on c.oid = a.attrelid
     join pg_namespace n on n.oid = c.relnamespace
     join pg_type t on t.oid = a.atttypid
     where c.relkind in ('r', 'm') and a.attnum > 0 and not a.attisdropped
       and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
     order by n.nspname, c.relname, a.attnum`,
  );
  const tables = new Map<string, ColumnRow[]>();
  for (const row of rows) {
    const name = `${row.schema}.${row.table}`;
    tables.set(name, [...(tables.get(name) ?? []), row]);
  }
  return tables;
}

/** Every column (as text, jsonb and arrays included; bytea as bytes) that holds the needle. */
async function scanColumns(store: Store, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const [name, columns] of await columnsOfEveryTable(store)) {
    const tests = columns.map(({ column, type }, i) => {
      const ref = quote(column);
      const test = type === 'bytea' ? `position(convert_to($1, 'UTF8') in ${ref}) > 0` : `strpos(lower(${ref}::text), lower($1)) > 0`;
      return `coalesce(bool_or(${test}), false) as c${i}`;
    });
    const first = columns[0];
    if (!first) continue;
    const { rows } = await runSql<Record<string, boolean>>(
      store.db,
      `select ${tests.join(', ')} from ${quote(first.schema)}.${quote(first.table)}`,
      [needle],
    );
    columns.forEach(({ column }, i) => {
      if (rows[0]?.[`c${i}`]) found.push(`${name}.${column}`);
    });
  }
  return found;
}

async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

async function fileContains(file: string, needle: Buffer): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024 + needle.length);
    let carried = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, carried, chunk.length - carried);
      if (bytesRead === 0) return false;
      const filled = carried + bytesRead;
      if (chunk.subarray(0, filled).includes(needle)) return true;
      // Keep the tail, in case the needle straddles two reads.
      carried = Math.min(needle.length - 1, filled);
      chunk.copy(chunk, 0, filled - carried, filled);
    }
  } finally {
    await handle.close();
  }
}

/** Every file of the embedded database that holds the needle's UTF-8 bytes, exactly. */
async function scanFiles(store: Store, dataDir: string, needle: string): Promise<string[]> {
  // Write every changed page to the data files; the WAL already holds the changes.
  await runSql(store.db, 'checkpoint');
  const root = path.join(dataDir, 'pgdata');
  const bytes = Buffer.from(needle, 'utf8');
  const found: string[] = [];
  for await (const file of filesUnder(root)) {
    if (await fileContains(file, bytes)) found.push(`file:${path.relative(root, file)}`);
  }
  return found;
}

/**
 * Every place where `needle` is stored in clear: `schema.table.column` for each column of
 * each table outside the system schemas that holds it (case-insensitive), and
 * `file:<path>` for each file of an embedded database on disk that holds its bytes.
 * Tests use it to prove that personal data is only ever stored sealed. Values long enough
 * to be compressed by PostgreSQL (about 2 kB) are not found in the files: keep needles short.
 */
export async function findInRawDatabase(store: Store, needle: string, options: RawScanOptions = {}): Promise<string[]> {
  if (needle.length < 4) throw new Error('Use a needle of at least 4 characters, or everything matches');
  const found = await scanColumns(store, needle);
  if (store.kind === 'pglite' && options.dataDir && options.dataDir !== 'memory://') {
    found.push(...(await scanFiles(store, options.dataDir, needle)));
  }
  return found;
}
