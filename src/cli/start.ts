import type { Config } from '../platform/config/index.js';

export async function startCommand(config: Config, role: 'all' | 'server' | 'worker'): Promise<void> {
  if (role !== 'all' && !config.databaseUrl) {
    process.stderr.write('vigie: the embedded database serves one process; --role server|worker needs DATABASE_URL\n');
    process.exit(2);
  }
  const { createVigie } = await import('../main.js');
  const vigie = await createVigie(config, { workers: role !== 'server' });
  const { logger } = vigie;
  if (role !== 'worker') {
    await vigie.app.listen({ host: config.host, port: config.port });
    const address = vigie.app.server.address();
    const publicUrl =
      config.port === 0 && typeof address === 'object' && address ? config.publicUrl.replace(/:0$/, `:${address.port}`) : config.publicUrl;
    const where = vigie.store.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server';
    const token = await vigie.identity.issueSetupToken();
    const running = `\nVigie is running at ${publicUrl} (${where}).\n`;
    process.stdout.write(
      running +
        (token
          ? [
              '',
              'First start: create the first administrator by opening this one-time link',
              '(it is printed once; a restart before setup voids it and prints a new one):',
              '',
              `  ${publicUrl}/setup#token=${token}`,
              '',
              'You will choose the e-mail and password, then add the second factor to an',
              'authenticator app (TOTP) before the first sign-in.',
              '',
            ].join('\n')
          : ''),
    );
  }
  logger.info({ role, store: vigie.store.kind }, 'vigie started');
  // Load the bank hashes now rather than in the first lookup (about 15 s a million hashes).
  const loading = Date.now();
  vigie.detection.refresh().then(
    () => logger.info({ hashes: vigie.detection.stats().pdqEntries, ms: Date.now() - loading }, 'PDQ index loaded'),
    (error: unknown) => logger.error({ err: error }, 'PDQ index not loaded; the first lookup will try again'),
  );
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
