import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAudit } from '../src/platform/audit/index.js';
import { createTestVigie, signInAs, testPassword, type StaffSession, type TestVigie } from './support/app.js';

/** Editing an organisation and a user's roles, name and address, disabling and enabling, through the API, as an administrator. */
let t: TestVigie;
let admin: StaffSession;
beforeAll(async () => {
  t = await createTestVigie();
  admin = await signInAs(t, ['administrator']);
}, 60_000);
afterAll(() => t?.close());

const system = { actorType: 'system', actorId: null } as const;

async function patch(url: string, payload: unknown, session: StaffSession = admin) {
  return t.vigie.app.inject({ method: 'PATCH', url, headers: session.headers, payload: payload as Record<string, unknown> });
}

async function auditOf(subjectId: string, action: string) {
  await sealAudit(t.testStore.store.db);
  return t.testStore.store.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id', 'detail'])
    .where('subject_id', '=', subjectId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
}

function fieldsOf(body: { errors?: { pointer?: string }[] }): string[] {
  return (body.errors ?? []).map((error) => error.pointer ?? '').sort();
}

describe('PATCH /api/organisations/:id', () => {
  it('changes the name, kind and country, and audits the names of the fields changed', async () => {
    const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Unité (exemple)', kind: 'other' });
    const response = await patch(`/api/organisations/${organisation.id}`, {
      name: 'Brigade des mineurs (exemple)',
      kind: 'police',
      country: 'FR',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ id: organisation.id, name: 'Brigade des mineurs (exemple)', kind: 'police', country: 'FR' });
    const listed = await t.vigie.app.inject({ method: 'GET', url: '/api/organisations', headers: admin.headers });
    expect(listed.json()).toContainEqual({ id: organisation.id, name: 'Brigade des mineurs (exemple)', kind: 'police', country: 'FR' });

    // Only the country, back to none (an international body): the other fields stay.
    const cleared = await patch(`/api/organisations/${organisation.id}`, { country: null });
    expect(cleared.json()).toEqual({ id: organisation.id, name: 'Brigade des mineurs (exemple)', kind: 'police', country: null });

    const entries = await auditOf(organisation.id, 'organisation.update');
    expect(entries).toHaveLength(2);
    expect(entries.map((entry) => entry.actor_id)).toEqual([admin.userId, admin.userId]);
    expect(entries.map((entry) => (typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail))).toEqual([
      { fields: ['name', 'kind', 'country'] },
      { fields: ['country'] },
    ]);

    // The same values again change nothing and write no entry.
    expect((await patch(`/api/organisations/${organisation.id}`, { kind: 'police' })).statusCode).toBe(200);
    expect(await auditOf(organisation.id, 'organisation.update')).toHaveLength(2);
  });

  it('refuses invalid fields with a problem naming each, and an empty change', async () => {
    const organisation = await t.vigie.identity.createOrganisation(system, { name: 'Association (exemple)', kind: 'ngo' });
    const bad = await patch(`/api/organisations/${organisation.id}`, { name: '', kind: 'bakery', country: 'France', founded: 1990 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(bad.json())).toEqual(['#/country', '#/founded', '#/kind', '#/name']);
    const empty = await patch(`/api/organisations/${organisation.id}`, {});
    expect(empty.statusCode).toBe(400);
    const unchanged = await t.vigie.app.inject({ method: 'GET', url: '/api/organisations', headers: admin.headers });
    expect(unchanged.json()).toContainEqual({ id: organisation.id, name: 'Association (exemple)', kind: 'ngo', country: null });
  });

  it('answers 404 for an unknown organisation', async () => {
    const response = await patch(`/api/organisations/${randomUUID()}`, { name: 'Nulle part (exemple)' });
    expect(response.statusCode).toBe(404);
    expect(response.json().type).toBe('urn:vigie:problem:not-found');
  });

  it('is refused to a supervisor, who may only list organisations', async () => {
    const supervisor = await signInAs(t, ['supervisor']);
    const response = await patch(`/api/organisations/${t.organisationId}`, { name: 'Renamed (example)' }, supervisor);
    expect(response.statusCode).toBe(403);
  });
});

describe('PATCH /api/users/:id/roles', () => {
  it('gives a user new roles, audited with the old and new ones; the personal fields stay sealed', async () => {
    const user = await t.vigie.identity.createUser(system, {
      organisationId: t.organisationId,
      email: 'roles.target@example.org',
      name: 'Dominique Exemple',
      roles: ['analyst'],
      password: testPassword,
    });
    const sealedBefore = await t.testStore.store.db
      .selectFrom('users')
      .select(['email_sealed', 'name_sealed', 'email_index'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const response = await patch(`/api/users/${user.id}/roles`, { roles: ['senior_analyst', 'supervisor', 'supervisor'] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, roles: ['senior_analyst', 'supervisor'], disabled: false });
    expect(response.body).not.toContain('roles.target@example.org');

    const listed = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(listed.json()).toContainEqual(expect.objectContaining({ id: user.id, roles: ['senior_analyst', 'supervisor'] }));
    const sealedAfter = await t.testStore.store.db
      .selectFrom('users')
      .select(['email_sealed', 'name_sealed', 'email_index'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(sealedAfter).toEqual(sealedBefore);
    expect(JSON.stringify(sealedAfter)).not.toContain('Dominique');

    const entries = await auditOf(user.id, 'user.roles');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_id).toBe(admin.userId);
    const detail = typeof entries[0]!.detail === 'string' ? JSON.parse(entries[0]!.detail) : entries[0]!.detail;
    expect(detail).toEqual({ before: ['analyst'], after: ['senior_analyst', 'supervisor'] });
    expect(JSON.stringify(detail)).not.toContain('example.org');
  });

  it('refuses unknown roles, no roles and extra fields with a problem naming them', async () => {
    const target = await signInAs(t, ['analyst']);
    const unknown = await patch(`/api/users/${target.userId}/roles`, { roles: ['analyst', 'superuser'] });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.json())).toEqual(['#/roles/1']);
    const none = await patch(`/api/users/${target.userId}/roles`, { roles: [] });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none.json())).toEqual(['#/roles']);
    const extra = await patch(`/api/users/${target.userId}/roles`, { roles: ['analyst'], email: 'other@example.org' });
    expect(extra.statusCode).toBe(400);
    expect(fieldsOf(extra.json())).toEqual(['#/email']);
    const missing = await patch(`/api/users/${target.userId}/roles`, {});
    expect(fieldsOf(missing.json())).toEqual(['#/roles']);
    const badId = await patch('/api/users/not-a-uuid/roles', { roles: ['analyst'] });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([expect.objectContaining({ in: 'path', parameter: 'id' })]);
  });

  it('answers 404 for an unknown user', async () => {
    const response = await patch(`/api/users/${randomUUID()}/roles`, { roles: ['analyst'] });
    expect(response.statusCode).toBe(404);
  });

  it('takes effect at the user’s next request: a role removed no longer opens its routes', async () => {
    const supervisor = await signInAs(t, ['supervisor']);
    const before = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: supervisor.headers });
    expect(before.statusCode).toBe(200);
    expect((await patch(`/api/users/${supervisor.userId}/roles`, { roles: ['statistician'] })).statusCode).toBe(200);
    const after = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: supervisor.headers });
    expect(after.statusCode).toBe(403);
    const session = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: supervisor.headers });
    expect(session.json().user.roles).toEqual(['statistician']);
    expect(session.json().allowedActions).not.toContain('user.list');

    // And a role given opens its routes at once, in the same session.
    expect((await patch(`/api/users/${supervisor.userId}/roles`, { roles: ['administrator'] })).statusCode).toBe(200);
    const promoted = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: supervisor.headers });
    expect(promoted.statusCode).toBe(200);
    expect((await patch(`/api/users/${supervisor.userId}/roles`, { roles: ['analyst'] })).statusCode).toBe(200);
  });
});

