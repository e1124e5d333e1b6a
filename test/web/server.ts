import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createTestVigie, type TestVigie } from '../support/app.js';

export interface ListeningVigie {
  t: TestVigie;
  baseUrl: string;
  close(): Promise<void>;
}

/** A whole Vigie on its own database, listening on a free port of 127.0.0.1, for the browser. */
export async function startListeningVigie(env: Record<string, string> = {}): Promise<ListeningVigie> {
  const t = await createTestVigie({ VIGIE_CHALLENGE_MAX_NUMBER: '300', ...env });
  await t.vigie.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.vigie.app.server.address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export function hasRoute(t: TestVigie, method: string, url: string): boolean {
  return t.vigie.routes.some((route) => route.method === method && route.url === url);
}

/** Audit entries of an action, chained or still waiting for the sealer. */
export async function auditCount(t: TestVigie, action: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from audit_log where action = ${action})::int
         + (select count(*) from audit_pending where action = ${action})::int as n`.execute(t.vigie.store.db);
  return rows[0]?.n ?? 0;
}
