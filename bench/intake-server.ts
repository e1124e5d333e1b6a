import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createVigie } from '../src/main.js';
import { loadConfig } from '../src/platform/config/index.js';

/**
 * The server side of the intake benchmark, in a process of its own so that the load
 * generator does not share its thread: a Vigie HTTP server (no job workers: the jobs the
 * intake enqueues wait in the queue), with one partner organisation and its API key. Prints
 * `{ port, secret }` as one JSON line when it listens, then serves until killed.
 */
const dir = await mkdtemp(path.join(tmpdir(), 'vigie-bench-intake-'));
const databaseUrl = process.env.BENCH_INTAKE_DATABASE_URL;
const config = loadConfig({
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  VIGIE_DATA_DIR: dir,
  VIGIE_LOG_LEVEL: 'silent',
  VIGIE_REQUESTS_PER_MINUTE: '100000000',
  VIGIE_PORT: '0',
});
const vigie = await createVigie(config, { workers: false });
const system = { actorType: 'system', actorId: null } as const;
const organisation = await vigie.identity.createOrganisation(system, { name: 'Bench platform', kind: 'partner' });
const { secret } = await vigie.identity.createApiKey(system, { organisationId: organisation.id, name: 'bench', scopes: ['report.submit'] });
await vigie.app.listen({ host: '127.0.0.1', port: 0 });
const address = vigie.app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
process.stdout.write(`${JSON.stringify({ port, secret, dataDir: dir })}\n`);
process.on('SIGTERM', () => {
  void vigie.close().then(() => process.exit(0));
});
