import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { fail } from './context.js';

export function keyCommands(keys: Command, config: () => Config): void {
  keys
    .command('rotate')
    .description('add a new key, make it current and re-encrypt every personal field under it')
    .option('--batch-size <n>', 'rows re-encrypted per transaction', '500')
    .action(async (o: { batchSize: string }) => {
      const settings = config();
      const { allMigrations, sealedColumns } = await import('../main.js');
      const { loadKeyRing, rotateKeys } = await import('../platform/crypto/index.js');
      const { migrateToLatest, openStore } = await import('../platform/store/index.js');
      const ring = await loadKeyRing({ keyFile: settings.keyFile, keyRing: settings.keyRing }).catch((error: Error) => fail(error.message));
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
      try {
        await migrateToLatest(store.db, ...allMigrations);
        const result = await rotateKeys({
          db: store.db,
          ring,
          keyFile: ring.keyFile,
          columns: sealedColumns,
          batchSize: Number(o.batchSize),
        }).catch((error: Error) => fail(error.message));
        process.stdout.write(`New current key: ${result.keyId}\n`);
        for (const column of result.columns) process.stdout.write(`${JSON.stringify(column)}\n`);
        process.stdout.write('Restart every Vigie process so that they load the new key.\n');
      } finally {
        await store.close();
      }
    });
}
