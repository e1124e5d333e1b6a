import type { Config } from '../platform/config/index.js';

export async function migrateCommand(config: Config): Promise<void> {
  const { allMigrations } = await import('../main.js');
  const { migrateToLatest, openStore } = await import('../platform/store/index.js');
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateToLatest(store.db, ...allMigrations);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
  } finally {
    await store.close();
  }
}
