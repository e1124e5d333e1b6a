import type { Vigie } from '../main.js';
import type { Config } from '../platform/config/index.js';
import { Problem, problemKinds } from '../platform/http/index.js';
import { translate } from '../platform/i18n/index.js';
import { createLogger } from '../platform/logging/index.js';

/** Runs a one-off command against the deployment's database, quietly, then closes it. */
export async function withVigie<T>(config: Config, work: (vigie: Vigie) => Promise<T>): Promise<T> {
  // Loaded here, not on import: `vigie hash` and `--help` must not load the whole server.
  const { createVigie } = await import('../main.js');
  // Warnings go to standard error: standard output is the command's answer (an id, a list), read by scripts.
  const vigie = await createVigie(config, { logger: createLogger('warn', process.stderr) });
  let refusal: Problem;
  try {
    return await work(vigie);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    refusal = error;
  } finally {
    await vigie.close();
  }
  // A refusal of the services (unknown account, last administrator…) is said in a line, not thrown as a stack.
  return fail(translate('en', refusal.options.detail ?? problemKinds[refusal.kind].title));
}

export function fail(message: string): never {
  process.stderr.write(`vigie: ${message}\n`);
  process.exit(1);
}

export const systemActor = { actorType: 'system', actorId: null } as const;
