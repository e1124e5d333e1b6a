import { createVigie } from '../main.js';
import type { Config } from '../platform/config/index.js';

export async function startCommand(config: Config, role: 'all' | 'server' | 'worker'): Promise<void> {
  const vigie = await createVigie(config);
  const { logger } = vigie;
  if (role !== 'server') await vigie.startWorkers();
  if (role !== 'worker') {
    await vigie.app.listen({ host: config.host, port: config.port });
    const where = vigie.store.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
    process.stdout.write(`\nVigie is running at ${config.publicUrl} (${where}).\n`);
    const token = await vigie.identity.issueSetupToken();
    if (token) {
      process.stdout.write(
        [
          '',
          'First start: create the first administrator by opening this one-time link',
          '(it is printed once; a restart before setup voids it and prints a new one):',
          '',
          `  ${config.publicUrl}/setup#token=${token}`,
          '',
          'You will choose the e-mail and password, then add the second factor to an',
          'authenticator app (TOTP) before the first sign-in.',
          '',
        ].join('\n'),
      );
    }
  }
  logger.info({ role, store: vigie.store.kind }, 'vigie started');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'vigie stopping');
    await vigie.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
