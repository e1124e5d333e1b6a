import type { Kysely } from 'kysely';
import type PgBoss from 'pg-boss';
import { runSql, type AnyDatabase } from '../store/index.js';
import type { InFlight } from './in-flight.js';
import type { AnyExecutor } from './types.js';

/**
 * pg-boss runs its SQL through Kysely rather than its own pool, so that on the embedded
 * database it takes turns on the single session like everyone else, and so that one
 * library serves PGlite and PostgreSQL alike.
 */
export function bossDatabaseFor(executor: AnyExecutor): PgBoss.Db {
  return { executeSql: (text: string, values?: unknown[]) => runSql(executor, text, values ?? []) };
}

/**
 * The queue's own access. A pg-boss script opens its own transaction (`begin; …; commit`);
 * when one statement fails (two processes creating the schema at once), the session stays
 * in the aborted transaction, so it is rolled back before the connection is given back.
 */
export function ownBossDatabase(db: Kysely<AnyDatabase>, inFlight: InFlight): PgBoss.Db {
  return {
    executeSql: (text: string, values?: unknown[]) =>
      inFlight.track(
        db.connection().execute(async (connection) => {
          try {
            return await runSql(connection, text, values ?? []);
          } catch (error) {
            await runSql(connection, 'rollback').catch(() => undefined);
            throw error;
          }
        }),
      ),
  };
}
