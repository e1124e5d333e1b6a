import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/platform/store/index.js';

/** The PostgreSQL server the suite runs on, or undefined for the embedded database. */
export const serverUrl = process.env.DATABASE_URL || undefined;

export interface TestStore {
  store: Store;
  /** Connection string of this test's own database (PostgreSQL runs only). */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A database of its own for one test file: an in-memory PGlite, or a fresh database on the
 * PostgreSQL server named by DATABASE_URL, dropped at the end.
 */
export async function openTestStore(): Promise<TestStore> {
  if (!serverUrl) {
    const store = await openStore({ dataDir: 'memory://' });
    return { store, databaseUrl: undefined, drop: () => store.close() };
  }
  const name = `vigie_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const databaseUrl = withDatabase(serverUrl, name);
  const store = await openStore({ databaseUrl, dataDir: 'unused', poolSize: 5 });
  return {
    store,
    databaseUrl,
    async drop() {
      await store.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      // Child processes of a test (workers, the CLI) may still be closing their connections.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
