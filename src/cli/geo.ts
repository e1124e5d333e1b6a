import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { fail } from './context.js';

const HELP = `
The dataset that places each address in a country and a network (ip-location-db,
installed from npm with Vigie) is updated from an npm registry into VIGIE_GEO_DIR:
each newer package is downloaded, checked against the registry's SHA-512 integrity
hash and read whole before running Vigie processes switch to it (within a minute).
Nothing changes if any step fails. The registry is VIGIE_GEO_REGISTRY, or --registry.`;

/** `vigie geo update` and `vigie geo status`: they need the configuration, not the database. */
export function geoCommands(geo: Command, config: () => Config): void {
  geo
    .command('update')
    .description('fetch the newest IP → country and network dataset from the npm registry')
    .option('--registry <url>', 'an npm registry (default: VIGIE_GEO_REGISTRY)')
    .addHelpText('after', HELP)
    .action(async (options: { registry?: string }) => {
      const settings = config();
      const { updateGeoDataset } = await import('../urls/index.js');
      try {
        const outcomes = await updateGeoDataset({
          geoDir: settings.geoDir,
          registry: options.registry ?? settings.geoRegistry,
          log: (line) => process.stdout.write(`${line}\n`),
        });
        for (const outcome of outcomes) {
          const change = outcome.status === 'installed' ? `${outcome.from ?? 'none'} → ${outcome.to}` : `${outcome.to}, unchanged`;
          process.stdout.write(`${outcome.role}\t${outcome.packageName}\t${change}\n`);
        }
      } catch (error) {
        fail(`the geo dataset was not updated: ${error instanceof Error ? error.message : String(error)}`);
      }
    });

  geo
    .command('status')
    .description('load the dataset as a worker would, and print its versions, size and load time')
    .action(async () => {
      const settings = config();
      const { loadGeoDataset } = await import('../urls/index.js');
      const before = process.memoryUsage();
      try {
        const dataset = await loadGeoDataset(settings.geoDir);
        const heap = process.memoryUsage().heapUsed - before.heapUsed;
        for (const [role, source] of Object.entries(dataset.sources)) {
          process.stdout.write(
            `${role}\t${source ? `${source.packageName}@${source.version}\t${source.origin}\t${source.directory}` : 'missing'}\n`,
          );
        }
        process.stdout.write(
          `ranges\t${dataset.ranges}\ntable bytes\t${dataset.bytes}\nheap bytes\t${heap}\nload ms\t${Math.round(dataset.loadMilliseconds)}\n`,
        );
      } catch (error) {
        fail(`the geo dataset cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}
