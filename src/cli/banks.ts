import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import {
  ageGroups,
  bankPurposes,
  importFormats,
  industryCategories,
  legalStatuses,
  type BankView,
  type ImportFormat,
  type ImportOptions,
  type ImportProgress,
} from '../media/banks/index.js';
import type { Vigie } from '../main.js';
import type { Config } from '../platform/config/index.js';
import { Problem } from '../platform/http/index.js';
import { fail, systemActor, withVigie } from './context.js';

async function bankOf(vigie: Vigie, idOrName: string): Promise<BankView> {
  return (await vigie.banks.findBank(idOrName)) ?? fail(`no bank has the id or name ${idOrName}`);
}

/** Runs a command; a refusal (Problem) is printed with the fields it names, exit code 1. */
async function run(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const fields = (error.options.fields ?? []).map((f) =>
      'pointer' in f ? `${f.pointer || 'input'}: ${f.code}` : `${f.parameter}: ${f.code}`,
    );
    fail(`${error.kind}${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`);
  }
}

const bankLine = (b: BankView) => `${b.id}\t${b.purpose}\t${b.enabled ? 'enabled' : 'disabled'}\t${b.name}\t${b.source}\n`;

/** A progress bar on standard error while a TTY shows it; nothing when it is a file or a pipe. */
function progressBar(): { update(progress: ImportProgress): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{phase} [{bar}] {percentage}% | {records} records', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | null = null;
  return {
    update(progress) {
      const label = progress.phase === 'validating' ? 'checking' : 'writing ';
      const records = progress.phase === 'validating' ? progress.records : progress.applied;
      if (phase !== label) {
        if (phase !== null) bar.stop();
        bar.start(Math.max(progress.totalBytes, 1), 0, { phase: label, records: 0 });
        phase = label;
      }
      bar.update(progress.bytesRead, { records });
    },
    stop: () => bar.stop(),
  };
}

export function bankCommands(bank: Command, config: () => Config): void {
  bank
    .command('create')
    .description('create a hash bank; prints its id')
    .requiredOption('--name <name>', 'unique name')
    .addOption(new Option('--purpose <purpose>', 'what its hashes are').choices(bankPurposes).makeOptionMandatory())
    .requiredOption('--source <source>', 'who provides and owns the list')
    .option('--description <text>', 'what it holds', '')
    .action((o: { name: string; purpose: (typeof bankPurposes)[number]; source: string; description: string }) =>
      withVigie(config(), (vigie) =>
        run(async () => {
          const created = await vigie.banks.createBank(systemActor, o);
          process.stdout.write(`${created.id}\n`);
        }),
      ),
    );
  bank
    .command('list')
    .description('list the banks: id, purpose, state, name, source')
    .action(() =>
      withVigie(config(), async (vigie) => {
        for (const b of await vigie.banks.listBanks()) process.stdout.write(bankLine(b));
      }),
    );
  bank
    .command('show <bank>')
    .description('a bank and its entry counts')
    .action((idOrName: string) =>
      withVigie(config(), async (vigie) => {
        const detail = await vigie.banks.readBank((await bankOf(vigie, idOrName)).id);
        process.stdout.write(bankLine(detail));
        process.stdout.write(`entries ${detail.counts.entries}, enabled ${detail.counts.enabled}, with PDQ ${detail.counts.pdq}\n`);
      }),
    );
  for (const [verb, enabled] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    bank
      .command(`${verb} <bank>`)
      .description(`${verb} a bank: its entries ${enabled ? 'match again' : 'no longer match'}, in every process at once`)
      .action((idOrName: string) =>
        withVigie(config(), async (vigie) => {
          await vigie.banks.updateBank(systemActor, (await bankOf(vigie, idOrName)).id, { enabled });
        }),
      );
  }
  bank
    .command('update <bank>')
    .description("change a bank's name, source or description (its purpose never changes)")
    .option('--name <name>')
    .option('--source <source>')
    .option('--description <text>')
    .action((idOrName: string, o: { name?: string; source?: string; description?: string }) =>
      withVigie(config(), (vigie) =>
        run(async () => {
          await vigie.banks.updateBank(systemActor, (await bankOf(vigie, idOrName)).id, o);
        }),
      ),
    );
  entryCommands(bank, config);
  transferCommands(bank, config);
}

