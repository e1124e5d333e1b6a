import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { AnyDatabase } from './store.js';

/**
 * Every module contributes its migrations under names that sort in the order they were
 * written (`YYYYMMDD-NN-module-what`); they are applied in that order, each once.
 */
export type Migrations = Record<string, Migration>;

class StaticMigrations implements MigrationProvider {
  constructor(private readonly migrations: Migrations) {}
  async getMigrations(): Promise<Migrations> {
    return this.migrations;
  }
}

export async function migrateToLatest(db: Kysely<AnyDatabase>, ...sets: Migrations[]): Promise<string[]> {
  const all: Migrations = {};
  for (const set of sets) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations are named ${name}`);
      all[name] = migration;
    }
  }
  const migrator = new Migrator({
    db,
    provider: new StaticMigrations(all),
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
