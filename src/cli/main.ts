import { Command, Option } from 'commander';
import { staffRoles, partnerActions } from '../platform/access/index.js';
import { ConfigError, loadConfig, type Config } from '../platform/config/index.js';
import { auditCommands } from './audit.js';
import { keyCommands } from './keys.js';
import { organisationCommands, userCommands, apiKeyCommands } from './accounts.js';
import { startCommand } from './start.js';
import { migrateCommand } from './migrate.js';
import { hashCommand } from './hash.js';
import { geoCommands } from './geo.js';
import { hotelCommands } from './hotels.js';
import { bankCommands } from './banks.js';
import { demoCommands } from './demo.js';
import { blocklistCommands } from './blocklist.js';
import { contributionCommands } from './contribution.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

const program = new Command('vigie').description('Vigie: reports, detection, triage and protection').showHelpAfterError();

program
  .command('start')
  .description('start the HTTP server and the job workers (both by default)')
  .addOption(new Option('--role <role>', 'what this process runs').choices(['all', 'server', 'worker']).default('all'))
  .action((options: { role: 'all' | 'server' | 'worker' }) => startCommand(config(), options.role));

program
  .command('migrate')
  .description('apply the database migrations')
  .action(() => migrateCommand(config()));

const user = program.command('user').description('staff accounts');
userCommands(user, config, staffRoles);
const organisation = program.command('org').description('organisations (agencies)');
organisationCommands(organisation, config);
const apikey = program.command('apikey').description("partners' API keys");
apiKeyCommands(apikey, config, partnerActions);
auditCommands(program.command('audit').description('the audit log'), config);
keyCommands(program.command('keys').description('field-encryption keys'), config);
hotelCommands(program.command('hotel').description("partner chains' hotels and their keys' hotel scope"), config);
hashCommand(program);
geoCommands(program.command('geo').description('the offline IP → country and network dataset'), config);
bankCommands(program.command('bank').description('hash banks: known content, false positives, partner lists'), config);
blocklistCommands(program.command('blocklist').description('the blocklist internet providers download'), config);
contributionCommands(program.command('contribution').description('the international contribution package (classified hashes)'), config);
demoCommands(program.command('demo').description('the invented demonstration data set'), config);

await program.parseAsync(process.argv);
