import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Type } from 'typebox';
import { createVigie } from '../src/main.js';
import { partnerActions } from '../src/platform/access/index.js';
import { loadConfig } from '../src/platform/config/index.js';

/**
 * The cost of Vigie's API stack: a partner route that authenticates an API key, validates a
 * JSON body against its schema and writes an audit entry in a transaction, against a bare
 * public route of the same server (no authentication, no body, no database).
 */
export interface StackResult {
  store: string;
  bare: { requestsPerSecond: number; p50: number; p99: number };
  stack: { requestsPerSecond: number; p50: number; p99: number };
  ratio: number;
}

const Body = Type.Object(
  {
    reference: Type.String({ minLength: 1, maxLength: 64 }),
    category: Type.Enum(['csam', 'grooming', 'sextortion', 'trafficking']),
    urls: Type.Array(Type.String({ format: 'uri', maxLength: 2048 }), { maxItems: 20 }),
    receivedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

function summary(result: autocannon.Result) {
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function benchApiStack(options: { seconds: number; connections: number; databaseUrl?: string }): Promise<StackResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigie-bench-'));
  const config = loadConfig({
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    VIGIE_DATA_DIR: dir,
    VIGIE_LOG_LEVEL: 'silent',
    VIGIE_REQUESTS_PER_MINUTE: '100000000',
    VIGIE_PORT: '0',
  });
  const vigie = await createVigie(config, {
    extraRoutes(app, { audit }) {
      app.get('/bench/bare', { config: { access: { public: true } } }, async () => ({ ok: true }));
      app.post('/bench/stack', { config: { access: { action: 'partner.whoami' } }, schema: { body: Body } }, async (request) => {
        const principal = request.principal!;
        await vigie.store.db
          .transaction()
          .execute((trx) =>
            audit(
              trx,
              { actorType: 'api_key', actorId: principal.kind === 'api_key' ? principal.keyId : null, requestId: request.id },
              { action: 'bench.stack', subjectType: 'bench', subjectId: request.body.reference },
            ),
          );
        return { ok: true };
      });
    },
  });
  try {
    const organisation = await vigie.identity.createOrganisation(
      { actorType: 'system', actorId: null },
      { name: 'Bench', kind: 'partner' },
    );
    const { secret } = await vigie.identity.createApiKey(
      { actorType: 'system', actorId: null },
      { organisationId: organisation.id, name: 'bench', scopes: partnerActions },
    );
    await vigie.app.listen({ host: '127.0.0.1', port: 0 });
    const address = vigie.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const run = (opts: autocannon.Options) => autocannon({ duration: options.seconds, connections: options.connections, ...opts });
    await run({ url: `http://127.0.0.1:${port}/bench/bare`, duration: 1 });
    const bare = await run({ url: `http://127.0.0.1:${port}/bench/bare` });
    const body = JSON.stringify({
      reference: 'bench-0001',
      category: 'csam',
      urls: ['https://content.example.org/a/1', 'https://content.example.org/b/2'],
      receivedAt: '2026-11-22T10:00:00Z',
    });
    const stack = await run({
      url: `http://127.0.0.1:${port}/bench/stack`,
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body,
    });
    if (stack.non2xx > 0 || bare.non2xx > 0) throw new Error(`benchmark saw errors: stack ${stack.non2xx}, bare ${bare.non2xx}`);
    const b = summary(bare);
    const s = summary(stack);
    return { store: vigie.store.kind, bare: b, stack: s, ratio: b.requestsPerSecond / s.requestsPerSecond };
  } finally {
    await vigie.close();
    await rm(dir, { recursive: true, force: true });
  }
}
