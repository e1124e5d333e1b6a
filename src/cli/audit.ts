import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';

export function auditCommands(audit: Command, config: () => Config): void {
  audit
    .command('verify')
    .description('check the hash chain of the audit log; exits 1 and names each bad entry')
    .action(async () => {
      const settings = config();
      const { pendingAudit, sealAudit, verifyAudit } = await import('../platform/audit/index.js');
      const { openStore } = await import('../platform/store/index.js');
      const store = await openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
      try {
        await sealAudit(store.db);
        const result = await verifyAudit(store.db);
        const pending = await pendingAudit(store.db);
        for (const problem of result.problems) process.stdout.write(`entry ${problem.seq}: ${problem.problem} — ${problem.message}\n`);
        if (result.truncated) process.stdout.write('(more problems were found; only the first are listed)\n');
        process.stdout.write(
          result.ok ? `audit log intact: ${result.entries} entries\n` : `audit log NOT intact (${result.entries} entries read)\n`,
        );
        if (pending.count > 0) process.stdout.write(`${pending.count} entries wait to be chained (oldest ${pending.oldest})\n`);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
}
