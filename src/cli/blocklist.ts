import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { withVigie } from './context.js';

/** `vigie blocklist refresh|versions`: recompute the list now, or show its versions. */
export function blocklistCommands(blocklist: Command, config: () => Config): void {
  blocklist
    .command('refresh')
    .description('recompute the blocklist from the assessments and confirmed removals; write a version if it changed')
    .action(() =>
      withVigie(config(), async (vigie) => {
        const outcome = await vigie.blocklist.refresh({ jobId: `cli-${process.pid}` });
        if (outcome.outcome === 'unchanged') {
          process.stdout.write(`unchanged: version ${outcome.version}, ${outcome.size} URLs\n`);
        } else {
          const { version } = outcome;
          process.stdout.write(`version ${version.version}: ${version.size} URLs, ${version.added} added, ${version.removed} removed\n`);
        }
        if (outcome.skipped > 0) process.stdout.write(`${outcome.skipped} reported URLs are not web URLs and were left out\n`);
      }),
    );
  blocklist
    .command('versions')
    .description("the list's last 100 versions: number, time, size, added, removed")
    .action(() =>
      withVigie(config(), async (vigie) => {
        for (const version of (await vigie.blocklist.listVersions()).versions) {
          process.stdout.write(`${version.version}\t${version.createdAt}\t${version.size}\t+${version.added}\t-${version.removed}\n`);
        }
      }),
    );
}
