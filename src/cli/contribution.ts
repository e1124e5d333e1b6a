import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { Problem } from '../platform/http/index.js';
import { fail, systemActor, withVigie } from './context.js';

/** `vigie contribution export --out <dir> [--bank <id or name>]…`: the international contribution package. */
export function contributionCommands(contribution: Command, config: () => Config): void {
  contribution
    .command('export')
    .description('write the package of classified hashes (never images): manifest.json and hashes.jsonl')
    .requiredOption('--out <dir>', 'directory to write the two files into (created; existing files are not overwritten)')
    .option('--bank <id or name>', 'an own bank (baseline or national) whose entries join the package; repeatable', collect, [])
    .action((options: { out: string; bank: string[] }) =>
      withVigie(config(), async (vigie) => {
        let pack;
        try {
          pack = await vigie.contribution.build(systemActor, { banks: options.bank });
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          const fields = (error.options.fields ?? []).map((f) =>
            'pointer' in f ? f.pointer : `--bank #${f.parameter.replace(/\D/g, '')}`,
          );
          return fail(`${error.kind}: ${fields.join(', ')} (no such bank, or not an own list of illegal content)`);
        }
        await mkdir(options.out, { recursive: true });
        try {
          await writeFile(path.join(options.out, pack.manifest.content.file), pack.content, { flag: 'wx' });
          await writeFile(path.join(options.out, 'manifest.json'), `${JSON.stringify(pack.manifest, null, 2)}\n`, { flag: 'wx' });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${options.out} already holds a package`);
          throw error;
        }
        const { counts, content } = pack.manifest;
        process.stdout.write(`${counts.records} records (${counts.fromAssessments} from assessments, ${counts.fromBanks} from banks)\n`);
        process.stdout.write(`hashes.jsonl sha256 ${content.sha256}\n`);
      }),
    );
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
