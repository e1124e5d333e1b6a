import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';

/**
 * The whole database as Kysely sees it. Modules never use it directly: each narrows it to
 * its own tables with `tablesOf`, so that a module's SQL can only name the tables it owns.
 */
export type AnyDatabase = Record<string, Record<string, unknown>>;
export type Executor<Tables = AnyDatabase> = Kysely<Tables> | Transaction<Tables>;

export interface StoreOptions {
  /** A PostgreSQL server; when absent, the embedded database under `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** Connections in the pool of a PostgreSQL server. */
  poolSize?: number;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<AnyDatabase>;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server closes (restart, administrator) is dropped from the pool;
    // without a listener its error would end the process. The next query opens a new one.
    pool.on('error', () => undefined);
    const db = new Kysely<AnyDatabase>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  const location = options.dataDir === 'memory://' ? 'memory://' : `${options.dataDir}/pgdata`;
  if (location !== 'memory://') await mkdir(location, { recursive: true });
  const pglite = await PGlite.create(location);
  const db = new Kysely<AnyDatabase>({ dialect: new PGliteDialect(pglite) });
  return { kind: 'pglite', db, close: () => db.destroy() };
}

/** Gives a module a view of the database that holds only its own tables. */
export function tablesOf<Tables>(executor: Executor<AnyDatabase> | Executor<Tables>): Executor<Tables> {
  return executor as unknown as Executor<Tables>;
}

/** Runs one statement as written (parameters `$1`, `$2`…); used by the job queue. */
export async function runSql<Row>(
  executor: Executor<never> | Executor<AnyDatabase>,
  text: string,
  values: readonly unknown[] = [],
): Promise<{ rows: Row[] }> {
  const result = await (executor as Kysely<AnyDatabase>).executeQuery<Row>(CompiledQuery.raw(text, [...values]));
  return { rows: result.rows };
}
