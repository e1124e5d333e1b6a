import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from './support/app.js';

let t: TestVigie;
let secret: string;
let keyId: string;

beforeAll(async () => {
  t = await createTestVigie();
  const system = { actorType: 'system', actorId: null } as const;
  const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Example Platform', kind: 'partner' });
  const created = await t.vigie.identity.createApiKey(system, { organisationId: organisation.id, name: 'k', scopes: ['partner.whoami'] });
  secret = created.secret;
  keyId = created.key.id;
}, 120_000);
afterAll(() => t?.close());

const whoami = (authorization: string) => t.vigie.app.inject({ method: 'GET', url: '/api/partner/whoami', headers: { authorization } });

describe('API keys looked up together', () => {
  it('authenticates concurrent requests each on its own key; a forged or unknown key fails alone', async () => {
    const forgedId = `vigie_${'-'.repeat(36)}_${'a'.repeat(43)}`;
    const unknown = `vigie_00000000-0000-4000-8000-000000000000_${'b'.repeat(43)}`;
    const wrongSecret = `vigie_${keyId}_${'c'.repeat(43)}`;
    const answers = await Promise.all([secret, forgedId, secret, unknown, wrongSecret, secret].map((key) => whoami(`Bearer ${key}`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 200, 401, 401, 200]);
  });

  it('sees a revocation on the very next request', async () => {
    expect((await whoami(`Bearer ${secret}`)).statusCode).toBe(200);
    await t.vigie.identity.revokeApiKey({ actorType: 'system', actorId: null }, keyId);
    expect((await whoami(`Bearer ${secret}`)).statusCode).toBe(401);
  });
});