function entryCommands(bank: Command, config: () => Config): void {
  bank
    .command('add <bank>')
    .description('add one entry; prints its id')
    .option('--pdq <hex>', 'PDQ hash, 64 hex digits (with --quality)')
    .option('--quality <n>', 'PDQ quality 0-100', (v) => Number(v))
    .option('--md5 <hex>')
    .option('--sha1 <hex>')
    .option('--sha256 <hex>')
    .addOption(new Option('--legal-status <status>').choices(legalStatuses))
    .addOption(new Option('--industry-category <category>').choices(industryCategories))
    .addOption(new Option('--age-group <group>').choices(ageGroups))
    .option('--reference <id>', "the source's identifier of the entry")
    .action((idOrName: string, o: Record<string, string | number | undefined>) =>
      withVigie(config(), (vigie) =>
        run(async () => {
          const { quality, legalStatus, industryCategory, ageGroup, ...hashes } = o;
          const entry = await vigie.banks.addEntry(systemActor, (await bankOf(vigie, idOrName)).id, {
            ...(hashes as { pdq?: string; md5?: string; sha1?: string; sha256?: string; reference?: string }),
            ...(quality !== undefined ? { pdqQuality: Number(quality) } : {}),
            ...(legalStatus ? { legalStatus: legalStatus as (typeof legalStatuses)[number] } : {}),
            ...(industryCategory ? { industryCategory: industryCategory as (typeof industryCategories)[number] } : {}),
            ...(ageGroup ? { ageGroup: ageGroup as (typeof ageGroups)[number] } : {}),
          });
          process.stdout.write(`${entry.id}\n`);
        }),
      ),
    );
  for (const [verb, enabled] of [
    ['disable-entry', false],
    ['enable-entry', true],
  ] as const) {
    bank
      .command(`${verb} <bank> <entryId>`)
      .description(`${enabled ? 'enable' : 'disable'} one entry`)
      .action((idOrName: string, entryId: string) =>
        withVigie(config(), (vigie) =>
          run(async () => {
            await vigie.banks.updateEntry(systemActor, (await bankOf(vigie, idOrName)).id, entryId, { enabled });
          }),
        ),
      );
  }
}

function transferCommands(bank: Command, config: () => Config): void {
  const format = () => new Option('--format <format>', 'file format').choices(importFormats).makeOptionMandatory();
  bank
    .command('import <bank> <file>')
    .description('import a file into a bank, all or nothing; a progress bar on a terminal')
    .addOption(format())
    .addOption(new Option('--legal-status <status>', 'for lines that do not say (default: the bank purpose’s)').choices(legalStatuses))
    .addOption(new Option('--industry-category <category>', 'for lines that do not say').choices(industryCategories))
    .addOption(new Option('--age-group <group>', 'for lines that do not say').choices(ageGroups))
    .option('--source <source>', "for lines that do not say (default: the bank's source)")
    .option('--date <YYYY-MM-DD>', 'for lines that do not say (default: today)')
    .action(async (idOrName: string, file: string, o: ImportOptions) => {
      if (o.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) fail('--date must be YYYY-MM-DD');
      const size = (await stat(file).catch(() => fail(`cannot read ${file}`))).size;
      await withVigie(config(), (vigie) =>
        run(async () => {
          const target = await bankOf(vigie, idOrName);
          const bar = progressBar();
          const input = { totalBytes: size, open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) };
          const done = await vigie.banks.importFile(systemActor, target.id, o, input, (p) => bar.update(p)).finally(() => bar.stop());
          const { inserted, updated, disabled, skipped } = done.counts;
          if (done.status === 'succeeded') {
            process.stdout.write(
              `${done.id}\t${done.progress.records} records: ${inserted} added, ${updated} updated, ${disabled} disabled, ${skipped} skipped\n`,
            );
            return;
          }
          for (const e of done.errors)
            process.stderr.write(`${e.line !== null ? `line ${e.line}, ` : ''}record ${e.record}, ${e.field}: ${e.code}\n`);
          if (done.errorCount > done.errors.length) process.stderr.write(`… ${done.errorCount - done.errors.length} more\n`);
          fail(`import refused: ${done.errorCount} invalid field(s); nothing was imported`);
        }),
      );
    });
  bank
    .command('export <bank>')
    .description('write a bank in a file format, to standard output or a file')
    .addOption(format())
    .option('--output <file>', 'write to this file instead of standard output')
    .action((idOrName: string, o: { format: ImportFormat; output?: string }) =>
      withVigie(config(), async (vigie) => {
        const exported = await vigie.banks.exportBank(systemActor, (await bankOf(vigie, idOrName)).id, o.format);
        // A reader that stops early (`| head`) closes the pipe: not an error of the export.
        await pipeline(exported.body, o.output ? createWriteStream(o.output, { mode: 0o600 }) : process.stdout).catch((error: unknown) => {
          if ((error as { code?: string }).code !== 'EPIPE') throw error;
        });
      }),
    );
}