describe('PATCH /api/users/:id', () => {
  const signIn = (email: string) => t.vigie.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: testPassword } });

  it('corrects the name and the e-mail address: sealed again, signs in with the new address only, audited by field names', async () => {
    const user = await t.vigie.identity.createUser(system, {
      organisationId: t.organisationId,
      email: 'camille.ancien@example.org',
      name: 'Camille Ancien',
      roles: ['analyst'],
      password: testPassword,
    });
    const sealedOf = () =>
      t.testStore.store.db
        .selectFrom('users')
        .select(['email_sealed', 'name_sealed', 'email_index'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
    const before = await sealedOf();
    const response = await patch(`/api/users/${user.id}`, { name: 'Camille Nouveau', email: 'Camille.Nouveau@Example.org' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: user.id, roles: ['analyst'], disabled: false });
    expect(response.body).not.toContain('Nouveau');
    const after = await sealedOf();
    for (const column of ['email_sealed', 'name_sealed', 'email_index'] as const) expect(after[column]).not.toEqual(before[column]);
    expect(JSON.stringify(after)).not.toMatch(/Nouveau|nouveau/);

    const read = await t.vigie.app.inject({ method: 'GET', url: `/api/users/${user.id}/personal-data`, headers: admin.headers });
    expect(read.json()).toEqual({ name: 'Camille Nouveau', email: 'camille.nouveau@example.org' });
    expect((await signIn('camille.nouveau@example.org')).statusCode).toBe(200);
    expect((await signIn('camille.ancien@example.org')).statusCode).toBe(401);

    const entries = await auditOf(user.id, 'user.update');
    expect(entries).toHaveLength(1);
    const detail = typeof entries[0]!.detail === 'string' ? JSON.parse(entries[0]!.detail) : entries[0]!.detail;
    expect(detail).toEqual({ fields: ['email', 'name'] });

    // The same values again (the address in another case): nothing written, nothing audited.
    expect((await patch(`/api/users/${user.id}`, { name: 'Camille Nouveau', email: 'CAMILLE.NOUVEAU@example.org' })).statusCode).toBe(200);
    expect(await auditOf(user.id, 'user.update')).toHaveLength(1);
    // Only the name: the address stays.
    expect((await patch(`/api/users/${user.id}`, { name: 'Camille Exemple' })).statusCode).toBe(200);
    const renamed = await t.vigie.app.inject({ method: 'GET', url: `/api/users/${user.id}/personal-data`, headers: admin.headers });
    expect(renamed.json()).toEqual({ name: 'Camille Exemple', email: 'camille.nouveau@example.org' });
  });

  it('refuses an address another account uses (409 naming /email), bad fields and an empty change (400 naming each)', async () => {
    const first = await t.vigie.identity.createUser(system, {
      organisationId: t.organisationId,
      email: 'premier.compte@example.org',
      name: 'Premier Exemple',
      roles: ['analyst'],
      password: testPassword,
    });
    await t.vigie.identity.createUser(system, {
      organisationId: t.organisationId,
      email: 'second.compte@example.org',
      name: 'Second Exemple',
      roles: ['analyst'],
      password: testPassword,
    });
    const taken = await patch(`/api/users/${first.id}`, { email: 'Second.Compte@example.org' });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(taken.json())).toEqual(['#/email']);
    const bad = await patch(`/api/users/${first.id}`, { email: 'pas une adresse', name: '' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(['#/email', '#/name']);
    const extra = await patch(`/api/users/${first.id}`, { name: 'Premier Exemple', roles: ['administrator'] });
    expect(fieldsOf(extra.json())).toEqual(['#/roles']);
    const empty = await patch(`/api/users/${first.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect((await patch(`/api/users/${randomUUID()}`, { name: 'Personne' })).statusCode).toBe(404);
    expect(await auditOf(first.id, 'user.update')).toHaveLength(0);
  });

  it('is refused to a supervisor, who may only list accounts', async () => {
    const supervisor = await signInAs(t, ['supervisor']);
    const response = await patch(`/api/users/${supervisor.userId}`, { name: 'Autre Nom' }, supervisor);
    expect(response.statusCode).toBe(403);
  });
});

describe('disabling and enabling an account', () => {
  const post = (url: string, session: StaffSession = admin) => t.vigie.app.inject({ method: 'POST', url, headers: session.headers });

  it('ends the sessions, refuses sign-in; enabling lets the same password in again; each audited once', async () => {
    const person = await signInAs(t, ['analyst']);
    expect((await post(`/api/users/${person.userId}/disable`)).statusCode).toBe(204);
    expect((await post(`/api/users/${person.userId}/disable`)).statusCode).toBe(204);
    expect(await auditOf(person.userId, 'user.disable')).toHaveLength(1);
    const ended = await t.vigie.app.inject({ method: 'GET', url: '/api/session', headers: person.headers });
    expect(ended.statusCode).toBe(401);
    const email = (await t.vigie.identity.readUserPersonalData(system, person.userId)).email;
    const signIn = () => t.vigie.app.inject({ method: 'POST', url: '/api/session', payload: { email, password: testPassword } });
    expect((await signIn()).statusCode).toBe(401);

    expect((await post(`/api/users/${person.userId}/enable`)).statusCode).toBe(204);
    expect((await post(`/api/users/${person.userId}/enable`)).statusCode).toBe(204);
    expect(await auditOf(person.userId, 'user.enable')).toHaveLength(1);
    expect((await signIn()).statusCode).toBe(200);
    const listed = await t.vigie.app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(listed.json()).toContainEqual(expect.objectContaining({ id: person.userId, disabled: false }));
    expect((await post(`/api/users/${randomUUID()}/enable`)).statusCode).toBe(404);
    expect((await post(`/api/users/${person.userId}/enable`, await signInAs(t, ['supervisor']))).statusCode).toBe(403);
  });
});

describe('the last active administrator', () => {
  it('holds when two administrators remove each other at the same moment: one succeeds, the other is refused, none fails', async () => {
    const fresh = await createTestVigie();
    try {
      for (let round = 0; round < 5; round += 1) {
        const [first, second] = await Promise.all([signInAs(fresh, ['administrator']), signInAs(fresh, ['administrator'])]);
        const others = (await fresh.vigie.identity.listUsers()).filter(
          (user) => user.roles.includes('administrator') && !user.disabled && user.id !== first!.userId && user.id !== second!.userId,
        );
        for (const other of others) await fresh.vigie.identity.disableUser(system, other.id);
        const [demoted, disabled] = await Promise.all([
          fresh.vigie.app.inject({
            method: 'PATCH',
            url: `/api/users/${second!.userId}/roles`,
            headers: first!.headers,
            payload: { roles: ['analyst'] },
          }),
          fresh.vigie.app.inject({ method: 'POST', url: `/api/users/${first!.userId}/disable`, headers: second!.headers }),
        ]);
        // The loser is refused as the last administrator (409), or no longer allowed (403) or
        // signed out (401) when the winner's change came first; never a failure of the server.
        const succeeded = [demoted.statusCode === 200, disabled.statusCode === 204];
        expect(succeeded.filter(Boolean), `${demoted.statusCode} ${disabled.statusCode}`).toHaveLength(1);
        for (const answer of [demoted, disabled]) expect([200, 204, 401, 403, 409], answer.body).toContain(answer.statusCode);
      }
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('keeps the administrator role: 409 naming the roles field, until another administrator exists', async () => {
    const fresh = await createTestVigie();
    try {
      const only = await signInAs(fresh, ['administrator', 'supervisor']);
      const disabledAdmin = await fresh.vigie.identity.createUser(system, {
        organisationId: fresh.organisationId,
        email: 'former.admin@example.org',
        name: 'Claude Exemple',
        roles: ['administrator'],
        password: testPassword,
      });
      await fresh.vigie.identity.disableUser(system, disabledAdmin.id);
      const change = (session: StaffSession, userId: string, roles: string[]) =>
        fresh.vigie.app.inject({ method: 'PATCH', url: `/api/users/${userId}/roles`, headers: session.headers, payload: { roles } });

      // A disabled administrator does not count.
      const refused = await change(only, only.userId, ['supervisor']);
      expect(refused.statusCode).toBe(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = refused.json();
      expect(problem.type).toBe('urn:vigie:problem:conflict');
      expect(problem.errors).toEqual([expect.objectContaining({ in: 'body', pointer: '#/roles' })]);
      expect(problem.detail).toMatch(/administrator/);
      const inFrench = await fresh.vigie.app.inject({
        method: 'PATCH',
        url: `/api/users/${only.userId}/roles`,
        headers: { ...only.headers, 'accept-language': 'fr' },
        payload: { roles: ['supervisor'] },
      });
      expect(inFrench.json().detail).toMatch(/administrateur/);
      // Keeping the administrator role while changing the others is allowed.
      expect((await change(only, only.userId, ['administrator'])).statusCode).toBe(200);

      const second = await signInAs(fresh, ['analyst']);
      expect((await change(only, second.userId, ['administrator'])).statusCode).toBe(200);
      const stepDown = await change(only, only.userId, ['supervisor']);
      expect(stepDown.statusCode).toBe(200);
      // The one who stepped down is no longer an administrator at the next request.
      expect((await change(only, second.userId, ['analyst'])).statusCode).toBe(403);
      // And the one left cannot remove their own role either.
      expect((await change(second, second.userId, ['analyst'])).statusCode).toBe(409);
      expect(
        await fresh.testStore.store.db.selectFrom('users').select('roles').where('id', '=', second.userId).executeTakeFirstOrThrow(),
      ).toEqual({
        roles: ['administrator'],
      });

      // Nor disable their own account: 409, in the reader's language, and the account stays active.
      const disable = (session: StaffSession, userId: string, language: string) =>
        fresh.vigie.app.inject({
          method: 'POST',
          url: `/api/users/${userId}/disable`,
          headers: { ...session.headers, 'accept-language': language },
        });
      const selfDisable = await disable(second, second.userId, 'en');
      expect(selfDisable.statusCode).toBe(409);
      expect(selfDisable.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(selfDisable.json().detail).toMatch(/before disabling/);
      expect((await disable(second, second.userId, 'fr')).json().detail).toMatch(/avant de désactiver/);
      expect((await fresh.vigie.app.inject({ method: 'GET', url: '/api/session', headers: second.headers })).statusCode).toBe(200);
      // Once the disabled administrator is enabled again, either may be disabled.
      await fresh.vigie.identity.enableUser(system, disabledAdmin.id);
      expect((await disable(second, second.userId, 'en')).statusCode).toBe(204);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
