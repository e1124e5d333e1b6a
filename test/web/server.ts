import type { AddressInfo } from 'node:net';
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
