import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerActions, rolesFor, staffRoles, type Action, type StaffRole } from '../src/platform/access/index.js';
import { buildHttpServer } from '../src/platform/http/index.js';
import { createLogger } from '../src/platform/logging/index.js';
import { createTestVigie, signInAs, type StaffSession, type TestVigie } from './support/app.js';

let t: TestVigie;
const sessions = new Map<StaffRole, StaffSession>();
let partnerKey: string;

beforeAll(async () => {
  t = await createTestVigie();
  for (const role of staffRoles) sessions.set(role, await signInAs(t, [role]));
  const { secret } = await t.vigie.identity.createApiKey(
    { actorType: 'system', actorId: null },
    { organisationId: t.organisationId, name: 'platform', scopes: partnerActions },
  );
  partnerKey = secret;
}, 120_000);
afterAll(() => t?.close());

function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, () => randomUUID());
}

describe('every route declares its access rule', () => {
  it('lists at least the identity routes, each public or bound to an action of the policy', () => {
    expect(t.vigie.routes.length).toBeGreaterThan(10);
    for (const route of t.vigie.routes) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('lists the administration edits with their own actions, held by the roles that hold the create actions', () => {
    const actionOf = (method: string, url: string) => {
      const route = t.vigie.routes.find((r) => r.method === method && r.url === url);
      return route && 'action' in route.access ? route.access.action : undefined;
    };
    expect(actionOf('PATCH', '/api/organisations/:id')).toBe('organisation.update');
    expect(actionOf('PATCH', '/api/users/:id/roles')).toBe('user.roles');
    expect(actionOf('PATCH', '/api/users/:id')).toBe('user.update');
    expect(actionOf('POST', '/api/users/:id/enable')).toBe('user.enable');
    expect(rolesFor('organisation.update')).toEqual(rolesFor('organisation.create'));
    expect(rolesFor('user.roles')).toEqual(rolesFor('user.create'));
    expect(rolesFor('user.update')).toEqual(rolesFor('user.create'));
    expect(rolesFor('user.enable')).toEqual(rolesFor('user.disable'));
  });

  it('refuses to register a route without a rule', async () => {
    const { app } = await buildHttpServer({
      logger: createLogger('silent'),
      bodyLimitBytes: 1024,
      trustProxy: false,
      requestsPerMinute: 10,
      authenticate: async () => null,
      isReady: async () => true,
      openapiInfo: { title: 't', version: '0' },
    });
    expect(() => app.get('/api/forgotten', async () => 'x')).toThrow(/declares no access rule/);
    await app.close();
  });
});

describe('route × role table', () => {
  // Signing out ends the session the next checks use, so it comes last.
  const signOutLast = (r: { method: string; url: string }) => (r.method === 'DELETE' && r.url === '/api/session' ? 1 : 0);
  const protectedRoutes = () =>
    t.vigie.routes
      .filter((r): r is typeof r & { access: { action: Action } } => 'action' in r.access)
      .sort((a, b) => signOutLast(a) - signOutLast(b));

  it('answers 401 to every protected route without credentials, and with a bad key or cookie', async () => {
    for (const route of protectedRoutes()) {
      const url = concrete(route.url);
      for (const headers of [{}, { authorization: 'Bearer vigie_not-a-key' }, { cookie: 'vigie_session=forged' }]) {
        const response = await t.vigie.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          payload: route.method === 'GET' ? undefined : {},
        });
        expect(response.statusCode, `${route.method} ${route.url} ${JSON.stringify(headers)}`).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
  });

  it('answers 403 to each role the policy does not list, and lets through each role it lists', async () => {
    const principals: [string, Record<string, string>, (action: Action) => boolean][] = [
      ...staffRoles.map((role): [string, Record<string, string>, (action: Action) => boolean] => [
        role,
        sessions.get(role)!.headers,
        (action) => rolesFor(action).includes(role),
      ]),
      ['partner', { authorization: `Bearer ${partnerKey}` }, (action) => rolesFor(action).includes('partner')],
    ];
    let checked = 0;
    for (const route of protectedRoutes()) {
      for (const [who, headers, allowed] of principals) {
        const response = await t.vigie.app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers,
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        const label = `${who} ${route.method} ${route.url} → ${response.statusCode}`;
        if (allowed(route.access.action)) expect([401, 403], label).not.toContain(response.statusCode);
        else expect(response.statusCode, label).toBe(403);
        checked += 1;
      }
    }
    expect(checked).toBe(protectedRoutes().length * (staffRoles.length + 1));
  }, 120_000);

  it('refuses an unsafe request carried by a session cookie without its anti-forgery token', async () => {
    const admin = await signInAs(t, ['administrator']);
    const response = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie: admin.cookie },
      payload: { name: 'Police unit', kind: 'police' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe('urn:vigie:problem:csrf');
    const withToken = await t.vigie.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin.headers,
      payload: { name: 'Police unit', kind: 'police' },
    });
    expect(withToken.statusCode).toBe(201);
  });
});
