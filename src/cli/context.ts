import type { Vigie } from '../main.js';
import type { Config } from '../platform/config/index.js';
import { createLogger } from '../platform/logging/index.js';

/** Runs a one-off command against the deployment's database, quietly, then closes it. */
export async function withVigie<T>(config: Config, work: (vigie: Vigie) => Promise<T>): Promise<T> {
  // Loaded here, not on import: `vigie hash` and `--help` must not load the whole server.
  const { createVigie } = await import('../main.js');
  const vigie = await createVigie(config, { logger: createLogger('warn') });
  try {
    return await work(vigie);
  } finally {
    await vigie.close();
  }
}

export function fail(message: string): never {
  process.stderr.write(`vigie: ${message}\n`);
  process.exit(1);
}

export const systemActor = { actorType: 'system', actorId: null } as const;
