import type { Command } from 'commander';
import type { Config } from '../platform/config/index.js';
import { Problem } from '../platform/http/index.js';
import { translate } from '../platform/i18n/index.js';
import { fail, systemActor, withVigie } from './context.js';

/** `vigie demo load`: the demonstration data set, into the first hotline organisation of an empty deployment. */
export function demoCommands(demo: Command, config: () => Config): void {
  demo
    .command('load')
    .description('load the invented demonstration data set into a deployment that has received no report (after the setup)')
    .action(() =>
      withVigie(config(), async (vigie) => {
        const loaded = await vigie.demo.load(systemActor).catch((error: unknown) => {
          if (error instanceof Problem) fail(error.options.detail ? translate('en', error.options.detail) : error.kind);
          throw error;
        });
        const lines = [
          `Demonstration data loaded: ${loaded.reports} reports, ${loaded.assessed} assessed, ${loaded.notices} notices to hosts, ${loaded.organisations} organisations.`,
          'The workers (vigie start) link, analyse and route them within a minute.',
          `Demonstration accounts (password for each: ${loaded.password}; the second factor is set up at first sign-in):`,
          ...loaded.accounts.map((account) => `  ${account.email}  ${account.roles.join(', ')}  ${account.name}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );
}
